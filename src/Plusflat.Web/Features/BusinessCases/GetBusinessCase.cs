using Microsoft.EntityFrameworkCore;
using Plusflat.Domain.BusinessCases;
using Plusflat.Domain.Tenancy;
using Plusflat.Infrastructure.Persistence;
using Plusflat.Web.Tenancy;

namespace Plusflat.Web.Features.BusinessCases;

/// <summary>A frozen version as listed next to the working copy.</summary>
public sealed record BusinessCaseVersionEntry(int Number, DateTimeOffset FrozenAt, string FrozenBy, string? Note);

/// <summary>
/// A complex's business case as the page and the API show it: the editable input, the results computed from it now, and the
/// frozen versions. <see cref="Input"/> and <see cref="Result"/> are null when the complex has no case yet. Plain values, so
/// the prerender can hand it to the circuit.
/// </summary>
public sealed record BusinessCaseView(
    Guid ComplexId,
    string ComplexName,
    int Dwellings,
    uint Version,
    BusinessCaseInput? Input,
    BusinessCaseResult? Result,
    DateTimeOffset? UpdatedAt,
    string? UpdatedBy,
    IReadOnlyList<BusinessCaseVersionEntry> Versions)
{
    public bool Exists => Input is not null;
}

/// <summary>A frozen version with its results, as computed from its own lines (the same arithmetic as the working copy).</summary>
public sealed record BusinessCaseVersionView(
    Guid ComplexId, string ComplexName, int Dwellings, int Number, DateTimeOffset FrozenAt, string FrozenBy, string? Note,
    BusinessCaseInput Input, BusinessCaseResult Result);

public sealed class GetBusinessCaseHandler(IDbContextFactory<PlusflatDbContext> contexts, CurrentTenant tenant)
{
    public async Task<BusinessCaseView?> GetAsync(Guid complexId, CancellationToken ct)
    {
        tenant.Demand(Permission.ViewProgramme);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var complex = await db.Complexes.AsNoTracking().Where(c => c.Id == complexId).Select(c => new { c.Id, c.Name, c.DwellingCount }).FirstOrDefaultAsync(ct);
        if (complex is null)
        {
            return null;
        }

        var businessCase = await db.BusinessCases.AsNoTracking().FirstOrDefaultAsync(b => b.ComplexId == complexId, ct);
        var versions = await db.BusinessCaseVersions.AsNoTracking().Where(v => v.ComplexId == complexId).OrderBy(v => v.Number)
            .Select(v => new BusinessCaseVersionEntry(v.Number, v.FrozenAt, v.FrozenByName, v.Note)).ToListAsync(ct);
        var dwellings = complex.DwellingCount.Value;
        return businessCase is null
            ? new BusinessCaseView(complex.Id, complex.Name, dwellings, 0, null, null, null, null, versions)
            : new BusinessCaseView(complex.Id, complex.Name, dwellings, businessCase.Version, BusinessCaseInput.From(businessCase.Plan, businessCase.Version),
                BusinessCaseCalculator.Compute(businessCase.Plan, dwellings), businessCase.UpdatedAt, businessCase.UpdatedByName, versions);
    }

    public async Task<BusinessCaseVersionView?> VersionAsync(Guid complexId, int number, CancellationToken ct)
    {
        tenant.Demand(Permission.ViewProgramme);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var complex = await db.Complexes.AsNoTracking().Where(c => c.Id == complexId).Select(c => new { c.Id, c.Name, c.DwellingCount }).FirstOrDefaultAsync(ct);
        var version = complex is null ? null : await db.BusinessCaseVersions.AsNoTracking().FirstOrDefaultAsync(v => v.ComplexId == complexId && v.Number == number, ct);
        if (complex is null || version is null)
        {
            return null;
        }

        return new BusinessCaseVersionView(complex.Id, complex.Name, complex.DwellingCount.Value, version.Number, version.FrozenAt, version.FrozenByName, version.Note,
            BusinessCaseInput.From(version.Plan, 0), BusinessCaseCalculator.Compute(version.Plan, complex.DwellingCount.Value));
    }
}
