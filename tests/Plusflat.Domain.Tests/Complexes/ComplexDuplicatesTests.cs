using Plusflat.Domain.Complexes;
using static Plusflat.Domain.Tests.TestData;

namespace Plusflat.Domain.Tests.Complexes;

public class ComplexDuplicatesTests
{
    [Theory]
    [InlineData("Klaverweg 1", "1")]
    [InlineData("Klaverweg 12-3", "12")]
    [InlineData("Klaverweg 12A", "12")]
    [InlineData("Klaverweg 12 bis", "12")]
    [InlineData("2e Oosterparkstraat 101", "101")]
    [InlineData("Burgemeester de Vlugtlaan 007", "7")]
    [InlineData("Plein 1940 5", "1940")]
    [InlineData("Klaverweg", null)]
    [InlineData("12 Klaverweg", null)]
    [InlineData("  12 Klaverweg", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void HouseNumber_FirstNumberAfterTheStreetName(string? address, string? number) =>
        Assert.Equal(number, ComplexDuplicates.HouseNumber(address));

    [Theory]
    [InlineData("De Klimop", "de klimop")]
    [InlineData("  De   Klimop ", "DEKLIMOP")]
    [InlineData("De\tKlimop", "De Klimop")]
    public void Key_IgnoresCaseAndSpaces(string a, string b) => Assert.Equal(ComplexDuplicates.Key(a), ComplexDuplicates.Key(b));

    [Fact]
    public void Key_Blank_IsNull() => Assert.Null(ComplexDuplicates.Key("   "));

    [Fact]
    public void Reasons_SamePostcodeAndHouseNumber_SameAddressWhateverTheSpelling()
    {
        var existing = Facts() with { Name = "Het Zonnehof", Address = "Zonnehofplein 3", Postcode = "1062 KL" };

        Assert.Equal([DuplicateReason.SameAddress],
            ComplexDuplicates.Reasons(Facts() with { Name = "Zonnehof", Address = "Zonnehofplein 3-12", Postcode = "1062kl" }, existing));
    }

    [Fact]
    public void Reasons_SamePostcodeOtherHouseNumber_NotADuplicate() =>
        Assert.Empty(ComplexDuplicates.Reasons(
            Facts() with { Name = "A", Address = "Klaverweg 3" }, Facts() with { Name = "B", Address = "Klaverweg 1" }));

    [Fact]
    public void Reasons_SameHouseNumberOtherPostcode_NotADuplicate() =>
        Assert.Empty(ComplexDuplicates.Reasons(
            Facts() with { Name = "A", Postcode = "1234 AC" }, Facts() with { Name = "B", Postcode = "1234 AB" }));

    [Fact]
    public void Reasons_InvalidPostcodes_NeverTheSameAddress() =>
        Assert.Empty(ComplexDuplicates.Reasons(Facts() with { Name = "A", Postcode = "12" }, Facts() with { Name = "B", Postcode = "12" }));

    [Fact]
    public void Reasons_NoHouseNumbers_NeverTheSameAddress() =>
        Assert.Empty(ComplexDuplicates.Reasons(Facts() with { Name = "A", Address = "Klaverweg" }, Facts() with { Name = "B", Address = "Klaverweg" }));

    [Fact]
    public void Reasons_SameNameInTheSameMunicipality_IgnoringCaseAndSpaces() =>
        Assert.Equal([DuplicateReason.SameNameInMunicipality], ComplexDuplicates.Reasons(
            Facts() with { Name = "de  klaverhof", Municipality = "AMSTERDAM", Postcode = "1111 AA" },
            Facts() with { Name = "De Klaverhof", Municipality = "Amsterdam", Postcode = "2222 BB" }));

    [Fact]
    public void Reasons_SameNameInAnotherMunicipality_NotADuplicate() =>
        Assert.Empty(ComplexDuplicates.Reasons(
            Facts() with { Municipality = "Rotterdam", Postcode = "3011 AA" }, Facts() with { Municipality = "Amsterdam" }));

    [Fact]
    public void Reasons_SameAddressAndName_BothReasons() =>
        Assert.Equal([DuplicateReason.SameAddress, DuplicateReason.SameNameInMunicipality], ComplexDuplicates.Reasons(Facts(), Facts()));

    [Theory]
    [InlineData("Name", true)]
    [InlineData("Municipality", true)]
    [InlineData("Postcode", true)]
    [InlineData("HouseNumber", true)]
    [InlineData("Addition", false)]
    [InlineData("NameCase", false)]
    [InlineData("PostcodeSpelling", false)]
    [InlineData("Dwellings", false)]
    [InlineData("District", false)]
    public void IdentityChanged_OnlyForWhatADuplicateIsRecognisedBy(string change, bool changed)
    {
        var before = Facts() with { Address = "Klaverweg 1" };
        var after = change switch
        {
            "Name" => before with { Name = "De Klimop" },
            "Municipality" => before with { Municipality = "Diemen" },
            "Postcode" => before with { Postcode = "1234 AC" },
            "HouseNumber" => before with { Address = "Klaverweg 3" },
            "Addition" => before with { Address = "Klaverweg 1-2" },
            "NameCase" => before with { Name = "de klaverhof" },
            "PostcodeSpelling" => before with { Postcode = "1234ab" },
            "Dwellings" => before with { DwellingCount = 300 },
            _ => before with { District = "Oost" },
        };

        Assert.Equal(changed, ComplexDuplicates.IdentityChanged(before, after));
    }
}
