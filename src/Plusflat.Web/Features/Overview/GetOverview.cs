using Microsoft.EntityFrameworkCore;
using Plusflat.Domain.Complexes;
using Plusflat.Domain.Phases;
using Plusflat.Domain.Tenancy;
using Plusflat.Infrastructure.Persistence;
using Plusflat.Web.Tenancy;

namespace Plusflat.Web.Features.Overview;

/// <summary>One phase on the overview: how many complexes are in it now.</summary>
public sealed record PhaseRow(int Phase, string Name, int Count);

/// <summary>A district or corporation with its complexes; <see cref="Query"/> filters the complex list on it (null: no filter possible).</summary>
public sealed record GroupRow(string Name, int Count, int InExecution, string? Query);

/// <summary>
/// What the overview shows, as a plain record (it round-trips through the prerender's persisted state).
/// <see cref="Percent"/> is the ambition's progress, null without an ambition.
/// </summary>
public sealed record OverviewView(
    int Total,
    int InExecution,
    int? Target,
    int? TargetYear,
    decimal? Percent,
    IReadOnlyList<PhaseRow> PerPhase,
    IReadOnlyList<GroupRow> PerDistrict,
    IReadOnlyList<GroupRow> PerCorporation,
    AmbitionInput Ambition);

/// <summary>The programme overview: complexes per phase, district and corporation, and progress towards the ambition.</summary>
public sealed class GetOverviewHandler(IDbContextFactory<PlusflatDbContext> contexts, CurrentTenant tenant)
{
    public async Task<OverviewView> GetAsync(CancellationToken ct)
    {
        tenant.Demand(Permission.ViewProgramme);
        await using var db = await contexts.CreateDbContextAsync(ct);

        // Counted in the database: one row per (phase, district, corporation), never one per complex.
        var groups = await db.Complexes.AsNoTracking()
            .Where(c => c.ArchivedAt == null)
            .GroupBy(c => new { c.CurrentPhase, c.District, c.HousingCorporationId })
            .Select(g => new { g.Key.CurrentPhase, g.Key.District, g.Key.HousingCorporationId, Count = g.Count() })
            .ToListAsync(ct);
        var corporationIds = groups.Where(g => g.HousingCorporationId != null).Select(g => g.HousingCorporationId!.Value).Distinct().ToList();
        var corporations = await db.Organisations.AsNoTracking()
            .Where(o => corporationIds.Contains(o.Id))
            .Select(o => new { o.Id, o.Name })
            .ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var ambition = await db.ProgrammeAmbitions.AsNoTracking()
            .Select(a => new { a.TargetCount, a.TargetYear, a.Version })
            .FirstOrDefaultAsync(ct);

        var progress = PortfolioProgress.Compute(groups.SelectMany(g => Enumerable.Repeat(g.CurrentPhase, g.Count)), ambition?.TargetCount);
        var perDistrict = groups
            .GroupBy(g => g.District)
            .Select(d => new GroupRow(
                d.Key ?? "Wijk onbekend",
                d.Sum(g => g.Count),
                d.Where(g => g.CurrentPhase >= PortfolioProgress.ExecutionPhase).Sum(g => g.Count),
                d.Key is null ? null : $"wijk={Uri.EscapeDataString(d.Key)}"))
            .OrderByDescending(r => r.Count).ThenBy(r => r.Name, StringComparer.CurrentCulture)
            .ToList();
        var perCorporation = groups
            .GroupBy(g => g.HousingCorporationId)
            .Select(c => new GroupRow(
                c.Key is { } id && corporations.TryGetValue(id, out var name) ? name : "Geen corporatie gekozen",
                c.Sum(g => g.Count),
                c.Where(g => g.CurrentPhase >= PortfolioProgress.ExecutionPhase).Sum(g => g.Count),
                c.Key is { } corporation ? $"corporatie={corporation}" : null))
            .OrderByDescending(r => r.Count).ThenBy(r => r.Name, StringComparer.CurrentCulture)
            .ToList();

        return new OverviewView(
            progress.Total,
            progress.InExecution,
            progress.Target,
            ambition?.TargetYear,
            progress.PercentOfTarget,
            progress.PerPhase.Select(p => new PhaseRow(p.Phase, PhaseNames.Of(p.Phase), p.Count)).ToList(),
            perDistrict,
            perCorporation,
            ambition is null
                ? new AmbitionInput()
                : new AmbitionInput { TargetCount = ambition.TargetCount, TargetYear = ambition.TargetYear, Version = ambition.Version });
    }
}
