using Microsoft.EntityFrameworkCore;
using Plusflat.Domain.Standard;
using Plusflat.Infrastructure.Persistence;

namespace Plusflat.Web.Features.Standard;

/// <summary>The one rule for which version of the product standard a new assessment uses: the programme's newest, created from the position paper on first use.</summary>
public static class CurrentStandard
{
    /// <summary>A new default version is added to <paramref name="db"/> (saved with the caller's change).</summary>
    public static async Task<StandardCatalogue> GetOrStartAsync(PlusflatDbContext db, Guid tenantId, DateTimeOffset now, CancellationToken ct)
    {
        var latest = await db.StandardCatalogues.OrderByDescending(c => c.Version).FirstOrDefaultAsync(ct);
        if (latest is null)
        {
            latest = StandardCatalogue.CreateDefault(tenantId, now);
            db.StandardCatalogues.Add(latest);
        }

        return latest;
    }

    /// <summary>The newest version, or the position paper's items when the programme has none stored yet (reading never writes).</summary>
    public static async Task<StandardCatalogue> ReadAsync(PlusflatDbContext db, Guid tenantId, DateTimeOffset now, CancellationToken ct) =>
        await db.StandardCatalogues.AsNoTracking().OrderByDescending(c => c.Version).FirstOrDefaultAsync(ct)
        ?? StandardCatalogue.CreateDefault(tenantId, now);
}
