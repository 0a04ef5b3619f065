namespace Plusflat.Domain.Monitoring;

/// <summary>One recorded quarter of one indicator of a complex, with its change against the complex's baseline.</summary>
public sealed record QuarterChange(Quarter Quarter, decimal Value, Change VersusBaseline);

/// <summary>
/// One indicator of one complex over time: its baseline value, every recorded quarter against that baseline (oldest
/// first), and the latest recorded quarter's change (<see cref="Change.None"/> when no quarter has a value yet).
/// </summary>
public sealed record ComplexIndicatorTrend(decimal Baseline, IReadOnlyList<QuarterChange> Quarters)
{
    public QuarterChange? Latest => Quarters.Count == 0 ? null : Quarters[^1];

    public Change VersusBaseline => Latest?.VersusBaseline ?? Change.None;
}

/// <summary>
/// The programme's change of one indicator against the baselines: over <see cref="Complexes"/> complexes that have both
/// a baseline and a value, the median relative change (percent, null when none has a percent, i.e. every baseline is 0)
/// and how many got better, stayed the same or got worse. <see cref="Judgement"/> reads the median with the
/// indicator's direction.
/// </summary>
public sealed record ProgrammeChange(int Complexes, decimal? MedianPercent, TrendJudgement Judgement, int Better, int Unchanged, int Worse)
{
    public static readonly ProgrammeChange None = new(0, null, TrendJudgement.Unknown, 0, 0, 0);
}

/// <summary>
/// The programme dashboard's trend rules (ADR 0035). A complex is compared only with its own baseline; the programme
/// figure is the <b>median</b> of the complexes' relative changes, because complexes differ in size (4 admissions in
/// one complex are 12 in another) and one small complex going from 1 to 3 (+200 %) must not carry the programme.
/// </summary>
public static class ProgrammeTrend
{
    /// <summary>
    /// A complex's indicator from its baseline value and its recorded quarters (any order; quarters before the baseline
    /// cannot exist, see <see cref="QuarterlyValues.CheckQuarter"/>).
    /// </summary>
    public static ComplexIndicatorTrend ForComplex(IndicatorDirection direction, decimal baseline, IEnumerable<(Quarter Quarter, decimal Value)> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new ComplexIndicatorTrend(baseline, [.. values
            .OrderBy(v => v.Quarter)
            .Select(v => new QuarterChange(v.Quarter, v.Value, IndicatorTrend.Compare(direction, baseline, v.Value)))]);
    }

    /// <summary>Summarises the complexes' changes; unknown ones (no value) are left out.</summary>
    public static ProgrammeChange Summarise(IndicatorDirection direction, IEnumerable<Change> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var known = changes.Where(c => c.Judgement != TrendJudgement.Unknown).ToList();
        if (known.Count == 0)
        {
            return ProgrammeChange.None;
        }

        var median = Median(known.Where(c => c.Percent is not null).Select(c => c.Percent!.Value));
        return new ProgrammeChange(
            known.Count,
            median,
            median is { } m ? IndicatorTrend.Compare(direction, 0m, m).Judgement : TrendJudgement.Unknown,
            known.Count(c => c.Judgement == TrendJudgement.Better),
            known.Count(c => c.Judgement == TrendJudgement.Unchanged),
            known.Count(c => c.Judgement == TrendJudgement.Worse));
    }

    /// <summary>
    /// The programme per quarter: for every quarter in which at least one complex has a value, the summary over the
    /// complexes with a value in that quarter (oldest quarter first).
    /// </summary>
    public static IReadOnlyList<(Quarter Quarter, ProgrammeChange Change)> PerQuarter(IndicatorDirection direction, IEnumerable<ComplexIndicatorTrend> complexes)
    {
        ArgumentNullException.ThrowIfNull(complexes);
        return [.. complexes.SelectMany(c => c.Quarters)
            .GroupBy(q => q.Quarter)
            .OrderBy(g => g.Key)
            .Select(g => (g.Key, Summarise(direction, g.Select(q => q.VersusBaseline))))];
    }

    /// <summary>The median, one decimal, half away from zero (of an even count: the mean of the middle two); null when empty.</summary>
    public static decimal? Median(IEnumerable<decimal> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sorted = values.Order().ToList();
        if (sorted.Count == 0)
        {
            return null;
        }

        var middle = sorted.Count / 2;
        var median = sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2m;
        return decimal.Round(median, 1, MidpointRounding.AwayFromZero);
    }
}
