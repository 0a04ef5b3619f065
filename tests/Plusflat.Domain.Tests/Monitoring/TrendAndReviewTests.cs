using Plusflat.Domain.Monitoring;
using static Plusflat.Domain.Tests.Monitoring.MonitoringTestData;
using static Plusflat.Domain.Tests.TestData;

namespace Plusflat.Domain.Tests.Monitoring;

public class TrendAndReviewTests
{
    [Theory]
    // Fewer admissions is better: 4 → 3 is −1 (−25 %), better; 4 → 5 is +1 (+25 %), worse.
    [InlineData(IndicatorDirection.LowerIsBetter, "4", "3", "-1", "-25.0", TrendJudgement.Better)]
    [InlineData(IndicatorDirection.LowerIsBetter, "4", "5", "1", "25.0", TrendJudgement.Worse)]
    // A higher well-being score is better: 6.5 → 7 is +0.5 (0.5 / 6.5 = 7.69 %), better; 6.5 → 6 worse.
    [InlineData(IndicatorDirection.HigherIsBetter, "6.5", "7", "0.5", "7.7", TrendJudgement.Better)]
    [InlineData(IndicatorDirection.HigherIsBetter, "6.5", "6", "-0.5", "-7.7", TrendJudgement.Worse)]
    [InlineData(IndicatorDirection.HigherIsBetter, "6.5", "6.5", "0", "0.0", TrendJudgement.Unchanged)]
    [InlineData(IndicatorDirection.LowerIsBetter, "2", "2", "0", "0.0", TrendJudgement.Unchanged)]
    // Rounding half away from zero: 8 → 8.1 is +1.25 % → 1.3; 8 → 7.9 is −1.25 % → −1.3.
    [InlineData(IndicatorDirection.LowerIsBetter, "8", "8.1", "0.1", "1.3", TrendJudgement.Worse)]
    [InlineData(IndicatorDirection.LowerIsBetter, "8", "7.9", "-0.1", "-1.3", TrendJudgement.Better)]
    public void Compare_WithTheDirection_GivesDifferencePercentAndJudgement(IndicatorDirection direction, string earlier, string current,
        string difference, string percent, TrendJudgement judgement)
    {
        var change = IndicatorTrend.Compare(direction, D(earlier), D(current));

        Assert.Equal(new Change(D(difference), D(percent), judgement), change);
    }

    [Fact]
    public void Compare_FromZero_HasNoPercentButStillAJudgement() =>
        Assert.Equal(new Change(2m, null, TrendJudgement.Worse), IndicatorTrend.Compare(IndicatorDirection.LowerIsBetter, 0m, 2m));

    [Theory]
    [InlineData(null, "3")]
    [InlineData("3", null)]
    [InlineData(null, null)]
    public void Compare_AValueMissing_IsUnknown(string? earlier, string? current) =>
        Assert.Equal(Change.None, IndicatorTrend.Compare(IndicatorDirection.LowerIsBetter, earlier is null ? null : D(earlier), current is null ? null : D(current)));

    [Fact]
    public void For_EveryIndicatorAgainstBaselineAndThePreviousQuarter()
    {
        var catalogue = Indicators();
        var baseline = Baseline(catalogue); // wlz 4, well-being 6.5
        var q2 = new QuarterlyValues(TenantId, baseline, new Quarter(2027, 2), catalogue, [new("wlz-instroom", 3m), new("mentaal-welzijn", 7m)], Late2027, LeadName, Now);
        var q3 = new QuarterlyValues(TenantId, baseline, new Quarter(2027, 3), catalogue, [new("wlz-instroom", 3.5m), new("mentaal-welzijn", 7.5m), new("valincidenten", 5m)], Late2027, LeadName, Now);

        var trend = IndicatorTrend.For(catalogue, baseline, q2, q3).ToDictionary(t => t.Key);

        Assert.Equal(7, trend.Count);
        Assert.Equal(new IndicatorComparison("wlz-instroom", 3.5m, new Change(-0.5m, -12.5m, TrendJudgement.Better), new Change(0.5m, 16.7m, TrendJudgement.Worse)),
            trend["wlz-instroom"]);
        Assert.Equal(new IndicatorComparison("mentaal-welzijn", 7.5m, new Change(1m, 15.4m, TrendJudgement.Better), new Change(0.5m, 7.1m, TrendJudgement.Better)),
            trend["mentaal-welzijn"]);
        // No baseline and no earlier value for falls: no comparison at all.
        Assert.Equal(new IndicatorComparison("valincidenten", 5m, Change.None, Change.None), trend["valincidenten"]);
        Assert.Equal(new IndicatorComparison("huisartsbezoeken", null, Change.None, Change.None), trend["huisartsbezoeken"]);
    }

