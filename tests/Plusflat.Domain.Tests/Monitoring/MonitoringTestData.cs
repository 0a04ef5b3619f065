using Plusflat.Domain.Monitoring;
using static Plusflat.Domain.Tests.TestData;

namespace Plusflat.Domain.Tests.Monitoring;

internal static class MonitoringTestData
{
    public static readonly Guid ComplexId = Guid.Parse("0195f000-0000-7000-8000-0000000000c3");

    public static IndicatorCatalogue Indicators() => IndicatorCatalogue.CreateDefault(TenantId, Now);

    /// <summary>A baseline on 15 February 2027 (Q1 2027): Wlz inflow 4, well-being 6.5.</summary>
    public static MonitoringBaseline Baseline(IndicatorCatalogue? catalogue = null, DateOnly? on = null) =>
        new(TenantId, ComplexId, catalogue ?? Indicators(), on ?? new DateOnly(2027, 2, 15),
            [new("wlz-instroom", 4m), new("mentaal-welzijn", 6.5m)], null, null, new DateOnly(2027, 12, 31), LeadName, Now);

    public static readonly DateOnly Late2027 = new(2027, 12, 31);
}
