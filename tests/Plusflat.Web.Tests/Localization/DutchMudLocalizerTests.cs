using System.Globalization;
using Plusflat.Web.Localization;

namespace Plusflat.Web.Tests.Localization;

/// <summary>MudBlazor's own texts: Dutch for the Dutch UI, MudBlazor's built-in English (not found here) with English selected.</summary>
public sealed class DutchMudLocalizerTests
{
    [Theory]
    [InlineData("nl-NL", "MudDataGridPager_RowsPerPage", "Rijen per pagina:", false)]
    [InlineData("nl-NL", "Converter_InvalidNumber", "Dit is geen getal. Vul een getal in, bijvoorbeeld 1250,50.", false)]
    [InlineData("en-GB", "MudDataGridPager_RowsPerPage", "MudDataGridPager_RowsPerPage", true)]
    [InlineData("nl-NL", "Unknown_Key", "Unknown_Key", true)]
    public void Text_PerCulture(string culture, string key, string expected, bool notFound)
    {
        var text = InCulture(culture, () => new DutchMudLocalizer()[key]);

        Assert.Equal((expected, notFound), (text.Value, text.ResourceNotFound));
    }

    [Fact]
    public void TextWithValues_FillsThem()
    {
        Assert.Equal("26-27 van 27", InCulture("nl-NL", () => new DutchMudLocalizer()["MudDataGridPager_InfoFormat", 26, 27, 27].Value));
    }

    [Fact]
    public void EveryKey_IsOneMudBlazorHas()
    {
        const System.Reflection.BindingFlags Static = System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic;
        var resource = typeof(MudBlazor.MudLocalizer).Assembly.GetType("MudBlazor.Resources.LanguageResource")!;
        var known = resource.GetFields(Static).Select(f => f.Name).Concat(resource.GetProperties(Static).Select(p => p.Name)).ToHashSet();

        Assert.NotEmpty(known);
        Assert.DoesNotContain(DutchMudLocalizer.Dutch.Keys, k => !known.Contains(k));
    }

    private static T InCulture<T>(string culture, Func<T> action)
    {
        var (c, ui) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            return action();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (c, ui);
        }
    }
}
