using FsCheck;
using FsCheck.Fluent;
using Plusflat.Domain.Common;
using Plusflat.Domain.Complexes;

namespace Plusflat.Domain.Tests.Complexes;

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
