using Microsoft.EntityFrameworkCore;
using Plusflat.Domain.Signalling;
using Plusflat.Domain.Tenancy;
using Plusflat.Infrastructure.Persistence;
using Plusflat.Web.Tenancy;

namespace Plusflat.Web.Features.Signalling;

/// <summary>A count per month and category; <see cref="Count"/> is null when it is 1 or 2 (shown as "&lt; 3").</summary>
public sealed record CountRow(string Month, SignalCategory Category, int? Count, string Shown);

public sealed record SignalCountsView(Guid ComplexId, string ComplexName, string From, string To, IReadOnlyList<CountRow> Rows);

/// <summary>Signal counts per month and category for leads and observers (and the complex's own team). Never details.</summary>
public sealed class GetSignalCountsHandler(IDbContextFactory<PlusflatDbContext> contexts, CurrentTenant tenant, SignallingGate gate)
{
    public async Task<SignalCountsView?> GetAsync(Guid complexId, DateOnly from, DateOnly to, CancellationToken ct)
    {
        tenant.Demand(Permission.ViewSignalCounts);
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (!gate.SeesProgrammeWide && !await gate.IsOnTeamAsync(db, complexId, ct))
        {
            return null;
        }

        var complex = await db.Complexes.AsNoTracking().Where(c => c.Id == complexId).Select(c => c.Name).FirstOrDefaultAsync(ct);
        if (complex is null)
        {
            return null;
        }

        var first = new DateOnly(from.Year, from.Month, 1);
        var last = new DateOnly(to.Year, to.Month, 1);
        var counts = await db.SignalTallies.Where(t => t.ComplexId == complexId && t.Month >= first && t.Month <= last)
            .GroupBy(t => new { t.Month, t.Category }).Select(g => new { g.Key.Month, g.Key.Category, Count = g.Count() }).ToListAsync(ct);
        var rows = counts.Select(c => (c.Month, Category: Enum.Parse<SignalCategory>(c.Category), c.Count))
            .OrderBy(c => c.Month).ThenBy(c => c.Category)
            .Select(c => new CountRow(c.Month.ToString("yyyy-MM"), c.Category, SmallCount.Value(c.Count), SmallCount.Show(c.Count))).ToList();
        return new SignalCountsView(complexId, complex, first.ToString("yyyy-MM"), last.ToString("yyyy-MM"), rows);
    }
}
