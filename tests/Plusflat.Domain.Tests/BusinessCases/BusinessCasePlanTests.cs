using Plusflat.Domain.BusinessCases;
using Plusflat.Domain.Common;

namespace Plusflat.Domain.Tests.BusinessCases;

public sealed class BusinessCasePlanTests
{
    private static CostLineEntry Cost(string name = "Personeel", CostCategory category = CostCategory.Staff, bool pm = false, decimal? percentage = null, params YearAmount[] amounts) =>
        new(null, name, category, pm, percentage, null, amounts);

    private static DomainException Refused(IReadOnlyList<CostLineEntry>? costs = null, IReadOnlyList<BenefitLineEntry>? benefits = null,
        IReadOnlyList<PayerShareEntry>? shares = null, int firstYear = 2027, int years = 4, decimal key = 15m) =>
        Assert.Throws<DomainException>(() => BusinessCasePlan.Create(firstYear, years, key, costs ?? [], benefits ?? [], shares ?? []));

    [Fact]
    public void Template_HasTheSevenReferenceLinesAndTheMeetingRoomAsPm()
    {
        var plan = BusinessCaseTemplate.Create(2027);

        Assert.Equal(4, plan.Years);
        Assert.Equal(8, plan.CostLines.Count);
        Assert.Equal([60_000m, 70_000m, 70_000m, 70_000m], plan.CostLines[0].Amounts);
        Assert.Equal([22_000m, 2_000m, 2_000m, 2_000m], plan.CostLines.Single(l => l.Category == CostCategory.ProjectManagement).Amounts);
        var meetingRoom = plan.CostLines.Single(l => l.Pm);
        Assert.Equal(CostCategory.MeetingRoom, meetingRoom.Category);
        Assert.Equal("Huur, verzekering, verwarming, beheer, schoonmaak", meetingRoom.Note);
        Assert.Equal(2, plan.BenefitLines.Count(b => !b.Pm));
        Assert.Equal(5, plan.BenefitLines.Count(b => b.Pm));
        Assert.Empty(plan.PayerShares);
        Assert.Equal(15m, plan.WmoKeyPerWeek);
    }

    [Fact]
    public void Template_BenefitStartYearOutsideTheCase_IsRefused()
    {
        var ex = Assert.Throws<DomainException>(() => BusinessCaseTemplate.Create(2027, 4, 2031));
        Assert.Equal("BenefitStartYear", ex.Field);
    }

    [Fact]
    public void Create_NegativeAmount_IsRefusedAtItsCell()
    {
        var ex = Refused([Cost(amounts: [new YearAmount(2027, 10m), new YearAmount(2028, -1m)])]);

        var error = Assert.Single(ex.Errors);
        Assert.Equal("CostLines[0].Amounts[1].Amount", error.Field);
        Assert.Equal("Een bedrag kan niet negatief zijn.", error.Message);
    }

    [Fact]
    public void Create_YearOutsideTheCase_IsRefusedAtItsYear()
    {
        var ex = Refused([Cost(amounts: [new YearAmount(2031, 10m)])]);

        Assert.Equal("CostLines[0].Amounts[0].Year", ex.Field);
        Assert.Equal("Het jaar 2031 valt buiten de business case (2027–2030).", ex.Message);
    }

    [Fact]
    public void Create_SameYearTwiceOnALine_IsRefused()
    {
        var ex = Refused([Cost(amounts: [new YearAmount(2027, 10m), new YearAmount(2027, 20m)])]);
        Assert.Equal("CostLines[0].Amounts[1].Year", ex.Field);
    }

    [Fact]
    public void Create_AmountWithMoreThanTwoDecimalsOrTooLarge_IsRefused()
    {
        var ex = Refused([Cost(amounts: [new YearAmount(2027, 10.005m), new YearAmount(2028, 100_000_001m)])]);

        Assert.Equal(["CostLines[0].Amounts[0].Amount", "CostLines[0].Amounts[1].Amount"], ex.Errors.Select(e => e.Field));
    }

