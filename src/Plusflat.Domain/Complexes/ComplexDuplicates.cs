using System.Text.RegularExpressions;
using Plusflat.Domain.Common;

namespace Plusflat.Domain.Complexes;

/// <summary>Why a complex looks like one already there.</summary>
public enum DuplicateReason
{
    /// <summary>The same postcode and house number.</summary>
    SameAddress = 1,

    /// <summary>The same name in the same municipality (ignoring case and spaces).</summary>
    SameNameInMunicipality = 2,
}

/// <summary>
/// When two complexes are probably the same building entered twice: the same postcode and house number (a Dutch
/// postcode plus house number is one address; additions such as "12-3" or "12A" are flats of one building), or the
/// same name in the same municipality, ignoring case and spaces. Pure; the handler reads the candidates.
/// </summary>
public static partial class ComplexDuplicates
{
    /// <summary>The reasons <paramref name="candidate"/> looks like <paramref name="existing"/>; empty: it does not.</summary>
    public static IReadOnlyList<DuplicateReason> Reasons(ComplexFacts candidate, ComplexFacts existing)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(existing);
        var reasons = new List<DuplicateReason>(2);
        if (PostcodeOf(candidate.Postcode) is { } postcode && postcode == PostcodeOf(existing.Postcode)
            && HouseNumber(candidate.Address) is { } number && number == HouseNumber(existing.Address))
        {
            reasons.Add(DuplicateReason.SameAddress);
        }

        if (Key(candidate.Name) is { } name && name == Key(existing.Name)
            && Key(candidate.Municipality) is { } municipality && municipality == Key(existing.Municipality))
        {
            reasons.Add(DuplicateReason.SameNameInMunicipality);
        }

        return reasons;
    }

    /// <summary>
    /// Whether a change from <paramref name="before"/> to <paramref name="after"/> touches what a duplicate is recognised
    /// by (name, municipality, postcode, house number). Editing anything else of a complex never asks about duplicates again.
    /// </summary>
    public static bool IdentityChanged(ComplexFacts before, ComplexFacts after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        return Key(before.Name) != Key(after.Name)
               || Key(before.Municipality) != Key(after.Municipality)
               || PostcodeOf(before.Postcode) != PostcodeOf(after.Postcode)
               || HouseNumber(before.Address) != HouseNumber(after.Address);
    }

    /// <summary>
    /// The house number in an address: the first number that follows a space and comes after the street name
    /// ("2e Oosterparkstraat 12-3" → "12"), without leading zeros; <c>null</c> when there is none.
    /// </summary>
    public static string? HouseNumber(string? address)
    {
        if (string.IsNullOrWhiteSpace(address))
        {
            return null;
        }

        foreach (Match match in Number().Matches(address))
        {
            if (address[..match.Index].Any(char.IsLetter))
            {
                var digits = match.Value.TrimStart('0');
                return digits.Length == 0 ? "0" : digits;
            }
        }

        return null;
    }

    /// <summary>Text compared without case and spaces ("De  Klimop" = "de klimop" = "DeKlimop"); <c>null</c> when blank.</summary>
    public static string? Key(string? text)
    {
        var key = string.Concat((text ?? "").Where(c => !char.IsWhiteSpace(c))).ToLowerInvariant();
        return key.Length == 0 ? null : key;
    }

    private static string? PostcodeOf(string? postcode)
    {
        try
        {
            return DutchPostcode.Normalise(postcode, nameof(ComplexFacts.Postcode));
        }
        catch (DomainException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"(?<=\s)\d+")]
    private static partial Regex Number();
}
