using System.Globalization;
using Microsoft.Extensions.Localization;
using Plusflat.Domain.Monitoring;
using Plusflat.Web.Features.BusinessCases;

namespace Plusflat.Web.Features.Dashboard;

/// <summary>How the dashboard's page, print view and PDF say its figures, so the three read the same.</summary>
public sealed class DashboardText(IStringLocalizer<SharedResource> L)
{
    public string Quarter(string? quarter) =>
        quarter is null ? "—" : Plusflat.Domain.Monitoring.Quarter.TryParse(quarter) is { } q ? string.Format(CultureInfo.CurrentCulture, L["K{0} {1}"], q.Number, q.Year) : quarter;

    /// <summary>"−12,5 %" / "+3 %" / "—" (no percent: a baseline of 0, or no value).</summary>
    public static string Percent(decimal? percent) =>
        percent is { } p ? (p > 0 ? "+" : "") + p.ToString("0.#", CultureInfo.CurrentCulture) + " %" : "—";

    public static string Value(decimal? value) => value is { } v ? v.ToString("0.##", CultureInfo.CurrentCulture) : "—";

    public static string Euro(decimal amount) => BusinessCaseFormat.Euro(amount);

    public string Judgement(TrendJudgement judgement) => judgement switch
    {
        TrendJudgement.Better => L["beter"],
        TrendJudgement.Worse => L["slechter"],
        TrendJudgement.Unchanged => L["ongewijzigd"],
        _ => L["nog geen vergelijking"],
    };

    public string Direction(IndicatorDirection direction) => direction == IndicatorDirection.LowerIsBetter ? L["lager is beter"] : L["hoger is beter"];

    /// <summary>The programme's change in words: "−12,5 % (beter), 3 wooncomplexen: 2 beter, 0 gelijk, 1 slechter".</summary>
    public string Programme(DashboardChange change) => change.Complexes == 0
        ? L["nog geen vergelijking"]
        : string.Format(CultureInfo.CurrentCulture, L["{0} ({1}) over {2} wooncomplexen: {3} beter, {4} gelijk, {5} slechter"],
            Percent(change.MedianPercent), Judgement(change.Judgement), change.Complexes, change.Better, change.Unchanged, change.Worse);

    /// <summary>The filter in words, for the print view's and PDF's heading.</summary>
    public string Filter(DashboardView view)
    {
        var parts = new List<string>();
        if (view.District is { } district)
        {
            parts.Add(string.Format(CultureInfo.CurrentCulture, L["wijk {0}"], district));
        }

        if (view.CorporationId is not null)
        {
            parts.Add(string.Format(CultureInfo.CurrentCulture, L["corporatie {0}"], view.CorporationName ?? L["onbekend"]));
        }

        return parts.Count == 0 ? L["Alle wooncomplexen"] : string.Join(", ", parts);
    }

    public string ReviewStatus(Plusflat.Domain.Monitoring.ReviewStatus status) => status switch
    {
        Plusflat.Domain.Monitoring.ReviewStatus.Overdue => L["te laat"],
        Plusflat.Domain.Monitoring.ReviewStatus.Due => L["nodig"],
        Plusflat.Domain.Monitoring.ReviewStatus.UpToDate => L["bij"],
        _ => L["nog niet begonnen"],
    };

    /// <summary>The rows of the state counts: (key, title, name, count), in the page's order.</summary>
    public IReadOnlyList<(string Key, string Group, string Name, int Count)> Standing(DashboardStanding s) =>
    [
        ("gate-passed", L["Toelatingspoort"], L["Door de poort"], s.GatePassed),
        ("gate-failed", L["Toelatingspoort"], L["Niet door de poort"], s.GateFailed),
        ("gate-not-assessed", L["Toelatingspoort"], L["Nog niet vastgelegd"], s.GateNotAssessed),
        ("standard-met", L["Productstandaard"], L["Voldoet aan de musts"], s.StandardMet),
        ("standard-not-met", L["Productstandaard"], L["Voldoet niet"], s.StandardNotMet),
        ("standard-not-assessed", L["Productstandaard"], L["Nog niet beoordeeld"], s.StandardNotAssessed),
        ("label-eligible", L["Plusflat-label"], L["Geschikt"], s.LabelEligible),
        ("label-not-eligible", L["Plusflat-label"], L["Niet geschikt"], s.LabelNotEligible),
        ("label-granted", L["Plusflat-label"], L["Toegekend door het zorgkantoor"], s.LabelGranted),
    ];
}
