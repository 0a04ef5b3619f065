using System.Globalization;
using Plusflat.Domain.Common;

namespace Plusflat.Domain.Complexes;

/// <summary>The number of dwellings in a complex: 1 to 10,000.</summary>
/// <remarks>
/// A class, not a struct, so no <c>default</c> value can bypass the check; <see cref="Value"/> has no
/// <c>init</c> accessor, so <c>with</c> cannot either. EF maps it with a value converter on <see cref="Value"/>.
/// </remarks>
public sealed record DwellingCount
{
    public const int Min = 1;

    public const int Max = 10_000;

    /// <param name="value">The count.</param>
    /// <param name="field">The input field a refusal belongs to.</param>
    public DwellingCount(int value, string field = nameof(DwellingCount))
    {
        if (value is < Min or > Max)
        {
            throw new DomainException("Het aantal woningen moet tussen 1 en 10.000 liggen.", field);
        }

        Value = value;
    }

    public int Value { get; }

    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}
