using System.Text;

namespace Plusflat.Domain.Common;

/// <summary>
/// The one rule for text people type: normalised (Unicode NFC, trimmed), and free of characters that cannot be
/// stored or that hide what a text says. Control characters (U+0000–U+001F, U+007F–U+009F; PostgreSQL refuses
/// NUL outright) are refused, except tab and line breaks in multi-line text; bidi embedding, override and isolate
/// characters (U+202A–U+202E, U+2066–U+2069) are refused everywhere, because they make a name read differently
/// from what it is ("Trojan source"); a lone surrogate half is no character at all. Entities refuse such text
/// through <see cref="Guard"/>, input validators and query parsing through the same functions here.
/// </summary>
public static class PlainText
{
    public const string ControlCharacterMessage =
        "Deze tekst bevat een onzichtbaar stuurteken (zoals een NUL- of tabteken). Haal het weg of typ de tekst opnieuw.";

    public const string LineBreakMessage =
        "Deze tekst mag geen regeleinde of tab bevatten. Zet alles op één regel.";

    public const string BidiMessage =
        "Deze tekst bevat een onzichtbaar teken dat de leesrichting omdraait (U+202A–U+202E of U+2066–U+2069). Haal het weg of typ de tekst opnieuw.";

    public const string BrokenCharacterMessage =
        "Deze tekst bevat een ongeldig teken. Typ de tekst opnieuw.";

    /// <summary>NFC and trimmed; <c>null</c> stays <c>null</c>. Never throws (text with a broken character is only trimmed).</summary>
    public static string? Normalise(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var trimmed = text.Trim();
        return HasBrokenSurrogate(trimmed) || trimmed.IsNormalized(NormalizationForm.FormC) ? trimmed : trimmed.Normalize(NormalizationForm.FormC);
    }

    /// <summary>Why this text is refused (a Dutch message for the user), or <c>null</c> when it is fine.</summary>
    /// <param name="multiline">Allows tab, CR and LF (notes, reasons); single-line text (names) refuses them too.</param>
    public static string? Problem(string? text, bool multiline = false)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var lineBreak = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (IsBidiControl(c))
            {
                return BidiMessage;
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsSurrogate(c))
            {
                return BrokenCharacterMessage;
            }

            if (char.IsControl(c))
            {
                if (c is '\t' or '\n' or '\r')
                {
                    lineBreak = true;
                    continue;
                }

                return ControlCharacterMessage;
            }
        }

        return lineBreak && !multiline ? LineBreakMessage : null;
    }

    /// <summary>
    /// For search and filter values from a URL: the refused characters dropped (a line break or tab becomes a space),
    /// then normalised; blank gives <c>null</c>. A filter never fails on what someone pasted into an address bar.
    /// </summary>
    public static string? Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var kept = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                kept.Append(c).Append(text[++i]);
            }
            else if (c is '\t' or '\n' or '\r')
            {
                kept.Append(' ');
            }
            else if (!char.IsControl(c) && !char.IsSurrogate(c) && !IsBidiControl(c))
            {
                kept.Append(c);
            }
        }

        var clean = Normalise(kept.ToString());
        return string.IsNullOrEmpty(clean) ? null : clean;
    }

    public static bool IsBidiControl(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';

    private static bool HasBrokenSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }
}
