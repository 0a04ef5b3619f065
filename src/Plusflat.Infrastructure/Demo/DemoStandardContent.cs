using Microsoft.EntityFrameworkCore;
using Plusflat.Domain.Organisations;
using Plusflat.Domain.Partners;
using Plusflat.Domain.Standard;
using Plusflat.Infrastructure.Persistence;

namespace Plusflat.Infrastructure.Demo;

/// <summary>
/// Demo product-standard assessments and partner choices for the complexes of the admission-gate demo
/// (<see cref="DemoAdmissionContent"/>, which runs first), each in another state:
/// De Klimop eligible (a first assessment with a must missing, then one with every must met; re-assessment due soon is
/// not: it was just done); Lindenhove failed on scale and with a must missing (no early-signalling meeting yet); the
/// light-route pair Het Vlierhof (re-assessment due within the month) and De Sleutelbloem eligible; Parkzicht with every
/// must met but failed on need, its assessment over a year old (re-assessment overdue). Het Zonnehof and the other
/// complexes are not assessed. De Klimop, Het Vlierhof and De Sleutelbloem also get their partner choice with the
/// residents' voice, the four steps and the open-entry list. Added only when the tenant has no standard assessment yet.
/// </summary>
public sealed class DemoStandardContent : IDemoTenantContent
{
    private const string Tenant = "lltf-amsterdam";

    public async Task SeedAsync(PlusflatDbContext db, Guid tenantId, string tenantSlug, DateTimeOffset now)
    {
        if (tenantSlug != Tenant || await db.StandardAssessments.AnyAsync() || !await db.AdmissionAssessments.AnyAsync())
        {
            return;
        }

        var lead = await db.Users.Where(u => u.Email == "lead@lltf-amsterdam.demo").Select(u => new { u.Id, u.DisplayName }).FirstAsync();
        var complexes = await db.Complexes.ToDictionaryAsync(c => c.Name, c => c);
        var catalogue = await db.StandardCatalogues.OrderByDescending(c => c.Version).FirstOrDefaultAsync();
        if (catalogue is null)
        {
            catalogue = StandardCatalogue.CreateDefault(tenantId, now.AddDays(-500));
            db.StandardCatalogues.Add(catalogue);
        }

        void Assess(string name, int number, int daysAgo, params (string Key, StandardItemStatus Status, string Evidence)[] exceptions)
        {
            if (!complexes.TryGetValue(name, out var complex))
            {
                return;
            }

            var items = catalogue.Items.Select(item =>
                exceptions.FirstOrDefault(e => e.Key == item.Key) is { Key: not null } exception
                    ? new AssessedItem(item.Key, exception.Status, exception.Evidence)
                    : Default(item));
            db.StandardAssessments.Add(new StandardAssessment(tenantId, complex.Id, catalogue, number, items, lead.Id, lead.DisplayName, now.AddDays(-daysAgo)));
        }

        const string NoMeeting = "preventie-signaleringsoverleg";
        Assess("De Klimop", 1, 400, (NoMeeting, StandardItemStatus.NotMet, "Nog geen vast overleg; signalen lopen via de huismeester."));
        Assess("De Klimop", 2, 14);
        Assess("Lindenhove", 1, 20, (NoMeeting, StandardItemStatus.NotMet, "Het overleg is gepland maar nog niet gestart; escalatielijnen ontbreken."));
        Assess("Het Vlierhof", 1, 350);
        Assess("De Sleutelbloem", 1, 30);
        Assess("Parkzicht", 1, 380);

        var organisations = await db.Organisations.Where(o => o.Kind == OrganisationKind.CareProvider || o.Kind == OrganisationKind.WelfareParty)
            .ToListAsync();
        var preferred = organisations.FirstOrDefault(o => o.Kind == OrganisationKind.CareProvider && o.CareProviderFacts?.MeetsHardCriteria == true);
        var other = organisations.FirstOrDefault(o => o.Kind == OrganisationKind.CareProvider && o.Id != preferred?.Id);
        var welfare = organisations.FirstOrDefault(o => o.Kind == OrganisationKind.WelfareParty);
        if (preferred is not null)
        {
            var today = DateOnly.FromDateTime(now.UtcDateTime);
            foreach (var name in new[] { "De Klimop", "Het Vlierhof", "De Sleutelbloem" })
            {
                if (complexes.TryGetValue(name, out var complex))
                {
                    ChoosePartners(db, tenantId, complex, preferred.Id, other?.Id, welfare?.Id, today, (lead.Id, lead.DisplayName), now);
                }
            }
        }

        await db.SaveChangesAsync();
    }

