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
