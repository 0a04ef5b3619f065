using Plusflat.Domain.Common;
using Plusflat.Domain.Monitoring;
using static Plusflat.Domain.Tests.Monitoring.MonitoringTestData;
using static Plusflat.Domain.Tests.TestData;

namespace Plusflat.Domain.Tests.Monitoring;

public class BaselineAndQuarterTests
{
    [Fact]
    public void Baseline_KeepsDateValuesCatalogueVersionAndWho()
    {
        var baseline = Baseline();

        Assert.Equal(new DateOnly(2027, 2, 15), baseline.MeasuredOn);
        Assert.Equal(new Quarter(2027, 1), baseline.Quarter);
        Assert.Equal(4m, baseline.ValueOf("wlz-instroom"));
        Assert.Null(baseline.ValueOf("huisartsbezoeken"));
        Assert.Equal(1, baseline.CatalogueVersion);
        Assert.Equal(LeadName, baseline.UpdatedBy);
    }

    [Fact]
    public void Baseline_InTheFutureWithoutValuesAndLongNotes_NamesEveryField()
    {
        var ex = Assert.Throws<DomainException>(() => new MonitoringBaseline(TenantId, ComplexId, Indicators(), new DateOnly(2028, 1, 1), [],
            new string('x', MonitoringBaseline.NotesMaxLength + 1), null, Late2027, LeadName, Now));

        Assert.Equal(["MeasuredOn", "Values", "Notes"], ex.Errors.Select(e => e.Field));
        Assert.Equal("De nulmeting kan niet in de toekomst liggen.", ex.Errors[0].Message);
    }

    [Fact]
    public void Baseline_ValueOutOfRange_IsRefusedAtThatIndicator()
    {
        var ex = Assert.Throws<DomainException>(() => new MonitoringBaseline(TenantId, ComplexId, Indicators(), new DateOnly(2027, 2, 15),
            [new("team-verloop", 101m)], null, null, Late2027, LeadName, Now));

        Assert.Equal("Values[team-verloop]", Assert.Single(ex.Errors).Field);
    }

    [Fact]
    public void Correct_MovedAfterAQuarterWithValues_IsRefused_ButWithinThatQuarterIsFine()
    {
        var baseline = Baseline();

        var ex = Assert.Throws<DomainException>(() => baseline.Correct(Indicators(), new DateOnly(2027, 4, 1), [new("wlz-instroom", 4m)], null,
            new Quarter(2027, 1), Late2027, LeadName, Now));
        baseline.Correct(Indicators(), new DateOnly(2027, 3, 31), [new("wlz-instroom", 5m)], "Gecorrigeerd", new Quarter(2027, 1), Late2027, LeadName, Now);

        Assert.Equal("MeasuredOn", ex.Field);
        Assert.Contains("1e kwartaal 2027", ex.Message, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2027, 3, 31), baseline.MeasuredOn);
        Assert.Equal(5m, baseline.ValueOf("wlz-instroom"));
        Assert.Equal("Gecorrigeerd", baseline.Notes);
    }

    [Fact]
    public void Quarter_BeforeTheBaselinesQuarter_IsRefused()
    {
        var ex = Assert.Throws<DomainException>(() =>
            new QuarterlyValues(TenantId, Baseline(), new Quarter(2026, 4), Indicators(), [new("wlz-instroom", 3m)], Late2027, LeadName, Now));

        Assert.Equal("Quarter", ex.Field);
        Assert.Equal("4e kwartaal 2026 ligt vóór de nulmeting (15-02-2027, 1e kwartaal 2027).", ex.Message);
    }

    [Fact]
    public void Quarter_TheBaselinesOwnQuarterAndLater_AreAccepted()
    {
        var own = new QuarterlyValues(TenantId, Baseline(), new Quarter(2027, 1), Indicators(), [new("wlz-instroom", 3m)], Late2027, LeadName, Now);
        var later = new QuarterlyValues(TenantId, Baseline(), new Quarter(2027, 4), Indicators(), [new("wlz-instroom", 2m)], Late2027, LeadName, Now);

        Assert.Equal(ComplexId, own.ComplexId);
        Assert.Equal(new Quarter(2027, 4), later.Quarter);
    }

    [Fact]
    public void Quarter_NotBegunYet_IsRefused()
    {
        var ex = Assert.Throws<DomainException>(() =>
            new QuarterlyValues(TenantId, Baseline(), new Quarter(2028, 1), Indicators(), [new("wlz-instroom", 3m)], Late2027, LeadName, Now));

        Assert.Equal("1e kwartaal 2028 is nog niet begonnen.", ex.Message);
    }

    [Fact]
    public void Quarter_WithoutBaseline_IsRefused() =>
        Assert.Contains("eerst de nulmeting", Assert.Throws<DomainException>(() => QuarterlyValues.CheckQuarter(null, new Quarter(2027, 1), Late2027)).Message, StringComparison.Ordinal);

    [Fact]
    public void Quarter_BadQuarterAndBadValue_AreBothNamed()
    {
        var ex = Assert.Throws<DomainException>(() =>
            new QuarterlyValues(TenantId, Baseline(), new Quarter(2026, 1), Indicators(), [new("mentaal-welzijn", 11m)], Late2027, LeadName, Now));

        Assert.Equal(["Quarter", "Values[mentaal-welzijn]"], ex.Errors.Select(e => e.Field));
    }

    [Fact]
    public void Replace_SetsEveryValue_Merge_KeepsTheOthers()
    {
        var values = new QuarterlyValues(TenantId, Baseline(), new Quarter(2027, 2), Indicators(), [new("wlz-instroom", 3m), new("valincidenten", 8m)], Late2027, LeadName, Now);

        values.Merge(Indicators(), [new("valincidenten", 6m), new("mentaal-welzijn", 7m)], "Import", Now);
        var merged = values.Values.OrderBy(v => v.Key, StringComparer.Ordinal).ToList();
        values.Replace(Indicators(), [new("huisartsbezoeken", 40m)], LeadName, Now);

        Assert.Equal([new("mentaal-welzijn", 7m), new("valincidenten", 6m), new("wlz-instroom", 3m)], merged);
        Assert.Equal([new IndicatorValue("huisartsbezoeken", 40m)], values.Values);
    }

    [Fact]
    public void Replace_WithNoValues_IsRefused()
    {
        var values = new QuarterlyValues(TenantId, Baseline(), new Quarter(2027, 2), Indicators(), [new("wlz-instroom", 3m)], Late2027, LeadName, Now);

        Assert.Equal("Values", Assert.Throws<DomainException>(() => values.Replace(Indicators(), [], LeadName, Now)).Field);
    }
}
