using System.Text.RegularExpressions;
using Plusflat.Domain.Common;

namespace Plusflat.Domain.Complexes;

/// <summary>Dutch postcodes: four digits (not starting with 0) and two letters, written "1234 AB".</summary>
public static partial class DutchPostcode
{
    /// <summary>
    /// Accepts "1234ab", "1234 AB", " 1234  ab " and the like, and returns "1234 AB"; refuses anything else.
    /// </summary>
    public static string Normalise(string? postcode, string field)
    {
        var compact = string.Concat((postcode ?? "").Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();
        if (!Pattern().IsMatch(compact))
        {
            throw new DomainException("Vul een geldige postcode in, zoals 1234 AB.", field);
        }

        return $"{compact[..4]} {compact[4..]}";
    }

    [GeneratedRegex("^[1-9][0-9]{3}[A-Z]{2}$")]
    private static partial Regex Pattern();
}
