using Microsoft.EntityFrameworkCore;
using Plusflat.Domain.Standard;
using Plusflat.Domain.Tenancy;
using Plusflat.Infrastructure.Persistence;
using Plusflat.Web.Features.Complexes;
using Plusflat.Web.Features.Standard;
using Plusflat.Web.Tenancy;

namespace Plusflat.Web.Features.Overview;

/// <summary>How many active complexes are in one state; <see cref="Query"/> filters the complex list on it.</summary>
public sealed record StandingCount(string Key, string Name, int Count, string Query);

/// <summary>The overview's counts of the gate, the product standard, the label and the re-assessment (plain values, persisted to the circuit).</summary>
public sealed record EligibilityCounts(
    IReadOnlyList<StandingCount> Gate, IReadOnlyList<StandingCount> Standard, IReadOnlyList<StandingCount> Label, IReadOnlyList<StandingCount> Reassessment);

/// <summary>
/// The active complexes counted per state of the gate, the standard, the label and the yearly re-assessment, computed as
/// the list computes them (<see cref="ProgrammeEligibility"/>), so each count is the number of rows its link shows.
/// </summary>
public sealed class GetEligibilityCountsHandler(IDbContextFactory<PlusflatDbContext> contexts, CurrentTenant tenant, TimeProvider clock)
{
    public async Task<EligibilityCounts> GetAsync(CancellationToken ct)
    {
        tenant.Demand(Permission.ViewProgramme);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var active = await db.Complexes.AsNoTracking().Where(c => c.ArchivedAt == null).Select(c => c.Id).ToListAsync(ct);
        var all = await ProgrammeEligibility.ReadAsync(db, clock, ct);
        var standings = active.Select(id => all.GetValueOrDefault(id, ComplexStanding.NotAssessed)).ToList();

        return new EligibilityCounts(
            [
                new("gate-passed", "Door de poort", standings.Count(s => s.Gate == GateState.Passed), "poort=" + ComplexQueryString.Of(GateState.Passed)),
                new("gate-failed", "Niet door de poort", standings.Count(s => s.Gate == GateState.Failed), "poort=" + ComplexQueryString.Of(GateState.Failed)),
                new("gate-not-assessed", "Nog niet vastgelegd", standings.Count(s => s.Gate == GateState.NotAssessed), "poort=" + ComplexQueryString.Of(GateState.NotAssessed)),
            ],
            [
                new("standard-met", "Voldoet aan de musts", standings.Count(s => s.Standard == StandardState.Met), "standaard=" + ComplexQueryString.Of(StandardState.Met)),
                new("standard-not-met", "Voldoet niet", standings.Count(s => s.Standard == StandardState.NotMet), "standaard=" + ComplexQueryString.Of(StandardState.NotMet)),
                new("standard-not-assessed", "Nog niet beoordeeld", standings.Count(s => s.Standard == StandardState.NotAssessed), "standaard=" + ComplexQueryString.Of(StandardState.NotAssessed)),
            ],
            [
                new("label-eligible", "Geschikt", standings.Count(s => s.Eligible), "label=" + ComplexQueryString.OfLabel(true)),
                new("label-not-eligible", "Niet geschikt", standings.Count(s => !s.Eligible), "label=" + ComplexQueryString.OfLabel(false)),
            ],
            [
                new("reassessment-due", "Herbeoordeling nodig", standings.Count(s => s.Reassessment == AssessmentDue.Due), "herbeoordeling=" + ComplexQueryString.Of(AssessmentDue.Due)),
                new("reassessment-overdue", "Herbeoordeling te laat", standings.Count(s => s.Reassessment == AssessmentDue.Overdue), "herbeoordeling=" + ComplexQueryString.Of(AssessmentDue.Overdue)),
            ]);
    }
}
