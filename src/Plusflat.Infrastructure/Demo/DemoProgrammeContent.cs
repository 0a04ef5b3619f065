using Microsoft.EntityFrameworkCore;
using Plusflat.Domain.Complexes;
using Plusflat.Domain.Organisations;
using Plusflat.Domain.Phases;
using Plusflat.Infrastructure.Persistence;

namespace Plusflat.Infrastructure.Demo;

/// <summary>
/// Demo partner organisations and complexes for the two programme tenants, built through the domain
/// (ticks and transitions are real, so every complex's phase is consistent with its checklist).
/// Complex names and addresses are made up; districts and partner kinds follow the seed documents.
/// Added only when the tenant has no complexes yet.
/// </summary>
public sealed class DemoProgrammeContent : IDemoTenantContent
{
    private sealed record DemoComplex(string Name, string Address, string Postcode, string District, int Dwellings, decimal Aged65, int Phase, string Corporation);

    private static readonly Dictionary<string, (string Municipality, string Lead, string[] Corporations, (string Name, OrganisationKind Kind, CareProviderFacts? Facts)[] Others, DemoComplex[] Complexes, (int Count, int Year)? Ambition)> Programmes = new()
    {
        ["lltf-amsterdam"] = ("Amsterdam", "lead@lltf-amsterdam.demo",
            ["Woningcorporatie Amstelgoed", "Stichting Woonhaven Amsterdam", "Woonstichting Het IJ"],
            [
                ("Zorggroep Amstelzorg", OrganisationKind.CareProvider, new CareProviderFacts(true, true, true, true, true, true, true, true)),
                ("Thuiszorg De Linde", OrganisationKind.CareProvider, new CareProviderFacts(true, true, false, false, true, false, true, false)),
                ("Welzijn Amsterdam Buurtwerk", OrganisationKind.WelfareParty, null),
                ("Gemeente Amsterdam", OrganisationKind.Municipality, null),
                ("Zorgkantoor Amsterdam", OrganisationKind.Zorgkantoor, null),
            ],
            [
                new("De Klimop", "Klimopweg 12", "1032 AB", "Noord", 186, 78, 4, "Woningcorporatie Amstelgoed"),
                new("Het Zonnehof", "Zonnehofplein 3", "1062 KL", "Nieuw-West", 142, 71, 3, "Stichting Woonhaven Amsterdam"),
                new("Wingerdhuis", "Wingerdstraat 40", "1104 DS", "Zuidoost", 220, 66, 3, "Woonstichting Het IJ"),
                new("De Boomgaard", "Boomgaardlaan 8", "1095 PT", "Oost", 118, 74, 2, "Woningcorporatie Amstelgoed"),
                new("Lindenhove", "Lindengracht 201", "1015 KH", "Centrum", 96, 81, 2, "Stichting Woonhaven Amsterdam"),
                new("Vogelzang", "Vogelzangstraat 15", "1058 BC", "West", 134, 69, 1, "Woonstichting Het IJ"),
                new("Parkzicht", "Parkweg 77", "1076 AZ", "Zuid", 158, 73, 1, "Woningcorporatie Amstelgoed"),
                new("De Waterkant", "Waterkant 5", "1021 TT", "Noord", 104, 77, 1, "Woonstichting Het IJ"),
                new("Meerzicht", "Meerzichtlaan 30", "1068 GG", "Nieuw-West", 176, 64, 0, "Stichting Woonhaven Amsterdam"),
                new("Gaasperhof", "Gaasperdreef 120", "1107 KA", "Zuidoost", 240, 62, 0, "Woonstichting Het IJ"),
            ],
            (30, 2030)),
        ["thuisplusflat-rotterdam"] = ("Rotterdam", "lead@thuisplusflat-rotterdam.demo",
            ["Woonstad Maasoever", "Stichting Havenwonen"],
            [
                ("Zorgcentrum Maasland", OrganisationKind.CareProvider, new CareProviderFacts(true, true, true, true, true, false, true, true)),
                ("Welzijn Rotterdam Zuid", OrganisationKind.WelfareParty, null),
                ("Gemeente Rotterdam", OrganisationKind.Municipality, null),
            ],
            [
                new("Maastoren", "Maasboulevard 100", "3011 TX", "Feijenoord", 318, 68, 3, "Woonstad Maasoever"),
                new("De Kade", "Kadestraat 9", "3083 AB", "Charlois", 260, 72, 2, "Stichting Havenwonen"),
                new("Hof van Zuid", "Zuiderhof 44", "3074 PA", "Feijenoord", 305, 65, 1, "Woonstad Maasoever"),
                new("Alexanderflat", "Alexanderlaan 210", "3067 GJ", "Prins Alexander", 280, 70, 1, "Stichting Havenwonen"),
                new("IJsselzicht", "IJsselmondselaan 61", "3077 LB", "IJsselmonde", 330, 63, 0, "Woonstad Maasoever"),
            ],
            null),
    };

