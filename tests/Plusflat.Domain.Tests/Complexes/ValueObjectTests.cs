using FsCheck;
using FsCheck.Fluent;
using Plusflat.Domain.Common;
using Plusflat.Domain.Complexes;

namespace Plusflat.Domain.Tests.Complexes;

public class DwellingCountTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(100)]
    [InlineData(10_000)]
    public void Constructor_OneToTenThousand_Accepted(int value) => Assert.Equal(value, new DwellingCount(value).Value);

    [Theory]
    [InlineData(-1)]
    [InlineData(0)]
    [InlineData(10_001)]
    [InlineData(int.MinValue)]
    [InlineData(int.MaxValue)]
    public void Constructor_OutsideRange_RefusedInDutch(int value)
    {
        var error = Assert.Throws<DomainException>(() => new DwellingCount(value));

        Assert.Equal("Het aantal woningen moet tussen 1 en 10.000 liggen.", error.Message);
        Assert.Equal("DwellingCount", error.Field);
    }

    [Fact]
    public void Constructor_FieldGiven_RefusalNamesThatField() =>
        Assert.Equal("Aantal", Assert.Throws<DomainException>(() => new DwellingCount(0, "Aantal")).Field);

    [Fact]
    public void Equality_IsByValue() => Assert.Equal(new DwellingCount(120), new DwellingCount(120));

    [Fact]
    public void Constructor_AcceptsExactlyOneToTenThousand_Property() =>
        Prop.ForAll(
                Gen.OneOf(Gen.Choose(-20_000, 20_000), Gen.Elements(0, 1, 10_000, 10_001, int.MinValue, int.MaxValue)).ToArbitrary(),
                value =>
                {
                    var accepted = Accepts(() => new DwellingCount(value));
                    return accepted == value is >= 1 and <= 10_000;
                })
            .QuickCheckThrowOnFailure();

    internal static bool Accepts(Action create)
    {
        try
        {
            create();
            return true;
        }
        catch (DomainException)
        {
            return false;
        }
    }
}

public class PercentageTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("0.01")]
    [InlineData("62.5")]
    [InlineData("99.99")]
    [InlineData("100")]
    [InlineData("100.00")]
    public void Constructor_ZeroToHundred_Accepted(string text)
    {
        var value = decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(value, new Percentage(value).Value);
    }

    [Theory]
    [InlineData("-0.1")]
    [InlineData("-0.01")]
    [InlineData("100.01")]
    [InlineData("100.1")]
    [InlineData("-100")]
    public void Constructor_OutsideZeroToHundred_Refused(string text)
    {
        var value = decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

        var error = Assert.Throws<DomainException>(() => new Percentage(value, "ShareSocialRent"));

        Assert.Equal("Een percentage moet tussen 0 en 100 liggen.", error.Message);
        Assert.Equal("ShareSocialRent", error.Field);
    }

    [Fact]
    public void Constructor_MoreThanTwoDecimals_Refused()
    {
        var error = Assert.Throws<DomainException>(() => new Percentage(33.333m));
        Assert.Equal("Percentage", error.Field);
    }

    [Fact]
    public void Equality_IgnoresTrailingZeros() => Assert.Equal(new Percentage(50m), new Percentage(50.00m));

    [Fact]
    public void Constructor_AcceptsExactlyZeroToHundredInHundredths_Property() =>
        Prop.ForAll(
                Gen.Choose(-20_000, 20_000).Select(hundredths => hundredths / 100m).ToArbitrary(),
                value => DwellingCountTests.Accepts(() => _ = new Percentage(value)) == value is >= 0m and <= 100m)
            .QuickCheckThrowOnFailure();
}

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
