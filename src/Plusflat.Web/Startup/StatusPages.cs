using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;

namespace Plusflat.Web.Startup;

/// <summary>Re-running a page for an error status of a POST.</summary>
public static class StatusPages
{
    /// <summary>
    /// Like <c>UseStatusCodePagesWithReExecute</c>, but as a GET: a form page re-run as a POST would read the
    /// form and refuse it for its antiforgery token. In a fresh DI scope; the status code stays.
    /// </summary>
    public static async Task ReExecuteAsGetAsync(StatusCodeContext context, string path)
    {
        var http = context.HttpContext;
        var status = http.Response.StatusCode;
        var request = http.Request;
        var (originalPath, originalQuery, originalMethod, originalServices) = (request.Path, request.QueryString, request.Method, http.RequestServices);
        var routeValues = http.Features.Get<IRouteValuesFeature>();
        http.SetEndpoint(null);
        if (routeValues is not null)
        {
            routeValues.RouteValues = null!;
        }

        http.Features.Set<IStatusCodeReExecuteFeature>(new StatusCodeReExecuteFeature
        {
            OriginalPath = originalPath.Value ?? "",
            OriginalPathBase = request.PathBase.Value ?? "",
            OriginalQueryString = originalQuery.HasValue ? originalQuery.Value : null,
        });
        request.Method = HttpMethods.Get;
        request.Path = path;
        request.QueryString = QueryString.Empty;
        request.ContentType = null;
        request.ContentLength = 0;
        await using var scope = http.RequestServices.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        http.RequestServices = scope.ServiceProvider;
        try
        {
            await context.Next(http);
        }
        finally
        {
            http.RequestServices = originalServices;
            request.Method = originalMethod;
            request.Path = originalPath;
            request.QueryString = originalQuery;
            http.Features.Set<IStatusCodeReExecuteFeature?>(null);
        }
    }
}
