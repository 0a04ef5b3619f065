using Plusflat.Web.Components;
using Plusflat.Web.Tenancy;
using Serilog;

namespace Plusflat.Web.Startup;

/// <summary>The request pipeline: proxy headers, request log, error pages, security headers, localization, auth, tenancy, endpoints.</summary>
public static class Pipeline
{
    public static WebApplication UsePlusflat(this WebApplication app)
    {
        UseProxyHeaders(app);

        // First, so it logs the final status — also of requests that failed and were handled below. Invitation
        // tokens in the path are masked by the RedactInvitationTokens enricher; static files are not logged.
        app.UseSerilogRequestLogging(options => options.GetLevel = (context, _, exception) =>
            exception is not null || context.Response.StatusCode >= 500 ? Serilog.Events.LogEventLevel.Error
            : IsStaticAsset(context) ? Serilog.Events.LogEventLevel.Verbose
            : Serilog.Events.LogEventLevel.Information);
        if (!app.Environment.IsDevelopment())
        {
            // The API answers a failure with problem details; pages show the friendly error page.
            app.UseWhen(IsApi, branch => branch.UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandler = context => Results.Problem(
                    statusCode: StatusCodes.Status500InternalServerError,
                    title: "Er ging iets mis. Probeer het later opnieuw.").ExecuteAsync(context),
            }));
            app.UseWhen(context => !IsApi(context), branch => branch.UseExceptionHandler("/fout", createScopeForErrors: true));
            app.UseHsts();
        }

        // GET requests re-execute the friendly error page. A POST (e.g. a rate-limited sign-in) cannot be re-run
        // through a form page — it would fail the antiforgery check with 400 — so it gets a small page of its own.
        app.UseWhen(
            context => HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method),
            branch => branch.UseStatusCodePagesWithReExecute("/fout/{0}", queryFormat: null, createScopeForStatusCodePages: true));
        app.UseWhen(
            context => !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method),
            branch => branch.UseStatusCodePages(async context =>
            {
                var status = context.HttpContext.Response.StatusCode;
                if (status == StatusCodes.Status429TooManyRequests)
                {
                    // The rate-limited sign-in: the portal's own page, rendered as a GET (no form, no antiforgery check).
                    await StatusPages.ReExecuteAsGetAsync(context, "/account/te-veel-pogingen");
                    return;
                }

                var message = status switch
                {
                    StatusCodes.Status429TooManyRequests => "Te veel pogingen. Wacht een minuut en probeer het dan opnieuw.",
                    StatusCodes.Status403Forbidden => "Je rol in deze omgeving geeft geen toegang tot deze actie.",
                    StatusCodes.Status404NotFound => "Deze pagina bestaat niet, of je hebt er geen toegang toe.",
                    _ => "Het formulier was verlopen of onvolledig. Ga terug, laad de pagina opnieuw en probeer het nog eens.",
                };
                context.HttpContext.Response.ContentType = "text/html; charset=utf-8";
                await context.HttpContext.Response.WriteAsync(
                    $"<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\"><title>Plusflat portal</title>" +
                    $"<link rel=\"stylesheet\" href=\"/css/site.css\"></head><body><header class=\"pf-account-bar\"><a class=\"pf-brand\" href=\"/\">Plusflat portal</a></header><main class=\"pf-account-main\"><div>" +
                    $"<h1>{status}</h1><p>{message}</p><p><a href=\"/\">Naar de startpagina</a></p></div></main></body></html>");
            }));
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseRequestLocalization();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseMiddleware<TenantMiddleware>();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapStaticAssets().AllowAnonymous();
        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapAccountEndpoints();
        app.MapFeatureApis();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }

    /// <summary>
    /// Behind a TLS-terminating proxy, take the client address and scheme from X-Forwarded-For/-Proto —
    /// only from the proxies named in ForwardedHeaders:KnownProxies (loopback always counts). Without it the
    /// sign-in rate limit would count every user as the proxy, and invitation links would say http.
    /// </summary>
    private static void UseProxyHeaders(WebApplication app)
    {
        if (!app.Configuration.GetValue("ForwardedHeaders:Enabled", false))
        {
            return;
        }

        var options = new ForwardedHeadersOptions
        {
            ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto,
        };
        foreach (var proxy in (app.Configuration["ForwardedHeaders:KnownProxies"] ?? "")
                     .Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            options.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
        }

        app.UseForwardedHeaders(options);
    }

    private static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    private static bool IsStaticAsset(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/_content") || context.Request.Path.StartsWithSegments("/_framework")
        || context.Request.Path.StartsWithSegments("/css") || context.Request.Path.StartsWithSegments("/js");
}
