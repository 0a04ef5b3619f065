using System.Globalization;
using System.Threading.RateLimiting;
using FluentValidation;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Plusflat.Infrastructure;
using Plusflat.Infrastructure.Database;
using Plusflat.Infrastructure.Demo;
using Plusflat.Infrastructure.Identity;
using Plusflat.Infrastructure.Persistence;
using Plusflat.Web.Components;
using Plusflat.Web.Features.Members;
using Plusflat.Web.Tenancy;
using Serilog;
using Serilog.Formatting.Json;
using MudBlazor.Services;

namespace Plusflat.Web.Startup;

public static class PlusflatStartup
{
    public static readonly CultureInfo[] Cultures = [new("nl-NL"), new("en-GB")];

    public static void ConfigurePlusflatLogging(this WebApplicationBuilder builder)
    {
        var configuration = new LoggerConfiguration()
            .ReadFrom.Configuration(builder.Configuration)
            .Enrich.FromLogContext()
            .Enrich.With<RedactInvitationTokens>();
        configuration = builder.Environment.IsDevelopment()
            ? configuration.WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}")
            : configuration.WriteTo.Console(new JsonFormatter(renderMessage: true));
        Log.Logger = configuration.CreateLogger();
        builder.Logging.ClearProviders();
        builder.Services.AddSerilog(Log.Logger, dispose: false);
    }

    public static IServiceCollection AddPlusflat(
        this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment, DatabaseConnection database)
    {
        services.AddSingleton(database);
        services.AddSingleton(TimeProvider.System);
        services.AddPlusflatPersistence(database.AppConnectionString);

        services.AddIdentityCore<PlusflatUser>(options =>
            {
                options.Password.RequiredLength = 10;
                options.Password.RequireNonAlphanumeric = false;
                options.User.RequireUniqueEmail = true;
                // The e-mail address is the user name: allow every character an address may contain (o'brien@…, josé@…).
                options.User.AllowedUserNameCharacters = "";
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddSignInManager()
            .AddEntityFrameworkStores<PlusflatDbContext>()
            .AddErrorDescriber<DutchIdentityErrorDescriber>()
            .AddDefaultTokenProviders();
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        // The cookie's security stamp is checked on every request: signing out (which renews the stamp), a
        // password change or a removed membership ends every copy of the cookie at once.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.Zero);
        services.AddCascadingAuthenticationState();
        services.AddScoped<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/account/inloggen";
            options.LogoutPath = "/account/uitloggen";
            options.AccessDeniedPath = "/fout/403";
            options.Cookie.Name = "plusflat.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = environment.IsDevelopment() || environment.IsEnvironment("Testing")
                ? CookieSecurePolicy.SameAsRequest
                : CookieSecurePolicy.Always;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            options.Events.OnRedirectToLogin = context => ApiAwareRedirect(context, StatusCodes.Status401Unauthorized);
            // A member without the permission gets 403 where they are (the friendly page for a page, problem details for the API).
            options.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPermissionPolicies();
        services.AddScoped<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, PermissionHandler>();

        // Several instances share cookies through keys kept in PostgreSQL.
        services.AddDataProtection().SetApplicationName("Plusflat").PersistKeysToDbContext<PlusflatDbContext>();

        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(Cultures[0]);
            options.SupportedCultures = Cultures;
            options.SupportedUICultures = Cultures;
            options.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });

        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                IsSignInPost(context)
                    ? RateLimitPartition.GetFixedWindowLimiter(
                        context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => new FixedWindowRateLimiterOptions
                        {
                            PermitLimit = configuration.GetValue("RateLimit:SignInPerMinute", 10),
                            Window = TimeSpan.FromMinutes(1),
                            QueueLimit = 0,
                        })
                    : RateLimitPartition.GetNoLimiter("other"));
        });

        services.AddRazorComponents()
            .AddInteractiveServerComponents(options =>
            {
                // Production-safe circuits: details of a failure only in Development; a bounded number of
                // disconnected circuits, kept long enough to come back after a dropped connection.
                options.DetailedErrors = environment.IsDevelopment();
                options.DisconnectedCircuitMaxRetained = 100;
                options.DisconnectedCircuitRetentionPeriod = TimeSpan.FromMinutes(3);
                options.JSInteropDefaultCallTimeout = TimeSpan.FromMinutes(1);
                options.MaxBufferedUnacknowledgedRenderBatches = 10;
            })
            .AddHubOptions(options => options.MaximumReceiveMessageSize = 64 * 1024);
        services.AddMudServices(options =>
        {
            options.SnackbarConfiguration.PositionClass = MudBlazor.Defaults.Classes.Position.BottomRight;
            options.SnackbarConfiguration.VisibleStateDuration = 6000;
        });
        services.AddAntiforgery(options => options.Cookie.Name = "plusflat.af");
        services.AddHttpContextAccessor();
        services.AddProblemDetails();
        services.AddOpenApi();
        services.AddHealthChecks().AddDbContextCheck<PlusflatDbContext>("database");
        services.AddScoped<CurrentTenant>();
        services.AddScoped<TenantResolver>();
        services.AddScoped<UserDirectory>();
        services.AddSingleton<IInvitationSender, LoggingInvitationSender>();
        services.AddSingleton<IDemoTenantContent, DemoProgrammeContent>();
        services.AddValidatorsFromAssemblyContaining<Program>(ServiceLifetime.Singleton, includeInternalTypes: true);
        services.AddFeatureHandlers();
        return services;
    }

    public static async Task MigrateAsync(DatabaseConnection database, Microsoft.Extensions.Logging.ILogger logger)
    {
        if (database.OwnerConnectionString is null)
        {
            logger.LogWarning("ConnectionStrings:PlusflatOwner is not set: migrations are not applied by this instance.");
            return;
        }

        var migrator = new Migrator(database.OwnerConnectionString, DatabaseSetup.AppRoleOf(database.AppConnectionString), logger);
        await migrator.MigrateAsync();
    }

    public static async Task PreparePlusflatDatabaseAsync(this WebApplication app, DatabaseConnection database, Microsoft.Extensions.Logging.ILogger logger)
    {
        if (app.Configuration.GetValue("Database:MigrateOnStartup", true))
        {
            await MigrateAsync(database, logger);
        }

        // Demo data only outside Production, and only when asked for (Development and the embedded default ask).
        var seed = !app.Environment.IsProduction()
                   && (database.IsEmbedded || app.Configuration.GetValue("Demo:Seed", false));
        if (seed)
        {
            await DemoSeeder.SeedAsync(app.Services, logger);
        }
    }

    public static void PrintWelcome(this WebApplication app, DatabaseConnection database)
    {
        var url = app.Urls.FirstOrDefault() ?? "http://localhost:5080";
        var lines = new List<string>
        {
            "",
            $"  Plusflat portal runs on {url}",
            database.IsEmbedded ? $"  Database: embedded PostgreSQL in {database.Embedded!.DataDirectory} (port {database.Embedded.Port})" : "  Database: configured server",
        };
        if (!app.Environment.IsProduction() && database.IsEmbedded)
        {
            lines.Add($"  Demo accounts (password {DemoSeeder.DemoPassword}):");
            lines.AddRange(DemoSeeder.Accounts.Select(a => $"    {a.Email,-40} {a.Description}"));
        }

        lines.Add("  Stop with Ctrl+C.");
        Console.WriteLine(string.Join(Environment.NewLine, lines));
    }

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
            branch => branch.UseStatusCodePagesWithReExecute("/fout/{0}", queryFormat: null, createScopeForStatusCodePages: false));
        app.UseWhen(
            context => !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method),
            branch => branch.UseStatusCodePages(async context =>
            {
                var status = context.HttpContext.Response.StatusCode;
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

    private static bool IsSignInPost(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method)
        && context.Request.Path.StartsWithSegments("/account/inloggen", StringComparison.OrdinalIgnoreCase);

    private static Task ApiAwareRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    private static bool IsStaticAsset(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/_content") || context.Request.Path.StartsWithSegments("/_framework")
        || context.Request.Path.StartsWithSegments("/css") || context.Request.Path.StartsWithSegments("/js");
}
