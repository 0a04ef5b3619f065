using System.Globalization;
using Plusflat.Domain.BusinessCases;

namespace Plusflat.Web.Features.BusinessCases;

/// <summary>How the business case's numbers are written on the print view and in its chart (the same as on the page and in the PDF).</summary>
public static class BusinessCaseFormat
{
    public static string Euro(decimal amount) =>
        "€ " + amount.ToString(amount == decimal.Truncate(amount) ? "N0" : "N2", CultureInfo.CurrentCulture);

    public static string Ratio(decimal? ratio) => ratio?.ToString("0.00", CultureInfo.CurrentCulture) ?? "—";

    public static string Percent(decimal? share) => share is { } s ? (s * 100m).ToString("0.#", CultureInfo.CurrentCulture) + " %" : "—";

    /// <summary>The chart's series in a machine-readable form (invariant, "year:value;..."), for a data attribute tests can read.</summary>
    public static string Series(BusinessCaseResult result) =>
        string.Join(";", result.PerYear.Select(y => string.Create(CultureInfo.InvariantCulture, $"{y.Year}:{y.CumulativeNet}")));
}
