using Plusflat.Domain.Common;

namespace Plusflat.Domain.Monitoring;

/// <summary>
/// A complex's baseline (<i>nulmeting</i>): the indicator values measured on one date before (or as) the plus layer
/// starts. Every later quarter is compared with it; no quarter may lie before it. One per complex; it may be corrected,
/// but never moved past a quarter that already has values.
/// </summary>
public sealed class MonitoringBaseline : ITenantOwned
{
    public const int NotesMaxLength = 2000;

    public MonitoringBaseline(Guid tenantId, Guid complexId, IndicatorCatalogue catalogue, DateOnly measuredOn,
        IReadOnlyCollection<IndicatorValue> values, string? notes, Quarter? earliestQuarter, DateOnly today, string by, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        TenantId = tenantId;
        ComplexId = complexId;
        Apply(catalogue, measuredOn, values, notes, earliestQuarter, today, by, now);
    }

    private MonitoringBaseline()
    {
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid ComplexId { get; private set; }

    public Guid CatalogueId { get; private set; }

    public int CatalogueVersion { get; private set; }

    public DateOnly MeasuredOn { get; private set; }

    /// <summary>The quarter the baseline falls in: the first quarter that may have values.</summary>
    public Quarter Quarter => Quarter.Of(MeasuredOn);

    public IReadOnlyList<IndicatorValue> Values { get; private set; } = [];

    public string? Notes { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public string UpdatedBy { get; private set; } = "";

    /// <summary>Optimistic concurrency (PostgreSQL xmin).</summary>
    public uint Version { get; private set; }

    public decimal? ValueOf(string key) => Values.FirstOrDefault(v => v.Key == key)?.Value;

    /// <summary>Corrects the baseline: its date, values and notes.</summary>
    /// <param name="earliestQuarter">The earliest quarter that already has values (null: none); the baseline may not move after it.</param>
    public void Correct(IndicatorCatalogue catalogue, DateOnly measuredOn, IReadOnlyCollection<IndicatorValue> values, string? notes,
        Quarter? earliestQuarter, DateOnly today, string by, DateTimeOffset now) =>
        Apply(catalogue, measuredOn, values, notes, earliestQuarter, today, by, now);

    /// <summary>Sets the given indicators' baseline values and keeps the others, the date and the notes (an import names one indicator per row).</summary>
    public void MergeValues(IndicatorCatalogue catalogue, IReadOnlyCollection<IndicatorValue> values, string by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            throw new DomainException("Vul voor minstens één indicator de nulmeting in.", nameof(Values));
        }

        catalogue.Check(values);
        var keys = values.Select(v => v.Key).ToHashSet(StringComparer.Ordinal);
        CatalogueId = catalogue.Id;
        CatalogueVersion = catalogue.Version;
        Values = [.. Values.Where(v => !keys.Contains(v.Key)), .. values];
        UpdatedBy = by;
        UpdatedAt = now;
    }

    private void Apply(IndicatorCatalogue catalogue, DateOnly measuredOn, IReadOnlyCollection<IndicatorValue> values, string? notes,
        Quarter? earliestQuarter, DateOnly today, string by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(values);
        string? checkedNotes = null;
        DomainException.ThrowAll(
            () =>
            {
                if (measuredOn > today)
                {
                    throw new DomainException("De nulmeting kan niet in de toekomst liggen.", nameof(MeasuredOn));
                }

                if (earliestQuarter is { } first && Quarter.Of(measuredOn) > first)
                {
                    throw new DomainException(
                        $"Er zijn al waarden vanaf {first.Dutch}: de nulmeting kan niet later liggen dan dat kwartaal.", nameof(MeasuredOn));
                }
            },
            () =>
            {
                if (values.Count == 0)
                {
                    throw new DomainException("Vul voor minstens één indicator de nulmeting in.", nameof(Values));
                }

                catalogue.Check(values);
            },
            () => checkedNotes = Guard.OptionalText(notes, NotesMaxLength, nameof(Notes), "De toelichting", multiline: true));

        CatalogueId = catalogue.Id;
        CatalogueVersion = catalogue.Version;
        MeasuredOn = measuredOn;
        Values = [.. values];
        Notes = checkedNotes;
        UpdatedBy = by;
        UpdatedAt = now;
    }
}
