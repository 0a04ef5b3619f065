using System.Security.Claims;
using Microsoft.AspNetCore.Diagnostics;
using Plusflat.Infrastructure.Tenancy;

namespace Plusflat.Web.Tenancy;

/// <summary>
/// Resolves <c>{tenant}</c> from the route for every HTTP request (API calls, page loads and their prerender)
/// and checks the signed-in user's membership in it. Deny by default: no membership (or no such tenant)
/// answers 404, so a URL never reveals whether another tenant exists. Permissions are authorization
/// policies (<see cref="RequirePermissionAttribute"/>), checked after this by the authorization middleware;
/// inside a circuit, where no request runs per click, <c>TenantRouteView</c> does the same per navigation.
/// </summary>
public sealed class TenantMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, TenantResolver resolver, TenantScope scope, CurrentTenant current)
    {
        if (UserIdOf(context.User) is { } uid)
        {
            scope.SetUser(uid);
        }

        if (context.GetRouteValue("tenant") is not string slug)
        {
            // A re-executed error page (/fout/403 for /{tenant}/...) renders in a scope of its own: resolve the
            // original URL's tenant once more, so the page keeps that tenant's navigation (members only).
            if (context.Features.Get<IStatusCodeReExecuteFeature>() is { } reExecuted
                && reExecuted.OriginalPath.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() is { } original
                && await resolver.ResolveAsync(original, context.User, context.RequestAborted) is { } originalAccess)
            {
                current.Set(originalAccess);
            }

            await next(context);
            return;
        }

        if (context.GetEndpoint()?.Metadata.GetMetadata<PublicTenantPageAttribute>() is not null)
        {
            // Unknown tenant: the page answers exactly as for an unknown token (404, same text).
            if (await resolver.FindPublicAsync(slug, context.User, context.RequestAborted) is not { } publicTenant)
            {
                await DenyAsync(context, StatusCodes.Status404NotFound);
                return;
            }

            current.Set(publicTenant);
            await next(context);
            return;
        }

        if (UserIdOf(context.User) is null)
        {
            // Not signed in: the authorization middleware challenges (sign-in page, or 401 for the API).
            await next(context);
            return;
        }

        if (await resolver.ResolveAsync(slug, context.User, context.RequestAborted) is not { } access)
        {
            await DenyAsync(context, StatusCodes.Status404NotFound);
            return;
        }

        current.Set(access);
        try
        {
            await next(context);
        }
        catch (ForbiddenException) when (!context.Response.HasStarted)
        {
            context.Response.Clear();
            await DenyAsync(context, StatusCodes.Status403Forbidden);
        }
    }

    /// <summary>The API answers with problem details; pages get the friendly error page (status code re-execution).</summary>
    public static async Task DenyAsync(HttpContext context, int status)
    {
        context.Response.StatusCode = status;
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            await Results.Problem(statusCode: status).ExecuteAsync(context);
        }
    }

    public static Guid? UserIdOf(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id)
            ? id
            : null;
}
