using FsCheck;
using FsCheck.Fluent;
using Plusflat.Domain.Complexes;

namespace Plusflat.Domain.Tests.Complexes;

public class PortfolioProgressTests
{
    [Fact]
    public void Compute_NoComplexesNoTarget_GivesFiveZeroPhasesAndNoPercentage()
    {
        var progress = PortfolioProgress.Compute([], null);

        Assert.Equal(0, progress.Total);
        Assert.Equal(0, progress.InExecution);
        Assert.Null(progress.Target);
        Assert.Null(progress.PercentOfTarget);
        Assert.False(progress.TargetReached);
        Assert.Equal(
            [
                new PhaseCount(0, "Programma opzet", 0),
                new PhaseCount(1, "Verkennen samenwerking", 0),
                new PhaseCount(2, "Inrichten", 0),
                new PhaseCount(3, "Uitvoeren", 0),
                new PhaseCount(4, "Uitbreiden en opschalen", 0),
            ],
            progress.PerPhase);
    }

    [Fact]
    public void Compute_MixedPhases_CountsPhaseThreeAndFourAsInExecution()
    {
        var progress = PortfolioProgress.Compute([0, 1, 1, 3, 4, 4, 2], 30);

        Assert.Equal(7, progress.Total);
        Assert.Equal(3, progress.InExecution);
        Assert.Equal(30, progress.Target);
        Assert.Equal(10.0m, progress.PercentOfTarget);
        Assert.Equal([1, 2, 1, 1, 2], progress.PerPhase.Select(phase => phase.Count));
        Assert.False(progress.TargetReached);
    }

    [Fact]
    public void Compute_MissingPhases_StillListedWithZero() =>
        Assert.Equal([0, 0, 0, 2, 0], PortfolioProgress.Compute([3, 3], 2).PerPhase.Select(phase => phase.Count));

    [Theory]
    [InlineData(1, 3, "33.3")]
    [InlineData(2, 3, "66.7")]
    [InlineData(1, 8, "12.5")]
    [InlineData(1, 16, "6.3")]
    [InlineData(0, 30, "0")]
    [InlineData(30, 30, "100")]
    public void Compute_Percentage_RoundedToOneDecimal(int inExecution, int target, string expected)
    {
        var progress = PortfolioProgress.Compute(Enumerable.Repeat(3, inExecution), target);

        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), progress.PercentOfTarget);
    }

    [Fact]
    public void Compute_BeyondTarget_ReportsMoreThanHundredPercent()
    {
        var progress = PortfolioProgress.Compute(Enumerable.Repeat(4, 35), 30);

        Assert.Equal(116.7m, progress.PercentOfTarget);
        Assert.True(progress.TargetReached);
    }

    [Fact]
    public void Compute_TargetExactlyMet_IsReached() => Assert.True(PortfolioProgress.Compute([3, 4], 2).TargetReached);

    [Theory]
    [InlineData(-1)]
    [InlineData(5)]
    public void Compute_PhaseOutsideZeroToFour_Throws(int phase) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => PortfolioProgress.Compute([0, phase], 10));

    [Fact]
    public void Compute_TargetBelowOne_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => PortfolioProgress.Compute([0], 0));

    [Fact]
    public void Compute_PerPhaseAddsUpToTotal_Property() =>
        Prop.ForAll(
                Gen.ListOf(Gen.Choose(0, 4)).ToArbitrary(),
                phases =>
                {
                    var progress = PortfolioProgress.Compute(phases, 30);
                    return progress.PerPhase.Count == 5
                        && progress.PerPhase.Sum(phase => phase.Count) == progress.Total
                        && progress.Total == phases.Count
                        && progress.InExecution == phases.Count(phase => phase >= 3);
                })
            .QuickCheckThrowOnFailure();
}
