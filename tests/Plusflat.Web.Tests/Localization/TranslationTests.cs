using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Plusflat.Domain.Organisations;
using Plusflat.Domain.Tenancy;
using Plusflat.Web.Components.Shell;
using Plusflat.Web.Features.Organisations;
using Plusflat.Web.Tenancy;

namespace Plusflat.Web.Tests.Localization;

/// <summary>
/// The English switch: every Dutch UI text (a localization key) has an English translation in
/// <c>src/Plusflat.Web/Resources/SharedResource.en.resx</c>, and the localizer finds that file the way
/// the app does (ResourcesPath "Resources"). Reads source files and resources only: no database, no server.
/// </summary>
/// <remarks><c>python3 tools/missing-translations.py</c> lists the same missing keys, with <c>--stub</c> as resx entries.</remarks>
public sealed partial class TranslationTests
{
    private static readonly string RepositoryRoot = Repository.Root;

    private static readonly string WebProject = Path.Combine(RepositoryRoot, "src", "Plusflat.Web");

    private static readonly string EnglishResx = Path.Combine(WebProject, "Resources", "SharedResource.en.resx");

    /// <summary>
    /// <c>L["..."]</c> or <c>L[@"..."]</c>: a localizer indexed with a string literal (also inside string.Format); also a
    /// localizer handed in as a parameter, <c>l["..."]</c> or <c>localizer["..."]</c> (DosText, dialogs).
    /// </summary>
    [GeneratedRegex("""\b(?:L|l|localizer|Localizer)\[\s*(?:@"(?<verbatim>(?:[^"]|"")*)"|"(?<regular>(?:[^"\\]|\\.)*)")""")]
    private static partial Regex LocalizerKey();

    /// <summary><c>L[$"..."]</c>: a key built at run time, which no resource file can translate.</summary>
    [GeneratedRegex("""\bL\[\s*@?\$""")]
    private static partial Regex InterpolatedKey();

    [GeneratedRegex("""\{\d+(?:[,:][^}]*)?\}""")]
    private static partial Regex Placeholder();

    [Fact]
    public void EveryUiText_HasAnEnglishTranslation()
    {
        var english = EnglishTranslations();
        var keys = UsedKeys();

        Assert.True(keys.Count > 100, $"Expected the scan to find the UI texts, found only {keys.Count} keys: is the source tree at {WebProject}?");
        var missing = keys
            .Where(k => !english.TryGetValue(k.Key, out var text) || string.IsNullOrWhiteSpace(text))
            .OrderBy(k => k.Key, StringComparer.Ordinal)
            .Select(k => $"  \"{k.Key}\"  ({string.Join(", ", k.Value.Distinct())}){CaseClashHint(k.Key, english.Keys)}")
            .ToList();
        Assert.True(
            missing.Count == 0,
            $"{missing.Count} UI text(s) without English translation; add them to src/Plusflat.Web/Resources/SharedResource.en.resx "
            + "(python3 tools/missing-translations.py --stub prints the entries):\n" + string.Join("\n", missing));
    }

    /// <summary>
    /// A .resources file cannot hold two names that differ only in case (the build drops the second with
    /// MSB3568) and the lookup is case-sensitive, so "Fase" and "fase" cannot both be translated.
    /// </summary>
    [Fact]
    public void Keys_DoNotDifferOnlyInCase()
    {
        var clashes = UsedKeys()
            .GroupBy(k => k.Key, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() > 1)
            .Select(g => "  " + string.Join(" / ", g.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => $"\"{k.Key}\" ({string.Join(", ", k.Value.Distinct())})")))
            .ToList();

