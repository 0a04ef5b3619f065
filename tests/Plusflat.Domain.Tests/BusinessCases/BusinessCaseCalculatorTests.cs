using Plusflat.Domain.BusinessCases;
using Plusflat.Domain.Common;

namespace Plusflat.Domain.Tests.BusinessCases;

/// <summary>Every expectation is worked out by hand from the reference lines in DOMAIN.md (annexes C and D).</summary>
public sealed class BusinessCaseCalculatorTests
{
    private static BusinessCasePlan Template(int years = 4, int? benefitStart = null) => BusinessCaseTemplate.Create(2027, years, benefitStart);

    private static BusinessCasePlan With(BusinessCasePlan plan, IEnumerable<CostLineEntry>? extraCosts = null, IEnumerable<PayerShareEntry>? shares = null,
        Func<CostLineEntry, CostLineEntry>? mapCost = null)
    {
        var (costs, benefits, existing) = plan.ToEntries();
        var newCosts = costs.Select(mapCost ?? (c => c)).Concat(extraCosts ?? []).ToList();
        return BusinessCasePlan.Create(plan.FirstYear, plan.Years, plan.WmoKeyPerWeek, newCosts, benefits, [.. existing, .. shares ?? []]);
    }

    [Fact]
    public void Compute_Template_CostsPerYearAreTheSumOfTheSevenLines()
    {
        var result = BusinessCaseCalculator.Compute(Template());

        // 60,000 + 22,000 + 15,000 + 1,750 + 6,000 + 20,000 + 4,500; then 70,000 + 2,000 + 12,900 + 750 + 8,000 + 2,000 + 800 (year 3 repeats).
        Assert.Equal([129_250m, 96_450m, 96_450m, 96_450m], result.PerYear.Select(y => y.Costs));
        Assert.Equal([2027, 2028, 2029, 2030], result.PerYear.Select(y => y.Year));
        Assert.Equal(418_600m, result.TotalCosts);
        Assert.Equal(0m, result.TotalCapex);
    }

    [Fact]
    public void Compute_Template_BenefitsStartInTheSecondYearByDefault()
    {
        var result = BusinessCaseCalculator.Compute(Template());

        // 72,825 + 94,916 = 167,741 per running year, from 2028.
        Assert.Equal([0m, 167_741m, 167_741m, 167_741m], result.PerYear.Select(y => y.Benefits));
        Assert.Equal(503_223m, result.TotalBenefits);
    }

    [Fact]
    public void Compute_Template_NetCumulativeRatioAndBreakEven()
    {
        var result = BusinessCaseCalculator.Compute(Template());

        Assert.Equal([-129_250m, 71_291m, 71_291m, 71_291m], result.PerYear.Select(y => y.Net));
        Assert.Equal([-129_250m, -57_959m, 13_332m, 84_623m], result.PerYear.Select(y => y.CumulativeNet));
        Assert.Equal(84_623m, result.TotalNet);
        Assert.Equal(1.20m, result.Ratio); // 503,223 / 418,600 = 1.2022
        Assert.Equal([0m, 1.74m, 1.74m, 1.74m], result.PerYear.Select(y => y.Ratio!.Value)); // 167,741 / 96,450 = 1.7391
        Assert.Equal(2029, result.BreakEvenYear);
        Assert.True(result.Positive);
        Assert.StartsWith("Positieve business case: over 2027–2030 zijn de baten (€ 503.223) hoger dan de kosten (€ 418.600), een saldo van € 84.623; het cumulatieve saldo is vanaf 2029 positief.", result.Explanation);
    }

    [Fact]
    public void Compute_Template_PmLinesAreListedByNameAndNotedNextToTheTotals()
    {
        var result = BusinessCaseCalculator.Compute(Template());

        Assert.Equal([BusinessCaseTemplate.MeetingRoomLine], result.PmCostItems);
        Assert.Equal(BusinessCaseTemplate.PmBenefits.Select(p => p.Name), result.PmBenefitItems);
        Assert.Equal(6, result.PmItems.Count);
        Assert.Equal("exclusief 6 PM-posten", result.PmNote);
        Assert.Contains("1 kostenpost staat als PM en is niet meegeteld", result.Explanation, StringComparison.Ordinal);
        Assert.Contains("5 baten staan als PM en zijn niet meegeteld", result.Explanation, StringComparison.Ordinal);
        Assert.Equal([0m, 0m, 0m, 0m], result.CostLines.Single(l => l.Pm).Amounts);
    }

