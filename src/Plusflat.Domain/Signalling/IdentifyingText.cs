using System.Text.RegularExpressions;
using Plusflat.Domain.Common;

namespace Plusflat.Domain.Signalling;

/// <summary>
/// The team's pseudonymous resident codes (e.g. <c>B-017</c>). The pattern is set per programme; the default is one to
/// three capitals, a hyphen and one to four digits.
/// </summary>
public sealed partial record ResidentCodePattern(string Pattern, string Example)
{
    public static readonly ResidentCodePattern Default = new(@"^[A-Z]{1,3}-[0-9]{1,4}$", "B-017");

    public bool Matches(string? code) =>
        code is not null && Regex.IsMatch(code, Pattern, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));

    /// <summary>The trimmed code, or a refusal that explains why a name or other identifying text is not a code.</summary>
    public string Check(string? code, string field)
    {
        var trimmed = code?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            throw new DomainException("Vul de bewonerscode in (bijvoorbeeld " + Example + ").", field);
        }

        if (!Matches(trimmed))
        {
            throw new DomainException(
                $"Dit is geen bewonerscode in het afgesproken formaat (bijvoorbeeld {Example}). Gebruik nooit een naam, huisnummer of andere herkenbare gegevens.",
                field);
        }

        return trimmed;
    }
}

/// <summary>
/// Refuses descriptions that identify a person: a BSN-shaped number, a date of birth (any date), a phone number, an
/// e-mail address, a postcode with house number. Each refusal explains what was found and what to write instead.
/// </summary>
public static partial class IdentifyingText
{
    public const int DescriptionMax = 500;

    public const string Guidance = "Beschrijf alleen wat je zag, zonder naam, BSN, geboortedatum, telefoonnummer, e-mailadres of adres.";

    /// <summary>Every kind of identifying detail found in the text, as Dutch explanations (empty: fine).</summary>
    public static IReadOnlyList<string> Find(string? text)
    {
        var found = new List<string>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return found;
        }

        if (Email().IsMatch(text))
        {
            found.Add("Er staat een e-mailadres in. Laat contactgegevens weg: die horen niet bij een signaal.");
        }

        if (PostcodeHouseNumber().IsMatch(text))
        {
            found.Add("Er staat een postcode met huisnummer in: dat wijst één woning aan. Gebruik alleen de bewonerscode.");
        }

        if (Date().IsMatch(text))
        {
            found.Add("Er staat een datum in die een geboortedatum kan zijn. Noem leeftijd of datum niet; de vergaderdatum staat al bij het signaal.");
        }

        var withoutDates = Date().Replace(text, " ");
        if (Bsn().Matches(withoutDates).Any(m => IsElevenProof(Digits(m.Value))))
        {
            found.Add("Er staat een getal van negen cijfers in dat een BSN kan zijn. Een BSN hoort nooit in een signaal.");
        }

        if (Phone().IsMatch(withoutDates))
        {
            found.Add("Er staat een telefoonnummer in. Laat contactgegevens weg: die horen niet bij een signaal.");
        }

        return found;
    }

    /// <summary>The trimmed description, or a refusal listing every identifying detail found.</summary>
    public static string? Check(string? text, string field)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        if (trimmed.Length > DescriptionMax)
        {
            throw new DomainException($"Houd de beschrijving kort: hoogstens {DescriptionMax} tekens.", field);
        }

        var found = Find(trimmed);
        if (found.Count > 0)
        {
            throw new DomainException(string.Join(" ", found), field);
        }

        return trimmed;
    }

    /// <summary>The Dutch BSN "elfproef": 9×d1 + 8×d2 + … + 2×d8 − 1×d9 is a multiple of 11 (and not 0).</summary>
    public static bool IsElevenProof(string digits)
    {
        if (digits.Length != 9 || !digits.All(char.IsAsciiDigit))
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            sum += (9 - i) * (digits[i] - '0');
        }

        sum -= digits[8] - '0';
        return sum != 0 && sum % 11 == 0;
    }

    private static string Digits(string value) => new([.. value.Where(char.IsAsciiDigit)]);

    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}")]
    private static partial Regex Email();

    /// <summary>
    /// Dutch postcode (1234 AB, 1234AB) followed or preceded by a house number (12, 12a, 12-3, nr 12, huisnummer 12,
    /// huisnr. 12, no. 12, or glued on: 1234AB12). The letters are capitals, or lower case written against the digits (1012ab): "2019 is 3 keer" is no address.
    /// </summary>
    [GeneratedRegex(@"\b[1-9][0-9]{3}(?:\s?[A-Z]{2}|[a-z]{2})(?:[\s,]+(?i:(?:huis)?n(?:umme)?r\.?|no\.?)?\s*|(?=[0-9]))[0-9]{1,5}\b|\b[0-9]{1,5}[A-Za-z]?[\s,]+[1-9][0-9]{3}(?:\s?[A-Z]{2}|[a-z]{2})\b")]
    private static partial Regex PostcodeHouseNumber();

    /// <summary>A day-month-year date: 3-4-1941, 03/04/41, 3.4.1941, 3-4-'41, or with a month name (3 april 1941, 3 apr. '41).</summary>
    [GeneratedRegex(@"\b[0-3]?[0-9][\-/.][01]?[0-9][\-/.]('?[0-9]{2}|[0-9]{4})\b|\b(19|20)[0-9]{2}-[01][0-9]-[0-3][0-9]\b|\b[0-3]?[0-9]\s+(jan(uari)?|feb(ruari)?|maart|mrt|apr(il)?|mei|jun(i)?|jul(i)?|aug(ustus)?|sep(t(ember)?)?|okt(ober)?|nov(ember)?|dec(ember)?)\.?\s+((19|20)[0-9]{2}|'[0-9]{2})\b", RegexOptions.IgnoreCase)]
    private static partial Regex Date();

    /// <summary>Nine digits, optionally grouped (123456782, 1234.56.782, 123 456 782).</summary>
    [GeneratedRegex(@"(?<![0-9])[0-9]{4}[.\s]?[0-9]{2}[.\s]?[0-9]{3}(?![0-9])|(?<![0-9])[0-9]{3}[.\s][0-9]{3}[.\s][0-9]{3}(?![0-9])")]
    private static partial Regex Bsn();

    /// <summary>Dutch phone numbers: 06-12345678, 06 - 12 34 56 78, 020 123 4567, (020) 123 4567, +31 6 12345678, 0031….</summary>
    [GeneratedRegex(@"(\+31|0031)[\s\-]?\(?0?\)?[\s\-]?[1-9]([\s\-]?[0-9]){7,8}\b|(?<![0-9])0[1-9]([\s\-]{0,3}[0-9]){8}(?![0-9])|\(0[1-9][0-9]{1,2}\)[\s\-]{0,3}[0-9]([\s\-]{0,3}[0-9]){5,6}(?![0-9])")]
    private static partial Regex Phone();
}
