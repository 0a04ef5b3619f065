using Plusflat.Domain.Common;

namespace Plusflat.Domain.BusinessCases;

/// <summary>
/// One cost line of the plus layer, with an amount per year of the case (index 0 = the first year).
/// A <see cref="Pm"/> line (pro memorie) is acknowledged but not quantified: it has no amounts and is never counted as zero silently.
/// A line with a <see cref="Percentage"/> (overhead) costs that share of the other running costs of each year; it has no amounts of its own.
/// </summary>
public sealed record CostLine(Guid Id, string Name, CostCategory Category, IReadOnlyList<decimal> Amounts, bool Pm = false, decimal? Percentage = null, string? Note = null)
{
    public bool IsCapex => Category == CostCategory.Capex;

    public decimal AmountIn(int index) => index >= 0 && index < Amounts.Count ? Amounts[index] : 0m;
}

/// <summary>One benefit line, landing in one domain, with an amount per year (index 0 = the first year). PM: named, not quantified.</summary>
public sealed record BenefitLine(Guid Id, string Name, BenefitDomain Domain, IReadOnlyList<decimal> Amounts, bool Pm = false, string? Note = null)
{
    public decimal AmountIn(int index) => index >= 0 && index < Amounts.Count ? Amounts[index] : 0m;
}

/// <summary>The share (percent) of the plus layer's running costs one payer carries, per year (index 0 = the first year).</summary>
public sealed record PayerShare(Payer Payer, IReadOnlyList<decimal> Percentages)
{
    public decimal PercentageIn(int index) => index >= 0 && index < Percentages.Count ? Percentages[index] : 0m;
}

