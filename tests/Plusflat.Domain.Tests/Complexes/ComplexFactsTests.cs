using Plusflat.Domain.Common;
using Plusflat.Domain.Complexes;
using Plusflat.Domain.Phases;
using static Plusflat.Domain.Tests.TestData;

namespace Plusflat.Domain.Tests.Complexes;

public class ComplexFactsTests
{
    [Fact]
    public void Constructor_ValidFacts_StoresTrimmedAndNormalisedValues()
    {
        var corporationId = Guid.CreateVersion7();
        var facts = new ComplexFacts
        {
            Name = "  De Klaverhof ",
            Address = " Klaverweg 1 ",
            Postcode = "1234ab",
            Municipality = " Amsterdam ",
            District = " Nieuw-West ",
            HousingCorporationId = corporationId,
            DwellingCount = 318,
            ShareAged65Plus = 62.5m,
            ZeroStepDwellings = 300,
            ShareSocialRent = 90m,
            HasCommonRoom = true,
            CommonRoomOpenToNeighbourhood = true,
            NearFacilities = true,
            HasWorkspaceForTeam = true,
            ClusterName = " Cluster West ",
            Notes = " Lift in 2026 vernieuwd. ",
        };

        var complex = Complex(facts);

        Assert.Equal(TenantId, complex.TenantId);
        Assert.NotEqual(Guid.Empty, complex.Id);
        Assert.Equal("De Klaverhof", complex.Name);
        Assert.Equal("Klaverweg 1", complex.Address);
        Assert.Equal("1234 AB", complex.Postcode);
        Assert.Equal("Amsterdam", complex.Municipality);
        Assert.Equal("Nieuw-West", complex.District);
        Assert.Equal(corporationId, complex.HousingCorporationId);
        Assert.Equal(new DwellingCount(318), complex.DwellingCount);
        Assert.Equal(new Percentage(62.5m), complex.ShareAged65Plus);
        Assert.Equal(300, complex.ZeroStepDwellings);
        Assert.Equal(new Percentage(90m), complex.ShareSocialRent);
        Assert.True(complex.HasCommonRoom);
        Assert.True(complex.CommonRoomOpenToNeighbourhood);
        Assert.True(complex.NearFacilities);
        Assert.True(complex.HasWorkspaceForTeam);
        Assert.Equal("Cluster West", complex.ClusterName);
        Assert.Equal("Lift in 2026 vernieuwd.", complex.Notes);
        Assert.Equal(Now, complex.CreatedAt);
    }

    [Fact]
    public void Constructor_OptionalFactsLeftOut_AreUnknown()
    {
        var complex = Complex(Facts() with { District = "  ", ClusterName = "", Notes = null });

        Assert.Null(complex.District);
        Assert.Null(complex.HousingCorporationId);
        Assert.Null(complex.ShareAged65Plus);
        Assert.Null(complex.ZeroStepDwellings);
        Assert.Null(complex.ShareSocialRent);
        Assert.Null(complex.ClusterName);
        Assert.Null(complex.Notes);
        Assert.False(complex.HasCommonRoom);
    }

    [Theory]
    [InlineData("Name", "Naam is verplicht.")]
    [InlineData("Address", "Adres is verplicht.")]
    [InlineData("Municipality", "Gemeente is verplicht.")]
    public void Constructor_RequiredTextBlank_RefusedOnThatField(string field, string message)
    {
        var error = Assert.Throws<DomainException>(() => Complex(WithText(field, "   ")));

        Assert.Equal(field, error.Field);
        Assert.Equal(message, error.Message);
    }

    [Theory]
    [InlineData("Name", 200)]
    [InlineData("Address", 200)]
    [InlineData("Municipality", 100)]
    [InlineData("District", 100)]
    [InlineData("ClusterName", 100)]
    [InlineData("Notes", 2000)]
    public void Constructor_TextAtMaximumLength_Accepted(string field, int max) =>
        Complex(WithText(field, new string('x', max)));

