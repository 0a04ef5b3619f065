using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Plusflat.Domain.Admission;
using Plusflat.Domain.Tenancy;
using Plusflat.Infrastructure.Persistence;
using Plusflat.Web.Features.Shared;
using Plusflat.Web.Tenancy;

namespace Plusflat.Web.Features.Admission;

/// <summary>Which gate outcome the list shows.</summary>
public enum GateOutcomeFilter
{
    All,
    Passed,
    Failed,
    NotAssessed,
}

/// <summary>
/// One complex's gate as the overview lists it: <see cref="Passed"/> is null while nothing is recorded;
/// <see cref="FailedThresholds"/> are the keys ("concentration", "need", "governance") of the thresholds not passed.
/// </summary>
public sealed record GateOutcomeRow(
    Guid ComplexId, string Name, int Dwellings, bool? Passed, IReadOnlyList<string> FailedThresholds, DateTimeOffset? AssessedAt, string? AssessedBy);

public sealed record GateOutcomeList(IReadOnlyList<GateOutcomeRow> Rows, int MinimumDwellings, int PassedCount, int FailedCount, int NotAssessedCount);

/// <summary>
/// Every complex of the programme with its gate outcome, computed now the same way as the detail (the outcome is never
/// stored, so it cannot be filtered in SQL: a programme has tens of complexes, so they are evaluated in memory).
/// </summary>
public sealed class ListAdmissionOutcomesHandler(IDbContextFactory<PlusflatDbContext> contexts, CurrentTenant tenant, TimeProvider clock)
{
    public async Task<GateOutcomeList> ListAsync(GateOutcomeFilter filter, CancellationToken ct)
    {
        tenant.Demand(Permission.ViewProgramme);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var gates = await GateStatus.ProgrammeAsync(db, clock, ct);
        var minimum = gates.MinimumDwellings;
        // An archived complex has left the programme's lists and counts (it can be restored, so its assessments stay).
        var archived = (await db.Complexes.AsNoTracking().Where(c => c.ArchivedAt != null).Select(c => c.Id).ToListAsync(ct)).ToHashSet();

        var rows = gates.Complexes
            .Where(c => !archived.Contains(c.Id))
            .OrderBy(c => c.Name, StringComparer.Create(CultureInfo.GetCultureInfo("nl-NL"), ignoreCase: true))
            .Select(c =>
            {
                if (!gates.Latest.TryGetValue(c.Id, out var gate))
                {
                    return new GateOutcomeRow(c.Id, c.Name, c.Dwellings, null, [], null, null);
                }

                var (assessment, outcome) = gate;
                return new GateOutcomeRow(c.Id, c.Name, c.Dwellings, outcome.Passed,
                    [.. outcome.Thresholds.Where(t => !t.Passed).Select(t => GetAdmissionHandler.KeyOf(t.Threshold))],
                    assessment.AssessedAt, assessment.AssessedByName);
            })
            .ToList();

        return new GateOutcomeList(
            [.. rows.Where(r => filter switch
            {
                GateOutcomeFilter.Passed => r.Passed == true,
                GateOutcomeFilter.Failed => r.Passed == false,
                GateOutcomeFilter.NotAssessed => r.Passed is null,
                _ => true,
            })],
            minimum,
            rows.Count(r => r.Passed == true),
            rows.Count(r => r.Passed == false),
            rows.Count(r => r.Passed is null));
    }
}
