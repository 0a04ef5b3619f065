using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Plusflat.Domain.Tenancy;
using Plusflat.Infrastructure.Persistence;
using Plusflat.Infrastructure.Tenancy;

namespace Plusflat.Web.Tenancy;

/// <summary>
/// Resolves <c>{tenant}</c> from the route and checks the signed-in user's membership in it.
/// Deny by default: no membership (or no such tenant) answers 404, so a URL never reveals whether
/// another tenant exists; a member without the page's permission gets 403.
/// </summary>
public sealed class TenantMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, PlusflatDbContext db, TenantScope scope, CurrentTenant current)
    {
        var userId = UserIdOf(context.User);
        if (userId is { } uid)
        {
            scope.SetUser(uid);
        }

        if (context.GetRouteValue("tenant") is not string slug)
        {
            await next(context);
            return;
        }

        var endpoint = context.GetEndpoint();
        var tenant = await db.Tenants.AsNoTracking()
            .Where(t => t.Slug == slug)
            .Select(t => new { t.Id, t.Slug, t.Name, t.Kind })
            .FirstOrDefaultAsync(context.RequestAborted);

        if (endpoint?.Metadata.GetMetadata<PublicTenantPageAttribute>() is not null)
        {
            if (tenant is null)
            {
                // The page answers exactly as for an unknown token (404, same text): it must not reveal which tenants exist.
                await next(context);
                return;
            }

            scope.EnterTenant(tenant.Id);
            current.Set(tenant.Id, tenant.Slug, tenant.Name, tenant.Kind, userId ?? Guid.Empty, []);
            await next(context);
            return;
        }

        if (userId is null)
        {
            // Not signed in: the authorization middleware challenges (sign-in page, or 401 for the API).
            await next(context);
            return;
        }

        List<TenantRole> roles = tenant is null
            ? []
            : await db.Memberships.AsNoTracking()
                .Where(m => m.TenantId == tenant.Id && m.UserId == userId)
                .Select(m => m.Role)
                .ToListAsync(context.RequestAborted);
        if (tenant is null || roles.Count == 0)
        {
            await DenyAsync(context, StatusCodes.Status404NotFound);
            return;
        }

        scope.EnterTenant(tenant.Id);
        current.Set(tenant.Id, tenant.Slug, tenant.Name, tenant.Kind, userId.Value, roles);

        var required = endpoint?.Metadata.GetOrderedMetadata<RequirePermissionAttribute>() ?? [];
        if (required.Any(r => !current.Can(r.Permission)))
        {
            await DenyAsync(context, StatusCodes.Status403Forbidden);
            return;
        }

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
    private static async Task DenyAsync(HttpContext context, int status)
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
