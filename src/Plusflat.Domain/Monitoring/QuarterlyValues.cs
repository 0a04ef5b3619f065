using Plusflat.Domain.Common;

namespace Plusflat.Domain.Monitoring;

/// <summary>
/// A complex's indicator values for one quarter. One per complex and quarter; a quarter before the complex's
/// baseline, or one that has not begun, is refused.
/// </summary>
public sealed class QuarterlyValues : ITenantOwned
{
    public QuarterlyValues(Guid tenantId, MonitoringBaseline baseline, Quarter quarter, IndicatorCatalogue catalogue,
        IReadOnlyCollection<IndicatorValue> values, DateOnly today, string by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        Id = Guid.CreateVersion7();
        TenantId = tenantId;
        ComplexId = baseline.ComplexId;
        DomainException.ThrowAll(() => CheckQuarter(baseline, quarter, today), () => CheckValues(catalogue, values));
        Quarter = quarter;
        Set(values, by, now);
    }

    private QuarterlyValues()
    {
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid ComplexId { get; private set; }

    public Quarter Quarter { get; private set; }

    public IReadOnlyList<IndicatorValue> Values { get; private set; } = [];

    public DateTimeOffset UpdatedAt { get; private set; }

    public string UpdatedBy { get; private set; } = "";

    /// <summary>Optimistic concurrency (PostgreSQL xmin).</summary>
    public uint Version { get; private set; }

    public decimal? ValueOf(string key) => Values.FirstOrDefault(v => v.Key == key)?.Value;

    /// <summary>Replaces every value of the quarter (the form and the API's PUT).</summary>
    public void Replace(IndicatorCatalogue catalogue, IReadOnlyCollection<IndicatorValue> values, string by, DateTimeOffset now)
    {
        CheckValues(catalogue, values);
        Set(values, by, now);
    }

    /// <summary>Sets the given indicators and keeps the others (an import names one indicator per row).</summary>
    public void Merge(IndicatorCatalogue catalogue, IReadOnlyCollection<IndicatorValue> values, string by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(values);
        catalogue.Check(values);
        var keys = values.Select(v => v.Key).ToHashSet(StringComparer.Ordinal);
        Set([.. Values.Where(v => !keys.Contains(v.Key)), .. values], by, now);
    }

    /// <summary>The rule for every quarter's values: not before the baseline's quarter, not a quarter that has not begun.</summary>
    public static void CheckQuarter(MonitoringBaseline? baseline, Quarter quarter, DateOnly today)
    {
        if (baseline is null)
        {
            throw new DomainException("Leg eerst de nulmeting van dit wooncomplex vast; daarna de kwartaalwaarden.", nameof(Quarter));
        }

        if (quarter < baseline.Quarter)
        {
            throw new DomainException(
                $"{quarter.Dutch} ligt vóór de nulmeting ({baseline.MeasuredOn:dd-MM-yyyy}, {baseline.Quarter.Dutch}).", nameof(Quarter));
        }

        if (quarter > Quarter.Of(today))
        {
            throw new DomainException($"{quarter.Dutch} is nog niet begonnen.", nameof(Quarter));
        }
    }

    private static void CheckValues(IndicatorCatalogue catalogue, IReadOnlyCollection<IndicatorValue> values)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            throw new DomainException("Vul voor minstens één indicator een waarde in.", nameof(Values));
        }

        catalogue.Check(values);
    }

    private void Set(IReadOnlyCollection<IndicatorValue> values, string by, DateTimeOffset now)
    {
        Values = [.. values];
        UpdatedBy = by;
        UpdatedAt = now;
    }
}
