using Microsoft.EntityFrameworkCore;
using Plusflat.Infrastructure.Persistence;
using Plusflat.Infrastructure.Tenancy;

namespace Plusflat.Web.Tenancy;

/// <summary>
/// What the shell needs about the signed-in user: their name and the tenants they may switch to.
/// The layout renders concurrently with the page (both have async initialisation), so it uses a
/// DbContext of its own — a DbContext is not safe for concurrent use — on the same tenant scope.
/// </summary>
public sealed class UserDirectory(DbContextOptions<PlusflatDbContext> options, TenantScope scope)
{
    public async Task<(Guid Id, string DisplayName)?> CurrentUserAsync()
    {
        if (scope.UserId is not { } userId)
        {
            return null;
        }

        await using var db = new PlusflatDbContext(options, scope);
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.Id, u.DisplayName, u.Email }).FirstOrDefaultAsync();
        return user is null ? null : (user.Id, string.IsNullOrEmpty(user.DisplayName) ? user.Email ?? "" : user.DisplayName);
    }

    /// <summary>Row-level security lets a user read their own memberships in every tenant, and nothing else of them.</summary>
    public async Task<List<(string Slug, string Name)>> TenantsOfCurrentUserAsync()
    {
        if (scope.UserId is not { } userId)
        {
            return [];
        }

        await using var db = new PlusflatDbContext(options, scope);
        var tenantIds = db.Memberships.Where(m => m.UserId == userId).Select(m => m.TenantId);
        var tenants = await db.Tenants.AsNoTracking().Where(t => tenantIds.Contains(t.Id))
            .OrderBy(t => t.Name).Select(t => new { t.Slug, t.Name }).ToListAsync();
        return tenants.Select(t => (t.Slug, t.Name)).ToList();
    }
}