    [Theory]
    [InlineData("Name", 200)]
    [InlineData("Address", 200)]
    [InlineData("Municipality", 100)]
    [InlineData("District", 100)]
    [InlineData("ClusterName", 100)]
    [InlineData("Notes", 2000)]
    public void Constructor_TextOverMaximumLength_RefusedOnThatField(string field, int max)
    {
        var error = Assert.Throws<DomainException>(() => Complex(WithText(field, new string('x', max + 1))));

        Assert.Equal(field, error.Field);
        Assert.Contains($"hoogstens {max} tekens", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1234ab", "1234 AB")]
    [InlineData(" 9876  zx ", "9876 ZX")]
    public void Constructor_Postcode_IsNormalised(string input, string expected) =>
        Assert.Equal(expected, Complex(Facts() with { Postcode = input }).Postcode);

    [Fact]
    public void Constructor_InvalidPostcode_RefusedOnPostcode() =>
        Assert.Equal("Postcode", Assert.Throws<DomainException>(() => Complex(Facts() with { Postcode = "123 AB" })).Field);

    [Theory]
    [InlineData(1)]
    [InlineData(10_000)]
    public void Constructor_DwellingCountAtBoundary_Accepted(int count) =>
        Assert.Equal(count, Complex(Facts() with { DwellingCount = count }).DwellingCount.Value);

    [Theory]
    [InlineData(-1)]
    [InlineData(0)]
    [InlineData(10_001)]
    public void Constructor_DwellingCountOutsideRange_Refused(int count)
    {
        var error = Assert.Throws<DomainException>(() => Complex(Facts() with { DwellingCount = count }));

        Assert.Equal("DwellingCount", error.Field);
        Assert.Equal("Het aantal woningen moet tussen 1 en 10.000 liggen.", error.Message);
    }

    [Theory]
    [InlineData("ShareAged65Plus", "0")]
    [InlineData("ShareAged65Plus", "100")]
    [InlineData("ShareSocialRent", "0")]
    [InlineData("ShareSocialRent", "100")]
    public void Constructor_ShareAtBoundary_Accepted(string field, string value)
    {
        var complex = Complex(WithShare(field, decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));

        var stored = field == "ShareAged65Plus" ? complex.ShareAged65Plus : complex.ShareSocialRent;
        Assert.Equal(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), stored!.Value);
    }

    [Theory]
    [InlineData("ShareAged65Plus", "-0.1")]
    [InlineData("ShareAged65Plus", "100.1")]
    [InlineData("ShareSocialRent", "-0.1")]
    [InlineData("ShareSocialRent", "100.1")]
    public void Constructor_ShareOutsideZeroToHundred_RefusedOnThatField(string field, string value)
    {
        var error = Assert.Throws<DomainException>(
            () => Complex(WithShare(field, decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture))));

        Assert.Equal(field, error.Field);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(60)]
    [InlineData(120)]
    public void Constructor_ZeroStepDwellingsUpToDwellingCount_Accepted(int zeroStep) =>
        Assert.Equal(zeroStep, Complex(Facts() with { DwellingCount = 120, ZeroStepDwellings = zeroStep }).ZeroStepDwellings);

    [Fact]
    public void Constructor_MoreZeroStepDwellingsThanDwellings_Refused()
    {
        var error = Assert.Throws<DomainException>(() => Complex(Facts() with { DwellingCount = 120, ZeroStepDwellings = 121 }));

        Assert.Equal("ZeroStepDwellings", error.Field);
        Assert.Equal("Het aantal nultredenwoningen kan niet groter zijn dan het aantal woningen (120).", error.Message);
    }

    [Fact]
    public void Constructor_NegativeZeroStepDwellings_Refused() =>
        Assert.Equal(
            "ZeroStepDwellings",
            Assert.Throws<DomainException>(() => Complex(Facts() with { ZeroStepDwellings = -1 })).Field);

    [Fact]
    public void Constructor_CommonRoomOpenToNeighbourhoodWithoutCommonRoom_Refused()
    {
        var error = Assert.Throws<DomainException>(
            () => Complex(Facts() with { HasCommonRoom = false, CommonRoomOpenToNeighbourhood = true }));

        Assert.Equal("CommonRoomOpenToNeighbourhood", error.Field);
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(true, false)]
    [InlineData(false, false)]
    public void Constructor_CommonRoomCombinations_Accepted(bool hasRoom, bool open)
    {
        var complex = Complex(Facts() with { HasCommonRoom = hasRoom, CommonRoomOpenToNeighbourhood = open });

        Assert.Equal(hasRoom, complex.HasCommonRoom);
        Assert.Equal(open, complex.CommonRoomOpenToNeighbourhood);
    }

    [Fact]
    public void Constructor_EmptyHousingCorporationId_Refused() =>
        Assert.Equal(
            "HousingCorporationId",
            Assert.Throws<DomainException>(() => Complex(Facts() with { HousingCorporationId = Guid.Empty })).Field);

    [Fact]
    public void Check_SeveralWrongFields_ReportsEveryFieldAtOnce()
    {
        var errors = Plusflat.Domain.Complexes.Complex.Check(Facts() with
        {
            Postcode = "12", DwellingCount = 0, ShareAged65Plus = 150, ShareSocialRent = -3, ZeroStepDwellings = -1, Name = "",
        });

        Assert.Equal(
            new[] { "Name", "Postcode", "DwellingCount", "ShareAged65Plus", "ZeroStepDwellings", "ShareSocialRent" },
            errors.Select(e => e.Field).ToArray());
    }

