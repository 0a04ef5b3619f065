using Microsoft.EntityFrameworkCore;
using Plusflat.Domain.Tenancy;
using Plusflat.Infrastructure.Persistence;
using Plusflat.Web.Tenancy;

namespace Plusflat.Web.Features.Organisations;

/// <summary>The role an organisation has for a complex.</summary>
public enum ComplexPartnerRole
{
    HousingCorporation,
    PreferredCareProvider,
    WelfareParty,
}

/// <summary>A complex the organisation is linked to, in one or more roles (archived complexes are left out, as in every list).</summary>
public sealed record LinkedComplex(Guid Id, string Name, string Municipality, int CurrentPhase, IReadOnlyList<ComplexPartnerRole> Roles);

/// <summary>The organisation page: its facts and the complexes it is a partner of.</summary>
public sealed record OrganisationPageView(OrganisationDetails Organisation, IReadOnlyList<LinkedComplex> Complexes);

/// <summary>Reads an organisation of the current tenant with the complexes that have it as corporation, preferred care provider or welfare party.</summary>
public sealed class GetOrganisationPageHandler(IDbContextFactory<PlusflatDbContext> contexts, CurrentTenant tenant, GetOrganisationHandler organisations)
{
    /// <summary>The page, or <c>null</c> when the organisation does not exist in this tenant.</summary>
    public async Task<OrganisationPageView?> GetAsync(Guid id, CancellationToken ct)
    {
        tenant.Demand(Permission.ViewProgramme);
        if (await organisations.GetAsync(id, ct) is not { } organisation)
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = await db.Complexes.AsNoTracking()
            .Where(c => c.ArchivedAt == null && (c.HousingCorporationId == id || c.PreferredCareProviderId == id || c.WelfarePartyId == id))
            .Select(c => new { c.Id, c.Name, c.Municipality, c.CurrentPhase, c.HousingCorporationId, c.PreferredCareProviderId, c.WelfarePartyId })
            .ToListAsync(ct);
        var complexes = rows
            .Select(c => new LinkedComplex(c.Id, c.Name, c.Municipality, c.CurrentPhase, RolesOf(id, c.HousingCorporationId, c.PreferredCareProviderId, c.WelfarePartyId)))
            .OrderBy(c => c.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("nl-NL"), ignoreCase: true))
            .ToList();
        return new OrganisationPageView(organisation, complexes);
    }

    internal static IReadOnlyList<ComplexPartnerRole> RolesOf(Guid id, Guid? corporation, Guid? careProvider, Guid? welfare) =>
        new (Guid? Partner, ComplexPartnerRole Role)[]
            {
                (corporation, ComplexPartnerRole.HousingCorporation),
                (careProvider, ComplexPartnerRole.PreferredCareProvider),
                (welfare, ComplexPartnerRole.WelfareParty),
            }
            .Where(p => p.Partner == id).Select(p => p.Role).ToList();
}