    [Fact]
    public void Create_PmLineWithAnAmount_IsRefused()
    {
        var ex = Refused([Cost("Ontmoetingsruimte", CostCategory.MeetingRoom, pm: true, amounts: [new YearAmount(2027, 500m)])]);

        Assert.Equal("CostLines[0].Amounts[0].Amount", ex.Field);
        Assert.StartsWith("Een PM-post heeft geen bedrag", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(100.5)]
    [InlineData(0)]
    [InlineData(-5)]
    public void Create_PercentageOutsideZeroToHundred_IsRefused(double percentage)
    {
        var ex = Refused([Cost("Overhead", CostCategory.Overhead, percentage: (decimal)percentage)]);

        Assert.Equal("CostLines[0].Percentage", ex.Field);
        Assert.Equal("Het percentage moet groter dan 0 en hoogstens 100 zijn.", ex.Message);
    }

    [Fact]
    public void Create_PercentageOfHundred_IsAccepted()
    {
        var plan = BusinessCasePlan.Create(2027, 1, 15m, [Cost("Overhead", CostCategory.Overhead, percentage: 100m)], [], []);
        Assert.Equal(100m, plan.CostLines[0].Percentage);
    }

    [Fact]
    public void Create_PercentageOnALineOtherThanOverhead_IsRefused()
    {
        var ex = Refused([Cost("Personeel", CostCategory.Staff, percentage: 10m)]);
        Assert.Equal("CostLines[0].Percentage", ex.Field);
    }

    [Fact]
    public void Create_PercentageOverheadWithAmounts_IsRefused()
    {
        var ex = Refused([Cost("Overhead", CostCategory.Overhead, percentage: 10m, amounts: [new YearAmount(2027, 5m)])]);
        Assert.Equal("CostLines[0].Amounts[0].Amount", ex.Field);
    }

    [Fact]
    public void Create_SharesAboveHundredPercentInAYear_MarkEveryShareOfThatYear()
    {
        var ex = Refused(shares: [new PayerShareEntry(Payer.ZorgkantoorDos, 2027, 60m), new PayerShareEntry(Payer.MunicipalityWmo, 2027, 50.5m), new PayerShareEntry(Payer.InsurerZvw, 2028, 100m)]);

        Assert.Equal(["PayerShares[0].Percentage", "PayerShares[1].Percentage"], ex.Errors.Select(e => e.Field));
        Assert.All(ex.Errors, e => Assert.Equal("In 2027 is samen 110,5 % verdeeld; dat mag hoogstens 100 % zijn.", e.Message));
    }

    [Fact]
    public void Create_ShareOutsideTheCaseOrAboveHundred_IsRefusedAtItsField()
    {
        var ex = Refused(shares: [new PayerShareEntry(Payer.ZorgkantoorDos, 2026, 10m), new PayerShareEntry(Payer.Welfare, 2027, 120m), new PayerShareEntry(Payer.Other, 2027, -1m)]);

        Assert.Equal(["PayerShares[0].Year", "PayerShares[1].Percentage", "PayerShares[2].Percentage"], ex.Errors.Select(e => e.Field));
    }

    [Fact]
    public void Create_SamePayerTwiceInAYear_IsRefused()
    {
        var ex = Refused(shares: [new PayerShareEntry(Payer.Welfare, 2027, 10m), new PayerShareEntry(Payer.Welfare, 2027, 10m)]);
        Assert.Equal("PayerShares[1].Payer", ex.Field);
    }

    [Fact]
    public void Create_EveryWrongFieldAtOnce()
    {
        var ex = Refused(
            [Cost("", amounts: [new YearAmount(2027, -1m)]), Cost("Overhead", CostCategory.Overhead, percentage: 101m)],
            [new BenefitLineEntry(null, "Zorgpreventie", BenefitDomain.Zvw, false, null, [new YearAmount(2040, 1m)])],
            [new PayerShareEntry(Payer.Welfare, 2027, 101m)],
            key: 0m);

        Assert.Equal(
            ["WmoKeyPerWeek", "CostLines[0].Name", "CostLines[0].Amounts[0].Amount", "CostLines[1].Percentage", "BenefitLines[0].Amounts[0].Year", "PayerShares[0].Percentage"],
            ex.Errors.Select(e => e.Field));
    }

    [Theory]
    [InlineData(2027, 0, "Years")]
    [InlineData(2027, 11, "Years")]
    [InlineData(2019, 4, "FirstYear")]
    [InlineData(2101, 4, "FirstYear")]
    public void Create_PeriodOutOfRange_IsRefused(int firstYear, int years, string field) =>
        Assert.Equal(field, Refused(firstYear: firstYear, years: years).Field);

    [Fact]
    public void Create_MissingYears_CountAsZero()
    {
        var plan = BusinessCasePlan.Create(2027, 3, 15m, [Cost(amounts: [new YearAmount(2028, 5m)])], [], []);
        Assert.Equal([0m, 5m, 0m], plan.CostLines[0].Amounts);
    }

    [Fact]
    public void ToEntries_RoundTripsThePlan()
    {
        var plan = BusinessCaseTemplate.Create(2027);
        var (costs, benefits, shares) = plan.ToEntries();

        var again = BusinessCasePlan.Create(plan.FirstYear, plan.Years, plan.WmoKeyPerWeek, costs, benefits, shares);

        Assert.Equal(plan.CostLines.Select(l => (l.Id, l.Name, string.Join(",", l.Amounts))), again.CostLines.Select(l => (l.Id, l.Name, string.Join(",", l.Amounts))));
        Assert.Equal(plan.BenefitLines.Select(l => l.Id), again.BenefitLines.Select(l => l.Id));
    }
}
