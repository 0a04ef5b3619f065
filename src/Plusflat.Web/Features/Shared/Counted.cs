using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Plusflat.Web.Features.Shared;

/// <summary>
/// A count with the right noun: "1 wooncomplex", "0 wooncomplexen", "2 wooncomplexen". Dutch and English both use
/// the singular for exactly one only, so two texts suffice: <paramref name="one"/> (the whole text for one) and
/// <paramref name="many"/> (with <c>{0}</c> for the number). Callers pass both through the localizer, so the keys stay
/// visible to the translation check.
/// </summary>
public static class Counted
{
    public static string Text(int count, LocalizedString one, LocalizedString many) =>
        count == 1 ? one.Value : string.Format(CultureInfo.CurrentCulture, many.Value, count);
}
