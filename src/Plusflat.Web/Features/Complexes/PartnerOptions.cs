using Microsoft.EntityFrameworkCore;
using Plusflat.Domain.Organisations;
using Plusflat.Domain.Tenancy;
using Plusflat.Infrastructure.Persistence;
using Plusflat.Web.Tenancy;

namespace Plusflat.Web.Features.Complexes;

public sealed record CorporationOption(Guid Id, string Name);

/// <summary>The organisations a complex can be linked to, by the role they play there.</summary>
public sealed record PartnerOptions(
    IReadOnlyList<CorporationOption> Corporations, IReadOnlyList<CorporationOption> CareProviders, IReadOnlyList<CorporationOption> WelfareParties)
{
    public static readonly PartnerOptions None = new([], [], []);

    public string? NameOf(Guid? id) => id is null ? null
        : Corporations.Concat(CareProviders).Concat(WelfareParties).FirstOrDefault(o => o.Id == id)?.Name;
}

/// <summary>Reads the partner choices of the programme (one query for the three kinds).</summary>
public sealed class PartnerOptionsHandler(IDbContextFactory<PlusflatDbContext> contexts, CurrentTenant tenant)
{
    private static readonly OrganisationKind[] Kinds = [OrganisationKind.HousingCorporation, OrganisationKind.CareProvider, OrganisationKind.WelfareParty];

    public async Task<PartnerOptions> GetAsync(CancellationToken ct)
    {
        tenant.Demand(Permission.ViewProgramme);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var all = await db.Organisations.AsNoTracking().Where(o => Kinds.Contains(o.Kind)).OrderBy(o => o.Name)
            .Select(o => new { o.Id, o.Name, o.Kind }).ToListAsync(ct);
        List<CorporationOption> Of(OrganisationKind kind) => [.. all.Where(o => o.Kind == kind).Select(o => new CorporationOption(o.Id, o.Name))];
        return new PartnerOptions(Of(OrganisationKind.HousingCorporation), Of(OrganisationKind.CareProvider), Of(OrganisationKind.WelfareParty));
    }
}
