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

    /// <summary><c>throw new DomainException("...")</c> and the domain's <c>Refuse(condition, "...", field)</c>.</summary>
    [GeneratedRegex("""(?:new\s+DomainException\(\s*|\bRefuse\(\s*(?:[^,()"]|\((?:[^()]|\([^()]*\))*\))*,\s*)(?<interpolated>\$?)"(?<text>(?:[^"\\]|\\.)*)"\s*[,)]""")]
    private static partial Regex ExceptionLiteral();

    /// <summary>The label of <c>Guard.RequiredText(value, max, field, "label")</c>: it fills "{0} is verplicht." and the like.</summary>
    [GeneratedRegex("""Guard\.(?:RequiredText|OptionalText)\((?:[^,()"]|\((?:[^()]|\([^()]*\))*\))*,(?:[^,()"]|\((?:[^()]|\([^()]*\))*\))*,(?:[^,()"]|\((?:[^()]|\([^()]*\))*\))*,\s*(?<interpolated>)"(?<text>(?:[^"\\]|\\.)*)"\s*[,)]""")]
    private static partial Regex GuardLabel();

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
            .Where(m => !ComposedElsewhere.Contains(m.Key))
            .Where(m => DomainText.Translate(m.Sample) == m.Sample)
            .Select(m => $"  \"{m.Key}\"  ({m.Where})")
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList());

        Assert.True(untranslated.Count == 0,
            $"{untranslated.Count} Dutch message(s) stay Dutch with English selected; add each key (values as {{0}}, {{1}}, …) to "
            + "src/Plusflat.Web/Resources/SharedResource.en.resx:\n" + string.Join("\n", untranslated));
    }

    /// <summary>Messages put together from parts (a phase label, a verb, advice); each has a test of its real form below.</summary>
    private static readonly HashSet<string> ComposedElsewhere = ["Nog {0} van {1} punten van {2} {3} open: {4}. {5}"];

    [Theory]
    [InlineData("staan", "Vink ze af, of vul een reden in om toch naar de volgende fase te gaan.",
        "2 of 2 items of phase 0 (Programme set-up) are still open: Kernteam, Plan. Tick them off, or enter a reason to move on to the next phase anyway.")]
    [InlineData("staat", "Vink ze eerst af, of vraag een programmaleider om af te wijken.",
        "1 of 2 items of phase 0 (Programme set-up) is still open: Plan. Tick it off first, or ask a programme lead to deviate.")]
    public void OpenChecklistItemsRefusal_IsEnglishWithTheEnglishSwitch(string verb, string advice, string english)
    {
        var titles = verb == "staan" ? "Kernteam, Plan" : "Plan";
        var dutch = $"Nog {(verb == "staan" ? 2 : 1)} van 2 punten van {Plusflat.Domain.Phases.PhaseNames.Label(0)} {verb} open: {titles}. {advice}";

        Assert.Equal(english, InEnglish(() => DomainText.Translate(dutch)));
    }

    [Fact]
    public void Scan_FindsPlainAndInterpolatedMessages_AndTriesInterpolatedOnesWithSampleValues()
    {
        var messages = Messages();

        Assert.Contains(messages, m => m.Key == "Vul de gemeente in.");
        var years = Assert.Single(messages, m => m.Key == "Het aantal jaren moet tussen {0} en {1} liggen.");
        Assert.Equal("Het aantal jaren moet tussen 7 en 7 liggen.", years.Sample);
        Assert.Contains(messages, m => m.Where.Contains("Validator", StringComparison.Ordinal) || m.Where.Contains("Input", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Key == "Dit wooncomplex is al gearchiveerd."); // throw new DomainException("...")
        Assert.Contains(messages, m => m.Key == "Kies een geldige woningcorporatie."); // Refuse(..., "...", field)
        Assert.Contains(messages, m => m.Key == "Het patroon"); // Guard.RequiredText(..., "label")
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
                foreach (var match in ErrorLiteral().Matches(text).Concat(ValidatorLiteral().Matches(text)).Concat(ExceptionLiteral().Matches(text)).Concat(GuardLabel().Matches(text)))
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
