using System.Text.Json;
using System.Text.Json.Serialization;
using Plusflat.Domain.Monitoring;
using Plusflat.Domain.Signalling;

namespace Plusflat.Web.Features.Monitoring;

/// <summary>One indicator of the dataset as pages and the API show it.</summary>
public sealed record IndicatorView(string Key, string Name, string Unit, [property: JsonConverter(typeof(CamelCaseEnum<IndicatorDirection>))] IndicatorDirection Direction, string Definition, string Source, decimal Minimum, decimal Maximum)
{
    public static IndicatorView From(Indicator i) => new(i.Key, i.Name, i.Unit, i.Direction, i.Definition, i.Source, i.Minimum, i.Maximum);
}

public sealed record CatalogueView(int Version, string Name, IReadOnlyList<IndicatorView> Indicators);

public sealed record BaselineView(DateOnly MeasuredOn, string Quarter, IReadOnlyDictionary<string, decimal> Values, string? Notes, int CatalogueVersion,
    DateTimeOffset UpdatedAt, string UpdatedBy, uint Version);

/// <summary>A signal category's count in a quarter, from the early-signalling log (computed, never typed); null when 1 or 2 (shown "&lt; 3").</summary>
public sealed record QuarterSignalCount([property: JsonConverter(typeof(CamelCaseEnum<SignalCategory>))] SignalCategory Category, int? Count, string Shown);

/// <summary>One quarter: its values (absent when none recorded), each indicator against the baseline and the quarter before, and the signal counts.</summary>
public sealed record QuarterView(string Quarter, bool Recorded, IReadOnlyDictionary<string, decimal> Values, IReadOnlyList<ComparisonView> Comparisons,
    IReadOnlyList<QuarterSignalCount> SignalCounts, DateTimeOffset? UpdatedAt, string? UpdatedBy, uint? Version);

/// <summary>A complex's monitoring: the dataset, the baseline, every quarter from the baseline's to today's (newest first) and the review rhythm.</summary>
public sealed record MonitoringView(Guid ComplexId, string ComplexName, CatalogueView Catalogue, BaselineView? Baseline, IReadOnlyList<QuarterView> Quarters,
    [property: JsonConverter(typeof(CamelCaseEnum<ReviewStatus>))] ReviewStatus ReviewStatus, string? ReviewQuarter, DateOnly? ReviewDueOn, int ReviewsOverdue, bool CanEdit)
{
    public QuarterView? Find(string quarter) => Quarters.FirstOrDefault(q => q.Quarter == quarter);
}

/// <summary>One complex on the monitoring overview.</summary>
public sealed record MonitoringRow(Guid ComplexId, string ComplexName, DateOnly? BaselineOn, string? LatestQuarter, int QuartersRecorded, [property: JsonConverter(typeof(CamelCaseEnum<ReviewStatus>))] ReviewStatus ReviewStatus, DateOnly? ReviewDueOn);

/// <summary>One comparison: difference, percent (null when the earlier value is 0) and judgement (better | unchanged | worse | unknown).</summary>
public sealed record ChangeView(decimal? Difference, decimal? Percent, [property: JsonConverter(typeof(CamelCaseEnum<TrendJudgement>))] TrendJudgement Judgement)
{
    public static ChangeView From(Change change) => new(change.Difference, change.Percent, change.Judgement);
}

/// <summary>A quarter's value of one indicator against the baseline and the quarter right before.</summary>
public sealed record ComparisonView(string Key, decimal? Value, ChangeView VersusBaseline, ChangeView VersusPrevious)
{
    public static ComparisonView From(IndicatorComparison c) => new(c.Key, c.Value, ChangeView.From(c.VersusBaseline), ChangeView.From(c.VersusPrevious));
}

/// <summary>Enums in the API as camelCase names ("lowerIsBetter"), like the rest of the API's enum values.</summary>
public sealed class CamelCaseEnum<T>() : JsonStringEnumConverter<T>(JsonNamingPolicy.CamelCase, allowIntegerValues: false)
    where T : struct, Enum;
