using Microsoft.EntityFrameworkCore;
using Plusflat.Domain.Standard;
using Plusflat.Infrastructure.Persistence;
using Plusflat.Web.Features.Admission;
using Plusflat.Web.Features.Shared;

namespace Plusflat.Web.Features.Standard;

/// <summary>Where a complex stands at the admission gate.</summary>
public enum GateState
{
    NotAssessed,
    Passed,
    Failed,
}

/// <summary>Where a complex stands against the product standard (the latest assessment, the gate left aside).</summary>
public enum StandardState
{
    NotAssessed,

    /// <summary>Every must met (or not applicable) and no not-item applies.</summary>
    Met,

    /// <summary>A must is missing or a not-item applies.</summary>
    NotMet,
}

/// <summary>
/// One complex's gate, standard and label eligibility as lists and counts show them (plain values: persisted from the
/// prerender to the circuit). <see cref="FailedThresholds"/> are the gate's keys ("concentration", "need",
/// "governance"); <see cref="MissingMusts"/> and <see cref="Exclusions"/> the standard's item texts.
/// </summary>
public sealed record ComplexStanding(
    GateState Gate,
    IReadOnlyList<string> FailedThresholds,
    StandardState Standard,
    IReadOnlyList<string> MissingMusts,
    IReadOnlyList<string> Exclusions,
    bool Eligible,
    AssessmentDue Reassessment,
    DateOnly? ReassessOn)
{
    public static readonly ComplexStanding NotAssessed = new(GateState.NotAssessed, [], StandardState.NotAssessed, [], [], false, AssessmentDue.NotAssessed, null);
}

/// <summary>
/// The gate, standard and eligibility of every complex of the programme, computed now with the same rules as the detail
/// pages (<see cref="GateStatus"/>, <see cref="StandardOutcome.Evaluate"/>). Nothing of it is stored, so it cannot be
/// filtered in SQL; it is read in five queries whatever the number of complexes (a programme has tens), never one per row.
/// With <paramref name="only"/> it is computed for those complexes alone (the page a list shows when it does not filter on it).
/// </summary>
public static class ProgrammeEligibility
{
    public static async Task<IReadOnlyDictionary<Guid, ComplexStanding>> ReadAsync(
        PlusflatDbContext db, TimeProvider clock, CancellationToken ct, IReadOnlyCollection<Guid>? only = null)
    {
        var gates = await GateStatus.ProgrammeAsync(db, clock, ct, only);
        var assessments = db.StandardAssessments.AsNoTracking()
            .Where(a => a.Number == db.StandardAssessments.Where(b => b.ComplexId == a.ComplexId).Max(b => b.Number));
        if (only is not null)
        {
            assessments = assessments.Where(a => only.Contains(a.ComplexId));
        }

        var latest = await assessments.ToDictionaryAsync(a => a.ComplexId, ct);
        var catalogueIds = latest.Values.Select(a => a.CatalogueId).Distinct().ToList();
        var catalogues = await db.StandardCatalogues.AsNoTracking().Where(c => catalogueIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var today = Dates.Today(clock);

        var result = new Dictionary<Guid, ComplexStanding>();
        foreach (var complex in only is null ? gates.Complexes : gates.Complexes.Where(c => only.Contains(c.Id)))
        {
            var gate = gates.Latest.GetValueOrDefault(complex.Id);
            var gateState = gate is null ? GateState.NotAssessed : gate.Outcome.Passed ? GateState.Passed : GateState.Failed;
            IReadOnlyList<string> failed = gate is null ? [] : [.. gate.Outcome.Thresholds.Where(t => !t.Passed).Select(t => GetAdmissionHandler.KeyOf(t.Threshold))];
            if (!latest.TryGetValue(complex.Id, out var assessment))
            {
                result[complex.Id] = ComplexStanding.NotAssessed with { Gate = gateState, FailedThresholds = failed };
                continue;
            }

            var outcome = StandardOutcome.Evaluate(catalogues[assessment.CatalogueId], assessment, gateState == GateState.Passed, today);
            result[complex.Id] = new ComplexStanding(
                gateState,
                failed,
                outcome.MissingMusts.Count == 0 && outcome.Exclusions.Count == 0 ? StandardState.Met : StandardState.NotMet,
                [.. outcome.MissingMusts.Select(i => i.Text)],
                [.. outcome.Exclusions.Select(i => i.Text)],
                outcome.Eligible,
                outcome.Due,
                outcome.DueOn);
        }

        return result;
    }

    /// <summary>Whether a standing passes the list's filters on gate, standard, label and re-assessment (null: any).</summary>
    public static bool Matches(ComplexStanding standing, GateState? gate, StandardState? standard, bool? eligible, AssessmentDue? reassessment) =>
        (gate is null || standing.Gate == gate)
        && (standard is null || standing.Standard == standard)
        && (eligible is null || standing.Eligible == eligible)
        && (reassessment is null || standing.Reassessment == reassessment);
}
