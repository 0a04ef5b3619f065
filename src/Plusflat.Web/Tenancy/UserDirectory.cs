using Microsoft.EntityFrameworkCore;
using Plusflat.Infrastructure.Persistence;
using Plusflat.Infrastructure.Tenancy;

namespace Plusflat.Web.Tenancy;

/// <summary>
/// What the shell needs about the signed-in user: their name and the tenants they may switch to.
/// The layout loads this synchronously, before the page starts: an awaited load in the layout could finish
/// after the response of a re-executed error page was written (the header then lacked the user). It still
/// uses a DbContext of its own, so it can never overlap with the page's.
/// </summary>
public sealed class UserDirectory(DbContextOptions<PlusflatDbContext> options, TenantScope scope)
{
    public (Guid Id, string DisplayName)? CurrentUser()
    {
        if (scope.UserId is not { } userId)
        {
            return null;
        }

        using var db = new PlusflatDbContext(options, scope);
        var user = db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.Id, u.DisplayName, u.Email }).FirstOrDefault();
        return user is null ? null : (user.Id, string.IsNullOrEmpty(user.DisplayName) ? user.Email ?? "" : user.DisplayName);
    }

    /// <summary>Row-level security lets a user read their own memberships in every tenant, and nothing else of them.</summary>
    public List<(string Slug, string Name)> TenantsOfCurrentUser()
    {
        if (scope.UserId is not { } userId)
        {
            return [];
        }

        using var db = new PlusflatDbContext(options, scope);
        var tenantIds = db.Memberships.Where(m => m.UserId == userId).Select(m => m.TenantId);
        var tenants = db.Tenants.AsNoTracking().Where(t => tenantIds.Contains(t.Id))
            .OrderBy(t => t.Name).Select(t => new { t.Slug, t.Name }).ToList();
        return tenants.Select(t => (t.Slug, t.Name)).ToList();
    }
}
