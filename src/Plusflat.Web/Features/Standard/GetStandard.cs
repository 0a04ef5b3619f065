using Microsoft.EntityFrameworkCore;
using Plusflat.Domain.Standard;
using Plusflat.Domain.Tenancy;
using Plusflat.Infrastructure.Persistence;
using Plusflat.Web.Features.Shared;
using Plusflat.Web.Tenancy;

namespace Plusflat.Web.Features.Standard;

/// <summary>
/// A complex against the product standard, as the page and the API show it: the items of the version that counts
/// (the latest assessment's, or the newest version when there is none) with their status and evidence, the outcome
/// computed now (eligible, missing musts, exclusions, accelerators, when a re-assessment is due) and the earlier
/// assessments. Plain values, so the prerender can hand it to the circuit.
/// </summary>
public sealed record StandardView(
    Guid ComplexId,
    string ComplexName,
    int CatalogueVersion,
    string CatalogueName,
    IReadOnlyList<StandardItemView> Items,
    bool Eligible,
    bool GatePassed,
    bool Assessed,
    IReadOnlyList<string> MissingMusts,
    IReadOnlyList<string> Exclusions,
    IReadOnlyList<string> Accelerators,
    DateTimeOffset? AssessedAt,
    string? AssessedBy,
    DateOnly? DueOn,
    AssessmentDue Due,
    int? Version,
    int NewestCatalogueVersion,
    IReadOnlyList<StandardItemView> FormItems,
    IReadOnlyList<StandardAssessmentEntry> History)
{
    public string TextOf(string key) => Items.FirstOrDefault(i => i.Key == key)?.Text ?? key;
}

public sealed record StandardItemView(string Key, StandardDomain Domain, StandardItemKind Kind, string Text, StandardItemStatus? Status, string? Evidence);

public sealed record StandardAssessmentEntry(int Number, DateTimeOffset At, string By, int CatalogueVersion);

public sealed class GetStandardHandler(IDbContextFactory<PlusflatDbContext> contexts, CurrentTenant tenant, TimeProvider clock)
{
    public async Task<StandardView?> GetAsync(Guid complexId, CancellationToken ct)
    {
        tenant.Demand(Permission.ViewProgramme);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var complex = await db.Complexes.AsNoTracking().Where(c => c.Id == complexId).Select(c => new { c.Id, c.Name }).FirstOrDefaultAsync(ct);
        if (complex is null)
        {
            return null;
        }

        var assessments = await db.StandardAssessments.AsNoTracking().Where(a => a.ComplexId == complexId)
            .OrderByDescending(a => a.Number).ToListAsync(ct);
        var latest = assessments.FirstOrDefault();
        var newest = await CurrentStandard.ReadAsync(db, tenant.Id, clock.GetUtcNow(), ct);
        var catalogue = latest is null || latest.CatalogueId == newest.Id
            ? newest
            : await db.StandardCatalogues.AsNoTracking().FirstAsync(c => c.Id == latest.CatalogueId, ct);
        var gatePassed = await Admission.GateStatus.PassedAsync(db, complexId, clock, ct);
        var outcome = StandardOutcome.Evaluate(catalogue, latest, gatePassed, Dates.Today(clock));

        var assessed = latest?.Items.ToDictionary(i => i.Key, StringComparer.Ordinal) ?? [];
        List<StandardItemView> ItemsOf(StandardCatalogue c) =>
            [.. c.Items.Select(i => new StandardItemView(i.Key, i.Domain, i.Kind, i.Text,
                assessed.TryGetValue(i.Key, out var a) ? a.Status : null, assessed.TryGetValue(i.Key, out var e) ? e.Evidence : null))];
        var items = ItemsOf(catalogue);
        return new StandardView(
            complex.Id,
            complex.Name,
            catalogue.Version,
            catalogue.Name,
            items,
            outcome.Eligible,
            outcome.GatePassed,
            outcome.Assessed,
            [.. outcome.MissingMusts.Select(i => i.Key)],
            [.. outcome.Exclusions.Select(i => i.Key)],
            [.. outcome.Accelerators.Select(i => i.Key)],
            latest?.AssessedAt,
            latest?.AssessedByName,
            outcome.DueOn,
            outcome.Due,
            latest?.Number,
            newest.Version,
            // A new assessment uses the newest version: its items, filled in from the latest assessment where the key is the same.
            catalogue == newest ? items : ItemsOf(newest),
            [.. assessments.Select(x => new StandardAssessmentEntry(x.Number, x.AssessedAt, x.AssessedByName, x.CatalogueVersion))]);
    }

    /// <summary>The newest version's items (the API's catalogue).</summary>
    public async Task<StandardCatalogue> CatalogueAsync(CancellationToken ct)
    {
        tenant.Demand(Permission.ViewProgramme);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await CurrentStandard.ReadAsync(db, tenant.Id, clock.GetUtcNow(), ct);
    }
}