    [Fact]
    public void Check_ValidFacts_ReportsNothing() => Assert.Empty(Plusflat.Domain.Complexes.Complex.Check(Facts()));

    [Fact]
    public void Constructor_SeveralWrongFields_ThrowsWithAllErrors()
    {
        var error = Assert.Throws<DomainException>(() => Complex(Facts() with { Name = "", DwellingCount = 20_000 }));

        Assert.Equal(2, error.Errors.Count);
        Assert.Equal("Name", error.Field);
    }

    [Fact]
    public void Constructor_EmptyPartnerIds_Refused()
    {
        Assert.Equal(
            "PreferredCareProviderId",
            Assert.Throws<DomainException>(() => Complex(Facts() with { PreferredCareProviderId = Guid.Empty })).Field);
        Assert.Equal(
            "WelfarePartyId",
            Assert.Throws<DomainException>(() => Complex(Facts() with { WelfarePartyId = Guid.Empty })).Field);
    }

    [Fact]
    public void UpdateFacts_Partners_AreKeptAndRoundTrip()
    {
        var complex = Complex(Facts());
        var care = Guid.CreateVersion7();
        var welfare = Guid.CreateVersion7();

        complex.UpdateFacts(Facts() with { PreferredCareProviderId = care, WelfarePartyId = welfare }, LeadId, LeadName, Now);

        Assert.Equal(care, complex.PreferredCareProviderId);
        Assert.Equal(welfare, complex.ToFacts().WelfarePartyId);
    }

    [Fact]
    public void Constructor_CatalogueOfAnotherTenant_Throws() =>
        Assert.Throws<ArgumentException>(
            () => new Complex(TenantId, Facts(), PhaseCatalogueOf(OtherTenantId), LeadId, LeadName, Now));

    [Fact]
    public void UpdateFacts_ValidFacts_ReplacesThem()
    {
        var complex = Complex(Facts());

        complex.UpdateFacts(Facts() with { Name = "Klaverhof-Zuid", DwellingCount = 140, ShareSocialRent = 80m }, LeadId, LeadName, Now);

        Assert.Equal("Klaverhof-Zuid", complex.Name);
        Assert.Equal(140, complex.DwellingCount.Value);
        Assert.Equal(80m, complex.ShareSocialRent!.Value);
    }

    [Fact]
    public void UpdateFacts_OptionalFactCleared_BecomesUnknown()
    {
        var complex = Complex(Facts() with { ShareAged65Plus = 70m, District = "Oost" });

        complex.UpdateFacts(Facts(), LeadId, LeadName, Now);

        Assert.Null(complex.ShareAged65Plus);
        Assert.Null(complex.District);
    }

    [Fact]
    public void UpdateFacts_InvalidFact_RefusedAndNothingChanges()
    {
        var complex = Complex(Facts());
        var before = complex.ToFacts();

        Assert.Throws<DomainException>(
            () => complex.UpdateFacts(Facts() with { Name = "Nieuwe naam", DwellingCount = 50, ZeroStepDwellings = 51 }, LeadId, LeadName, Now));

        Assert.Equal(before, complex.ToFacts());
    }

    [Fact]
    public void UpdateFacts_DoesNotTouchThePhase()
    {
        var catalogue = Catalogue();
        var complex = Complex(catalogue);
        AdvanceTo(complex, catalogue, 2);

        complex.UpdateFacts(Facts() with { Name = "Anders" }, LeadId, LeadName, Now);

        Assert.Equal(2, complex.CurrentPhase);
    }

    [Fact]
    public void ToFacts_RoundTripsThroughTheConstructor()
    {
        var facts = Facts() with
        {
            Postcode = "1234 AB",
            District = "Zuid",
            HousingCorporationId = Guid.CreateVersion7(),
            ShareAged65Plus = 55.5m,
            ZeroStepDwellings = 12,
            ShareSocialRent = 75m,
            HasCommonRoom = true,
            NearFacilities = true,
            ClusterName = "Zuid",
            Notes = "Notitie",
        };

        Assert.Equal(facts, Complex(facts).ToFacts());
    }

    private static PhaseCatalogue PhaseCatalogueOf(Guid tenantId) =>
        PhaseCatalogue.CreateDefault(tenantId, Now);

    private static ComplexFacts WithText(string field, string value) => field switch
    {
        "Name" => Facts() with { Name = value },
        "Address" => Facts() with { Address = value },
        "Municipality" => Facts() with { Municipality = value },
        "District" => Facts() with { District = value },
        "ClusterName" => Facts() with { ClusterName = value },
        "Notes" => Facts() with { Notes = value },
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };

    private static ComplexFacts WithShare(string field, decimal value) => field switch
    {
        "ShareAged65Plus" => Facts() with { ShareAged65Plus = value },
        "ShareSocialRent" => Facts() with { ShareSocialRent = value },
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };
}
