namespace Plusflat.Domain.Monitoring;

/// <summary>How a value compares with an earlier one, read with the indicator's direction.</summary>
public enum TrendJudgement
{
    /// <summary>One of the two values is missing: no comparison.</summary>
    Unknown,
    Better,
    Unchanged,
    Worse,
}

/// <summary>One comparison: the difference, the relative change in percent (null when the earlier value is 0) and the judgement.</summary>
public sealed record Change(decimal? Difference, decimal? Percent, TrendJudgement Judgement)
{
    public static readonly Change None = new(null, null, TrendJudgement.Unknown);
}

/// <summary>A quarter's value of one indicator against the baseline and against the quarter before.</summary>
public sealed record IndicatorComparison(string Key, decimal? Value, Change VersusBaseline, Change VersusPrevious);

/// <summary>The pure rules that turn values into a trend: a lower count of admissions is better, a higher well-being score is better.</summary>
public static class IndicatorTrend
{
    /// <summary>Compares <paramref name="current"/> with <paramref name="earlier"/>; percent rounded to one decimal, half away from zero.</summary>
    public static Change Compare(IndicatorDirection direction, decimal? earlier, decimal? current)
    {
        if (earlier is not { } before || current is not { } now)
        {
            return Change.None;
        }

        var difference = now - before;
        decimal? percent = before == 0 ? null : decimal.Round(difference / before * 100m, 1, MidpointRounding.AwayFromZero);
        var judgement = difference == 0 ? TrendJudgement.Unchanged
            : (difference < 0) == (direction == IndicatorDirection.LowerIsBetter) ? TrendJudgement.Better
            : TrendJudgement.Worse;
        return new Change(difference, percent, judgement);
    }

    /// <summary>Every indicator of the catalogue for <paramref name="current"/>'s quarter: against the baseline and the quarter right before (not an older one).</summary>
    public static IReadOnlyList<IndicatorComparison> For(IndicatorCatalogue catalogue, MonitoringBaseline baseline, QuarterlyValues? previous, QuarterlyValues? current)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(baseline);
        if (previous is not null && current is not null && current.Quarter.QuartersSince(previous.Quarter) != 1)
        {
            throw new ArgumentException("The previous values must be of the quarter right before.", nameof(previous));
        }

        return [.. catalogue.Indicators.Select(i => new IndicatorComparison(
            i.Key,
            current?.ValueOf(i.Key),
            Compare(i.Direction, baseline.ValueOf(i.Key), current?.ValueOf(i.Key)),
            Compare(i.Direction, previous?.ValueOf(i.Key), current?.ValueOf(i.Key))))];
    }
}
