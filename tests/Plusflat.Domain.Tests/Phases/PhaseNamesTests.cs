using Plusflat.Domain.Common;
using Plusflat.Domain.Phases;

namespace Plusflat.Domain.Tests.Phases;

public class PhaseNamesTests
{
    [Theory]
    [InlineData(0, "Programma opzet")]
    [InlineData(1, "Verkennen samenwerking")]
    [InlineData(2, "Inrichten")]
    [InlineData(3, "Uitvoeren")]
    [InlineData(4, "Uitbreiden en opschalen")]
    public void Of_EachPhase_GivesDutchName(int phase, string name) => Assert.Equal(name, PhaseNames.Of(phase));

    [Theory]
    [InlineData(-1)]
    [InlineData(5)]
    public void Of_OutsideZeroToFour_Throws(int phase) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => PhaseNames.Of(phase));

    [Fact]
    public void Numbers_AreZeroToFour() => Assert.Equal([0, 1, 2, 3, 4], PhaseNames.Numbers);

    [Fact]
    public void Label_NamesNumberAndName() => Assert.Equal("fase 3 (Uitvoeren)", PhaseNames.Label(3));

    [Theory]
    [InlineData(-1, false)]
    [InlineData(0, true)]
    [InlineData(4, true)]
    [InlineData(5, false)]
    public void IsValid_Boundaries(int phase, bool valid) => Assert.Equal(valid, PhaseNames.IsValid(phase));

    [Fact]
    public void Valid_OutOfRange_RefusedWithField()
    {
        var error = Assert.Throws<DomainException>(() => PhaseNames.Valid(5, "ToPhase"));
        Assert.Equal("ToPhase", error.Field);
        Assert.Equal("Kies een fase van 0 tot en met 4.", error.Message);
    }
}
