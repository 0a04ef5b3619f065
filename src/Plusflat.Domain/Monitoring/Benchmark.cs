namespace Plusflat.Domain.Monitoring;

/// <summary>What a benchmark needs of an indicator: its stable key, how it is called and measured, and which way is better.</summary>
public sealed record IndicatorHeading(string Key, string Name, string Unit, IndicatorDirection Direction)
{
    public static IndicatorHeading From(Indicator indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        return new(indicator.Key, indicator.Name, indicator.Unit, indicator.Direction);
    }
}

/// <summary>One quarter's recorded values of a complex.</summary>
public sealed record QuarterIndicatorValues(Quarter Quarter, IReadOnlyList<IndicatorValue> Values);

/// <summary>
/// One complex in a zorgkantoor's benchmark: who it is (<paramref name="Id"/> is the caller's own reference, e.g. the label's
/// application), the indicators of its programme's dataset, its baseline and its quarters.
/// </summary>
public sealed record BenchmarkComplex(
    Guid Id,
    string ProgrammeName,
    string ComplexName,
    IReadOnlyList<IndicatorHeading> Indicators,
    DateOnly? BaselineOn,
    IReadOnlyList<IndicatorValue> Baseline,
    IReadOnlyList<QuarterIndicatorValues> Quarters);

/// <summary>
/// One complex's line for one indicator: the baseline value, the newest quarter that has a value for this indicator and that
/// value, and the change against the baseline read with the indicator's direction in the complex's own programme.
/// </summary>
public sealed record BenchmarkEntry(
    Guid Id,
    string ProgrammeName,
    string ComplexName,
    IndicatorDirection Direction,
    DateOnly? BaselineOn,
    decimal? Baseline,
    Quarter? LatestQuarter,
    decimal? Latest,
    Change VersusBaseline);

/// <summary>One indicator with every complex side by side.</summary>
public sealed record BenchmarkIndicator(string Key, string Name, string Unit, IndicatorDirection Direction, IReadOnlyList<BenchmarkEntry> Entries)
{
    /// <summary>True when at least one complex has a baseline or a quarterly value for it.</summary>
    public bool HasValues => Entries.Any(e => e.Baseline is not null || e.Latest is not null);
}

/// <summary>
/// The pure rule behind the zorgkantoor's benchmark: the same indicators side by side across complexes and programmes.
/// Indicators come in the order of annex A (the shared frame), then any other key a programme's dataset has, in that
/// dataset's order; each complex appears under every indicator (without values where it measured nothing), ordered by
/// programme and complex. The latest value is the newest quarter with a value for that indicator, so a quarter recorded
/// for some indicators only does not blank out the others.
/// </summary>
public static class Benchmark
{
    public static IReadOnlyList<BenchmarkIndicator> Compose(IEnumerable<BenchmarkComplex> complexes)
    {
        ArgumentNullException.ThrowIfNull(complexes);
        var ordered = complexes
            .OrderBy(c => c.ProgrammeName, StringComparer.OrdinalIgnoreCase)
            .ThenBy(c => c.ComplexName, StringComparer.OrdinalIgnoreCase)
            .ThenBy(c => c.Id)
            .ToList();
        if (ordered.Count == 0)
        {
            return [];
        }

        var headings = new List<IndicatorHeading>();
        var annexA = IndicatorCatalogue.DefaultIndicators.Select(IndicatorHeading.From).ToList();
        var used = ordered.SelectMany(c => c.Indicators.Select(i => i.Key)).ToHashSet(StringComparer.Ordinal);
        headings.AddRange(annexA.Where(h => used.Contains(h.Key)));
        foreach (var heading in ordered.SelectMany(c => c.Indicators))
        {
            if (!headings.Any(h => h.Key == heading.Key))
            {
                headings.Add(heading);
            }
        }

        return [.. headings.Select(h => new BenchmarkIndicator(h.Key, h.Name, h.Unit, h.Direction, [.. ordered.Select(c => Entry(c, h))]))];
    }

    private static BenchmarkEntry Entry(BenchmarkComplex complex, IndicatorHeading heading)
    {
        var direction = complex.Indicators.FirstOrDefault(i => i.Key == heading.Key)?.Direction ?? heading.Direction;
        var baseline = complex.Baseline.FirstOrDefault(v => v.Key == heading.Key)?.Value;
        var latest = complex.Quarters
            .Select(q => (q.Quarter, Value: q.Values.FirstOrDefault(v => v.Key == heading.Key)?.Value))
            .Where(q => q.Value is not null)
            .OrderByDescending(q => q.Quarter)
            .Select(q => ((Quarter Quarter, decimal Value)?)(q.Quarter, q.Value!.Value))
            .FirstOrDefault();
        return new BenchmarkEntry(
            complex.Id,
            complex.ProgrammeName,
            complex.ComplexName,
            direction,
            complex.BaselineOn,
            baseline,
            latest?.Quarter,
            latest?.Value,
            IndicatorTrend.Compare(direction, baseline, latest?.Value));
    }
}
