using Microsoft.EntityFrameworkCore;
using Plusflat.Domain.Standard;
using Plusflat.Domain.Tenancy;
using Plusflat.Infrastructure.Persistence;
using Plusflat.Web.Features.Admission;
using Plusflat.Web.Features.Shared;
using Plusflat.Web.Tenancy;

namespace Plusflat.Web.Features.Standard;

/// <summary>
/// Why a complex is or is not eligible for the Plusflat label, as the complex's page explains it: the gate's state with
/// each failed threshold and the reasons that block it (which fact), the standard's missing musts, the exclusions that
/// apply, the accelerators present and when a re-assessment is due. Plain values (persisted from the prerender).
/// </summary>
public sealed record ComplexEligibilityView(
    bool Eligible,
    GateState Gate,
    IReadOnlyList<ThresholdView> FailedThresholds,
    bool StandardAssessed,
    IReadOnlyList<string> MissingMusts,
    IReadOnlyList<string> Exclusions,
    IReadOnlyList<string> Accelerators,
    AssessmentDue Reassessment,
    DateOnly? ReassessOn,
    int? CatalogueVersion);

/// <summary>The label's verdict for one complex, computed now with the detail pages' rules (<see cref="GateStatus"/>, <see cref="StandardOutcome.Evaluate"/>).</summary>
public sealed class GetComplexEligibilityHandler(IDbContextFactory<PlusflatDbContext> contexts, CurrentTenant tenant, TimeProvider clock)
{
    public async Task<ComplexEligibilityView?> GetAsync(Guid complexId, CancellationToken ct)
    {
        tenant.Demand(Permission.ViewProgramme);
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (!await db.Complexes.AnyAsync(c => c.Id == complexId, ct))
        {
            return null;
        }

        var gate = await GateStatus.OutcomeAsync(db, complexId, clock, ct);
        var gateState = gate is null ? GateState.NotAssessed : gate.Passed ? GateState.Passed : GateState.Failed;
        IReadOnlyList<ThresholdView> failed = gate is null ? [] : [.. gate.Thresholds.Where(t => !t.Passed).Select(GetAdmissionHandler.ToView)
            .Select(t => t with { Reasons = [.. t.Reasons.Where(r => r.Blocks)] })];

        var latest = await db.StandardAssessments.AsNoTracking().Where(a => a.ComplexId == complexId)
            .OrderByDescending(a => a.Number).FirstOrDefaultAsync(ct);
        if (latest is null)
        {
            return new ComplexEligibilityView(false, gateState, failed, false, [], [], [], AssessmentDue.NotAssessed, null, null);
        }

        var catalogue = await db.StandardCatalogues.AsNoTracking().FirstAsync(c => c.Id == latest.CatalogueId, ct);
        var outcome = StandardOutcome.Evaluate(catalogue, latest, gateState == GateState.Passed, Dates.Today(clock));
        return new ComplexEligibilityView(
            outcome.Eligible,
            gateState,
            failed,
            true,
            [.. outcome.MissingMusts.Select(i => i.Text)],
            [.. outcome.Exclusions.Select(i => i.Text)],
            [.. outcome.Accelerators.Select(i => i.Text)],
            outcome.Due,
            outcome.DueOn,
            catalogue.Version);
    }
}
