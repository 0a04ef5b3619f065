using Plusflat.Domain.Monitoring;

namespace Plusflat.Domain.Tests.Monitoring;

public class BenchmarkTests
{
    private static readonly IReadOnlyList<IndicatorHeading> AnnexA = [.. IndicatorCatalogue.DefaultIndicators.Select(IndicatorHeading.From)];

    private static BenchmarkComplex Complex(string programme, string name, DateOnly? baselineOn, IReadOnlyList<IndicatorValue> baseline,
        IReadOnlyList<QuarterIndicatorValues>? quarters = null, IReadOnlyList<IndicatorHeading>? indicators = null) =>
        new(Guid.NewGuid(), programme, name, indicators ?? AnnexA, baselineOn, baseline, quarters ?? []);

    private static QuarterIndicatorValues Q(int year, int number, params (string Key, decimal Value)[] values) =>
        new(new Quarter(year, number), [.. values.Select(v => new IndicatorValue(v.Key, v.Value))]);

    [Fact]
    public void Compose_NoComplexes_IsEmpty() => Assert.Empty(Benchmark.Compose([]));

    [Fact]
    public void Compose_TwoProgrammes_PutsEveryComplexUnderEveryIndicatorOrderedByProgrammeAndComplex_InAnnexAOrder()
    {
        var rotterdam = Complex("Thuisplusflat Rotterdam", "De Esch", new DateOnly(2026, 1, 15), [new("wlz-instroom", 5m)]);
        var amsterdamB = Complex("Lang Leven Thuisflats Amsterdam", "Het Vlierhof", new DateOnly(2026, 1, 10), [new("wlz-instroom", 4m)]);
        var amsterdamA = Complex("Lang Leven Thuisflats Amsterdam", "De Klimop", null, []);

        var benchmark = Benchmark.Compose([rotterdam, amsterdamB, amsterdamA]);

        Assert.Equal(IndicatorCatalogue.DefaultIndicators.Select(i => i.Key), benchmark.Select(i => i.Key));
        Assert.All(benchmark, i => Assert.Equal(["De Klimop", "Het Vlierhof", "De Esch"], i.Entries.Select(e => e.ComplexName)));
        Assert.True(benchmark[0].HasValues);
        Assert.False(benchmark.Single(i => i.Key == "valincidenten").HasValues);
    }

    [Fact]
    public void Compose_LatestIsTheNewestQuarterWithAValueForThatIndicator_AndTheChangeFollowsTheDirection()
    {
        var complex = Complex("P", "C", new DateOnly(2026, 1, 15), [new("wlz-instroom", 4m), new("mentaal-welzijn", 6m)],
            [
                Q(2026, 2, ("wlz-instroom", 3.5m), ("mentaal-welzijn", 6.5m)),
                Q(2026, 4, ("wlz-instroom", 3m)),
                Q(2026, 3, ("wlz-instroom", 5m), ("mentaal-welzijn", 7m)),
            ]);

        var benchmark = Benchmark.Compose([complex]);

        var wlz = benchmark.Single(i => i.Key == "wlz-instroom").Entries.Single();
        Assert.Equal((new Quarter(2026, 4), 3m, 4m), (wlz.LatestQuarter!.Value, wlz.Latest!.Value, wlz.Baseline!.Value));
        // 4 → 3: −1 (−25 %), fewer admissions is better.
        Assert.Equal(new Change(-1m, -25m, TrendJudgement.Better), wlz.VersusBaseline);
        // Q4 has no well-being score: the newest with one is Q3, 6 → 7 (+16.7 %), a higher score is better.
        var wellBeing = benchmark.Single(i => i.Key == "mentaal-welzijn").Entries.Single();
        Assert.Equal(new Quarter(2026, 3), wellBeing.LatestQuarter);
        Assert.Equal(new Change(1m, 16.7m, TrendJudgement.Better), wellBeing.VersusBaseline);
        Assert.Equal(new DateOnly(2026, 1, 15), wellBeing.BaselineOn);
    }

    [Fact]
    public void Compose_AWorseningAndNoValues_AreWorseAndUnknown()
    {
        var worse = Complex("P", "A", new DateOnly(2026, 1, 1), [new("valincidenten", 2m)], [Q(2026, 2, ("valincidenten", 3m))]);
        var baselineOnly = Complex("P", "B", new DateOnly(2026, 1, 1), [new("valincidenten", 2m)]);
        var quartersOnly = Complex("P", "C", null, [], [Q(2026, 2, ("valincidenten", 1m))]);

        var entries = Benchmark.Compose([worse, baselineOnly, quartersOnly]).Single(i => i.Key == "valincidenten").Entries;

        Assert.Equal(TrendJudgement.Worse, entries[0].VersusBaseline.Judgement);
        Assert.Equal((2m, (decimal?)null, (Quarter?)null, TrendJudgement.Unknown), (entries[1].Baseline!.Value, entries[1].Latest, entries[1].LatestQuarter, entries[1].VersusBaseline.Judgement));
        Assert.Equal((null, 1m, TrendJudgement.Unknown), (entries[2].Baseline, entries[2].Latest!.Value, entries[2].VersusBaseline.Judgement));
    }

    [Fact]
    public void Compose_EachComplexIsJudgedWithItsOwnProgrammesDirection_AndAnOwnIndicatorComesAfterAnnexA()
    {
        // A programme whose dataset reads "team-verloop" the other way round, and has an indicator of its own.
        var own = new List<IndicatorHeading>(AnnexA.Where(h => h.Key != "team-verloop"))
        {
            new("team-verloop", "Verloop flatteam", "%", IndicatorDirection.HigherIsBetter),
            new("mantelzorg", "Mantelzorgers betrokken", "aantal", IndicatorDirection.HigherIsBetter),
        };
        var theirs = Complex("B-programma", "Eigen", new DateOnly(2026, 1, 1), [new("team-verloop", 10m), new("mantelzorg", 3m)],
            [Q(2026, 2, ("team-verloop", 12m), ("mantelzorg", 4m))], own);
        var annex = Complex("A-programma", "Annex", new DateOnly(2026, 1, 1), [new("team-verloop", 10m)], [Q(2026, 2, ("team-verloop", 12m))]);

        var benchmark = Benchmark.Compose([theirs, annex]);

        Assert.Equal("mantelzorg", benchmark[^1].Key);
        Assert.Equal(IndicatorCatalogue.DefaultIndicators.Count + 1, benchmark.Count);
        var turnover = benchmark.Single(i => i.Key == "team-verloop");
        Assert.Equal(IndicatorDirection.LowerIsBetter, turnover.Direction);
        Assert.Equal([TrendJudgement.Worse, TrendJudgement.Better], turnover.Entries.Select(e => e.VersusBaseline.Judgement));
        var mantelzorg = benchmark[^1];
        Assert.Equal([null, 4m], mantelzorg.Entries.Select(e => e.Latest));
        Assert.Equal([TrendJudgement.Unknown, TrendJudgement.Better], mantelzorg.Entries.Select(e => e.VersusBaseline.Judgement));
    }

    [Fact]
    public void Compose_AnIndicatorNoProgrammeMeasures_IsLeftOut()
    {
        var three = AnnexA.Take(3).ToList();

        var benchmark = Benchmark.Compose([Complex("P", "C", null, [], indicators: three)]);

        Assert.Equal(three.Select(h => h.Key), benchmark.Select(i => i.Key));
    }
}
