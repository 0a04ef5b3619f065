using Plusflat.Domain.Monitoring;

namespace Plusflat.Domain.Tests.Monitoring;

public class ProgrammeTrendTests
{
    private static readonly Quarter Q1 = new(2027, 1);

    [Fact]
    public void ForComplex_QuartersInAnyOrder_AreComparedWithTheBaselineOldestFirst_AndTheLatestIsTheNewest()
    {
        var trend = ProgrammeTrend.ForComplex(IndicatorDirection.LowerIsBetter, 4m, [(Q1.Plus(2), 3m), (Q1.Plus(1), 5m)]);

        Assert.Equal([Q1.Plus(1), Q1.Plus(2)], trend.Quarters.Select(q => q.Quarter));
        Assert.Equal(new Change(1m, 25m, TrendJudgement.Worse), trend.Quarters[0].VersusBaseline);
        Assert.Equal(Q1.Plus(2), trend.Latest!.Quarter);
        Assert.Equal(new Change(-1m, -25m, TrendJudgement.Better), trend.VersusBaseline);
    }

    [Fact]
    public void ForComplex_NoQuarterYet_HasNoLatestAndAnUnknownChange()
    {
        var trend = ProgrammeTrend.ForComplex(IndicatorDirection.HigherIsBetter, 6.5m, []);

        Assert.Null(trend.Latest);
        Assert.Equal(Change.None, trend.VersusBaseline);
    }

    [Theory]
    [InlineData(new[] { "3" }, "3")]
    [InlineData(new[] { "5", "1", "3" }, "3")]
    [InlineData(new[] { "4", "1", "2", "10" }, "3")] // even: the mean of the middle two (2 and 4)
    [InlineData(new[] { "-25", "200", "-10" }, "-10")] // one small complex's +200 % does not carry the programme
    [InlineData(new[] { "1.25", "1.3" }, "1.3")] // 1.275 → 1.3, half away from zero
    [InlineData(new[] { "-1.25", "-1.3" }, "-1.3")]
    public void Median_OfTheChanges_IsTheMiddleValueRoundedToOneDecimal(string[] values, string median) =>
        Assert.Equal(decimal.Parse(median, System.Globalization.CultureInfo.InvariantCulture),
            ProgrammeTrend.Median(values.Select(v => decimal.Parse(v, System.Globalization.CultureInfo.InvariantCulture))));

    [Fact]
    public void Median_OfNothing_IsNull() => Assert.Null(ProgrammeTrend.Median([]));

    [Fact]
    public void Summarise_LowerIsBetter_ANegativeMedianIsBetter_AndCountsEachJudgement()
    {
        var changes = new[]
        {
            IndicatorTrend.Compare(IndicatorDirection.LowerIsBetter, 4m, 3m), // −25 %, better
            IndicatorTrend.Compare(IndicatorDirection.LowerIsBetter, 10m, 9m), // −10 %, better
            IndicatorTrend.Compare(IndicatorDirection.LowerIsBetter, 2m, 2m), // 0 %, unchanged
            IndicatorTrend.Compare(IndicatorDirection.LowerIsBetter, 1m, 3m), // +200 %, worse
            Change.None, // a complex without a value yet: not counted
        };

        var summary = ProgrammeTrend.Summarise(IndicatorDirection.LowerIsBetter, changes);

        Assert.Equal(new ProgrammeChange(4, -5m, TrendJudgement.Better, 2, 1, 1), summary);
    }

    [Fact]
    public void Summarise_HigherIsBetter_ANegativeMedianIsWorse() =>
        Assert.Equal(TrendJudgement.Worse, ProgrammeTrend.Summarise(IndicatorDirection.HigherIsBetter,
            [IndicatorTrend.Compare(IndicatorDirection.HigherIsBetter, 7m, 6m)]).Judgement);

    [Fact]
    public void Summarise_AMedianOfZero_IsUnchanged() =>
        Assert.Equal(TrendJudgement.Unchanged, ProgrammeTrend.Summarise(IndicatorDirection.HigherIsBetter,
            [IndicatorTrend.Compare(IndicatorDirection.HigherIsBetter, 7m, 6m), IndicatorTrend.Compare(IndicatorDirection.HigherIsBetter, 7m, 8m)]).Judgement);

    [Fact]
    public void Summarise_OnlyBaselinesOfZero_HasNoMedianButStillCountsTheJudgements()
    {
        var summary = ProgrammeTrend.Summarise(IndicatorDirection.LowerIsBetter, [IndicatorTrend.Compare(IndicatorDirection.LowerIsBetter, 0m, 2m)]);

        Assert.Equal(new ProgrammeChange(1, null, TrendJudgement.Unknown, 0, 0, 1), summary);
    }

    [Fact]
    public void Summarise_NothingKnown_IsNone() =>
        Assert.Equal(ProgrammeChange.None, ProgrammeTrend.Summarise(IndicatorDirection.LowerIsBetter, [Change.None]));

    [Fact]
    public void PerQuarter_SummarisesEachQuarterOverTheComplexesWithAValueThen()
    {
        var a = ProgrammeTrend.ForComplex(IndicatorDirection.LowerIsBetter, 4m, [(Q1, 3m), (Q1.Next(), 2m)]); // −25 %, −50 %
        var b = ProgrammeTrend.ForComplex(IndicatorDirection.LowerIsBetter, 10m, [(Q1.Next(), 11m)]); // +10 %
        var c = ProgrammeTrend.ForComplex(IndicatorDirection.LowerIsBetter, 5m, []);

        var perQuarter = ProgrammeTrend.PerQuarter(IndicatorDirection.LowerIsBetter, [b, a, c]);

        Assert.Equal([Q1, Q1.Next()], perQuarter.Select(p => p.Quarter));
        Assert.Equal(new ProgrammeChange(1, -25m, TrendJudgement.Better, 1, 0, 0), perQuarter[0].Change);
        Assert.Equal(new ProgrammeChange(2, -20m, TrendJudgement.Better, 1, 0, 1), perQuarter[1].Change); // median of −50 and +10
    }
}