    [Fact]
    public void Compute_NoPmLines_HasNoPmNote()
    {
        var (costs, benefits, _) = Template().ToEntries();
        var plan = BusinessCasePlan.Create(2027, 4, 15m, [.. costs.Where(c => !c.Pm)], [.. benefits.Where(b => !b.Pm)], []);

        var result = BusinessCaseCalculator.Compute(plan);

        Assert.Null(result.PmNote);
        Assert.Empty(result.PmItems);
        Assert.DoesNotContain("PM", result.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_OnePmLine_SaysOnePmItem()
    {
        var (costs, benefits, _) = Template().ToEntries();
        var plan = BusinessCasePlan.Create(2027, 4, 15m, costs, [.. benefits.Where(b => !b.Pm)], []);

        Assert.Equal("exclusief 1 PM-post", BusinessCaseCalculator.Compute(plan).PmNote);
    }

    [Fact]
    public void Compute_PercentageOverhead_IsThatShareOfTheOtherRunningCosts()
    {
        var plan = With(Template(), mapCost: c => c.Category == CostCategory.Overhead ? c with { Percentage = 15m, Amounts = [] } : c);

        var result = BusinessCaseCalculator.Compute(plan);

        // Other running costs: 60,000 + 22,000 + 1,750 + 6,000 + 20,000 + 4,500 = 114,250 → 15 % = 17,137.50;
        // later years 70,000 + 2,000 + 750 + 8,000 + 2,000 + 800 = 83,550 → 12,532.50.
        Assert.Equal([17_137.50m, 12_532.50m, 12_532.50m, 12_532.50m], result.CostLines.Single(l => l.Category == CostCategory.Overhead).Amounts);
        Assert.Equal([131_387.50m, 96_082.50m, 96_082.50m, 96_082.50m], result.PerYear.Select(y => y.Costs));
        Assert.Equal(419_635m, result.TotalCosts);
    }

    [Fact]
    public void Compute_PercentageOverhead_LeavesOutCapexAndPmLines()
    {
        var capex = new CostLineEntry(null, "Bouw ontmoetingsruimte", CostCategory.Capex, false, null, null, [new YearAmount(2027, 50_000m)]);
        var plan = With(Template(), [capex], mapCost: c => c.Category == CostCategory.Overhead ? c with { Percentage = 10m, Amounts = [] } : c);

        var result = BusinessCaseCalculator.Compute(plan);

        Assert.Equal(11_425m, result.CostLines.Single(l => l.Category == CostCategory.Overhead).Amounts[0]); // 10 % of 114,250, not of 164,250
    }

    [Fact]
    public void Compute_Capex_IsKeptApartFromRunningCostsNetAndRatio()
    {
        var capex = new CostLineEntry(null, "Bouw ontmoetingsruimte", CostCategory.Capex, false, null, "SOO-subsidie", [new YearAmount(2027, 50_000m), new YearAmount(2028, 5_000m)]);
        var result = BusinessCaseCalculator.Compute(With(Template(), [capex]));

        Assert.Equal([129_250m, 96_450m, 96_450m, 96_450m], result.PerYear.Select(y => y.Costs));
        Assert.Equal([50_000m, 5_000m, 0m, 0m], result.PerYear.Select(y => y.Capex));
        Assert.Equal(55_000m, result.TotalCapex);
        Assert.Equal(84_623m, result.TotalNet);
        Assert.Equal(1.20m, result.Ratio);
        Assert.Contains("investeringen (€ 55.000) staan apart", result.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_SharesBelowHundredPercent_ShowTheGapAsAnAmount()
    {
        var shares = new[] { new PayerShareEntry(Payer.ZorgkantoorDos, 2027, 40m), new PayerShareEntry(Payer.MunicipalityWmo, 2027, 30m) };
        var result = BusinessCaseCalculator.Compute(With(Template(), shares: shares));

        var first = result.PerYear[0];
        Assert.Equal(70m, first.SharesTotal);
        Assert.Equal(51_700m, first.Payers.Single(p => p.Payer == Payer.ZorgkantoorDos).Amount); // 40 % of 129,250
        Assert.Equal(38_775m, first.Payers.Single(p => p.Payer == Payer.MunicipalityWmo).Amount); // 30 %
        Assert.Equal(38_775m, first.FinancingGap); // the remaining 30 %
        Assert.Equal(96_450m, result.PerYear[1].FinancingGap); // no shares at all in 2028
        Assert.Equal(38_775m + 3 * 96_450m, result.TotalFinancingGap);
    }

    [Fact]
    public void Compute_SharesOfHundredPercent_LeaveNoGap()
    {
        var shares = new[] { new PayerShareEntry(Payer.ZorgkantoorDos, 2027, 33.33m), new PayerShareEntry(Payer.MunicipalityWmo, 2027, 33.33m), new PayerShareEntry(Payer.InsurerZvw, 2027, 33.34m) };
        var first = BusinessCaseCalculator.Compute(With(Template(), shares: shares)).PerYear[0];

        Assert.Equal(100m, first.SharesTotal);
        // The gap comes from the shares, not from the rounded amounts: 33.33 % of 129,250 = 43,079.025 → 43,079.03 (twice),
        // 33.34 % = 43,091.95; together 129,250.01, yet the gap is exactly 0.
        Assert.Equal(0m, first.FinancingGap);
        Assert.Equal(43_079.03m, first.Payers[0].Amount);
    }

    [Fact]
    public void Compute_WhoPaysWhoGains_SetsCostsCarriedBesideBenefitsReceivedPerDomain()
    {
        var shares = Enumerable.Range(2027, 4).SelectMany(y => new[] { new PayerShareEntry(Payer.ZorgkantoorDos, y, 50m), new PayerShareEntry(Payer.MunicipalityWmo, y, 50m) });
        var result = BusinessCaseCalculator.Compute(With(Template(), shares: shares));

        var wlz = result.Parties.Single(p => p.Domain == BenefitDomain.Wlz);
        var wmo = result.Parties.Single(p => p.Domain == BenefitDomain.Wmo);
        var zvw = result.Parties.Single(p => p.Domain == BenefitDomain.Zvw);
        Assert.Equal(209_300m, wlz.CostsCarried); // half of 418,600
        Assert.Equal(0m, wlz.BenefitsReceived);
        Assert.Equal(-209_300m, wlz.Balance); // the zorgkantoor pays for benefits that land elsewhere
        Assert.Equal(284_748m, wmo.BenefitsReceived); // 3 × 94,916
        Assert.Equal(75_448m, wmo.Balance);
        Assert.Equal(218_475m, zvw.BenefitsReceived); // 3 × 72,825
        Assert.Equal(0m, zvw.CostsCarried);
        Assert.Equal(0.5m, wlz.CostShare);
        Assert.Equal(218_475m / 503_223m, zvw.BenefitShare);
    }

    [Fact]
    public void Compute_BenefitsByDomain_GiveEachDomainsShareOfTheYear()
    {
        var result = BusinessCaseCalculator.Compute(Template());

        Assert.All(result.PerYear[0].BenefitsByDomain, d => Assert.Null(d.Share)); // no benefits in the first year
        var second = result.PerYear[1].BenefitsByDomain;
        Assert.Equal(72_825m, second.Single(d => d.Domain == BenefitDomain.Zvw).Amount);
        Assert.Equal(72_825m / 167_741m, second.Single(d => d.Domain == BenefitDomain.Zvw).Share);
        Assert.Equal(94_916m / 167_741m, second.Single(d => d.Domain == BenefitDomain.Wmo).Share);
        Assert.Equal(0m, second.Single(d => d.Domain == BenefitDomain.Wlz).Share);
    }

    [Fact]
    public void Compute_BreakEvenNeverWithinThePeriod_IsNullAndNotPositive()
    {
        var result = BusinessCaseCalculator.Compute(Template(years: 2));

        // −129,250, then −129,250 + 167,741 − 96,450 = −57,959.
        Assert.Equal([-129_250m, -57_959m], result.PerYear.Select(y => y.CumulativeNet));
        Assert.Null(result.BreakEvenYear);
        Assert.False(result.Positive);
        Assert.StartsWith("Geen positieve business case: over 2027–2028 zijn de baten (€ 167.741) niet hoger dan de kosten (€ 225.700), een saldo van € -57.959; het cumulatieve saldo wordt binnen de looptijd niet positief.", result.Explanation);
    }

    [Fact]
    public void Compute_BenefitsFromTheFirstYear_BreakEvenInTheFirstYear()
    {
        var result = BusinessCaseCalculator.Compute(Template(benefitStart: 2027));

        Assert.Equal(38_491m, result.PerYear[0].CumulativeNet); // 167,741 − 129,250
        Assert.Equal(2027, result.BreakEvenYear);
    }

    [Fact]
    public void Compute_BenefitsFromTheLastYear_NotPositive()
    {
        var result = BusinessCaseCalculator.Compute(Template(benefitStart: 2030));

        // Costs 418,600; benefits 167,741 in 2030 only.
        Assert.Equal(-250_859m, result.TotalNet);
        Assert.Null(result.BreakEvenYear);
        Assert.False(result.Positive);
        Assert.Equal(0.40m, result.Ratio); // 167,741 / 418,600 = 0.4007
    }

    [Fact]
    public void Compute_CumulativeNetPositiveOnlyInBetween_NotPositiveButBreakEvenYearNamed()
    {
        var costs = new[] { new CostLineEntry(null, "Personeel", CostCategory.Staff, false, null, null, [new YearAmount(2027, 10m), new YearAmount(2028, 100m)]) };
        var benefits = new[] { new BenefitLineEntry(null, "Zorgpreventie", BenefitDomain.Zvw, false, null, [new YearAmount(2027, 20m)]) };
        var result = BusinessCaseCalculator.Compute(BusinessCasePlan.Create(2027, 2, 15m, costs, benefits, []));

        Assert.Equal([10m, -90m], result.PerYear.Select(y => y.CumulativeNet));
        Assert.Equal(2027, result.BreakEvenYear);
        Assert.False(result.Positive);
        Assert.Contains("was in 2027 even positief, maar niet aan het eind", result.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_NoCostsAtAll_NotPositiveAndNoRatio()
    {
        var benefits = new[] { new BenefitLineEntry(null, "Zorgpreventie", BenefitDomain.Zvw, false, null, [new YearAmount(2027, 20m)]) };
        var result = BusinessCaseCalculator.Compute(BusinessCasePlan.Create(2027, 1, 15m, [], benefits, []));

        Assert.False(result.Positive);
        Assert.Null(result.Ratio);
        Assert.Null(result.PerYear[0].Ratio);
        Assert.StartsWith("Nog geen positieve business case", result.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(78_000, 15, 100)] // the Rotterdam key: 15 × 52 = 780 a year per client
    [InlineData(78_001, 15, 101)] // rounded up: one client more covers the last euro
    [InlineData(129_250, 15, 166)] // 165.7
    [InlineData(96_450, 15, 124)] // 123.65
    [InlineData(0, 15, 0)]
    [InlineData(96_450, 30, 62)] // 61.8
    public void WmoClients_CoverAYearsCostsAtTheKeyPerWeek(int costs, int key, int expected) =>
        Assert.Equal(expected, BusinessCaseCalculator.WmoClients(costs, key));

    [Fact]
    public void Compute_Template_WmoClientsNeededPerYear()
    {
        Assert.Equal([166, 124, 124, 124], BusinessCaseCalculator.Compute(Template()).PerYear.Select(y => y.WmoClientsNeeded));
    }

    [Fact]
    public void Compute_PerDwelling_AveragesPerYearAndComparesWithTheReference()
    {
        var result = BusinessCaseCalculator.Compute(Template(), dwellings: 159);

        var perDwelling = result.PerDwelling!;
        Assert.Equal(658.18m, perDwelling.Costs); // 418,600 / 4 / 159 = 658.176
        Assert.Equal(791.23m, perDwelling.Benefits); // 503,223 / 4 / 159 = 791.231
        Assert.Equal(318, perDwelling.ReferenceDwellings);
        Assert.Equal(329.09m, perDwelling.ReferenceCosts); // 418,600 / 4 / 318 = 329.088
        Assert.Equal(395.62m, perDwelling.ReferenceBenefits); // 503,223 / 4 / 318 = 395.616
    }

    [Fact]
    public void Compute_WithoutDwellings_HasNoPerDwellingFigures() =>
        Assert.Null(BusinessCaseCalculator.Compute(Template()).PerDwelling);

    [Fact]
    public void Compute_ChangingOneAmount_ChangesEveryDependentTotal()
    {
        var plan = With(Template(), mapCost: c => c.Category == CostCategory.Staff
            ? c with { Amounts = [.. c.Amounts!.Select(a => a.Year == 2028 ? a with { Amount = 80_000m } : a)] }
            : c);

        var result = BusinessCaseCalculator.Compute(plan);

        Assert.Equal(106_450m, result.PerYear[1].Costs);
        Assert.Equal([-129_250m, -67_959m, 3_332m, 74_623m], result.PerYear.Select(y => y.CumulativeNet));
        Assert.Equal(428_600m, result.TotalCosts);
    }
}
