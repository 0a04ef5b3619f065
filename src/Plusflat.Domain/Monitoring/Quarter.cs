using System.Globalization;
using System.Text.RegularExpressions;

namespace Plusflat.Domain.Monitoring;

/// <summary>
/// A calendar quarter ("2027Q1" = January to March 2027): the period one set of indicator values describes. Written
/// as <c>JJJJQn</c> everywhere (URL, files, JSON); ordered by time.
/// </summary>
public readonly partial record struct Quarter : IComparable<Quarter>
{
    public const int FirstYear = 2000;

    public const int LastYear = 2100;

    public const string FormatMessage = "Geef een kwartaal als JJJJQn, bijvoorbeeld 2027Q1.";

    public Quarter(int year, int number)
    {
        if (year is < FirstYear or > LastYear || number is < 1 or > 4)
        {
            throw new ArgumentOutOfRangeException(nameof(number), $"No quarter {year}Q{number}.");
        }

        Year = year;
        Number = number;
    }

    public int Year { get; }

    /// <summary>1 to 4.</summary>
    public int Number { get; }

    /// <summary>The first day of the quarter.</summary>
    public DateOnly Start => new(Year, (3 * Number) - 2, 1);

    /// <summary>The last day of the quarter.</summary>
    public DateOnly End => Start.AddMonths(3).AddDays(-1);

    public static Quarter Of(DateOnly date) => new(date.Year, ((date.Month - 1) / 3) + 1);

    /// <summary>The quarter that starts on <paramref name="start"/> (how the database keeps it).</summary>
    public static Quarter FromStart(DateOnly start)
    {
        var quarter = Of(start);
        return quarter.Start == start ? quarter : throw new ArgumentException($"{start:yyyy-MM-dd} is not the first day of a quarter.", nameof(start));
    }

    public Quarter Next() => Plus(1);

    public Quarter Previous() => Plus(-1);

    public Quarter Plus(int quarters)
    {
        var index = (Year * 4) + Number - 1 + quarters;
        return new Quarter(index / 4, (index % 4) + 1);
    }

    /// <summary>How many quarters <paramref name="other"/> lies before this one (negative when after).</summary>
    public int QuartersSince(Quarter other) => ((Year * 4) + Number) - ((other.Year * 4) + other.Number);

    /// <summary>"2027Q1", also "2027q1", "2027-Q1" and "2027 Q1" (as people type it in a sheet); null when it is no quarter.</summary>
    public static Quarter? TryParse(string? text)
    {
        var match = Pattern().Match(text?.Trim() ?? "");
        if (!match.Success)
        {
            return null;
        }

        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        var number = int.Parse(match.Groups["number"].Value, CultureInfo.InvariantCulture);
        return year is < FirstYear or > LastYear ? null : new Quarter(year, number);
    }

    public int CompareTo(Quarter other) => QuartersSince(other).CompareTo(0);

    public static bool operator <(Quarter left, Quarter right) => left.CompareTo(right) < 0;

    public static bool operator >(Quarter left, Quarter right) => left.CompareTo(right) > 0;

    public static bool operator <=(Quarter left, Quarter right) => left.CompareTo(right) <= 0;

    public static bool operator >=(Quarter left, Quarter right) => left.CompareTo(right) >= 0;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year}Q{Number}");

    /// <summary>"1e kwartaal 2027", as the pages say it.</summary>
    public string Dutch => string.Create(CultureInfo.InvariantCulture, $"{Number}e kwartaal {Year}");

    [GeneratedRegex(@"^(?<year>\d{4})[\s-]?[Qq](?<number>[1-4])$")]
    private static partial Regex Pattern();
}
