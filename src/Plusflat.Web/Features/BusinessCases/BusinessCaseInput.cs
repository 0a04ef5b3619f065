using Plusflat.Domain.BusinessCases;
using Plusflat.Web.Features.Shared;

namespace Plusflat.Web.Features.BusinessCases;

/// <summary>
/// A business case as the page edits it and the API sends it: settings, cost and benefit lines with an amount per calendar
/// year, and the payers' shares per year. Typed values (null: the field is empty). <see cref="Version"/>: the working copy's
/// version the user loaded. Field names of refusals follow these property names (<c>CostLines[0].Amounts[1].Amount</c>).
/// </summary>
public sealed class BusinessCaseInput
{
    public int? FirstYear { get; set; }

    public int? Years { get; set; }

    public decimal? WmoKeyPerWeek { get; set; }

    public List<CostLineInput> CostLines { get; set; } = [];

    public List<BenefitLineInput> BenefitLines { get; set; } = [];

    public List<PayerShareInput> PayerShares { get; set; } = [];

    public uint? Version { get; set; }

    public static BusinessCaseInput From(BusinessCasePlan plan, uint version)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var input = new BusinessCaseInput
        {
            FirstYear = plan.FirstYear,
            Years = plan.Years,
            WmoKeyPerWeek = plan.WmoKeyPerWeek,
            Version = version,
            CostLines = [.. plan.CostLines.Select(l => new CostLineInput
            {
                Id = l.Id, Name = l.Name, Category = l.Category, Pm = l.Pm, Percentage = l.Percentage, Note = l.Note,
                Amounts = [.. plan.CalendarYears.Select((y, i) => new YearAmountInput { Year = y, Amount = l.Pm || l.Percentage is not null ? null : l.AmountIn(i) })],
            })],
            BenefitLines = [.. plan.BenefitLines.Select(l => new BenefitLineInput
            {
                Id = l.Id, Name = l.Name, Domain = l.Domain, Pm = l.Pm, Note = l.Note,
                Amounts = [.. plan.CalendarYears.Select((y, i) => new YearAmountInput { Year = y, Amount = l.Pm ? null : l.AmountIn(i) })],
            })],
        };
        input.PayerShares = [.. Enum.GetValues<Payer>().SelectMany(p => plan.CalendarYears.Select((y, i) => new PayerShareInput
        {
            Payer = p, Year = y, Percentage = plan.PayerShares.FirstOrDefault(s => s.Payer == p)?.PercentageIn(i) is { } v and not 0 ? v : null,
        }))];
        return input;
    }

    /// <summary>
    /// The plan this input describes, or every refusal at once: empty required settings here, everything else by the domain.
    /// An empty amount or share counts as 0 (an empty cell), so every entry keeps its index in the field names.
    /// </summary>
    public BusinessCasePlan ToPlan(out IReadOnlyList<FieldError> errors)
    {
        var missing = new List<FieldError>();
        if (FirstYear is null)
        {
            missing.Add(new FieldError(nameof(FirstYear), "Vul het eerste jaar in."));
        }

        if (Years is null)
        {
            missing.Add(new FieldError(nameof(Years), "Vul het aantal jaren in."));
        }

        if (WmoKeyPerWeek is null)
        {
            missing.Add(new FieldError(nameof(WmoKeyPerWeek), "Vul de Wmo-sleutel in (een bedrag per week per Wmo-cliënt)."));
        }

        foreach (var (line, i) in CostLines.Select((l, i) => (l, i)))
        {
            if (line.Category is null)
            {
                missing.Add(new FieldError($"CostLines[{i}].Category", "Kies een categorie."));
            }

            missing.AddRange(MissingYears(line.Amounts, $"CostLines[{i}]"));
        }

        foreach (var (line, i) in BenefitLines.Select((l, i) => (l, i)))
        {
            if (line.Domain is null)
            {
                missing.Add(new FieldError($"BenefitLines[{i}].Domain", "Kies het domein waar deze baat terechtkomt."));
            }

            missing.AddRange(MissingYears(line.Amounts, $"BenefitLines[{i}]"));
        }

        foreach (var (share, i) in PayerShares.Select((s, i) => (s, i)))
        {
            if (share.Payer is null)
            {
                missing.Add(new FieldError($"PayerShares[{i}].Payer", "Kies wie dit deel betaalt."));
            }

            if (share.Year is null)
            {
                missing.Add(new FieldError($"PayerShares[{i}].Year", "Geef het jaar van dit aandeel."));
            }
        }

        try
        {
            var plan = BusinessCasePlan.Create(
                FirstYear ?? 0, Years ?? 0, WmoKeyPerWeek ?? 0m,
                [.. CostLines.Select(l => new CostLineEntry(l.Id, l.Name, l.Category ?? CostCategory.Other, l.Pm, l.Percentage, l.Note, Amounts(l.Amounts)))],
                [.. BenefitLines.Select(l => new BenefitLineEntry(l.Id, l.Name, l.Domain ?? BenefitDomain.Society, l.Pm, l.Note, Amounts(l.Amounts)))],
                [.. PayerShares.Select(s => new PayerShareEntry(s.Payer ?? Payer.Other, s.Year ?? FirstYear ?? 0, s.Percentage ?? 0m))]);
            errors = missing;
            return missing.Count == 0 ? plan : null!;
        }
        catch (Plusflat.Domain.Common.DomainException ex)
        {
            // A setting left empty is reported once, as missing, not again as out of range.
            var reported = missing.Select(m => m.Field).ToHashSet(StringComparer.Ordinal);
            errors = [.. missing, .. ex.Errors.Where(e => !reported.Contains(e.Field ?? "\0")).Select(e => new FieldError(e.Field, e.Message))];
            return null!;
        }
    }

    private static IEnumerable<FieldError> MissingYears(List<YearAmountInput> amounts, string field) =>
        amounts.Select((a, j) => (a, j)).Where(x => x.a.Year is null).Select(x => new FieldError($"{field}.Amounts[{x.j}].Year", "Geef het jaar van dit bedrag."));

    // An amount without a year is reported above; it keeps its index with a year the domain will not complain about twice.
    private List<YearAmount> Amounts(List<YearAmountInput> amounts) =>
        [.. amounts.Select(a => new YearAmount(a.Year ?? FirstYear ?? 0, a.Year is null ? 0m : a.Amount ?? 0m))];
}

public sealed class CostLineInput
{
    public Guid? Id { get; set; }

    public string? Name { get; set; }

    public CostCategory? Category { get; set; }

    public bool Pm { get; set; }

    public decimal? Percentage { get; set; }

    public string? Note { get; set; }

    public List<YearAmountInput> Amounts { get; set; } = [];
}

public sealed class BenefitLineInput
{
    public Guid? Id { get; set; }

    public string? Name { get; set; }

    public BenefitDomain? Domain { get; set; }

    public bool Pm { get; set; }

    public string? Note { get; set; }

    public List<YearAmountInput> Amounts { get; set; } = [];
}

public sealed class YearAmountInput
{
    public int? Year { get; set; }

    public decimal? Amount { get; set; }
}

public sealed class PayerShareInput
{
    public Payer? Payer { get; set; }

    public int? Year { get; set; }

    public decimal? Percentage { get; set; }
}
