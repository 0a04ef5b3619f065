using Microsoft.EntityFrameworkCore;
using Plusflat.Domain.Admission;
using Plusflat.Domain.Complexes;
using Plusflat.Domain.Organisations;
using Plusflat.Infrastructure.Persistence;

namespace Plusflat.Infrastructure.Demo;

/// <summary>
/// Demo admission gates for Amsterdam, each in another state: passed (De Klimop), failed on scale (Lindenhove, 96
/// dwellings and not grouped), a light-route pair that passes together (two small Oost complexes, added here),
/// excluded as self-sufficient (Parkzicht) and an agreement dated in the future (Het Zonnehof). Runs after
/// <see cref="DemoProgrammeContent"/>; added only when the tenant has no assessment yet.
/// </summary>
public sealed class DemoAdmissionContent : IDemoTenantContent
{
    private const string Tenant = "lltf-amsterdam";

    public async Task SeedAsync(PlusflatDbContext db, Guid tenantId, string tenantSlug, DateTimeOffset now)
    {
        if (tenantSlug != Tenant || await db.AdmissionAssessments.AnyAsync() || !await db.Complexes.AnyAsync())
        {
            return;
        }

        var lead = await db.Users.Where(u => u.Email == "lead@lltf-amsterdam.demo").Select(u => new { u.Id, u.DisplayName }).FirstAsync();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var complexes = await db.Complexes.ToDictionaryAsync(c => c.Name, c => c.Id);
        var vlierhof = await SmallComplexAsync(db, tenantId, complexes, "Het Vlierhof", "Vlierstraat 4", "1093 AH", 58, now, (lead.Id, lead.DisplayName));
        var sleutelbloem = await SmallComplexAsync(db, tenantId, complexes, "De Sleutelbloem", "Sleutelbloemstraat 11", "1093 BK", 49, now, (lead.Id, lead.DisplayName));

        IReadOnlyList<GovernanceAgreement> Agreed(int daysAgo, int? corporationInDays = null) =>
        [
            new(GovernanceParty.Municipality, "Stadsdeel, wethouder Zorg", today.AddDays(-daysAgo), $"GEM-{today.Year}-{daysAgo:000}"),
            new(GovernanceParty.Corporation, "Directeur wonen", corporationInDays is { } days ? today.AddDays(days) : today.AddDays(-daysAgo + 3), $"CORP-{daysAgo:000}"),
            new(GovernanceParty.CareProvider, "Zorggroep Amstelzorg, regiodirecteur", today.AddDays(-daysAgo + 5), $"ZA-{daysAgo:000}"),
        ];
        var need = new NeedFacts(
            "Veel alleenstaande ouderen; het bewonerscomité ziet dat bewoners elkaar weinig ontmoeten.",
            null,
            "Twee valincidenten werden pas na dagen opgemerkt.",
            "Een derde van de bewoners krijgt wijkverpleging of Wlz-zorg thuis.",
            MostlySelfSufficient: false,
            HardlyAnyHomeCare: false);

        var gates = new List<(Guid? Complex, AdmissionFacts Facts)>
        {
            (Id(complexes, "De Klimop"), new(new ConcentrationFacts(true, [], false, "Eén gebouw met één centrale entree en lift."), need, Agreed(90))),
            (Id(complexes, "Lindenhove"), new(new ConcentrationFacts(true, [], false, "Eén portiekflat met gezamenlijke entree."), need, Agreed(60))),
            (vlierhof, new(new ConcentrationFacts(true, [sleutelbloem], true, "Twee flats aan één binnenhof; samen één flatteam en één ontmoetingsruimte."), need, Agreed(45))),
            (sleutelbloem, new(new ConcentrationFacts(true, [vlierhof], true, "Deelt het flatteam en de ontmoetingsruimte met Het Vlierhof."), need, Agreed(45))),
            (Id(complexes, "Parkzicht"), new(
                new ConcentrationFacts(true, [], false, "Eén gebouw met gezamenlijke entree."),
                new NeedFacts("Enkele bewoners voelen zich eenzaam.", null, null, null, MostlySelfSufficient: true, HardlyAnyHomeCare: true),
                Agreed(30))),
            (Id(complexes, "Het Zonnehof"), new(new ConcentrationFacts(true, [], false, "Eén gebouw, twee trappenhuizen aan één hal."), need, Agreed(20, corporationInDays: 30))),
        };

        foreach (var (complexId, facts) in gates)
        {
            if (complexId is { } id)
            {
                db.AdmissionAssessments.Add(new AdmissionAssessment(tenantId, id, 1, facts, lead.Id, lead.DisplayName, now.AddDays(-7)));
            }
        }

        await db.SaveChangesAsync();
    }

    private static Guid? Id(Dictionary<string, Guid> complexes, string name) => complexes.TryGetValue(name, out var id) ? id : null;

    private static async Task<Guid> SmallComplexAsync(
        PlusflatDbContext db, Guid tenantId, Dictionary<string, Guid> complexes, string name, string address, string postcode, int dwellings, DateTimeOffset now,
        (Guid Id, string Name) lead)
    {
        if (complexes.TryGetValue(name, out var existing))
        {
            return existing;
        }

        var catalogue = await db.PhaseCatalogues.OrderByDescending(c => c.Version).FirstAsync();
        var corporation = await db.Organisations.Where(o => o.Kind == OrganisationKind.HousingCorporation).OrderBy(o => o.Name).Select(o => (Guid?)o.Id).FirstOrDefaultAsync();
        var complex = new Complex(tenantId, new ComplexFacts
        {
            Name = name,
            Address = address,
            Postcode = postcode,
            Municipality = "Amsterdam",
            District = "Oost",
            HousingCorporationId = corporation,
            DwellingCount = dwellings,
            ShareAged65Plus = 76,
            ZeroStepDwellings = dwellings,
            ShareSocialRent = 90,
            HasCommonRoom = true,
            NearFacilities = true,
            ClusterName = "Binnenhof Oost",
        }, catalogue, lead.Id, lead.Name, now.AddDays(-120));
        db.Complexes.Add(complex);
        complexes[name] = complex.Id;
        return complex.Id;
    }
}
