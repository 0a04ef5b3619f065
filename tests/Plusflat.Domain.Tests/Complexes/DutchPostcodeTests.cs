using FsCheck;
using FsCheck.Fluent;
using Plusflat.Domain.Common;
using Plusflat.Domain.Complexes;

namespace Plusflat.Domain.Tests.Complexes;

public class DutchPostcodeTests
{
    [Theory]
    [InlineData("1234 AB", "1234 AB")]
    [InlineData("1234AB", "1234 AB")]
    [InlineData("1234ab", "1234 AB")]
    [InlineData(" 1234 aB ", "1234 AB")]
    [InlineData("1234  AB", "1234 AB")]
    [InlineData("1234\tab", "1234 AB")]
    [InlineData("1000 AA", "1000 AA")]
    [InlineData("9999 ZZ", "9999 ZZ")]
    public void Normalise_ValidSpellings_GiveFourDigitsSpaceTwoCapitals(string input, string expected) =>
        Assert.Equal(expected, DutchPostcode.Normalise(input, "Postcode"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0123 AB")]
    [InlineData("123 AB")]
    [InlineData("12345 AB")]
    [InlineData("1234 A")]
    [InlineData("1234 ABC")]
    [InlineData("1234-AB")]
    [InlineData("AB 1234")]
    [InlineData("1234 Ä B")]
    public void Normalise_Invalid_Refused(string? input)
    {
        var error = Assert.Throws<DomainException>(() => DutchPostcode.Normalise(input, "Postcode"));

        Assert.Equal("Vul een geldige postcode in, zoals 1234 AB.", error.Message);
        Assert.Equal("Postcode", error.Field);
    }

    [Fact]
    public void Normalise_AnyCaseAndSpacing_Property()
    {
        var letters = Gen.Elements("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ".ToCharArray());
        var spaces = Gen.Elements("", " ", "  ", "\t");
        var postcodes =
            from number in Gen.Choose(1000, 9999)
            from first in letters
            from second in letters
            from before in spaces
            from middle in spaces
            from after in spaces
            select (Input: $"{before}{number}{middle}{first}{second}{after}", Expected: $"{number} {char.ToUpperInvariant(first)}{char.ToUpperInvariant(second)}");

        Prop.ForAll(postcodes.ToArbitrary(), postcode => DutchPostcode.Normalise(postcode.Input, "Postcode") == postcode.Expected)
            .QuickCheckThrowOnFailure();
    }
}
