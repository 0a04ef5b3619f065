using System.Text.Json;

namespace Plusflat.Web.Features.BusinessCases;

/// <summary>
/// The three-way merge after a conflict on the business case page, cell by cell: what the lead left as loaded takes the
/// stored value, what the lead changed keeps the lead's value. Lines are matched by id: a line someone else added appears,
/// one someone else removed goes (unless the lead edited it). The result goes on the stored version.
/// </summary>
public static class BusinessCaseMerge
{
    public static BusinessCaseInput Merge(BusinessCaseInput loaded, BusinessCaseInput mine, BusinessCaseInput stored)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        ArgumentNullException.ThrowIfNull(mine);
        ArgumentNullException.ThrowIfNull(stored);
        var result = Copy(mine);
        result.Version = stored.Version;
        result.FirstYear = Pick(loaded.FirstYear, mine.FirstYear, stored.FirstYear);
        result.Years = Pick(loaded.Years, mine.Years, stored.Years);
        result.WmoKeyPerWeek = Pick(loaded.WmoKeyPerWeek, mine.WmoKeyPerWeek, stored.WmoKeyPerWeek);
        result.CostLines = Lines(loaded.CostLines, mine.CostLines, stored.CostLines, l => l.Id, Same, (l, m, s) => new CostLineInput
        {
            Id = m.Id,
            Name = Pick(l.Name, m.Name, s.Name),
            Category = Pick(l.Category, m.Category, s.Category),
            Pm = Pick(l.Pm, m.Pm, s.Pm),
            Percentage = Pick(l.Percentage, m.Percentage, s.Percentage),
            Note = Pick(l.Note, m.Note, s.Note),
            Amounts = Amounts(l.Amounts, m.Amounts, s.Amounts),
        });
        result.BenefitLines = Lines(loaded.BenefitLines, mine.BenefitLines, stored.BenefitLines, l => l.Id, Same, (l, m, s) => new BenefitLineInput
        {
            Id = m.Id,
            Name = Pick(l.Name, m.Name, s.Name),
            Domain = Pick(l.Domain, m.Domain, s.Domain),
            Pm = Pick(l.Pm, m.Pm, s.Pm),
            Note = Pick(l.Note, m.Note, s.Note),
            Amounts = Amounts(l.Amounts, m.Amounts, s.Amounts),
        });
        result.PayerShares = [.. mine.PayerShares.Select(m =>
        {
            var l = loaded.PayerShares.FirstOrDefault(x => x.Payer == m.Payer && x.Year == m.Year);
            var s = stored.PayerShares.FirstOrDefault(x => x.Payer == m.Payer && x.Year == m.Year);
            return new PayerShareInput { Payer = m.Payer, Year = m.Year, Percentage = Pick(l?.Percentage, m.Percentage, s?.Percentage) };
        })];
        return result;
    }

    public static BusinessCaseInput Copy(BusinessCaseInput input) => JsonSerializer.Deserialize<BusinessCaseInput>(JsonSerializer.Serialize(input))!;

    private static T Pick<T>(T loaded, T mine, T stored) => EqualityComparer<T>.Default.Equals(mine, loaded) ? stored : mine;

    private static List<YearAmountInput> Amounts(List<YearAmountInput> loaded, List<YearAmountInput> mine, List<YearAmountInput> stored) =>
        [.. mine.Select(m => new YearAmountInput
        {
            Year = m.Year,
            Amount = Pick(loaded.FirstOrDefault(a => a.Year == m.Year)?.Amount, m.Amount, stored.FirstOrDefault(a => a.Year == m.Year)?.Amount),
        })];

    private static List<T> Lines<T>(List<T> loaded, List<T> mine, List<T> stored, Func<T, Guid?> id, Func<T, T, bool> same, Func<T, T, T, T> merge)
        where T : class
    {
        var result = new List<T>();
        foreach (var m in mine)
        {
            var l = id(m) is { } key ? loaded.FirstOrDefault(x => id(x) == key) : null;
            var s = id(m) is { } key2 ? stored.FirstOrDefault(x => id(x) == key2) : null;
            if (l is null)
            {
                result.Add(m); // added by me
            }
            else if (s is null)
            {
                if (!same(l, m))
                {
                    result.Add(m); // removed meanwhile, but I edited it: keep my version as a new line
                }
            }
            else
            {
                result.Add(merge(l, m, s));
            }
        }

        // Lines someone else added meanwhile (not in what I loaded), unless I removed... they were never mine to remove.
        result.AddRange(stored.Where(s => id(s) is { } key && !loaded.Any(l => id(l) == key) && !mine.Any(m => id(m) == key)));
        return result;
    }

    private static bool Same(CostLineInput a, CostLineInput b) => JsonSerializer.Serialize(a) == JsonSerializer.Serialize(b);

    private static bool Same(BenefitLineInput a, BenefitLineInput b) => JsonSerializer.Serialize(a) == JsonSerializer.Serialize(b);
}
