using Plusflat.Domain.Common;
using Plusflat.Domain.Organisations;
using static Plusflat.Domain.Tests.TestData;

namespace Plusflat.Domain.Tests.Organisations;

public class OrganisationTests
{
    private static readonly CareProviderFacts Facts = new(true, true, true, true, true, false, true, false);

    private static Organisation Create(
        string name = "Woonstichting De Linie",
        OrganisationKind kind = OrganisationKind.HousingCorporation,
        string? contactName = null,
        string? contactEmail = null,
        string? contactPhone = null,
        string? notes = null,
        CareProviderFacts? facts = null) =>
        new(TenantId, name, kind, contactName, contactEmail, contactPhone, notes, facts);

    [Fact]
    public void Constructor_Valid_StoresTrimmedDetails()
    {
        var organisation = Create(
            " Zorggroep Amstel ",
            OrganisationKind.CareProvider,
            " Jan Jansen ",
            " Jan.Jansen@Zorggroep.NL ",
            " 020-123 45 67 ",
            " Sterk in de wijk. ",
            Facts);

        Assert.Equal(TenantId, organisation.TenantId);
        Assert.NotEqual(Guid.Empty, organisation.Id);
        Assert.Equal("Zorggroep Amstel", organisation.Name);
        Assert.Equal(OrganisationKind.CareProvider, organisation.Kind);
        Assert.Equal("Jan Jansen", organisation.ContactName);
        Assert.Equal("jan.jansen@zorggroep.nl", organisation.ContactEmail);
        Assert.Equal("020-123 45 67", organisation.ContactPhone);
        Assert.Equal("Sterk in de wijk.", organisation.Notes);
        Assert.Equal(Facts, organisation.CareProviderFacts);
        Assert.Equal(0u, organisation.Version);
    }

