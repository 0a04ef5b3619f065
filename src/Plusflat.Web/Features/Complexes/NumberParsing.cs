using System.Globalization;

namespace Plusflat.Web.Features.Complexes;

/// <summary>Numbers as Dutch users type them: "72,5" and "72.5" are the same. (Still used by the ambition form.)</summary>
public static class NumberParsing
{
    public static int? Integer(string? text) =>
        int.TryParse(text?.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    public static decimal? Decimal(string? text) =>
        decimal.TryParse(text?.Trim().Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value : null;

    public static bool IsBlank(string? text) => string.IsNullOrWhiteSpace(text);

    public static string? Format(decimal? value) => value?.ToString("0.##", CultureInfo.GetCultureInfo("nl-NL"));
}
