using Microsoft.EntityFrameworkCore;
using Plusflat.Domain.Standard;
using Plusflat.Domain.Tenancy;
using Plusflat.Infrastructure.Persistence;
using Plusflat.Web.Tenancy;

namespace Plusflat.Web.Features.Standard;

/// <summary>
/// The programme's versions of the product standard as the versions page shows them: the newest with its items (the
/// start of a new version), and every stored version with how many assessments use it. Plain values (persisted from the
/// prerender). Without a stored version the position paper's items are shown as version 1 (reading never writes).
/// </summary>
public sealed record StandardVersionsView(int NewestVersion, string NewestName, IReadOnlyList<StandardItem> Items, IReadOnlyList<StandardVersionEntry> Versions);

public sealed record StandardVersionEntry(int Version, string Name, DateTimeOffset CreatedAt, int Musts, int Shoulds, int Nots, int Assessments);

public sealed class GetStandardVersionsHandler(IDbContextFactory<PlusflatDbContext> contexts, CurrentTenant tenant, TimeProvider clock)
{
    public async Task<StandardVersionsView> GetAsync(CancellationToken ct)
    {
        tenant.Demand(Permission.ViewProgramme);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var newest = await CurrentStandard.ReadAsync(db, tenant.Id, clock.GetUtcNow(), ct);
        var stored = await db.StandardCatalogues.AsNoTracking().OrderByDescending(c => c.Version).ToListAsync(ct);
        var used = await db.StandardAssessments.AsNoTracking().GroupBy(a => a.CatalogueId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        int Count(StandardCatalogue c, StandardItemKind kind) => c.Items.Count(i => i.Kind == kind);
        return new StandardVersionsView(newest.Version, newest.Name, newest.Items,
            [.. stored.Select(c => new StandardVersionEntry(c.Version, c.Name, c.CreatedAt,
                Count(c, StandardItemKind.Must), Count(c, StandardItemKind.Should), Count(c, StandardItemKind.Not), used.GetValueOrDefault(c.Id)))]);
    }
}
