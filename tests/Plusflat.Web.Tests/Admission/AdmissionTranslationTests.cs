using System.Text.RegularExpressions;
using System.Xml.Linq;
using Plusflat.Domain.Admission;

namespace Plusflat.Web.Tests.Admission;

/// <summary>
/// The gate's reasons are Dutch formats from the domain (no L["..."] literal the translation scan could find): each
/// needs an English entry with the same placeholders, or the English page would show a Dutch sentence.
/// </summary>
public sealed partial class AdmissionTranslationTests
{
    [GeneratedRegex("""\{\d+\}""")]
    private static partial Regex Placeholder();

    public static TheoryData<string> Texts()
    {
        var data = new TheoryData<string>();
        foreach (var text in AdmissionReasons.All.Concat(["Eenzaamheid", "Leefbaarheidsdruk", "Gemiste vroegsignalering", "Zorgconcentratie of kwetsbaarheid"]))
        {
            data.Add(text);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void ReasonTemplate_HasAnEnglishEntryWithTheSamePlaceholders(string dutch)
    {
        var english = English();

        Assert.True(english.TryGetValue(dutch, out var text) && !string.IsNullOrWhiteSpace(text), $"No English entry for \"{dutch}\"");
        Assert.NotEqual(dutch, text);
        Assert.Equal(Placeholder().Matches(dutch).Select(m => m.Value).Order(), Placeholder().Matches(text!).Select(m => m.Value).Order());
    }

    private static Dictionary<string, string> English()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Plusflat.sln")))
        {
            dir = dir.Parent;
        }

        var resx = Path.Combine(dir!.FullName, "src", "Plusflat.Web", "Resources", "SharedResource.en.resx");
        return XDocument.Load(resx).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "", StringComparer.Ordinal);
    }
}
