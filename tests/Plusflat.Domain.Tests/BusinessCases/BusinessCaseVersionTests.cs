using Plusflat.Domain.BusinessCases;
using Plusflat.Domain.Common;

namespace Plusflat.Domain.Tests.BusinessCases;

public sealed class BusinessCaseVersionTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Freeze_NumbersVersionsAndKeepsThePlanOfThatMoment()
    {
        var plan = BusinessCaseTemplate.Create(2027);
        var businessCase = new BusinessCase(Guid.NewGuid(), Guid.NewGuid(), plan, Guid.NewGuid(), "Lead", Now);

        var first = businessCase.Freeze(" Voor het zorgkantoor ", Guid.NewGuid(), "Lead", Now.AddHours(1));
        businessCase.Replace(BusinessCaseTemplate.Create(2028), Guid.NewGuid(), "Lead", Now.AddHours(2));
        var second = businessCase.Freeze(null, Guid.NewGuid(), "Lead", Now.AddHours(3));

        Assert.Equal(1, first.Number);
        Assert.Equal(2, second.Number);
        Assert.Equal("Voor het zorgkantoor", first.Note);
        Assert.Equal(2027, first.Plan.FirstYear);
        Assert.Equal(2028, second.Plan.FirstYear);
        Assert.Equal(Now.AddHours(1), first.FrozenAt);
    }

    [Fact]
    public void Freeze_NoteTooLong_IsRefused()
    {
        var businessCase = new BusinessCase(Guid.NewGuid(), Guid.NewGuid(), BusinessCaseTemplate.Create(2027), Guid.NewGuid(), "Lead", Now);

        var ex = Assert.Throws<DomainException>(() => businessCase.Freeze(new string('x', 501), Guid.NewGuid(), "Lead", Now));
        Assert.Equal("Note", ex.Field);
        Assert.Equal(0, businessCase.FrozenVersions);
    }

    [Fact]
    public void Compare_ShowsChangedAddedRemovedLinesAndTotals()
    {
        var left = BusinessCaseTemplate.Create(2027);
        var (costs, benefits, shares) = left.ToEntries();
        var changed = costs.Select(c => c.Category == CostCategory.Staff
                ? c with { Amounts = [.. c.Amounts!.Select(a => a.Year == 2028 ? a with { Amount = 80_000m } : a)] }
                : c).Where(c => c.Category != CostCategory.Training)
            .Append(new CostLineEntry(null, "Bouw ontmoetingsruimte", CostCategory.Capex, false, null, null, [new YearAmount(2027, 50_000m)]))
            .ToList();
        var right = BusinessCasePlan.Create(2027, 4, 15m, changed, benefits, shares);

        var comparison = BusinessCaseComparison.Compare(left, right);

        var staff = comparison.Lines.Single(l => l.Name.StartsWith("Personeel", StringComparison.Ordinal));
        Assert.Equal(LineChange.Changed, staff.Change);
        Assert.Equal(10_000m, staff.Years.Single(y => y.Year == 2028).Difference);
        Assert.Equal(0m, staff.Years.Single(y => y.Year == 2027).Difference);
        Assert.Equal(LineChange.Removed, comparison.Lines.Single(l => l.Name == "Scholing").Change);
        Assert.Equal(LineChange.Added, comparison.Lines.Single(l => l.Name == "Bouw ontmoetingsruimte").Change);
        Assert.Equal(LineChange.Same, comparison.Lines.Single(l => l.Name == "Projectmanagement").Change);
        var totalCosts = comparison.Totals.Single(t => t.Name == "Kosten");
        // Training was 1,750 then 750: 2027 −1,750; 2028 +10,000 staff −750 = +9,250; later −750 (capex is apart).
        Assert.Equal([-1_750m, 9_250m, -750m, -750m], totalCosts.Years.Select(y => y.Difference));
    }

    [Fact]
    public void Compare_RenamedLine_IsChangedNotRemovedAndAdded()
    {
        var left = BusinessCaseTemplate.Create(2027);
        var (costs, benefits, shares) = left.ToEntries();
        var right = BusinessCasePlan.Create(2027, 4, 15m, [.. costs.Select(c => c.Category == CostCategory.Training ? c with { Name = "Training" } : c)], benefits, shares);

        var line = Assert.Single(BusinessCaseComparison.Compare(left, right).Lines, l => l.Change != LineChange.Same);
        Assert.Equal("Training", line.Name);
        Assert.Equal("naam was 'Scholing'", line.Detail);
    }

    [Fact]
    public void Compare_DifferentPeriods_ShowsYearsMissingInOneVersionAsEmpty()
    {
        var comparison = BusinessCaseComparison.Compare(BusinessCaseTemplate.Create(2027, 3), BusinessCaseTemplate.Create(2027, 4));

        var costs = comparison.Totals.Single(t => t.Name == "Kosten");
        Assert.Null(costs.Years.Single(y => y.Year == 2030).Left);
        Assert.Equal(96_450m, costs.Years.Single(y => y.Year == 2030).Right);
    }
}
