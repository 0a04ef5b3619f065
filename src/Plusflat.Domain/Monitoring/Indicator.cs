namespace Plusflat.Domain.Monitoring;

/// <summary>Which way an indicator should move: fewer nursing-home admissions is better, a higher well-being score is better.</summary>
public enum IndicatorDirection
{
    LowerIsBetter,
    HigherIsBetter,
}

/// <summary>
/// One indicator of the minimal dataset (position paper, annex A). <see cref="Key"/> is stable across catalogue
/// versions: stored values and import files refer to it. A value must lie between <see cref="Minimum"/> and
/// <see cref="Maximum"/> (a count of admissions is never negative, a percentage never above 100).
/// </summary>
public sealed record Indicator(
    string Key,
    string Name,
    string Unit,
    IndicatorDirection Direction,
    string Definition,
    string Source,
    decimal Minimum,
    decimal Maximum)
{
    /// <summary>Null when <paramref name="value"/> may be recorded; otherwise the Dutch reason.</summary>
    public string? Problem(decimal value) =>
        value < Minimum || value > Maximum
            ? $"{Name}: {Format(value)} ligt buiten het bereik {Format(Minimum)} tot en met {Format(Maximum)} ({Unit})."
            : decimal.Round(value, 2) != value ? $"{Name}: geef hoogstens twee decimalen." : null;

    public static string Format(decimal value) => value.ToString("0.##", System.Globalization.CultureInfo.GetCultureInfo("nl-NL"));
}

/// <summary>One indicator's value in a baseline or a quarter.</summary>
public sealed record IndicatorValue(string Key, decimal Value);
