namespace Plusflat.Domain.BusinessCases;

/// <summary>A cost line's computed amount per year (a percentage overhead gets its amounts here) and its total.</summary>
public sealed record CostLineResult(Guid Id, string Name, CostCategory Category, bool Pm, bool IsCapex, decimal? Percentage, IReadOnlyList<decimal> Amounts, decimal Total);

/// <summary>What a payer carries in one year: its share and the amount of that year's running costs.</summary>
public sealed record PayerAmount(Payer Payer, decimal Percentage, decimal Amount);

/// <summary>What lands in a domain in one year: the amount and its share of that year's benefits (null: no benefits that year).</summary>
public sealed record DomainAmount(BenefitDomain Domain, decimal Amount, decimal? Share);

/// <summary>One year of the case, computed from its lines.</summary>
/// <param name="Costs">The plus layer's running costs (capex not included).</param>
/// <param name="Capex">One-off investments, kept apart: not in costs, net or ratio.</param>
/// <param name="SharesTotal">The percentage of the running costs the payers carry together.</param>
/// <param name="FinancingGap">The running costs no payer carries (0 when the shares add up to 100 %).</param>
/// <param name="WmoClientsNeeded">Wmo clients needed to cover this year's running costs at the Wmo key.</param>
public sealed record YearResult(
    int Index, int Year, decimal Costs, decimal Capex, decimal Benefits, decimal Net, decimal CumulativeNet, decimal? Ratio,
    IReadOnlyList<PayerAmount> Payers, decimal SharesTotal, decimal FinancingGap, IReadOnlyList<DomainAmount> BenefitsByDomain, int WmoClientsNeeded);

/// <summary>Who pays and who gains over the whole period, per domain: costs carried and benefits received side by side.</summary>
/// <param name="Balance">Benefits received minus costs carried: negative means this party pays for benefits that land elsewhere.</param>
public sealed record PartyBalance(BenefitDomain Domain, decimal CostsCarried, decimal? CostShare, decimal BenefitsReceived, decimal? BenefitShare, decimal Balance);

/// <summary>Costs and benefits per dwelling per year (averaged over the period), with the reference case over the same period for the reference's 318 dwellings.</summary>
public sealed record PerDwelling(int Dwellings, decimal Costs, decimal Benefits, int ReferenceDwellings, decimal ReferenceCosts, decimal ReferenceBenefits);

/// <summary>Everything a business case shows, computed from its lines.</summary>
/// <param name="Ratio">Total benefits / total running costs, two decimals; null without costs.</param>
/// <param name="BreakEvenYear">The first calendar year whose cumulative net is positive; null when that does not happen within the period.</param>
/// <param name="PmNote">"exclusief N PM-posten" when there are PM items, else null; belongs next to every total.</param>
public sealed record BusinessCaseResult(
    int FirstYear,
    int Years,
    IReadOnlyList<YearResult> PerYear,
    IReadOnlyList<CostLineResult> CostLines,
    decimal TotalCosts,
    decimal TotalCapex,
    decimal TotalBenefits,
    decimal TotalNet,
    decimal? Ratio,
    int? BreakEvenYear,
    bool Positive,
    string Explanation,
    IReadOnlyList<string> PmCostItems,
    IReadOnlyList<string> PmBenefitItems,
    string? PmNote,
    decimal TotalFinancingGap,
    IReadOnlyList<PartyBalance> Parties,
    PerDwelling? PerDwelling)
{
    public IReadOnlyList<string> PmItems => [.. PmCostItems, .. PmBenefitItems];
}

/// <summary>
/// The business case's arithmetic, as one pure function. Amounts are euros with cents; a percentage overhead is rounded to
/// cents per year. Running costs exclude capex and PM lines; a percentage overhead is a share of the year's other running
/// costs (PM, capex and other percentage lines excluded, so it never counts itself).
/// </summary>
public static class BusinessCaseCalculator
{
    private const decimal WeeksPerYear = 52m;

