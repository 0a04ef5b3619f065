using Microsoft.EntityFrameworkCore;
using Plusflat.Domain.Complexes;
using Plusflat.Domain.DosApplications;
using Plusflat.Domain.Monitoring;
using Plusflat.Domain.Phases;
using Plusflat.Domain.Standard;
using Plusflat.Domain.Tenancy;
using Plusflat.Infrastructure.Persistence;
using Plusflat.Web.Features.Monitoring;
using Plusflat.Web.Features.Shared;
using Plusflat.Web.Features.Signalling;
using Plusflat.Web.Features.Standard;
using Plusflat.Web.Tenancy;

namespace Plusflat.Web.Features.Dashboard;

/// <summary>
/// The programme dashboard's figures for one filter (ADR 0035), for the page, the print view, the PDF and the API alike.
/// Every figure is computed from the data when read, with the rules the detail pages use: the phase counts and the
/// ambition (<see cref="PortfolioProgress"/>), gate, standard and label (<see cref="ProgrammeEligibility"/>), overdue actions
/// (the counting function of signalling, small counts suppressed), reviews (<see cref="ReviewSchedule"/> over
/// <see cref="ReviewedQuarters"/>), the trends (<see cref="ProgrammeTrend"/>) and the granted DOS funding.
/// </summary>
public sealed class GetDashboardHandler(
    IDbContextFactory<PlusflatDbContext> contexts, CurrentTenant tenant, TimeProvider clock, GetOverdueCountsHandler overdue)
{
    public async Task<DashboardView> GetAsync(DashboardFilter filter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        tenant.Demand(Permission.ViewDashboard);
        var today = Dates.Today(clock);
        await using var db = await contexts.CreateDbContextAsync(ct);

        var active = db.Complexes.AsNoTracking().Where(c => c.ArchivedAt == null);
        var districts = await active.Where(c => c.District != null).Select(c => c.District!).Distinct().OrderBy(d => d).ToListAsync(ct);
        var corporationIds = await active.Where(c => c.HousingCorporationId != null).Select(c => c.HousingCorporationId!.Value).Distinct().ToListAsync(ct);
        var corporations = await db.Organisations.AsNoTracking().Where(o => corporationIds.Contains(o.Id) || o.Id == filter.CorporationId)
            .OrderBy(o => o.Name).Select(o => new DashboardCorporation(o.Id, o.Name)).ToListAsync(ct);

        var selected = active;
        if (filter.District is { } district)
        {
            selected = selected.Where(c => c.District == district);
        }

        if (filter.CorporationId is { } corporation)
        {
            selected = selected.Where(c => c.HousingCorporationId == corporation);
        }

        var complexes = await selected.OrderBy(c => c.Name).Select(c => new { c.Id, c.Name, c.CurrentPhase }).ToListAsync(ct);
        var ids = complexes.Select(c => c.Id).ToList();
        var names = complexes.ToDictionary(c => c.Id, c => c.Name);

        var ambition = await db.ProgrammeAmbitions.AsNoTracking().Select(a => new { a.TargetCount, a.TargetYear }).FirstOrDefaultAsync(ct);
        var progress = PortfolioProgress.Compute(complexes.Select(c => c.CurrentPhase), ambition?.TargetCount);

        var standings = await ProgrammeEligibility.ReadAsync(db, clock, ct, ids);
        var granted = await db.DosApplications.AsNoTracking()
            .Where(a => a.TenantId == tenant.Id && a.Status == DosApplicationStatus.Granted && ids.Contains(a.ComplexId))
            .Select(a => new { a.ComplexId, a.Decision }).ToListAsync(ct);

        var catalogue = await MonitoringAccess.ReadCatalogueAsync(db, tenant.Id, clock.GetUtcNow(), ct);
        var baselines = await db.MonitoringBaselines.AsNoTracking().Where(b => ids.Contains(b.ComplexId)).ToListAsync(ct);
        var values = (await db.QuarterlyValues.AsNoTracking().Where(v => ids.Contains(v.ComplexId)).ToListAsync(ct)).ToLookup(v => v.ComplexId);
        var reviewed = await ReviewedQuarters.ForComplexesAsync(db, ids, ct);

        var overdueActions = await OverdueAsync(names, ct);

        return new DashboardView(
            filter.District,
            filter.CorporationId,
            filter.CorporationId is { } chosen ? corporations.FirstOrDefault(c => c.Id == chosen)?.Name : null,
            districts,
            corporations,
            today,
            progress.Total,
            [.. progress.PerPhase.Select(p => new DashboardPhase(p.Phase, PhaseNames.Of(p.Phase), p.Count))],
            new DashboardAmbition(progress.Target, ambition?.TargetYear, progress.InExecution, progress.PercentOfTarget),
            Standing([.. ids.Select(id => standings.GetValueOrDefault(id, ComplexStanding.NotAssessed))], granted.Select(g => g.ComplexId).Distinct().Count()),
            overdueActions,
            Reviews(complexes.Select(c => (c.Id, c.Name)), baselines.ToDictionary(b => b.ComplexId, b => b.Quarter), reviewed, today),
            Indicators(catalogue, baselines, values, names),
            Funding(granted.Select(g => g.Decision?.Amounts ?? [])));
    }

    /// <summary>Counts per state; the label as computed eligibility and as granted by a zorgkantoor.</summary>
    public static DashboardStanding Standing(IReadOnlyCollection<ComplexStanding> standings, int granted) => new(
        standings.Count(s => s.Gate == GateState.Passed), standings.Count(s => s.Gate == GateState.Failed), standings.Count(s => s.Gate == GateState.NotAssessed),
        standings.Count(s => s.Standard == StandardState.Met), standings.Count(s => s.Standard == StandardState.NotMet), standings.Count(s => s.Standard == StandardState.NotAssessed),
        standings.Count(s => s.Eligible), standings.Count(s => !s.Eligible), granted);

    /// <summary>Each complex's review rhythm (no baseline: not started); the due and overdue ones listed, overdue first.</summary>
    public static DashboardReviews Reviews(IEnumerable<(Guid Id, string Name)> complexes, IReadOnlyDictionary<Guid, Quarter> baselineQuarters,
        IReadOnlyDictionary<Guid, IReadOnlyList<Quarter>> reviewed, DateOnly today)
    {
        var states = complexes.Select(c => (c.Id, c.Name, State: ReviewSchedule.Evaluate(
            baselineQuarters.TryGetValue(c.Id, out var q) ? q : null, reviewed.GetValueOrDefault(c.Id, []), today))).ToList();
        return new DashboardReviews(
            states.Count(s => s.State.Status == ReviewStatus.NotStarted),
            states.Count(s => s.State.Status == ReviewStatus.UpToDate),
            states.Count(s => s.State.Status == ReviewStatus.Due),
            states.Count(s => s.State.Status == ReviewStatus.Overdue),
            [.. states.Where(s => s.State.Status is ReviewStatus.Due or ReviewStatus.Overdue)
                .OrderBy(s => s.State.Status == ReviewStatus.Overdue ? 0 : 1).ThenBy(s => s.State.DueOn).ThenBy(s => s.Name, StringComparer.CurrentCulture)
                .Select(s => new DashboardReviewComplex(s.Id, s.Name, s.State.Status, s.State.Quarter!.Value.ToString(), s.State.DueOn!.Value, s.State.OverdueCount))]);
    }

    /// <summary>Per indicator of the dataset: each complex with a baseline value for it, and the programme over them.</summary>
    public static IReadOnlyList<DashboardIndicator> Indicators(IndicatorCatalogue catalogue, IEnumerable<MonitoringBaseline> baselines,
        ILookup<Guid, QuarterlyValues> values, IReadOnlyDictionary<Guid, string> names)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        var list = baselines.OrderBy(b => names.GetValueOrDefault(b.ComplexId, ""), StringComparer.CurrentCulture).ToList();
        return [.. catalogue.Indicators.Select(indicator =>
        {
            var complexes = list
                .Where(b => b.ValueOf(indicator.Key) is not null)
                .Select(b => (Baseline: b, Trend: ProgrammeTrend.ForComplex(indicator.Direction, b.ValueOf(indicator.Key)!.Value,
                    values[b.ComplexId].Where(v => v.ValueOf(indicator.Key) is not null).Select(v => (v.Quarter, v.ValueOf(indicator.Key)!.Value)))))
                .ToList();
            var trends = complexes.Select(c => c.Trend).ToList();
            return new DashboardIndicator(
                indicator.Key, indicator.Name, indicator.Unit, indicator.Direction,
                DashboardChange.From(ProgrammeTrend.Summarise(indicator.Direction, trends.Select(t => t.VersusBaseline))),
                [.. ProgrammeTrend.PerQuarter(indicator.Direction, trends).Select(p => new DashboardQuarterChange(p.Quarter.ToString(), DashboardChange.From(p.Change)))],
                [.. complexes.Select(c => new DashboardComplexTrend(
                    c.Baseline.ComplexId, names.GetValueOrDefault(c.Baseline.ComplexId, ""), c.Baseline.MeasuredOn, c.Trend.Baseline,
                    c.Trend.Latest?.Quarter.ToString(), c.Trend.Latest?.Value, ChangeView.From(c.Trend.VersusBaseline),
                    [.. c.Trend.Quarters.Select(q => new DashboardComplexQuarter(q.Quarter.ToString(), q.Value, ChangeView.From(q.VersusBaseline)))]))]);
        })];
    }

    /// <summary>The granted amounts summed per year, oldest year first.</summary>
    public static DashboardFunding Funding(IEnumerable<IReadOnlyList<YearAmount>> granted)
    {
        var grants = granted.ToList();
        var perYear = BudgetPosition.CommittedPerYear(grants).OrderBy(y => y.Key).Select(y => new DashboardFundingYear(y.Key, y.Value)).ToList();
        return new DashboardFunding(grants.Count, perYear.Sum(y => y.Amount), perYear);
    }

    /// <summary>Overdue actions of the selection's complexes, from signalling's counting function (numbers only, small ones suppressed).</summary>
    private async Task<DashboardOverdueActions> OverdueAsync(IReadOnlyDictionary<Guid, string> selection, CancellationToken ct)
    {
        var counts = await overdue.ProgrammeAsync(ct);
        var rows = counts.Complexes.Where(c => selection.ContainsKey(c.ComplexId))
            .Select(c => new DashboardOverdueComplex(c.ComplexId, selection[c.ComplexId], c.Count, c.Shown)).ToList();
        return new DashboardOverdueActions(rows.Count, rows.Sum(r => r.Count ?? 0), rows.Any(r => r.Count is null), rows);
    }
}
