using Microsoft.EntityFrameworkCore;
using Plusflat.Domain.Phases;
using Plusflat.Infrastructure.Persistence;

namespace Plusflat.Web.Features.Phases;

/// <summary>The one rule for which checklist version applies now: the programme's newest, created from the default on first use.</summary>
public static class CurrentCatalogue
{
    /// <summary>A new default version is added to <paramref name="db"/> (saved with the caller's change).</summary>
    public static async Task<PhaseCatalogue> GetOrStartAsync(PlusflatDbContext db, Guid tenantId, DateTimeOffset now, CancellationToken ct)
    {
        var latest = await db.PhaseCatalogues.OrderByDescending(c => c.Version).FirstOrDefaultAsync(ct);
        if (latest is null)
        {
            latest = PhaseCatalogue.CreateDefault(tenantId, now);
            db.PhaseCatalogues.Add(latest);
        }

        return latest;
    }
}