    public static BusinessCaseResult Compute(BusinessCasePlan plan, int? dwellings = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var years = plan.Years;
        var lines = plan.CostLines.Select(l => Line(plan, l)).ToList();
        var perYear = new List<YearResult>();
        var cumulative = 0m;
        int? breakEven = null;
        for (var i = 0; i < years; i++)
        {
            var costs = lines.Where(l => !l.IsCapex && !l.Pm).Sum(l => l.Amounts[i]);
            var capex = lines.Where(l => l.IsCapex && !l.Pm).Sum(l => l.Amounts[i]);
            var benefits = plan.BenefitLines.Where(b => !b.Pm).Sum(b => b.AmountIn(i));
            var net = benefits - costs;
            cumulative += net;
            if (breakEven is null && cumulative > 0)
            {
                breakEven = plan.YearOf(i);
            }

            var payers = plan.PayerShares.Where(s => s.PercentageIn(i) > 0)
                .Select(s => new PayerAmount(s.Payer, s.PercentageIn(i), Cents(costs * s.PercentageIn(i) / 100m))).ToList();
            var sharesTotal = payers.Sum(p => p.Percentage);
            var byDomain = Enum.GetValues<BenefitDomain>().Select(d =>
            {
                var amount = plan.BenefitLines.Where(b => !b.Pm && b.Domain == d).Sum(b => b.AmountIn(i));
                return new DomainAmount(d, amount, benefits > 0 ? amount / benefits : null);
            }).ToList();
            perYear.Add(new YearResult(i, plan.YearOf(i), costs, capex, benefits, net, cumulative, costs > 0 ? Math.Round(benefits / costs, 2) : null,
                payers, sharesTotal, Cents(costs * (100m - sharesTotal) / 100m), byDomain, WmoClients(costs, plan.WmoKeyPerWeek)));
        }

        var totalCosts = perYear.Sum(y => y.Costs);
        var totalBenefits = perYear.Sum(y => y.Benefits);
        var totalNet = totalBenefits - totalCosts;
        var pmCosts = plan.CostLines.Where(l => l.Pm).Select(l => l.Name).ToList();
        var pmBenefits = plan.BenefitLines.Where(l => l.Pm).Select(l => l.Name).ToList();
        var pmCount = pmCosts.Count + pmBenefits.Count;
        var pmNote = pmCount switch { 0 => null, 1 => "exclusief 1 PM-post", _ => $"exclusief {pmCount} PM-posten" };
        var positive = totalCosts > 0 && totalNet > 0;
        var parties = Parties(perYear, totalCosts, totalBenefits);
        return new BusinessCaseResult(
            plan.FirstYear,
            years,
            perYear,
            lines,
            totalCosts,
            perYear.Sum(y => y.Capex),
            totalBenefits,
            totalNet,
            totalCosts > 0 ? Math.Round(totalBenefits / totalCosts, 2) : null,
            breakEven,
            positive,
            Explain(plan, totalCosts, totalBenefits, totalNet, breakEven, pmCosts.Count, pmBenefits.Count, perYear.Sum(y => y.Capex)),
            pmCosts,
            pmBenefits,
            pmNote,
            perYear.Sum(y => y.FinancingGap),
            parties,
            dwellings is > 0 ? PerDwellingOf(plan, totalCosts, totalBenefits, dwellings.Value) : null);
    }

    /// <summary>The number of Wmo clients whose key (an amount per week) covers a year's costs, rounded up.</summary>
    public static int WmoClients(decimal yearCosts, decimal keyPerWeek) =>
        yearCosts <= 0 || keyPerWeek <= 0 ? 0 : (int)Math.Ceiling(yearCosts / (keyPerWeek * WeeksPerYear));

