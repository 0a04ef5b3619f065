using Microsoft.EntityFrameworkCore;
using Plusflat.Domain.BusinessCases;
using Plusflat.Domain.DosApplications;
using Plusflat.Infrastructure.Persistence;
using Plusflat.Web.Features.Shared;

namespace Plusflat.Web.Features.DosApplications;

/// <summary>Deadline terms of the zorgkantoren, from configuration section <c>Dos</c> (defaults: 8 weeks to decide, 4 to answer, 6 to object).</summary>
public sealed class DosOptions
{
    public int DecisionWeeks { get; set; } = 8;

    public int AnswerWeeks { get; set; } = 4;

    public int ObjectionWeeks { get; set; } = 6;

    public DosDeadlineSettings Settings => new DosDeadlineSettings(DecisionWeeks, AnswerWeeks, ObjectionWeeks).Checked();

    public static DosDeadlineSettings From(IConfiguration configuration) =>
        (configuration.GetSection("Dos").Get<DosOptions>() ?? new DosOptions()).Settings;
}

/// <summary>
/// Takes the frozen copies an application carries, in the programme's tenant: the complex, the admission gate and the
/// product standard as computed now, and the chosen frozen business-case version (the newest when none is named).
/// </summary>
public static class DosSnapshots
{
    public static async Task<DosSnapshot?> TakeAsync(PlusflatDbContext db, Guid complexId, int? businessCaseVersion, TimeProvider clock, Standard.GetStandardHandler standard, CancellationToken ct)
    {
        var complex = await db.Complexes.AsNoTracking().Where(c => c.Id == complexId)
            .Select(c => new { c.Name, c.Address, c.Municipality, c.District, Dwellings = c.DwellingCount.Value }).FirstOrDefaultAsync(ct);
        if (complex is null)
        {
            return null;
        }

        var gate = await Admission.GateStatus.OutcomeAsync(db, complexId, clock, ct);
        var standardView = await standard.GetAsync(complexId, ct);
        var versions = db.BusinessCaseVersions.AsNoTracking().Where(v => v.ComplexId == complexId);
        var version = businessCaseVersion is { } number
            ? await versions.FirstOrDefaultAsync(v => v.Number == number, ct)
            : await versions.OrderByDescending(v => v.Number).FirstOrDefaultAsync(ct);
        BusinessCaseSnapshot? businessCase = null;
        if (version is not null)
        {
            var result = BusinessCaseCalculator.Compute(version.Plan, complex.Dwellings);
            businessCase = new BusinessCaseSnapshot(version.Number, version.FrozenAt, result.Positive, result.FirstYear, result.Years,
                result.TotalCosts, result.TotalBenefits, result.TotalNet, result.Ratio, result.BreakEvenYear, result.Explanation);
        }

        return new DosSnapshot(
            clock.GetUtcNow(),
            new ComplexSnapshot(complex.Name, complex.Address, complex.Municipality, complex.District, complex.Dwellings),
            gate is null ? null : new GateSnapshot(gate.Passed, [.. gate.Thresholds.SelectMany(t => t.Reasons).Where(r => !gate.Passed || !r.Blocks).Select(r => r.Text)]),
            standardView is { Assessed: true }
                ? new StandardSnapshot(standardView.Eligible, standardView.CatalogueVersion, standardView.AssessedAt,
                    [.. standardView.MissingMusts.Select(standardView.TextOf)], [.. standardView.Exclusions.Select(standardView.TextOf)])
                : null,
            businessCase);
    }
}
