using Plusflat.Domain.Common;

namespace Plusflat.Domain.DosApplications;

/// <summary>A zorgkantoor's DOS budget for one calendar year. What is committed is computed from the labels granted, never stored.</summary>
public sealed class DosBudget : ITenantOwned
{
    public DosBudget(Guid tenantId, int year, decimal total, DateTimeOffset now)
    {
        if (year is < 2020 or > 2100)
        {
            throw new DomainException("Het jaar ligt tussen 2020 en 2100.", nameof(Year));
        }

        Id = Guid.CreateVersion7();
        TenantId = tenantId;
        Year = year;
        Total = CheckedTotal(total, 0m);
        UpdatedAt = now;
    }

    private DosBudget()
    {
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public int Year { get; private set; }

    public decimal Total { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public uint Version { get; private set; }

    /// <summary>Sets the year's total; never below what is already committed to granted labels.</summary>
    public void SetTotal(decimal total, decimal committed, DateTimeOffset now)
    {
        Total = CheckedTotal(total, committed);
        UpdatedAt = now;
    }

    private static decimal CheckedTotal(decimal total, decimal committed)
    {
        if (total < 0 || total != decimal.Round(total, 2) || total > 1_000_000_000m)
        {
            throw new DomainException("Het budget is een positief bedrag in euro's en centen (hoogstens 1 miljard).", nameof(Total));
        }

        if (total < committed)
        {
            throw new DomainException($"Er is al {committed:N2} euro toegekend in dit jaar: het budget kan niet lager zijn.", nameof(Total));
        }

        return total;
    }
}

/// <summary>Budget arithmetic for one year: total, committed to granted labels, and what is still available.</summary>
public sealed record BudgetPosition(int Year, decimal Total, decimal Committed)
{
    public decimal Available => Total - Committed;

    /// <summary>Committed per year, summed from the granted amounts of every label.</summary>
    public static IReadOnlyDictionary<int, decimal> CommittedPerYear(IEnumerable<IEnumerable<YearAmount>> granted) =>
        granted.SelectMany(g => g).GroupBy(a => a.Year).ToDictionary(g => g.Key, g => g.Sum(a => a.Amount));

    /// <summary>
    /// Why these amounts cannot be granted on these budgets (every year at once): a year without a budget, or one
    /// whose available amount is smaller than the amount asked. Empty when it fits.
    /// </summary>
    public static IReadOnlyList<DomainError> Check(IEnumerable<BudgetPosition> budgets, IEnumerable<YearAmount> amounts)
    {
        var byYear = budgets.ToDictionary(b => b.Year);
        var errors = new List<DomainError>();
        foreach (var amount in amounts.Where(a => a.Amount > 0).OrderBy(a => a.Year))
        {
            if (!byYear.TryGetValue(amount.Year, out var budget))
            {
                errors.Add(new DomainError("Amounts", $"Er is geen DOS-budget voor {amount.Year}."));
            }
            else if (amount.Amount > budget.Available)
            {
                errors.Add(new DomainError("Amounts",
                    $"Het budget voor {amount.Year} is ontoereikend: nog {budget.Available:N2} euro beschikbaar, {amount.Amount:N2} euro gevraagd."));
            }
        }

        return errors;
    }
}
