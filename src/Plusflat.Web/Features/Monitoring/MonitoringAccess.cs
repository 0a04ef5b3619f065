using Microsoft.EntityFrameworkCore;
using Plusflat.Domain.Monitoring;
using Plusflat.Domain.Tenancy;
using Plusflat.Infrastructure.Persistence;
using Plusflat.Web.Features.Signalling;
using Plusflat.Web.Tenancy;

namespace Plusflat.Web.Features.Monitoring;

/// <summary>
/// Who sees which complex's monitoring (ADR 0032): leads, admins and observers every complex; a flat-team member only
/// the complexes whose team they are on today (the rule of <see cref="SignallingGate"/>). Only <c>EditProgramme</c> edits.
/// </summary>
public static class MonitoringAccess
{
    /// <summary>The complexes the user may see, as a query (for lists and the export).</summary>
    public static IQueryable<Plusflat.Domain.Complexes.Complex> VisibleComplexes(PlusflatDbContext db, CurrentTenant tenant, SignallingGate gate)
    {
        tenant.Demand(Permission.ViewProgramme);
        var complexes = db.Complexes.AsNoTracking();
        if (gate.SeesProgrammeWide)
        {
            return complexes;
        }

        var user = tenant.UserId;
        var today = gate.Today;
        var mine = db.FlatTeamMembers.Where(m => m.UserId == user && m.StartsOn <= today && (m.EndsOn == null || m.EndsOn >= today)).Select(m => m.ComplexId);
        return complexes.Where(c => mine.Contains(c.Id));
    }

    /// <summary>The programme's newest dataset version, or annex A when none is stored yet (reading never writes).</summary>
    public static async Task<IndicatorCatalogue> ReadCatalogueAsync(PlusflatDbContext db, Guid tenantId, DateTimeOffset now, CancellationToken ct) =>
        await db.IndicatorCatalogues.AsNoTracking().OrderByDescending(c => c.Version).FirstOrDefaultAsync(ct)
        ?? IndicatorCatalogue.CreateDefault(tenantId, now);

    /// <summary>The newest version for a write; annex A is added to <paramref name="db"/> on first use (saved with the caller's change).</summary>
    public static async Task<IndicatorCatalogue> GetOrStartCatalogueAsync(PlusflatDbContext db, Guid tenantId, DateTimeOffset now, CancellationToken ct)
    {
        var latest = await db.IndicatorCatalogues.OrderByDescending(c => c.Version).FirstOrDefaultAsync(ct);
        if (latest is null)
        {
            latest = IndicatorCatalogue.CreateDefault(tenantId, now);
            db.IndicatorCatalogues.Add(latest);
        }

        return latest;
    }

    public static CatalogueView ViewOf(IndicatorCatalogue catalogue) =>
        new(catalogue.Version, catalogue.Name, [.. catalogue.Indicators.Select(IndicatorView.From)]);
}
