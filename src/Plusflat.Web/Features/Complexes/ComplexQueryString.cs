namespace Plusflat.Web.Features.Complexes;

/// <summary>The Dutch, bookmarkable query string of the complex list (?fase=1&amp;gemeente=Amsterdam&amp;sorteer=woningen...).</summary>
public static class ComplexQueryString
{
    public static ComplexFilter ToFilter(
        string? text, int? phase, string? municipality, string? district, Guid? corporation, string? sort, string? direction, int? page) => new()
    {
        Text = text,
        Phase = phase,
        Municipality = municipality,
        District = district,
        CorporationId = corporation,
        Sort = sort switch
        {
            "gemeente" => ComplexSort.Municipality,
            "wijk" => ComplexSort.District,
            "woningen" => ComplexSort.Dwellings,
            "fase" => ComplexSort.Phase,
            _ => ComplexSort.Name,
        },
        Descending = direction == "af",
        Page = page ?? 1,
    };

    public static string Build(
        string? text, int? phase, string? municipality, string? district, Guid? corporation, string? sort, string? direction, int? page)
    {
        var parts = new List<string>();
        Add(parts, "zoek", text);
        Add(parts, "fase", phase?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Add(parts, "gemeente", municipality);
        Add(parts, "wijk", district);
        Add(parts, "corporatie", corporation?.ToString());
        Add(parts, "sorteer", sort);
        Add(parts, "richting", direction);
        Add(parts, "pagina", page is > 1 ? page.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : null);
        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }

    private static void Add(List<string> parts, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            parts.Add($"{name}={Uri.EscapeDataString(value)}");
        }
    }
}
