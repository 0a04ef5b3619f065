using Microsoft.EntityFrameworkCore;
using Plusflat.Infrastructure.Persistence;
using Plusflat.Web.Tenancy;

namespace Plusflat.Web.Features.Shared;

/// <summary>Who does something, as recorded in timelines (id plus a display name, so history needs no join).</summary>
public sealed record Actor(Guid Id, string Name)
{
    public static async Task<Actor> CurrentAsync(PlusflatDbContext db, CurrentTenant tenant, CancellationToken ct)
    {
        var name = await db.Users.Where(u => u.Id == tenant.UserId)
            .Select(u => u.DisplayName != "" ? u.DisplayName : u.Email)
            .FirstOrDefaultAsync(ct);
        return new Actor(tenant.UserId, string.IsNullOrEmpty(name) ? "Onbekend" : name);
    }
}
