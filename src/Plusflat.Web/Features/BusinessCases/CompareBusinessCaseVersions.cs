using Microsoft.EntityFrameworkCore;
using Plusflat.Domain.BusinessCases;
using Plusflat.Domain.Tenancy;
using Plusflat.Infrastructure.Persistence;
using Plusflat.Web.Tenancy;

namespace Plusflat.Web.Features.BusinessCases;

/// <summary>Two versions side by side (<see cref="To"/> null: the working copy).</summary>
public sealed record BusinessCaseComparisonView(int From, int? To, BusinessCaseComparison Comparison);

/// <summary>Compares a frozen version with another one or with the working copy, line by line.</summary>
public sealed class CompareBusinessCaseVersionsHandler(IDbContextFactory<PlusflatDbContext> contexts, CurrentTenant tenant)
{
    public async Task<BusinessCaseComparisonView?> CompareAsync(Guid complexId, int from, int? to, CancellationToken ct)
    {
        tenant.Demand(Permission.ViewProgramme);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var left = await db.BusinessCaseVersions.AsNoTracking().Where(v => v.ComplexId == complexId && v.Number == from).Select(v => v.Plan).FirstOrDefaultAsync(ct);
        var right = to is { } number
            ? await db.BusinessCaseVersions.AsNoTracking().Where(v => v.ComplexId == complexId && v.Number == number).Select(v => v.Plan).FirstOrDefaultAsync(ct)
            : await db.BusinessCases.AsNoTracking().Where(b => b.ComplexId == complexId).Select(b => b.Plan).FirstOrDefaultAsync(ct);
        return left is null || right is null ? null : new BusinessCaseComparisonView(from, to, BusinessCaseComparison.Compare(left, right));
    }
}
