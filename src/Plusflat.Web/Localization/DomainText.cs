using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Plusflat.Web.Localization;

/// <summary>
/// The one place where a Dutch message from the domain, a validator or a handler is translated for display:
/// <see cref="Components.Forms.FieldErrors"/> and <see cref="Components.Forms.FormState{TInput}"/> pass every
/// message through it, so the domain keeps its Dutch texts and the resx holds the English ones. A message is
/// looked up as a whole first; a message with values in it ("Naam mag hoogstens 200 tekens lang zijn.") matches
/// a resx key with placeholders ("{0} mag hoogstens {1} tekens lang zijn."), whose values are translated in turn.
/// Sentence by sentence as a last resort; what has no English entry stays Dutch.
/// </summary>
public static partial class DomainText
{
    private static readonly IStringLocalizer Localizer = new ResourceManagerStringLocalizerFactory(
            Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance)
        .Create(typeof(SharedResource));

    private static readonly ConcurrentDictionary<string, IReadOnlyList<(Regex Pattern, string English)>> TemplatesByCulture = new();

    public static string Translate(string? message)
    {
        // Only English has a resx; Dutch (and any other culture) shows the message as the domain wrote it.
        if (string.IsNullOrEmpty(message) || CultureInfo.CurrentUICulture.TwoLetterISOLanguageName != "en")
        {
            return message ?? "";
        }

        return Translate(message, depth: 0);
    }

    private static string Translate(string message, int depth)
    {
        var exact = Localizer[message];
        if (!exact.ResourceNotFound)
        {
            return exact.Value;
        }

        if (depth > 0 && Value(message) is { } value)
        {
            return value;
        }

        if (depth > 5)
        {
            return message;
        }

        foreach (var (pattern, english) in Templates())
        {
            var match = pattern.Match(message);
            if (match.Success)
            {
                var values = Enumerable.Range(0, 10)
                    .Select(i => match.Groups[$"p{i}"] is { Success: true } group ? (object)Translate(group.Value, depth + 1) : "")
                    .ToArray();
                return string.Format(CultureInfo.CurrentCulture, english, values);
            }
        }

        if (depth > 0 && List(message, depth) is { } list)
        {
            return list;
        }

        // Several sentences (e.g. a domain message plus a hint): each on its own.
        var sentences = SentenceEnd().Split(message);
        return sentences.Length > 1 && depth == 0
            ? string.Join(" ", sentences.Select(s => Translate(s, depth + 1)))
            : message;
    }

    /// <summary>
    /// A value inside a message rather than a message: a Dutch date ("18 oktober 2026") in the user's language, a lowercase
    /// name ("woningcorporatie") through its capitalised entry. Null when it is none of these.
    /// </summary>
    private static string? Value(string value)
    {
        if (DateOnly.TryParseExact(value, "d MMMM yyyy", Dutch, DateTimeStyles.None, out var date))
        {
            return date.ToString("d MMM yyyy", CultureInfo.CurrentCulture);
        }

        if (value.StartsWith("€ ", StringComparison.Ordinal)
            && decimal.TryParse(value[2..], NumberStyles.AllowLeadingSign | NumberStyles.AllowThousands | NumberStyles.AllowDecimalPoint, Dutch, out var euro))
        {
            return "€" + euro.ToString(euro == decimal.Truncate(euro) ? "#,##0" : "#,##0.00", CultureInfo.CurrentCulture);
        }

        if (value.Length > 1 && char.IsLower(value[0]) && Localizer[char.ToUpperInvariant(value[0]) + value[1..]] is { ResourceNotFound: false } capitalised)
        {
            return char.ToLower(capitalised.Value[0], CultureInfo.CurrentCulture) + capitalised.Value[1..];
        }

        return null;
    }

    /// <summary>A list inside a message ("woningcorporatie, zorgaanbieder"; notes joined by "; "), item by item; null when no item changes.</summary>
    private static string? List(string value, int depth)
    {
        foreach (var separator in ListSeparators)
        {
            if (value.Contains(separator, StringComparison.Ordinal))
            {
                var items = value.Split(separator);
                var translated = items.Select(i => Translate(i, depth + 1)).ToList();
                return translated.SequenceEqual(items) ? null : string.Join(separator, translated);
            }
        }

        return null;
    }

    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    private static readonly string[] ListSeparators = ["; ", ", "];

    /// <summary>The resx keys with placeholders as patterns, most specific (longest fixed text) first.</summary>
    private static IReadOnlyList<(Regex Pattern, string English)> Templates() =>
        TemplatesByCulture.GetOrAdd(CultureInfo.CurrentUICulture.Name, _ => Localizer.GetAllStrings(includeParentCultures: true)
            .Where(s => Placeholder().IsMatch(s.Name) && s.Name != s.Value)
            .Select(s => (Key: s.Name, s.Value, Fixed: Placeholder().Replace(s.Name, "").Length))
            // A template with hardly any fixed text ("K{0} {1}", a quarter) would match any message starting with that letter.
            .Where(t => t.Fixed >= MinimumFixedText)
            .OrderByDescending(t => t.Fixed)
            .Select(t => (new Regex("^" + Placeholder().Replace(Regex.Escape(t.Key).Replace("\\{", "{", StringComparison.Ordinal), m => $"(?<p{m.Groups[1].Value}>.+?)") + "$",
                RegexOptions.CultureInvariant | RegexOptions.Singleline), t.Value))
            .ToList());

    private const int MinimumFixedText = 6;

    [GeneratedRegex(@"\{(\d)\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"(?<=[.?!])\s+")]
    private static partial Regex SentenceEnd();
}
