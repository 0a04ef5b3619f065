using Microsoft.EntityFrameworkCore;
using Plusflat.Domain.DosApplications;
using Plusflat.Infrastructure.Persistence;

namespace Plusflat.Infrastructure.Demo;

/// <summary>
/// Demo DOS content, run last: the DOS budgets 2027–2029 of both zorgkantoren (built through the domain). Idempotent: a year
/// that has a budget is left alone. The applications in each state come after it, from the web project's
/// <c>DemoDosApplications</c> (made by the handlers, which live there).
/// </summary>
public sealed class DemoDosContent : IDemoTenantContent
{
    private static readonly Dictionary<string, decimal> BudgetPerYear = new(StringComparer.Ordinal)
    {
        ["zorgkantoor-amsterdam"] = 2_500_000m,
        ["zorgkantoor-rotterdam"] = 1_800_000m,
    };

    public async Task SeedAsync(PlusflatDbContext db, Guid tenantId, string tenantSlug, DateTimeOffset now)
    {
        if (!BudgetPerYear.TryGetValue(tenantSlug, out var total))
        {
            return;
        }

        var existing = await db.DosBudgets.Select(b => b.Year).ToListAsync();
        foreach (var year in Enumerable.Range(2027, 3).Where(y => !existing.Contains(y)))
        {
            db.DosBudgets.Add(new DosBudget(tenantId, year, total, now));
        }

        await db.SaveChangesAsync();
    }
}
