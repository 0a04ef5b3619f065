using Microsoft.EntityFrameworkCore;
using Plusflat.Domain.Monitoring;
using Plusflat.Domain.Signalling;
using Plusflat.Domain.Tenancy;
using Plusflat.Infrastructure.Persistence;
using Plusflat.Web.Features.Shared;
using Plusflat.Web.Features.Signalling;
using Plusflat.Web.Tenancy;

namespace Plusflat.Web.Features.Monitoring;

/// <summary>A complex's monitoring as the page and the API show it; the overview of every visible complex; the dataset.</summary>
public sealed class GetMonitoringHandler(IDbContextFactory<PlusflatDbContext> contexts, CurrentTenant tenant, SignallingGate gate, TimeProvider clock)
{
    /// <summary>Null when the complex does not exist or the user may not see it (a flat-team member on another complex).</summary>
    public async Task<MonitoringView?> GetAsync(Guid complexId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var complex = await MonitoringAccess.VisibleComplexes(db, tenant, gate).Where(c => c.Id == complexId).Select(c => new { c.Id, c.Name }).FirstOrDefaultAsync(ct);
        if (complex is null)
        {
            return null;
        }

        var today = Dates.Today(clock);
        var catalogue = await MonitoringAccess.ReadCatalogueAsync(db, tenant.Id, clock.GetUtcNow(), ct);
        var baseline = await db.MonitoringBaselines.AsNoTracking().FirstOrDefaultAsync(b => b.ComplexId == complexId, ct);
        var stored = await db.QuarterlyValues.AsNoTracking().Where(v => v.ComplexId == complexId).ToListAsync(ct);
        var byQuarter = stored.ToDictionary(v => v.Quarter);
        var quarters = new List<QuarterView>();
        if (baseline is not null)
        {
            var first = stored.Count == 0 ? baseline.Quarter : new[] { baseline.Quarter, stored.Min(v => v.Quarter) }.Min();
            var last = Quarter.Of(today);
            var counts = await SignalCountsAsync(db, complexId, first, last, ct);
            for (var q = last; q >= first; q = q.Previous())
            {
                byQuarter.TryGetValue(q, out var values);
                byQuarter.TryGetValue(q.Previous(), out var previous);
                quarters.Add(new QuarterView(
                    q.ToString(),
                    values is not null,
                    values?.Values.ToDictionary(v => v.Key, v => v.Value) ?? [],
                    [.. IndicatorTrend.For(catalogue, baseline, previous, values).Select(ComparisonView.From)],
                    counts.TryGetValue(q, out var shown) ? shown : [],
                    values?.UpdatedAt,
                    values?.UpdatedBy,
                    values?.Version));
            }
        }

        var reviewed = await ReviewedQuarters.ForComplexesAsync(db, [complex.Id], ct);
        var review = ReviewSchedule.Evaluate(baseline?.Quarter, reviewed.GetValueOrDefault(complex.Id, []), today);
        return new MonitoringView(
            complex.Id,
            complex.Name,
            MonitoringAccess.ViewOf(catalogue),
            baseline is null ? null : new BaselineView(baseline.MeasuredOn, baseline.Quarter.ToString(), baseline.Values.ToDictionary(v => v.Key, v => v.Value),
                baseline.Notes, baseline.CatalogueVersion, baseline.UpdatedAt, baseline.UpdatedBy, baseline.Version),
            quarters,
            review.Status,
            review.Quarter?.ToString(),
            review.DueOn,
            review.OverdueCount,
            tenant.Can(Permission.EditProgramme));
    }

    /// <summary>Whether the user may open the complex's monitoring page (the rule of <see cref="MonitoringAccess.VisibleComplexes"/>).</summary>
    public async Task<bool> MaySeeAsync(Guid complexId, CancellationToken ct)
    {
        if (!tenant.Can(Permission.ViewProgramme))
        {
            return false;
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        return await MonitoringAccess.VisibleComplexes(db, tenant, gate).AnyAsync(c => c.Id == complexId, ct);
    }

    /// <summary>Every complex the user may see, with its baseline, latest quarter and review state.</summary>
    public async Task<IReadOnlyList<MonitoringRow>> ListAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var complexes = await MonitoringAccess.VisibleComplexes(db, tenant, gate).OrderBy(c => c.Name).Select(c => new { c.Id, c.Name }).ToListAsync(ct);
        var ids = complexes.Select(c => c.Id).ToList();
        var baselines = await db.MonitoringBaselines.AsNoTracking().Where(b => ids.Contains(b.ComplexId)).ToDictionaryAsync(b => b.ComplexId, ct);
        var quarters = (await db.QuarterlyValues.AsNoTracking().Where(v => ids.Contains(v.ComplexId)).Select(v => new { v.ComplexId, v.Quarter }).ToListAsync(ct))
            .ToLookup(v => v.ComplexId, v => v.Quarter);
        var reviewed = await ReviewedQuarters.ForComplexesAsync(db, ids, ct);
        var today = Dates.Today(clock);
        return [.. complexes.Select(c =>
        {
            baselines.TryGetValue(c.Id, out var baseline);
            var recorded = quarters[c.Id].ToList();
            var review = ReviewSchedule.Evaluate(baseline?.Quarter, reviewed.GetValueOrDefault(c.Id, []), today);
            return new MonitoringRow(c.Id, c.Name, baseline?.MeasuredOn, recorded.Count == 0 ? null : recorded.Max().ToString(), recorded.Count, review.Status, review.DueOn);
        })];
    }

    public async Task<CatalogueView> CatalogueAsync(CancellationToken ct)
    {
        tenant.Demand(Permission.ViewProgramme);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return MonitoringAccess.ViewOf(await MonitoringAccess.ReadCatalogueAsync(db, tenant.Id, clock.GetUtcNow(), ct));
    }

    /// <summary>The early-signalling counts per quarter and category (months summed, then small counts suppressed per quarter).</summary>
    private static async Task<Dictionary<Quarter, IReadOnlyList<QuarterSignalCount>>> SignalCountsAsync(
        PlusflatDbContext db, Guid complexId, Quarter first, Quarter last, CancellationToken ct)
    {
        var from = first.Start;
        var to = last.Start;
        var months = await db.SignalTallies.Where(t => t.ComplexId == complexId && t.Month >= from && t.Month <= to.AddMonths(2))
            .GroupBy(t => new { t.Month, t.Category }).Select(g => new { g.Key.Month, g.Key.Category, Count = g.Count() }).ToListAsync(ct);
        return months.GroupBy(m => Quarter.Of(m.Month)).ToDictionary(
            g => g.Key,
            g => (IReadOnlyList<QuarterSignalCount>)[.. g.GroupBy(m => Enum.Parse<SignalCategory>(m.Category)).OrderBy(c => c.Key).Select(c =>
            {
                var count = c.Sum(m => m.Count);
                return new QuarterSignalCount(c.Key, SmallCount.Value(count), SmallCount.Show(count));
            })]);
    }
}