    public async Task SeedAsync(PlusflatDbContext db, Guid tenantId, string tenantSlug, DateTimeOffset now)
    {
        if (!Programmes.TryGetValue(tenantSlug, out var programme) || await db.Complexes.AnyAsync())
        {
            return;
        }

        var lead = await db.Users.Where(u => u.Email == programme.Lead).Select(u => new { u.Id, u.DisplayName }).FirstAsync();
        var registered = now.AddDays(-700);
        var corporations = programme.Corporations.ToDictionary(
            name => name,
            name => new Organisation(tenantId, name, OrganisationKind.HousingCorporation, "Bewonersconsulent", null, null, null, null,
                lead.Id, lead.DisplayName, registered));
        db.Organisations.AddRange(corporations.Values);
        var others = programme.Others
            .Select(o => new Organisation(tenantId, o.Name, o.Kind, null, null, null, null, o.Facts, lead.Id, lead.DisplayName, registered))
            .ToList();
        db.Organisations.AddRange(others);
        var careProvider = others.First(o => o.Kind == OrganisationKind.CareProvider && o.CareProviderFacts?.MeetsHardCriteria == true);
        var welfareParty = others.First(o => o.Kind == OrganisationKind.WelfareParty);

        var catalogue = PhaseCatalogue.CreateDefault(tenantId, now.AddYears(-2));
        db.PhaseCatalogues.Add(catalogue);
        if (programme.Ambition is { } ambition)
        {
            db.ProgrammeAmbitions.Add(new ProgrammeAmbition(tenantId, ambition.Count, ambition.Year));
        }

        // The first corporation got a contact person later: its history shows the change.
        var firstCorporation = corporations[programme.Corporations[0]];
        firstCorporation.Update(firstCorporation.Name, firstCorporation.Kind, "Bewonersconsulent", null, "020 123 4567", null, null,
            lead.Id, lead.DisplayName, registered.AddDays(30));

        var start = now.AddDays(-600);
        var index = 0;
        foreach (var demo in programme.Complexes)
        {
            var facts = new ComplexFacts
            {
                Name = demo.Name,
                Address = demo.Address,
                Postcode = demo.Postcode,
                Municipality = programme.Municipality,
                District = demo.District,
                HousingCorporationId = corporations[demo.Corporation].Id,
                PreferredCareProviderId = demo.Phase >= 1 ? careProvider.Id : null,
                WelfarePartyId = demo.Phase >= 1 ? welfareParty.Id : null,
                DwellingCount = demo.Dwellings,
                ShareAged65Plus = demo.Aged65,
                ZeroStepDwellings = demo.Dwellings * 9 / 10,
                ShareSocialRent = 85,
                HasCommonRoom = demo.Phase >= 1,
                CommonRoomOpenToNeighbourhood = demo.Phase >= 2,
                NearFacilities = true,
                HasWorkspaceForTeam = demo.Phase >= 2,
            };

            // The first two complexes were entered with a first estimate and corrected a few days later, so their
            // timeline shows what a real one does: created, then facts and a partner changed.
            var corrected = index++ < 2;
            var complex = new Complex(tenantId, corrected
                ? facts with { DwellingCount = facts.DwellingCount - 6, ShareAged65Plus = null, WelfarePartyId = null }
                : facts, catalogue, lead.Id, lead.DisplayName, start);
            if (corrected)
            {
                complex.UpdateFacts(facts, lead.Id, lead.DisplayName, start.AddDays(4).AddHours(3));
            }

            var moment = start;
            for (var phase = 0; phase < demo.Phase; phase++)
            {
                foreach (var item in catalogue.ItemsOf(phase))
                {
                    moment = moment.AddDays(9);
                    var day = DateOnly.FromDateTime(moment.UtcDateTime);
                    complex.TickItem(catalogue, item.Id, day, lead.Id, lead.DisplayName, null, null, DateOnly.FromDateTime(now.UtcDateTime), moment.AddHours(10));
                }

                complex.AdvancePhase(catalogue, lead.Id, lead.DisplayName, moment.AddDays(1), null, mayOverride: true);
            }

            // One item of the current phase is already done, so the checklist shows progress.
            if (catalogue.ItemsOf(demo.Phase).FirstOrDefault() is { } first && demo.Phase < PhaseNames.Last)
            {
                complex.TickItem(catalogue, first.Id, DateOnly.FromDateTime(moment.AddDays(5).UtcDateTime), lead.Id, lead.DisplayName,
                    "Besproken in het kernteam", null, DateOnly.FromDateTime(now.UtcDateTime), moment.AddDays(5).AddHours(10));
            }

            db.Complexes.Add(complex);
        }

        await db.SaveChangesAsync();
    }
}
