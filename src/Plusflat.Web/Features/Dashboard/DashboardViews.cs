using System.Globalization;
using System.Text.Json.Serialization;
using Plusflat.Domain.Monitoring;
using Plusflat.Web.Features.Monitoring;

namespace Plusflat.Web.Features.Dashboard;

/// <summary>The dashboard's filters: a district (<i>stadsdeel / wijk</i>) and a housing corporation; null is "all".</summary>
public sealed record DashboardFilter(string? District, Guid? CorporationId)
{
    public static readonly DashboardFilter All = new(null, null);

    /// <summary>The page's and print view's query string ("?wijk=Noord&amp;corporatie=…"), empty without filters.</summary>
    public string Query()
    {
        var parts = new List<string>();
        if (District is { } district)
        {
            parts.Add("wijk=" + Uri.EscapeDataString(district));
        }

        if (CorporationId is { } corporation)
        {
            parts.Add("corporatie=" + corporation.ToString("D", CultureInfo.InvariantCulture));
        }

        return parts.Count == 0 ? "" : "?" + string.Join("&", parts);
    }
}

/// <summary>A housing corporation to filter on.</summary>
public sealed record DashboardCorporation(Guid Id, string Name);

public sealed record DashboardPhase(int Phase, string Name, int Count);

/// <summary>The ambition (the programme's target) against the complexes in execution of the selection; <see cref="Percent"/> null without an ambition.</summary>
public sealed record DashboardAmbition(int? Target, int? TargetYear, int InExecution, decimal? Percent);

/// <summary>
/// The selection's complexes per state of the admission gate, the product standard and the label: eligible (computed,
/// ADR 0023) and granted (a DOS application of this programme granted by the zorgkantoor).
/// </summary>
public sealed record DashboardStanding(
    int GatePassed, int GateFailed, int GateNotAssessed,
    int StandardMet, int StandardNotMet, int StandardNotAssessed,
    int LabelEligible, int LabelNotEligible, int LabelGranted);

/// <summary>A complex's overdue early-signalling actions, a count only; <see cref="Count"/> null when 1 or 2 (shown "&lt; 3").</summary>
public sealed record DashboardOverdueComplex(Guid ComplexId, string ComplexName, int? Count, string Shown);

/// <summary>Overdue actions over the selection; <see cref="ShownTotal"/> adds only the shown counts (a suppressed one adds 0).</summary>
public sealed record DashboardOverdueActions(int ComplexesWithOverdue, int ShownTotal, bool AnySuppressed, IReadOnlyList<DashboardOverdueComplex> Complexes);

/// <summary>A complex whose quarterly review is due or overdue: the oldest quarter still to review and its last day.</summary>
public sealed record DashboardReviewComplex(Guid ComplexId, string ComplexName, [property: JsonConverter(typeof(CamelCaseEnum<ReviewStatus>))] ReviewStatus Status,
    string Quarter, DateOnly DueOn, int OverdueCount);

/// <summary>The selection's complexes per review state, and the due and overdue ones (overdue first, then by due date).</summary>
public sealed record DashboardReviews(int NotStarted, int UpToDate, int Due, int Overdue, IReadOnlyList<DashboardReviewComplex> Complexes);

/// <summary>The programme's change of one indicator against the baselines (median over the complexes, ADR 0035).</summary>
public sealed record DashboardChange(int Complexes, decimal? MedianPercent, [property: JsonConverter(typeof(CamelCaseEnum<TrendJudgement>))] TrendJudgement Judgement,
    int Better, int Unchanged, int Worse)
{
    public static DashboardChange From(ProgrammeChange c) => new(c.Complexes, c.MedianPercent, c.Judgement, c.Better, c.Unchanged, c.Worse);
}

public sealed record DashboardQuarterChange(string Quarter, DashboardChange Change);

/// <summary>A complex's recorded quarter of one indicator: its value and change against the complex's baseline.</summary>
public sealed record DashboardComplexQuarter(string Quarter, decimal Value, ChangeView VersusBaseline);

/// <summary>One complex's trend of one indicator: its baseline, its latest recorded quarter against it, and every recorded quarter.</summary>
public sealed record DashboardComplexTrend(Guid ComplexId, string ComplexName, DateOnly BaselineOn, decimal Baseline, string? LatestQuarter, decimal? Latest,
    ChangeView VersusBaseline, IReadOnlyList<DashboardComplexQuarter> Quarters);

/// <summary>One indicator: the programme's change (latest quarter of each complex), the programme per quarter, and each complex with a baseline for it.</summary>
public sealed record DashboardIndicator(string Key, string Name, string Unit, [property: JsonConverter(typeof(CamelCaseEnum<IndicatorDirection>))] IndicatorDirection Direction,
    DashboardChange Programme, IReadOnlyList<DashboardQuarterChange> PerQuarter, IReadOnlyList<DashboardComplexTrend> Complexes);

public sealed record DashboardFundingYear(int Year, decimal Amount);

/// <summary>Funding granted per year by the zorgkantoren on this programme's DOS applications for the selection's complexes.</summary>
public sealed record DashboardFunding(int GrantedApplications, decimal Total, IReadOnlyList<DashboardFundingYear> PerYear);

/// <summary>
/// Everything the programme dashboard shows, for one filter; the page, the print view, the PDF and the API all show
/// this one record (plain values: it round-trips through the prerender's persisted state and the API's JSON).
/// Archived complexes are never counted.
/// </summary>
public sealed record DashboardView(
    string? District,
    Guid? CorporationId,
    string? CorporationName,
    IReadOnlyList<string> Districts,
    IReadOnlyList<DashboardCorporation> Corporations,
    DateOnly On,
    int Complexes,
    IReadOnlyList<DashboardPhase> PerPhase,
    DashboardAmbition Ambition,
    DashboardStanding Standing,
    DashboardOverdueActions OverdueActions,
    DashboardReviews Reviews,
    IReadOnlyList<DashboardIndicator> Indicators,
    DashboardFunding Funding)
{
    [JsonIgnore]
    public DashboardFilter Filter => new(District, CorporationId);
}
