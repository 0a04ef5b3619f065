namespace Plusflat.Domain.BusinessCases;

public enum LineChange
{
    Same,
    Changed,
    Added,
    Removed,
}

/// <summary>One line of two versions side by side: its amount per calendar year in each (null: the line or the year is not in that version).</summary>
public sealed record LineComparison(string Kind, string Name, LineChange Change, IReadOnlyList<YearComparison> Years, string? Detail);

public sealed record YearComparison(int Year, decimal? Left, decimal? Right)
{
    public decimal Difference => (Right ?? 0m) - (Left ?? 0m);
}

/// <summary>Two versions compared line by line, and their computed totals per year.</summary>
public sealed record BusinessCaseComparison(IReadOnlyList<LineComparison> Lines, IReadOnlyList<LineComparison> Totals)
{
    /// <summary>
    /// Matches lines by id (a line keeps its id through edits and freezes), so a renamed line is "changed", not removed and added.
    /// Amounts are the computed ones (a percentage overhead by its amounts); a PM line shows no amounts.
    /// </summary>
    public static BusinessCaseComparison Compare(BusinessCasePlan left, BusinessCasePlan right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        var leftResult = BusinessCaseCalculator.Compute(left);
        var rightResult = BusinessCaseCalculator.Compute(right);
        var years = left.CalendarYears.Union(right.CalendarYears).Order().ToList();

        var costs = Compare("Kosten", years,
            leftResult.CostLines.Select(l => Row.Of(l.Id, l.Name, l.Pm, left, l.Amounts, l.Category.ToString(), l.Percentage)),
            rightResult.CostLines.Select(l => Row.Of(l.Id, l.Name, l.Pm, right, l.Amounts, l.Category.ToString(), l.Percentage)));
        var benefits = Compare("Baten", years,
            left.BenefitLines.Select(l => Row.Of(l.Id, l.Name, l.Pm, left, l.Amounts, l.Domain.ToString(), null)),
            right.BenefitLines.Select(l => Row.Of(l.Id, l.Name, l.Pm, right, l.Amounts, l.Domain.ToString(), null)));

        LineComparison Total(string name, Func<YearResult, decimal> pick)
        {
            var cells = years.Select(y => new YearComparison(y,
                leftResult.PerYear.FirstOrDefault(r => r.Year == y) is { } l ? pick(l) : null,
                rightResult.PerYear.FirstOrDefault(r => r.Year == y) is { } r ? pick(r) : null)).ToList();
            return new LineComparison("Totaal", name, cells.All(c => c.Left == c.Right) ? LineChange.Same : LineChange.Changed, cells, null);
        }

        return new BusinessCaseComparison([.. costs, .. benefits],
            [Total("Kosten", r => r.Costs), Total("Baten", r => r.Benefits), Total("Saldo", r => r.Net), Total("Cumulatief saldo", r => r.CumulativeNet)]);
    }

    private static List<LineComparison> Compare(string kind, List<int> years, IEnumerable<Row> left, IEnumerable<Row> right)
    {
        var rights = right.ToDictionary(r => r.Id);
        var result = new List<LineComparison>();
        var lefts = left.ToList();
        foreach (var l in lefts)
        {
            if (!rights.Remove(l.Id, out var r))
            {
                result.Add(new LineComparison(kind, l.Name, LineChange.Removed, years.Select(y => new YearComparison(y, l.At(y), null)).ToList(), null));
                continue;
            }

            var cells = years.Select(y => new YearComparison(y, l.At(y), r.At(y))).ToList();
            var details = new List<string>();
            if (l.Name != r.Name)
            {
                details.Add($"naam was '{l.Name}'");
            }

            if (l.Pm != r.Pm)
            {
                details.Add(r.Pm ? "nu PM" : "niet meer PM");
            }

            if (l.Kind != r.Kind)
            {
                details.Add("andere categorie");
            }

            if (l.Percentage != r.Percentage)
            {
                details.Add("ander percentage");
            }

            var same = details.Count == 0 && cells.All(c => c.Left == c.Right);
            result.Add(new LineComparison(kind, r.Name, same ? LineChange.Same : LineChange.Changed, cells, details.Count == 0 ? null : string.Join(", ", details)));
        }

        result.AddRange(rights.Values.Select(r => new LineComparison(kind, r.Name, LineChange.Added, years.Select(y => new YearComparison(y, null, r.At(y))).ToList(), null)));
        return result;
    }

    private sealed record Row(Guid Id, string Name, bool Pm, string Kind, decimal? Percentage, IReadOnlyDictionary<int, decimal> ByYear)
    {
        public static Row Of(Guid id, string name, bool pm, BusinessCasePlan plan, IReadOnlyList<decimal> amounts, string kind, decimal? percentage) =>
            new(id, name, pm, kind, percentage, pm ? new Dictionary<int, decimal>() : amounts.Select((a, i) => (Year: plan.YearOf(i), a)).ToDictionary(x => x.Year, x => x.a));

        public decimal? At(int year) => ByYear.TryGetValue(year, out var a) ? a : null;
    }
}
