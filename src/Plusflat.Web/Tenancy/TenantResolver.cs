using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Plusflat.Domain.Common;
using Plusflat.Domain.Tenancy;
using Plusflat.Infrastructure.Persistence;
using Plusflat.Infrastructure.Tenancy;

namespace Plusflat.Web.Tenancy;

/// <summary>
/// The one place that turns a <c>{tenant}</c> slug and a signed-in user into a <see cref="TenantAccess"/>:
/// for every HTTP request (<see cref="TenantMiddleware"/>) and every navigation in a circuit
/// (<c>TenantRouteView</c>). Null when there is no such tenant or no membership: callers answer both alike,
/// so a URL never reveals whether another tenant exists.
/// </summary>
/// <remarks>
/// Its lookups run on a context of their own that carries only the user, never the tenant the scope is in:
/// resolving the next tenant of a circuit sends nothing of the previous one to the database.
/// </remarks>
public sealed class TenantResolver(DbContextOptions<PlusflatDbContext> options, TenantScope scope)
{
    public async Task<TenantAccess?> ResolveAsync(string slug, ClaimsPrincipal user, CancellationToken ct)
    {
        // No slug has a control character (a NUL would make PostgreSQL throw): such a URL names no tenant.
        if (PlainText.Problem(slug) is not null || TenantMiddleware.UserIdOf(user) is not { } userId)
        {
            return null;
        }

        scope.SetUser(userId);
        await using var db = LookupContext(userId);
        // Row-level security lets a user read their own memberships in every tenant; tenants are not tenant-owned.
        var rows = await db.Memberships.AsNoTracking()
            .Where(m => m.UserId == userId)
            .Join(db.Tenants.Where(t => t.Slug == slug), m => m.TenantId, t => t.Id,
                (m, t) => new { t.Id, t.Slug, t.Name, t.Kind, m.Role })
            .ToListAsync(ct);
        if (rows.Count == 0)
        {
            return null;
        }

        var first = rows[0];
        return new TenantAccess(first.Id, first.Slug, first.Name, first.Kind, userId, rows.Select(r => r.Role).Distinct().ToList());
    }

    /// <summary>The tenant by slug alone, for the pages people without a membership may open (an invitation).</summary>
    public async Task<TenantAccess?> FindPublicAsync(string slug, ClaimsPrincipal user, CancellationToken ct)
    {
        if (PlainText.Problem(slug) is not null)
        {
            return null;
        }

        var userId = TenantMiddleware.UserIdOf(user);
        if (userId is { } signedIn)
        {
            scope.SetUser(signedIn);
        }

        await using var db = LookupContext(userId);
        var tenant = await db.Tenants.AsNoTracking().Where(t => t.Slug == slug)
            .Select(t => new { t.Id, t.Slug, t.Name, t.Kind }).FirstOrDefaultAsync(ct);
        return tenant is null
            ? null
            : new TenantAccess(tenant.Id, tenant.Slug, tenant.Name, tenant.Kind, userId ?? Guid.Empty, []);
    }

    private PlusflatDbContext LookupContext(Guid? userId)
    {
        var lookup = new TenantScope();
        if (userId is { } id)
        {
            lookup.SetUser(id);
        }

        return new PlusflatDbContext(options, lookup);
    }
}