    [Fact]
    public void For_PreviousThatIsNotTheQuarterRightBefore_Throws()
    {
        var catalogue = Indicators();
        var baseline = Baseline(catalogue);
        var q1 = new QuarterlyValues(TenantId, baseline, new Quarter(2027, 1), catalogue, [new("wlz-instroom", 3m)], Late2027, LeadName, Now);
        var q3 = new QuarterlyValues(TenantId, baseline, new Quarter(2027, 3), catalogue, [new("wlz-instroom", 3m)], Late2027, LeadName, Now);

        Assert.Throws<ArgumentException>(() => { _ = IndicatorTrend.For(catalogue, baseline, q1, q3); });
    }

    [Theory]
    [InlineData(2027, 1, "2027-04-30")]
    [InlineData(2027, 2, "2027-07-31")]
    [InlineData(2027, 3, "2027-10-31")]
    [InlineData(2027, 4, "2028-01-31")]
    public void DueOn_IsTheEndOfTheMonthAfterTheQuarter(int year, int number, string due) =>
        Assert.Equal(Date(due), ReviewSchedule.DueOn(new Quarter(year, number)));

    [Fact]
    public void Evaluate_NoBaseline_IsNotStarted() =>
        Assert.Equal(new ReviewState(ReviewStatus.NotStarted, null, null, 0), ReviewSchedule.Evaluate(null, [], Date("2027-05-10")));

    [Fact]
    public void Evaluate_BaselineQuarterNotEnded_IsUpToDate() =>
        Assert.Equal(ReviewStatus.UpToDate, ReviewSchedule.Evaluate(new Quarter(2027, 1), [], Date("2027-03-31")).Status);

    [Theory]
    [InlineData("2027-04-01", ReviewStatus.Due, 0)]
    [InlineData("2027-04-30", ReviewStatus.Due, 0)]
    [InlineData("2027-05-01", ReviewStatus.Overdue, 1)]
    public void Evaluate_QuarterEndedWithoutReview_IsDueInTheMonthAfterAndOverdueThen(string today, ReviewStatus status, int overdue) =>
        Assert.Equal(new ReviewState(status, new Quarter(2027, 1), Date("2027-04-30"), overdue), ReviewSchedule.Evaluate(new Quarter(2027, 1), [], Date(today)));

    [Fact]
    public void Evaluate_EveryEndedQuarterReviewed_IsUpToDate() =>
        Assert.Equal(new ReviewState(ReviewStatus.UpToDate, null, null, 0),
            ReviewSchedule.Evaluate(new Quarter(2027, 1), [new Quarter(2027, 1), new Quarter(2027, 2)], Date("2027-08-10")));

    [Fact]
    public void Evaluate_AnOldQuarterMissed_StaysOverdueAndNamesTheOldest()
    {
        // Baseline Q3 2026; only Q4 2026 reviewed. On 10 April 2027 Q3 2026 is overdue (31 Oct 2026) and Q1 2027 is due (30 Apr 2027).
        var state = ReviewSchedule.Evaluate(new Quarter(2026, 3), [new Quarter(2026, 4)], Date("2027-04-10"));

        Assert.Equal(new ReviewState(ReviewStatus.Overdue, new Quarter(2026, 3), Date("2026-10-31"), 1), state);
    }

    [Fact]
    public void Evaluate_TwoQuartersOverdue_CountsBoth() =>
        Assert.Equal(2, ReviewSchedule.Evaluate(new Quarter(2027, 1), [], Date("2027-08-01")).OverdueCount);

    private static decimal D(string text) => decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    private static DateOnly Date(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
