using System.Globalization;
using Plusflat.Domain.Common;

namespace Plusflat.Domain.Complexes;

/// <summary>A share from 0 to 100 percent, with at most two decimals (so it fits <c>numeric(5,2)</c>).</summary>
/// <remarks>
/// A class, not a struct, so no <c>default</c> value can bypass the check; <see cref="Value"/> has no
/// <c>init</c> accessor, so <c>with</c> cannot either. EF maps it with a value converter on <see cref="Value"/>.
/// </remarks>
public sealed record Percentage
{
    public const decimal Min = 0m;

    public const decimal Max = 100m;

    /// <param name="value">The percentage, e.g. 62.5 for 62.5%.</param>
    /// <param name="field">The input field a refusal belongs to.</param>
    public Percentage(decimal value, string field = nameof(Percentage))
    {
        if (value is < Min or > Max)
        {
            throw new DomainException("Een percentage moet tussen 0 en 100 liggen.", field);
        }

        if (decimal.Round(value, 2) != value)
        {
            throw new DomainException("Gebruik voor een percentage hoogstens twee decimalen.", field);
        }

        Value = value;
    }

    public decimal Value { get; }

    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}
