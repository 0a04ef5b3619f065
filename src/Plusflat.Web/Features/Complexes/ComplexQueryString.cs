using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using Plusflat.Domain.Standard;
using Plusflat.Web.Features.Standard;

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

    private static readonly (GateState Value, string Name)[] GateNames =
        [(GateState.Passed, "gehaald"), (GateState.Failed, "niet-gehaald"), (GateState.NotAssessed, "niet-beoordeeld")];

    private static readonly (StandardState Value, string Name)[] StandardNames =
        [(StandardState.Met, "voldoet"), (StandardState.NotMet, "voldoet-niet"), (StandardState.NotAssessed, "niet-beoordeeld")];

    private static readonly (bool Value, string Name)[] LabelNames = [(true, "geschikt"), (false, "niet-geschikt")];

    private static readonly (AssessmentDue Value, string Name)[] ReassessmentNames =
        [(AssessmentDue.Due, "nodig"), (AssessmentDue.Overdue, "te-laat"), (AssessmentDue.Current, "op-tijd"), (AssessmentDue.NotAssessed, "niet-beoordeeld")];

    /// <summary>The query string's names of the gate, standard, label and re-assessment filters (for links from the overview).</summary>
    public static string Of(GateState value) => GateNames.First(n => n.Value == value).Name;

    public static string Of(StandardState value) => StandardNames.First(n => n.Value == value).Name;

    public static string OfLabel(bool eligible) => LabelNames.First(n => n.Value == eligible).Name;

    public static string Of(AssessmentDue value) => ReassessmentNames.First(n => n.Value == value).Name;

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
            Value("sorteer"), Value("richting"), Int("pagina")) with
        {
            Archived = IsArchive(Value("archief")),
            Gate = Find(GateNames, Value("poort")),
            Standard = Find(StandardNames, Value("standaard")),
            Eligible = Find(LabelNames, Value("label")),
            Reassessment = Find(ReassessmentNames, Value("herbeoordeling")),
        };
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
        Add(parts, "poort", filter.Gate is { } gate ? Of(gate) : null);
        Add(parts, "standaard", filter.Standard is { } standard ? Of(standard) : null);
        Add(parts, "label", filter.Eligible is { } eligible ? OfLabel(eligible) : null);
        Add(parts, "herbeoordeling", filter.Reassessment is { } due ? Of(due) : null);
        Add(parts, "sorteer", filter.Sort == ComplexSort.Name && !filter.Descending ? null : SortNames.First(s => s.Sort == filter.Sort).Name);
        Add(parts, "richting", filter.Descending ? "af" : null);
        Add(parts, "pagina", filter.Page > 1 ? filter.Page.ToString(CultureInfo.InvariantCulture) : null);
        Add(parts, "archief", filter.Archived ? "ja" : null);
        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }

    /// <summary>"?archief=ja" shows the archived complexes.</summary>
    public static bool IsArchive(string? value) => string.Equals(value?.Trim(), "ja", StringComparison.OrdinalIgnoreCase);

    /// <summary>A value by its Dutch name; an unknown one is ignored (null), as every hand-edited value is.</summary>
    private static T? Find<T>((T Value, string Name)[] names, string? name)
        where T : struct =>
        names.Where(n => string.Equals(n.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase)).Select(n => (T?)n.Value).FirstOrDefault();

    private static void Add(List<string> parts, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            parts.Add($"{name}={Uri.EscapeDataString(value)}");
        }
    }
}
