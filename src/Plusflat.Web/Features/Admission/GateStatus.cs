using Microsoft.EntityFrameworkCore;
using Plusflat.Domain.Admission;
using Plusflat.Infrastructure.Persistence;
using Plusflat.Web.Features.Shared;

namespace Plusflat.Web.Features.Admission;

/// <summary>
/// Whether a complex passes the admission gate now, for the slices that build on it (the product standard, the report):
/// computed from its latest assessment as the gate page computes it, never stored. False while nothing is recorded.
/// </summary>
public static class GateStatus
{
    public static async Task<AdmissionOutcome?> OutcomeAsync(PlusflatDbContext db, Guid complexId, TimeProvider clock, CancellationToken ct)
    {
        var latest = await db.AdmissionAssessments.AsNoTracking().Where(a => a.ComplexId == complexId)
            .OrderByDescending(a => a.Sequence).FirstOrDefaultAsync(ct);
        if (latest is null)
        {
            return null;
        }

        // Only this complex and the ones it is grouped with count for the gate: no need to read the whole programme.
        var facts = latest.ToFacts();
        var needed = facts.Concentration.GroupedWith.Append(complexId).ToList();
        var complexes = (await db.Complexes.AsNoTracking().Where(c => needed.Contains(c.Id)).Select(c => new { c.Id, c.Name, c.DwellingCount }).ToListAsync(ct))
            .Select(c => new GroupOption(c.Id, c.Name, c.DwellingCount.Value)).ToList();
        var minimum = AdmissionSettings.MinimumFor(await db.AdmissionSettings.AsNoTracking().FirstOrDefaultAsync(ct));
        var dwellings = complexes.First(c => c.Id == complexId).Dwellings;
        return GetAdmissionHandler.EvaluateNow(facts, dwellings, complexes, minimum, Dates.Today(clock));
    }

    /// <summary>
    /// The gate of every complex of the programme at once, in three queries (complexes, latest assessments, the lower
    /// bound), for lists and counts: a complex without an assessment is not in <see cref="ProgrammeGates.Latest"/>.
    /// With <paramref name="only"/>, the assessments of those complexes only (a page of a list); every complex's name and
    /// dwellings are still read, because a gate counts the complexes it is grouped with.
    /// </summary>
    public static async Task<ProgrammeGates> ProgrammeAsync(PlusflatDbContext db, TimeProvider clock, CancellationToken ct, IReadOnlyCollection<Guid>? only = null)
    {
        var complexes = (await db.Complexes.AsNoTracking().Select(c => new { c.Id, c.Name, c.DwellingCount }).ToListAsync(ct))
            .Select(c => new GroupOption(c.Id, c.Name, c.DwellingCount.Value)).ToList();
        var assessments = db.AdmissionAssessments.AsNoTracking()
            .Where(a => a.Sequence == db.AdmissionAssessments.Where(b => b.ComplexId == a.ComplexId).Max(b => b.Sequence));
        if (only is not null)
        {
            assessments = assessments.Where(a => only.Contains(a.ComplexId));
        }

        var latest = await assessments.ToListAsync(ct);
        var minimum = AdmissionSettings.MinimumFor(await db.AdmissionSettings.AsNoTracking().FirstOrDefaultAsync(ct));
        var today = Dates.Today(clock);
        var dwellings = complexes.ToDictionary(c => c.Id, c => c.Dwellings);
        var outcomes = latest.Where(a => dwellings.ContainsKey(a.ComplexId)).ToDictionary(
            a => a.ComplexId,
            a => new LatestGate(a, GetAdmissionHandler.EvaluateNow(a.ToFacts(), dwellings[a.ComplexId], complexes, minimum, today)));
        return new ProgrammeGates(complexes, outcomes, minimum);
    }

    public static async Task<bool> PassedAsync(PlusflatDbContext db, Guid complexId, TimeProvider clock, CancellationToken ct) =>
        (await OutcomeAsync(db, complexId, clock, ct))?.Passed == true;
}

/// <summary>A complex's latest gate assessment with the outcome computed now.</summary>
public sealed record LatestGate(AdmissionAssessment Assessment, AdmissionOutcome Outcome);

/// <summary>Every complex of the programme (for names and grouping) and the gate of those assessed.</summary>
public sealed record ProgrammeGates(IReadOnlyList<GroupOption> Complexes, IReadOnlyDictionary<Guid, LatestGate> Latest, int MinimumDwellings);