/// <summary>
/// The editable content of a business case: its period, cost and benefit lines, who pays which share, and the Wmo key.
/// Plain data (it is stored as one JSON document and frozen as such); <see cref="Create"/> is the one way in from user input
/// and refuses every wrong field at once. The results are never stored: <see cref="BusinessCaseCalculator"/> computes them.
/// </summary>
public sealed record BusinessCasePlan(
    int FirstYear,
    int Years,
    IReadOnlyList<CostLine> CostLines,
    IReadOnlyList<BenefitLine> BenefitLines,
    IReadOnlyList<PayerShare> PayerShares,
    decimal WmoKeyPerWeek)
{
    public const int DefaultYears = 4;
    public const int MinYears = 1;
    public const int MaxYears = 10;
    public const int MinFirstYear = 2020;
    public const int MaxFirstYear = 2100;
    public const decimal MaxAmount = 100_000_000m;
    public const decimal DefaultWmoKeyPerWeek = 15m;
    public const int NameMaxLength = 200;
    public const int NoteMaxLength = 500;

    public int LastYear => FirstYear + Years - 1;

    public int YearOf(int index) => FirstYear + index;

    public IEnumerable<int> CalendarYears => Enumerable.Range(FirstYear, Years);

    /// <summary>
    /// Builds a plan from what a user entered, with amounts and shares per calendar year. Every refusal names its field the
    /// way the input spells it (<c>CostLines[0].Amounts[1].Amount</c>, <c>PayerShares[3].Percentage</c>), all at once.
    /// A year without an amount counts as 0 (an empty cell); a PM line must stay empty instead.
    /// </summary>
    public static BusinessCasePlan Create(
        int firstYear, int years, decimal wmoKeyPerWeek,
        IReadOnlyList<CostLineEntry> costLines, IReadOnlyList<BenefitLineEntry> benefitLines, IReadOnlyList<PayerShareEntry> payerShares)
    {
        ArgumentNullException.ThrowIfNull(costLines);
        ArgumentNullException.ThrowIfNull(benefitLines);
        ArgumentNullException.ThrowIfNull(payerShares);
        var errors = new List<DomainError>();
        var periodValid = true;
        if (years is < MinYears or > MaxYears)
        {
            errors.Add(new DomainError("Years", $"Het aantal jaren moet tussen {MinYears} en {MaxYears} liggen."));
            periodValid = false;
        }

        if (firstYear is < MinFirstYear or > MaxFirstYear)
        {
            errors.Add(new DomainError("FirstYear", $"Het eerste jaar moet tussen {MinFirstYear} en {MaxFirstYear} liggen."));
            periodValid = false;
        }

        if (wmoKeyPerWeek <= 0 || wmoKeyPerWeek > 10_000m || decimal.Round(wmoKeyPerWeek, 2) != wmoKeyPerWeek)
        {
            errors.Add(new DomainError("WmoKeyPerWeek", "De Wmo-sleutel is een bedrag per week per cliënt, groter dan 0 en hoogstens € 10.000, met hoogstens twee decimalen."));
        }

        var span = periodValid ? years : 0;
        var costs = new List<CostLine>();
        foreach (var (line, i) in costLines.Select((l, i) => (l, i)))
        {
            var field = $"CostLines[{i}]";
            var name = Text(() => Guard.RequiredText(line.Name, NameMaxLength, field + ".Name", "De naam van de kostenpost"), errors);
            var note = Text(() => Guard.OptionalText(line.Note, NoteMaxLength, field + ".Note", "De toelichting"), errors);
            if (!Enum.IsDefined(line.Category))
            {
                errors.Add(new DomainError(field + ".Category", "Kies een categorie."));
            }

            decimal? percentage = null;
            if (line.Percentage is { } p)
            {
                if (line.Category != CostCategory.Overhead)
                {
                    errors.Add(new DomainError(field + ".Percentage", "Alleen overhead kan als percentage van de andere lopende kosten worden opgegeven."));
                }
                else if (line.Pm)
                {
                    errors.Add(new DomainError(field + ".Percentage", "Een PM-post heeft geen percentage."));
                }
                else if (p is <= 0 or > 100)
                {
                    errors.Add(new DomainError(field + ".Percentage", "Het percentage moet groter dan 0 en hoogstens 100 zijn."));
                }
                else if (decimal.Round(p, 2) != p)
                {
                    errors.Add(new DomainError(field + ".Percentage", "Gebruik voor een percentage hoogstens twee decimalen."));
                }
                else
                {
                    percentage = p;
                }
            }

            var amounts = Amounts(line.Amounts, field, firstYear, span, periodValid, mustBeEmpty: line.Pm || line.Percentage is not null,
                emptyReason: line.Pm ? "Een PM-post heeft geen bedrag: haal het vinkje PM weg om een bedrag in te vullen." : "Deze overhead is een percentage: laat de bedragen leeg of kies een bedrag in plaats van een percentage.",
                errors);
            costs.Add(new CostLine(line.Id ?? Guid.CreateVersion7(), name, line.Category, amounts, line.Pm, percentage, note));
        }

        var benefits = new List<BenefitLine>();
        foreach (var (line, i) in benefitLines.Select((l, i) => (l, i)))
        {
            var field = $"BenefitLines[{i}]";
            var name = Text(() => Guard.RequiredText(line.Name, NameMaxLength, field + ".Name", "De naam van de batenpost"), errors);
            var note = Text(() => Guard.OptionalText(line.Note, NoteMaxLength, field + ".Note", "De toelichting"), errors);
            if (!Enum.IsDefined(line.Domain))
            {
                errors.Add(new DomainError(field + ".Domain", "Kies het domein waar deze baat terechtkomt."));
            }

            var amounts = Amounts(line.Amounts, field, firstYear, span, periodValid, mustBeEmpty: line.Pm,
                emptyReason: "Een PM-post heeft geen bedrag: haal het vinkje PM weg om een bedrag in te vullen.", errors);
            benefits.Add(new BenefitLine(line.Id ?? Guid.CreateVersion7(), name, line.Domain, amounts, line.Pm, note));
        }

        var shares = new Dictionary<Payer, decimal[]>();
        var sharesPerYear = new Dictionary<int, List<int>>();
        foreach (var (share, i) in payerShares.Select((s, i) => (s, i)))
        {
            var field = $"PayerShares[{i}]";
            if (!Enum.IsDefined(share.Payer))
            {
                errors.Add(new DomainError(field + ".Payer", "Kies wie dit deel betaalt."));
                continue;
            }

            if (periodValid && (share.Year < firstYear || share.Year > firstYear + years - 1))
            {
                errors.Add(new DomainError(field + ".Year", $"Het jaar {share.Year} valt buiten de business case ({firstYear}–{firstYear + years - 1})."));
                continue;
            }

            if (share.Percentage is < 0 or > 100)
            {
                errors.Add(new DomainError(field + ".Percentage", "Een aandeel moet tussen 0 en 100 % liggen."));
                continue;
            }

            if (decimal.Round(share.Percentage, 2) != share.Percentage)
            {
                errors.Add(new DomainError(field + ".Percentage", "Gebruik voor een aandeel hoogstens twee decimalen."));
                continue;
            }

            if (!periodValid)
            {
                continue;
            }

            var row = shares.TryGetValue(share.Payer, out var existing) ? existing : shares[share.Payer] = new decimal[years];
            var index = share.Year - firstYear;
            if (sharesPerYear.TryGetValue(share.Year, out var list) && list.Any(j => payerShares[j].Payer == share.Payer))
            {
                errors.Add(new DomainError(field + ".Payer", $"{BusinessCaseTerms.NameOf(share.Payer)} staat in {share.Year} meer dan eens in de verdeling."));
                continue;
            }

            row[index] = share.Percentage;
            (sharesPerYear.TryGetValue(share.Year, out var entries) ? entries : sharesPerYear[share.Year] = []).Add(i);
        }

        foreach (var (year, entries) in sharesPerYear)
        {
            var total = entries.Sum(j => payerShares[j].Percentage);
            if (total > 100)
            {
                var message = $"In {year} is samen {total.ToString("0.##", BusinessCaseTerms.Dutch)} % verdeeld; dat mag hoogstens 100 % zijn.";
                errors.AddRange(entries.Where(j => payerShares[j].Percentage > 0).Select(j => new DomainError($"PayerShares[{j}].Percentage", message)));
            }
        }

        if (errors.Count > 0)
        {
            throw new DomainException(errors);
        }

        return new BusinessCasePlan(firstYear, years, costs, benefits,
            [.. Enum.GetValues<Payer>().Where(shares.ContainsKey).Select(p => new PayerShare(p, shares[p]))], wmoKeyPerWeek);
    }

    /// <summary>The plan as entries again (e.g. to edit it, or to check a stored one with <see cref="Create"/>).</summary>
    public (IReadOnlyList<CostLineEntry> Costs, IReadOnlyList<BenefitLineEntry> Benefits, IReadOnlyList<PayerShareEntry> Shares) ToEntries() => (
        [.. CostLines.Select(l => new CostLineEntry(l.Id, l.Name, l.Category, l.Pm, l.Percentage, l.Note,
            l.Pm || l.Percentage is not null ? [] : [.. l.Amounts.Select((a, i) => new YearAmount(YearOf(i), a))]))],
        [.. BenefitLines.Select(l => new BenefitLineEntry(l.Id, l.Name, l.Domain, l.Pm, l.Note,
            l.Pm ? [] : [.. l.Amounts.Select((a, i) => new YearAmount(YearOf(i), a))]))],
        [.. PayerShares.SelectMany(s => s.Percentages.Select((p, i) => new PayerShareEntry(s.Payer, YearOf(i), p)))]);

    private static string Text(Func<string?> check, List<DomainError> errors)
    {
        try
        {
            return check() ?? "";
        }
        catch (DomainException ex)
        {
            errors.AddRange(ex.Errors);
            return "";
        }
    }

    private static decimal[] Amounts(IReadOnlyList<YearAmount>? given, string field, int firstYear, int years, bool periodValid,
        bool mustBeEmpty, string emptyReason, List<DomainError> errors)
    {
        var amounts = new decimal[years];
        var seen = new HashSet<int>();
        foreach (var (entry, j) in (given ?? []).Select((a, j) => (a, j)))
        {
            var at = $"{field}.Amounts[{j}]";
            if (periodValid && (entry.Year < firstYear || entry.Year > firstYear + years - 1))
            {
                errors.Add(new DomainError(at + ".Year", $"Het jaar {entry.Year} valt buiten de business case ({firstYear}–{firstYear + years - 1})."));
                continue;
            }

            if (!seen.Add(entry.Year))
            {
                errors.Add(new DomainError(at + ".Year", $"Voor {entry.Year} staat al een bedrag bij deze post."));
                continue;
            }

            if (entry.Amount < 0)
            {
                errors.Add(new DomainError(at + ".Amount", "Een bedrag kan niet negatief zijn."));
            }
            else if (entry.Amount > MaxAmount)
            {
                errors.Add(new DomainError(at + ".Amount", "Een bedrag mag hoogstens € 100.000.000 zijn."));
            }
            else if (decimal.Round(entry.Amount, 2) != entry.Amount)
            {
                errors.Add(new DomainError(at + ".Amount", "Gebruik voor een bedrag hoogstens twee decimalen (centen)."));
            }
            else if (mustBeEmpty && entry.Amount != 0)
            {
                errors.Add(new DomainError(at + ".Amount", emptyReason));
            }
            else if (periodValid)
            {
                amounts[entry.Year - firstYear] = entry.Amount;
            }
        }

        return amounts;
    }
}

/// <summary>An amount for one calendar year of the case.</summary>
public sealed record YearAmount(int Year, decimal Amount);

/// <summary>A cost line as entered (amounts per calendar year; no id: a new line).</summary>
public sealed record CostLineEntry(Guid? Id, string? Name, CostCategory Category, bool Pm, decimal? Percentage, string? Note, IReadOnlyList<YearAmount>? Amounts);

/// <summary>A benefit line as entered.</summary>
public sealed record BenefitLineEntry(Guid? Id, string? Name, BenefitDomain Domain, bool Pm, string? Note, IReadOnlyList<YearAmount>? Amounts);

/// <summary>One payer's share in one calendar year, as entered.</summary>
public sealed record PayerShareEntry(Payer Payer, int Year, decimal Percentage);