    private static CostLineResult Line(BusinessCasePlan plan, CostLine line)
    {
        var amounts = new decimal[plan.Years];
        for (var i = 0; i < plan.Years; i++)
        {
            if (line.Pm)
            {
                continue;
            }

            amounts[i] = line.Percentage is { } p
                ? Cents(plan.CostLines.Where(o => !o.Pm && !o.IsCapex && o.Percentage is null).Sum(o => o.AmountIn(i)) * p / 100m)
                : line.AmountIn(i);
        }

        return new CostLineResult(line.Id, line.Name, line.Category, line.Pm, line.IsCapex, line.Percentage, amounts, amounts.Sum());
    }

    private static List<PartyBalance> Parties(List<YearResult> perYear, decimal totalCosts, decimal totalBenefits) =>
        [.. Enum.GetValues<BenefitDomain>().Select(d =>
        {
            var carried = perYear.Sum(y => y.Payers.Where(p => BusinessCaseTerms.DomainOf(p.Payer) == d).Sum(p => p.Amount));
            var received = perYear.Sum(y => y.BenefitsByDomain.First(b => b.Domain == d).Amount);
            return new PartyBalance(d, carried, totalCosts > 0 ? carried / totalCosts : null, received, totalBenefits > 0 ? received / totalBenefits : null, received - carried);
        })];

    private static PerDwelling PerDwellingOf(BusinessCasePlan plan, decimal totalCosts, decimal totalBenefits, int dwellings)
    {
        var reference = Compute(BusinessCaseTemplate.Create(plan.FirstYear, plan.Years));
        return new PerDwelling(
            dwellings,
            Cents(totalCosts / plan.Years / dwellings),
            Cents(totalBenefits / plan.Years / dwellings),
            BusinessCaseTemplate.ReferenceDwellings,
            Cents(reference.TotalCosts / plan.Years / BusinessCaseTemplate.ReferenceDwellings),
            Cents(reference.TotalBenefits / plan.Years / BusinessCaseTemplate.ReferenceDwellings));
    }

    private static string Explain(BusinessCasePlan plan, decimal costs, decimal benefits, decimal net, int? breakEven, int pmCosts, int pmBenefits, decimal capex)
    {
        var period = $"{plan.FirstYear}–{plan.LastYear}";
        string sentence;
        if (costs <= 0)
        {
            sentence = $"Nog geen positieve business case: er zijn voor {period} geen kosten van de plus-laag ingevuld.";
        }
        else if (net > 0)
        {
            sentence = $"Positieve business case: over {period} zijn de baten ({BusinessCaseTerms.Euro(benefits)}) hoger dan de kosten ({BusinessCaseTerms.Euro(costs)}), " +
                       $"een saldo van {BusinessCaseTerms.Euro(net)}; het cumulatieve saldo is vanaf {breakEven} positief.";
        }
        else
        {
            sentence = $"Geen positieve business case: over {period} zijn de baten ({BusinessCaseTerms.Euro(benefits)}) niet hoger dan de kosten ({BusinessCaseTerms.Euro(costs)}), " +
                       $"een saldo van {BusinessCaseTerms.Euro(net)}" +
                       (breakEven is { } year ? $"; het cumulatieve saldo was in {year} even positief, maar niet aan het eind." : "; het cumulatieve saldo wordt binnen de looptijd niet positief.");
        }

        var notes = new List<string>();
        if (pmCosts > 0)
        {
            notes.Add(pmCosts == 1 ? "1 kostenpost staat als PM en is niet meegeteld (de kosten kunnen dus hoger zijn)" : $"{pmCosts} kostenposten staan als PM en zijn niet meegeteld (de kosten kunnen dus hoger zijn)");
        }

        if (pmBenefits > 0)
        {
            notes.Add(pmBenefits == 1 ? "1 baat staat als PM en is niet meegeteld" : $"{pmBenefits} baten staan als PM en zijn niet meegeteld");
        }

        if (capex > 0)
        {
            notes.Add($"investeringen ({BusinessCaseTerms.Euro(capex)}) staan apart en tellen niet mee in de lopende kosten");
        }

        return notes.Count == 0 ? sentence : sentence + " Let op: " + string.Join("; ", notes) + ".";
    }

    private static decimal Cents(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);
}
