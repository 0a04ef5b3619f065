using Plusflat.Domain.Common;
using Plusflat.Domain.Organisations;
using static Plusflat.Domain.Tests.TestData;

namespace Plusflat.Domain.Tests.Organisations;

public class OrganisationHistoryTests
{
    private static readonly DateTimeOffset Later = Now.AddDays(1);

    private static readonly CareProviderFacts Assessed = new(true, true, false, true, true, false, true, false);

    private static Organisation Corporation() =>
        new(TenantId, "Woonstad", OrganisationKind.HousingCorporation, null, null, null, null, null, LeadId, LeadName, Now);

    [Fact]
    public void Constructor_WithActor_RecordsWhoAddedItAndWhen()
    {
        var organisation = Corporation();

        var created = Assert.Single(organisation.History);
        Assert.Equal((OrganisationHistoryKind.Created, LeadId, LeadName, Now, organisation.Id), (created.Kind, created.By, created.ByName, created.At, created.OrganisationId));
    }

    [Fact]
    public void Constructor_NoActingUser_Throws() =>
        Assert.Throws<ArgumentException>(
            () => new Organisation(TenantId, "Woonstad", OrganisationKind.HousingCorporation, null, null, null, null, null, Guid.Empty, LeadName, Now));

    [Fact]
    public void Update_ChangedFields_RecordedInTheFormsOrderWithOldAndNewValue()
    {
        var organisation = Corporation();

        organisation.Update("Woonstad Rotterdam", OrganisationKind.CareProvider, "Piet", null, null, null, Assessed, MemberId, MemberName, Later);

        var changes = organisation.History.Where(h => h.Kind == OrganisationHistoryKind.FieldChanged).ToList();
        Assert.Equal(
            [
                ("Name", "Woonstad", "Woonstad Rotterdam"),
                ("Kind", "HousingCorporation", "CareProvider"),
                ("ContactName", null, "Piet"),
                ("CareProviderFacts.ZvwDistrictNursing", null, "true"),
                ("CareProviderFacts.WlzMpt", null, "true"),
                ("CareProviderFacts.WlzVpt", null, "false"),
                ("CareProviderFacts.DementiaCaseManagers", null, "true"),
                ("CareProviderFacts.ContractedByZorgkantoor", null, "true"),
                ("CareProviderFacts.IntramuralLocationNearby", null, "false"),
                ("CareProviderFacts.KnownInNeighbourhood", null, "true"),
                ("CareProviderFacts.GpFirstLineAgreements", null, "false"),
            ],
            changes.Select(c => (c.Field!, c.OldValue, c.NewValue)));
        Assert.Equal(Enumerable.Range(0, changes.Count), changes.Select(c => c.Sequence));
        Assert.All(changes, c => Assert.Equal((MemberId, MemberName, Later), (c.By, c.ByName, c.At)));
    }

    [Fact]
    public void Update_OneCriterionChanged_RecordsOnlyThatOne()
    {
        var organisation = new Organisation(TenantId, "Zorggroep", OrganisationKind.CareProvider, null, null, null, null, Assessed, LeadId, LeadName, Now);

        organisation.Update("Zorggroep", OrganisationKind.CareProvider, null, null, null, null, Assessed with { WlzVpt = true }, LeadId, LeadName, Later);

        var change = Assert.Single(organisation.History, h => h.Kind == OrganisationHistoryKind.FieldChanged);
        Assert.Equal(("CareProviderFacts.WlzVpt", "false", "true"), (change.Field, change.OldValue, change.NewValue));
    }

    [Fact]
    public void Update_NothingChanged_RecordsNothing()
    {
        var organisation = Corporation();

        Assert.Empty(organisation.Update(" Woonstad ", OrganisationKind.HousingCorporation, "", null, null, null, null, LeadId, LeadName, Later));
        Assert.Single(organisation.History);
    }

    [Fact]
    public void Update_Refused_RecordsNothing()
    {
        var organisation = Corporation();

        Assert.Throws<DomainException>(
            () => organisation.Update("Nieuw", OrganisationKind.HousingCorporation, null, "kapot", null, null, null, LeadId, LeadName, Later));

        Assert.Single(organisation.History);
    }

    [Fact]
    public void Update_NoActingUser_ThrowsAndChangesNothing()
    {
        var organisation = Corporation();

        Assert.Throws<ArgumentException>(
            () => organisation.Update("Nieuw", OrganisationKind.HousingCorporation, null, null, null, null, null, LeadId, "", Later));

        Assert.Equal("Woonstad", organisation.Name);
    }
}