    /// <summary>Every must and should met with its evidence, no exclusion: the assessment of a complex that meets the standard.</summary>
    private static AssessedItem Default(StandardItem item) => item.Kind == StandardItemKind.Not
        ? new AssessedItem(item.Key, StandardItemStatus.DoesNotApply, null)
        : new AssessedItem(item.Key, StandardItemStatus.Met, "Gezien bij het schouwen van het complex en in de samenwerkingsafspraken.");

    private static void ChoosePartners(
        PlusflatDbContext db, Guid tenantId, Domain.Complexes.Complex complex, Guid preferred, Guid? other, Guid? welfare, DateOnly today,
        (Guid Id, string Name) lead, DateTimeOffset now)
    {
        var selection = new PartnerSelection(tenantId, complex.Id);
        var candidates = new List<ProviderCandidate>
        {
            new(preferred, CommittedToGoals: true, CooperatesInHandover: true,
            [
                new AspectScore(WeighingAspect.KnownInNeighbourhood, 3, "Levert al jaren wijkverpleging in deze buurt."),
                new AspectScore(WeighingAspect.GpFirstLineAgreements, 2, "Vaste afspraken met de twee huisartsenpraktijken in de wijk."),
                new AspectScore(WeighingAspect.IntramuralLocationNearby, 2, "Verpleeghuislocatie op vijf minuten lopen."),
            ]),
        };
        if (other is { } second)
        {
            candidates.Add(new ProviderCandidate(second, CommittedToGoals: true, CooperatesInHandover: false,
                [new AspectScore(WeighingAspect.KnownInNeighbourhood, 2, "Een deel van de bewoners krijgt al thuiszorg van deze aanbieder.")]));
        }

        selection.Record(
            candidates,
            new ResidentsVoice(today.AddDays(-80), "Bewonersavond in de ontmoetingsruimte en huisbezoeken bij wie niet kon komen",
                "Een vast gezicht, iemand die de weg weet als het thuis niet meer gaat, en samen eten.",
                "Zorg dat de eigen thuiszorg blijft komen.",
                "De eigen thuiszorg mag blijven (open instap); de voorkeursaanbieder stemt met haar af."),
            new Dictionary<SelectionStep, DateOnly>
            {
                [SelectionStep.ExploreWithResidents] = today.AddDays(-80),
                [SelectionStep.JointAmbitionPlanAndBudget] = today.AddDays(-60),
                [SelectionStep.IntroduceProviderToResidents] = today.AddDays(-40),
                [SelectionStep.InformNeighbourhoodPartners] = today.AddDays(-30),
            },
            other is { } open
                ? [new OpenEntryProvider(open, "Wijkverpleegkundige, team Oost", [OpenEntryRule.OneContactPerson, OpenEntryRule.ShareEssentialInformation, OpenEntryRule.HandoverProtocol])]
                : [],
            today);
        db.PartnerSelections.Add(selection);
        if (complex.PreferredCareProviderId != preferred || complex.WelfarePartyId != welfare)
        {
            complex.UpdateFacts(complex.ToFacts() with { PreferredCareProviderId = preferred, WelfarePartyId = welfare ?? complex.WelfarePartyId },
                lead.Id, lead.Name, now.AddDays(-30));
        }
    }
}
