using System.Globalization;
using System.Text.RegularExpressions;
using Plusflat.Web.Localization;

namespace Plusflat.Web.Tests.Localization;

/// <summary>
/// With English selected, the messages the domain, the validators and the handlers write (Dutch, at the field or for the
/// form) are English too: every such message in the source is run through <see cref="DomainText.Translate"/>, the one
/// place that translates them for display, and must come out changed. A message with values in it
/// (<c>$"... {MaxYears} ..."</c>) is tried with a sample value in each hole, so it needs a resx key with placeholders.
/// Reads source files and resources only.
/// </summary>
public sealed partial class DomainMessageTranslationTests
{
    private static readonly string[] Roots =
    [
        Path.Combine(Repository.Root, "src", "Plusflat.Domain"),
        Path.Combine(Repository.Root, "src", "Plusflat.Web"),
    ];

    /// <summary><c>new DomainError(field, "...")</c>, <c>new FieldError(field, $"...")</c>: the message literal after the field argument.</summary>
    [GeneratedRegex("""new\s+(?:DomainError|FieldError)\(\s*(?:[^,()"]|"[^"]*"|\$"[^"]*"|\((?:[^()]|\([^()]*\))*\))*,\s*(?<interpolated>\$?)"(?<text>(?:[^"\\]|\\.)*)"\s*\)""")]
    private static partial Regex ErrorLiteral();

    /// <summary>FluentValidation's <c>.WithMessage("...")</c>.</summary>
    [GeneratedRegex("""\.WithMessage\(\s*(?<interpolated>\$?)"(?<text>(?:[^"\\]|\\.)*)"\s*\)""")]
    private static partial Regex ValidatorLiteral();

    /// <summary>A hole of an interpolated string (not an escaped <c>{{</c>).</summary>
    [GeneratedRegex(@"(?<!\{)\{(?!\{)[^{}]+\}")]
    private static partial Regex Hole();

    [Fact]
    public void EveryDomainAndValidationMessage_IsEnglishWithTheEnglishSwitch()
    {
        var messages = Messages();
        Assert.True(messages.Count > 100, $"Expected the scan to find the domain and validation messages, found only {messages.Count}.");

        var untranslated = InEnglish(() => messages
            .Where(m => DomainText.Translate(m.Sample) == m.Sample)
            .Select(m => $"  \"{m.Key}\"  ({m.Where})")
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList());

        Assert.True(untranslated.Count == 0,
            $"{untranslated.Count} Dutch message(s) stay Dutch with English selected; add each key (values as {{0}}, {{1}}, …) to "
            + "src/Plusflat.Web/Resources/SharedResource.en.resx:\n" + string.Join("\n", untranslated));
    }

    [Fact]
    public void Scan_FindsPlainAndInterpolatedMessages_AndTriesInterpolatedOnesWithSampleValues()
    {
        var messages = Messages();

        Assert.Contains(messages, m => m.Key == "Vul de gemeente in.");
        var years = Assert.Single(messages, m => m.Key == "Het aantal jaren moet tussen {0} en {1} liggen.");
        Assert.Equal("Het aantal jaren moet tussen 7 en 7 liggen.", years.Sample);
        Assert.Contains(messages, m => m.Where.Contains("Validator", StringComparison.Ordinal) || m.Where.Contains("Input", StringComparison.Ordinal));
    }

    [Fact]
    public void Translate_OfAnUnknownDutchMessage_LeavesItAsItIs_SoTheCheckAboveCanFail()
    {
        const string unknown = "Deze zin staat met opzet niet in het Engelse bestand.";

        Assert.Equal(unknown, InEnglish(() => DomainText.Translate(unknown)));
    }

    private sealed record Message(string Key, string Sample, string Where);

    private static List<Message> Messages()
    {
        var found = new List<Message>();
        foreach (var root in Roots)
        {
            foreach (var file in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
                         .Where(f => !Path.GetRelativePath(root, f).Split(Path.DirectorySeparatorChar).Intersect(["bin", "obj"]).Any()))
            {
                var text = File.ReadAllText(file);
                foreach (var match in ErrorLiteral().Matches(text).Concat(ValidatorLiteral().Matches(text)))
                {
                    var literal = Regex.Unescape(match.Groups["text"].Value);
                    var where = $"{Path.GetRelativePath(Repository.Root, file)}:{text[..match.Index].Count(c => c == '\n') + 1}";
                    if (match.Groups["interpolated"].Value.Length == 0)
                    {
                        found.Add(new Message(literal, literal, where));
                        continue;
                    }

                    var index = 0;
                    var key = Hole().Replace(literal, _ => $"{{{index++}}}").Replace("{{", "{", StringComparison.Ordinal).Replace("}}", "}", StringComparison.Ordinal);
                    var sample = Hole().Replace(literal, "7").Replace("{{", "{", StringComparison.Ordinal).Replace("}}", "}", StringComparison.Ordinal);
                    found.Add(new Message(key, sample, where));
                }
            }
        }

        return found;
    }

    private static T InEnglish<T>(Func<T> action)
    {
        var (culture, ui) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-GB");
            return action();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, ui);
        }
    }
}