        Assert.True(
            clashes.Count == 0,
            "UI texts that differ only in case cannot both get a translation (one resource file ignores case for duplicate names); "
            + "use one spelling, or a longer text such as L[\"Naar fase {0}\"]:\n" + string.Join("\n", clashes));
    }

    [Fact]
    public void Keys_AreStringLiterals_NotBuiltAtRunTime()
    {
        var interpolated = SourceFiles()
            .Select(file => (File: file, Text: File.ReadAllText(file)))
            .SelectMany(f => InterpolatedKey().Matches(f.Text).Select(m => Where(f.File, f.Text, m.Index)))
            .ToList();

        Assert.True(interpolated.Count == 0, "L[$\"...\"] cannot be translated; use L[\"... {0} ...\", value] instead:\n  " + string.Join("\n  ", interpolated));
    }

    [Fact]
    public void Translations_KeepThePlaceholdersOfTheirKey()
    {
        var broken = EnglishTranslations()
            .Where(t => !PlaceholdersOf(t.Key).SetEquals(PlaceholdersOf(t.Value)))
            .Select(t => $"  \"{t.Key}\" -> \"{t.Value}\"")
            .ToList();

        Assert.True(broken.Count == 0, "English text with other {0}-placeholders than its Dutch key:\n" + string.Join("\n", broken));
    }

    /// <summary>Keys that are not literals in the markup: the scan finds them, and each role has its own Dutch name.</summary>
    [Fact]
    public void IndirectKeys_AreFound()
    {
        var keys = UsedKeys();

        Assert.All(NavigationLabels(), label => Assert.Contains(label, keys.Keys));
        Assert.All(Enum.GetValues<TenantRole>(), role => Assert.NotEqual(role.ToString(), RoleNames.Of(role)));
        Assert.All(Enum.GetValues<OrganisationKind>(), kind => Assert.Contains(OrganisationKindNames.Of(kind), keys.Keys));
        Assert.NotEmpty(new CareProviderFacts(false, false, false, false, false, false, false, false).MissingHardCriteria);
        Assert.Contains(keys.Keys, k => k.Contains("{0}", StringComparison.Ordinal)); // string.Format(L["... {0} ..."], ...)
    }

    /// <summary>
    /// The Dutch names the domain gives its enums (<c>DosTransitions.Name(status)</c>, <c>BusinessCaseTerms.NameOf(payer)</c>,
    /// <c>PhaseNames.Of(phase)</c>, …) reach the pages as <c>L[Name(value)]</c>, a key no scan of literals finds: every
    /// public static <c>string X(SomeEnum)</c> of the domain (and <c>string X(int phase)</c> of the phases) must have an
    /// English entry for every value. Methods that give codes for the API, not words for people, are listed as such.
    /// </summary>
    [Fact]
    public void DomainNamesOfEnumValues_HaveAnEnglishTranslation()
    {
        var english = EnglishTranslations();
        var methods = typeof(Plusflat.Domain.Common.DomainException).Assembly.GetExportedTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => m.ReturnType == typeof(string) && m.GetParameters() is [{ ParameterType.IsEnum: true }])
            .Where(m => !CodesNotWords.Contains($"{m.DeclaringType!.Name}.{m.Name}"))
            .ToList();
        Assert.True(methods.Count >= 5, $"Expected the domain's enum names (DosTransitions.Name, ...), found {methods.Count}.");

        var missing = methods
            .SelectMany(m => Enum.GetValues(m.GetParameters()[0].ParameterType).Cast<object>()
                .Select(v => (Where: $"{m.DeclaringType!.Name}.{m.Name}({v})", Dutch: (string?)m.Invoke(null, [v]))))
            // A lowercase name ("gemeente") is shown capitalised or inside a sentence; one resx cannot hold both spellings.
            .Where(n => !string.IsNullOrEmpty(n.Dutch) && !english.ContainsKey(n.Dutch) && !english.ContainsKey(char.ToUpperInvariant(n.Dutch[0]) + n.Dutch[1..]))
            .Select(n => $"  \"{n.Dutch}\"  ({n.Where})")
            .Distinct()
            .ToList();
        var phases = Enumerable.Range(Plusflat.Domain.Phases.PhaseNames.First, Plusflat.Domain.Phases.PhaseNames.Last + 1)
            .Select(Plusflat.Domain.Phases.PhaseNames.Of)
            .Where(name => !english.ContainsKey(name))
            .Select(name => $"  \"{name}\"  (PhaseNames.Of)");

        var all = missing.Concat(phases).ToList();
        Assert.True(all.Count == 0, $"{all.Count} Dutch name(s) of enum values without English translation:\n" + string.Join("\n", all));
    }

    /// <summary>Static string methods over an enum that give codes or keys for the API and storage, not Dutch words.</summary>
    private static readonly HashSet<string> CodesNotWords = ["Fields.AgreedBy", "Fields.AgreedOn", "Fields.Reference"];

    [Fact]
    public void SatelliteAssembly_HoldsTheResourcesUnderTheNameTheLocalizerLooksFor()
    {
        var satellite = typeof(SharedResource).Assembly.GetSatelliteAssembly(CultureInfo.GetCultureInfo("en"));

        Assert.Contains("Plusflat.Web.Resources.SharedResource.en.resources", satellite.GetManifestResourceNames());
    }

    [Fact]
    public void Localizer_InEnglish_TranslatesAndInDutch_ShowsTheKey()
    {
        var localizer = Localizer();

        var english = InCulture("en-GB", () => localizer["Uitloggen"]);
        var dutch = InCulture("nl-NL", () => localizer["Uitloggen"]);

        Assert.Equal("Sign out", english.Value);
        Assert.False(english.ResourceNotFound);
        Assert.Equal("Uitloggen", dutch.Value);
        Assert.Equal("Beheerder", InCulture("nl-NL", () => localizer[RoleNames.Of(TenantRole.TenantAdmin)].Value));
        Assert.Equal("Tenant admin", InCulture("en-GB", () => localizer[RoleNames.Of(TenantRole.TenantAdmin)].Value));
        Assert.Equal("3 complexes found", InCulture("en-GB", () => string.Format(CultureInfo.CurrentCulture, localizer["{0} wooncomplexen gevonden"], 3)));
    }

    [Fact]
    public void Localizer_InEnglish_FindsEveryTranslationInTheResxFile()
    {
        var localizer = Localizer();
        var english = EnglishTranslations();

        var unresolved = InCulture("en-GB", () => english.Where(t => localizer[t.Key].Value != t.Value).Select(t => t.Key).ToList());

        Assert.Empty(unresolved);
    }

    /// <summary>Every key the UI passes to the localizer, with where it is used.</summary>
    private static Dictionary<string, List<string>> UsedKeys()
    {
        var keys = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Add(string key, string where)
        {
            if (!keys.TryGetValue(key, out var places))
            {
                keys[key] = places = [];
            }

            places.Add(where);
        }

        foreach (var file in SourceFiles())
        {
            var text = File.ReadAllText(file);
            foreach (Match m in LocalizerKey().Matches(text))
            {
                var key = m.Groups["verbatim"].Success
                    ? m.Groups["verbatim"].Value.Replace("\"\"", "\"", StringComparison.Ordinal)
                    : Regex.Unescape(m.Groups["regular"].Value);
                Add(key, Where(file, text, m.Index));
            }
        }

        foreach (var label in NavigationLabels())
        {
            Add(label, nameof(NavigationLinks));
        }

        foreach (var role in Enum.GetValues<TenantRole>())
        {
            Add(RoleNames.Of(role), nameof(RoleNames));
        }

        foreach (var kind in Enum.GetValues<OrganisationKind>())
        {
            Add(OrganisationKindNames.Of(kind), nameof(OrganisationKindNames));
        }

        var noCriteriaMet = new CareProviderFacts(false, false, false, false, false, false, false, false);
        foreach (var criterion in noCriteriaMet.MissingHardCriteria)
        {
            Add(criterion, $"{nameof(CareProviderFacts)}.{nameof(CareProviderFacts.MissingHardCriteria)}");
        }

        return keys;
    }

    /// <summary>The labels and purposes of the main navigation (a private list of <see cref="NavigationLinks.Link"/>).</summary>
    private static List<string> NavigationLabels()
    {
        var labels = typeof(NavigationLinks)
            .GetFields(BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public)
            .Select(f => f.GetValue(null))
            .OfType<IEnumerable<NavigationLinks.Link>>()
            .SelectMany(links => links)
            .SelectMany(l => new[] { l.Label, l.Purpose })
            .ToList();
        Assert.NotEmpty(labels);
        return labels;
    }

    private static IEnumerable<string> SourceFiles()
    {
        string[] skipped = ["bin", "obj", "node_modules", "wwwroot"];
        return Directory.EnumerateFiles(WebProject, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .Where(f => !Path.GetRelativePath(WebProject, f).Split(Path.DirectorySeparatorChar).Intersect(skipped).Any())
            .Order(StringComparer.Ordinal);
    }

    private static Dictionary<string, string> EnglishTranslations()
    {
        Assert.True(File.Exists(EnglishResx), $"{EnglishResx} is missing.");
        // Ignoring case, as the build does (MSB3568): it would silently drop the second entry.
        var translations = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var data in XDocument.Load(EnglishResx).Root!.Elements("data"))
        {
            var name = (string)data.Attribute("name")!;
            Assert.False(translations.ContainsKey(name), $"Duplicate key (ignoring case) in SharedResource.en.resx: \"{name}\"");
            translations[name] = (string?)data.Element("value") ?? "";
        }

        return new Dictionary<string, string>(translations, StringComparer.Ordinal);
    }

    private static string CaseClashHint(string key, IEnumerable<string> translated) =>
        translated.FirstOrDefault(t => string.Equals(t, key, StringComparison.OrdinalIgnoreCase)) is { } other
            ? $" — differs only in case from translated \"{other}\", see {nameof(Keys_DoNotDifferOnlyInCase)}"
            : "";

    private static HashSet<string> PlaceholdersOf(string text) =>
        Placeholder().Matches(text).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);

    /// <summary>The localizer the app uses, built as AddLocalization(ResourcesPath = "Resources") builds it.</summary>
    private static IStringLocalizer Localizer() =>
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance)
            .Create(typeof(SharedResource));

    private static T InCulture<T>(string culture, Func<T> action)
    {
        var (previous, previousUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            return action();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (previous, previousUi);
        }
    }

    private static string Where(string file, string text, int index) =>
        $"{Path.GetRelativePath(RepositoryRoot, file)}:{text.AsSpan(0, index).Count('\n') + 1}";
}
