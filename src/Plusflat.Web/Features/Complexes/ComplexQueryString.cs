using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;

namespace Plusflat.Web.Features.Complexes;

/// <summary>
/// The Dutch, bookmarkable query string of the complex list (?fase=1&amp;gemeente=Amsterdam&amp;sorteer=woningen&amp;richting=af&amp;pagina=2),
/// read leniently: a hand-edited value that cannot be read is ignored, never a 500.
/// </summary>
public static class ComplexQueryString
{
    private static readonly (ComplexSort Sort, string Name)[] SortNames =
    [
        (ComplexSort.Name, "naam"), (ComplexSort.Municipality, "gemeente"), (ComplexSort.District, "wijk"),
        (ComplexSort.Dwellings, "woningen"), (ComplexSort.Phase, "fase"),
    ];

    public static ComplexFilter ToFilter(
        string? text, int? phase, string? municipality, string? district, Guid? corporation, string? sort, string? direction, int? page) => new ComplexFilter
    {
        Text = text,
        Phase = phase,
        Municipality = municipality,
        District = district,
        CorporationId = corporation,
        Sort = SortNames.FirstOrDefault(s => s.Name == sort).Sort,
        Descending = direction == "af",
        Page = page ?? 1,
    }.Normalised();

    /// <summary>The filter of a list URL (absolute or relative).</summary>
    public static ComplexFilter FromUri(string uri)
    {
        var start = uri.IndexOf('?', StringComparison.Ordinal);
        var query = QueryHelpers.ParseQuery(start < 0 ? "" : uri[start..]);
        string? Value(string name) => query.TryGetValue(name, out var v) ? v.ToString() : null;
        int? Int(string name) => int.TryParse(Value(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : null;
        return ToFilter(
            Value("zoek"), Int("fase"), Value("gemeente"), Value("wijk"),
            Guid.TryParse(Value("corporatie"), out var corporation) ? corporation : null,
            Value("sorteer"), Value("richting"), Int("pagina")) with { Archived = IsArchive(Value("archief")) };
    }

    /// <summary>The query string of a filter ("" for the default view); defaults are left out, so links stay short.</summary>
    public static string Build(ComplexFilter filter)
    {
        var parts = new List<string>();
        Add(parts, "zoek", filter.Text);
        Add(parts, "fase", filter.Phase?.ToString(CultureInfo.InvariantCulture));
        Add(parts, "gemeente", filter.Municipality);
        Add(parts, "wijk", filter.District);
        Add(parts, "corporatie", filter.CorporationId?.ToString());
        Add(parts, "sorteer", filter.Sort == ComplexSort.Name && !filter.Descending ? null : SortNames.First(s => s.Sort == filter.Sort).Name);
        Add(parts, "richting", filter.Descending ? "af" : null);
        Add(parts, "pagina", filter.Page > 1 ? filter.Page.ToString(CultureInfo.InvariantCulture) : null);
        Add(parts, "archief", filter.Archived ? "ja" : null);
        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }

    /// <summary>"?archief=ja" shows the archived complexes.</summary>
    public static bool IsArchive(string? value) => string.Equals(value?.Trim(), "ja", StringComparison.OrdinalIgnoreCase);

    private static void Add(List<string> parts, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            parts.Add($"{name}={Uri.EscapeDataString(value)}");
        }
    }
}