    [Fact]
    public void Constructor_OptionalDetailsBlank_StoredAsNull()
    {
        var organisation = Create(contactName: " ", contactEmail: "", contactPhone: "  ", notes: "");

        Assert.Null(organisation.ContactName);
        Assert.Null(organisation.ContactEmail);
        Assert.Null(organisation.ContactPhone);
        Assert.Null(organisation.Notes);
        Assert.Null(organisation.CareProviderFacts);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Constructor_NameBlank_Refused(string name)
    {
        var error = Assert.Throws<DomainException>(() => Create(name));

        Assert.Equal("Name", error.Field);
        Assert.Equal("Naam is verplicht.", error.Message);
    }

    [Fact]
    public void Constructor_NameOf200Characters_Accepted() => Assert.Equal(200, Create(new string('n', 200)).Name.Length);

    [Fact]
    public void Constructor_NameTooLong_Refused() =>
        Assert.Equal("Name", Assert.Throws<DomainException>(() => Create(new string('n', 201))).Field);

    [Fact]
    public void Constructor_UnknownKind_Refused() =>
        Assert.Equal("Kind", Assert.Throws<DomainException>(() => Create(kind: (OrganisationKind)99)).Field);

    [Theory]
    [InlineData("jan")]
    [InlineData("jan@")]
    [InlineData("@zorggroep.nl")]
    [InlineData("jan@@zorggroep.nl")]
    [InlineData("jan jansen@zorggroep.nl")]
    [InlineData("Jan <jan@zorggroep.nl>")]
    [InlineData("jan@zorggroep.nl, piet@zorggroep.nl")]
    public void Constructor_InvalidEmail_Refused(string email)
    {
        var error = Assert.Throws<DomainException>(() => Create(contactEmail: email));

        Assert.Equal("ContactEmail", error.Field);
    }

    [Fact]
    public void Constructor_EmailOf254Characters_Accepted() =>
        Assert.Equal(254, Create(contactEmail: EmailOfLength(254)).ContactEmail!.Length);

    [Fact]
    public void Constructor_EmailOver254Characters_Refused() =>
        Assert.Equal("ContactEmail", Assert.Throws<DomainException>(() => Create(contactEmail: EmailOfLength(255))).Field);

    [Theory]
    [InlineData("020-1234567")]
    [InlineData("+31 20 123 4567")]
    [InlineData("(020) 123 45 67")]
    [InlineData("0612345678")]
    public void Constructor_ValidPhone_Accepted(string phone) => Assert.Equal(phone, Create(contactPhone: phone).ContactPhone);

    [Theory]
    [InlineData("bel mij")]
    [InlineData("12345")]
    [InlineData("++31201234567")]
    [InlineData("020-1234567 toestel 5")]
    [InlineData("0201234567890123")]
    [InlineData("020-")]
    public void Constructor_InvalidPhone_Refused(string phone) =>
        Assert.Equal("ContactPhone", Assert.Throws<DomainException>(() => Create(contactPhone: phone)).Field);

    [Fact]
    public void Constructor_ContactNameTooLong_Refused() =>
        Assert.Equal("ContactName", Assert.Throws<DomainException>(() => Create(contactName: new string('c', 201))).Field);

    [Fact]
    public void Constructor_NotesTooLong_Refused() =>
        Assert.Equal("Notes", Assert.Throws<DomainException>(() => Create(notes: new string('x', 2001))).Field);

    [Fact]
    public void Constructor_CareProviderWithoutFacts_IsNotAssessedYet() =>
        Assert.Null(Create(kind: OrganisationKind.CareProvider).CareProviderFacts);

    [Theory]
    [InlineData(OrganisationKind.HousingCorporation)]
    [InlineData(OrganisationKind.WelfareParty)]
    [InlineData(OrganisationKind.Municipality)]
    [InlineData(OrganisationKind.Zorgkantoor)]
    [InlineData(OrganisationKind.Other)]
    public void Constructor_CareProviderFactsForAnotherKind_Refused(OrganisationKind kind)
    {
        var error = Assert.Throws<DomainException>(() => Create(kind: kind, facts: Facts));

        Assert.Equal("CareProviderFacts", error.Field);
    }

    [Fact]
    public void Update_Valid_ReplacesEveryDetail()
    {
        var organisation = Create(contactEmail: "oud@linie.nl", notes: "Oud");

        organisation.Update("Zorggroep Amstel", OrganisationKind.CareProvider, "Piet", "piet@amstel.nl", "0201234567", null, Facts, LeadId, LeadName, Now);

        Assert.Equal("Zorggroep Amstel", organisation.Name);
        Assert.Equal(OrganisationKind.CareProvider, organisation.Kind);
        Assert.Equal("Piet", organisation.ContactName);
        Assert.Equal("piet@amstel.nl", organisation.ContactEmail);
        Assert.Equal("0201234567", organisation.ContactPhone);
        Assert.Null(organisation.Notes);
        Assert.Equal(Facts, organisation.CareProviderFacts);
    }

    [Fact]
    public void Update_CareProviderBecomesAnotherKindWithoutFacts_ClearsFacts()
    {
        var organisation = Create("Buurtzorg", OrganisationKind.CareProvider, facts: Facts);

        organisation.Update("Buurtzorg", OrganisationKind.Other, null, null, null, null, null, LeadId, LeadName, Now);

        Assert.Equal(OrganisationKind.Other, organisation.Kind);
        Assert.Null(organisation.CareProviderFacts);
    }

    [Fact]
    public void Update_AnotherKindKeepingFacts_RefusedAndNothingChanges()
    {
        var organisation = Create("Buurtzorg", OrganisationKind.CareProvider, facts: Facts);

        Assert.Throws<DomainException>(
            () => organisation.Update("Nieuwe naam", OrganisationKind.WelfareParty, null, null, null, null, Facts, LeadId, LeadName, Now));

        Assert.Equal("Buurtzorg", organisation.Name);
        Assert.Equal(OrganisationKind.CareProvider, organisation.Kind);
        Assert.Equal(Facts, organisation.CareProviderFacts);
    }

    [Fact]
    public void Update_InvalidEmail_RefusedAndNothingChanges()
    {
        var organisation = Create(contactEmail: "jan@linie.nl");

        Assert.Throws<DomainException>(
            () => organisation.Update("Andere naam", OrganisationKind.HousingCorporation, null, "kapot", null, null, null, LeadId, LeadName, Now));

        Assert.Equal("Woonstichting De Linie", organisation.Name);
        Assert.Equal("jan@linie.nl", organisation.ContactEmail);
    }

    [Fact]
    public void Constructor_SeveralFieldsWrong_RefusesWithEveryFieldAtOnce()
    {
        var error = Assert.Throws<DomainException>(
            () => Create(" ", OrganisationKind.Municipality, contactEmail: "kapot", contactPhone: "bel mij", facts: Facts));

        Assert.Equal(
            new string?[] { "CareProviderFacts", "Name", "ContactEmail", "ContactPhone" },
            error.Errors.Select(e => e.Field).ToArray());
    }

    private static string EmailOfLength(int length)
    {
        var prefix = new string('a', 64) + "@" + string.Join('.', new string('b', 60), new string('c', 60), new string('d', 60)) + ".";
        return prefix + new string('e', length - prefix.Length);
    }
}
