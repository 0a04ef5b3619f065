using Plusflat.Domain.Common;
using Plusflat.Domain.Monitoring;
using static Plusflat.Domain.Tests.TestData;

namespace Plusflat.Domain.Tests.Monitoring;

public class IndicatorCatalogueTests
{
    [Fact]
    public void CreateDefault_IsVersionOneWithAnnexAsIndicators()
    {
        var catalogue = IndicatorCatalogue.CreateDefault(TenantId, Now);

        Assert.Equal(1, catalogue.Version);
        Assert.Equal(TenantId, catalogue.TenantId);
        Assert.Equal(["wlz-instroom", "huisartsbezoeken", "acute-zorg", "valincidenten", "mentaal-welzijn", "team-verzuim", "team-verloop"],
            catalogue.Indicators.Select(i => i.Key));
        Assert.All(catalogue.Indicators, i =>
        {
            Assert.False(string.IsNullOrWhiteSpace(i.Unit));
            Assert.False(string.IsNullOrWhiteSpace(i.Definition));
            Assert.False(string.IsNullOrWhiteSpace(i.Source));
        });
    }

    [Fact]
    public void CreateDefault_OnlyWellBeingIsHigherIsBetter()
    {
        var catalogue = IndicatorCatalogue.CreateDefault(TenantId, Now);

        Assert.Equal(["mentaal-welzijn"], catalogue.Indicators.Where(i => i.Direction == IndicatorDirection.HigherIsBetter).Select(i => i.Key));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(9)]
    public void Constructor_FewerThanThreeOrMoreThanEight_IsRefused(int count)
    {
        var indicators = Enumerable.Range(1, count).Select(n => Indicator($"ind-{n}"));

        var ex = Assert.Throws<DomainException>(() => new IndicatorCatalogue(TenantId, 1, "Test", indicators, Now));

        Assert.Contains(ex.Errors, e => e.Field == "Indicators" && e.Message.Contains($"niet {count}", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(8)]
    public void Constructor_ThreeToEight_IsAccepted(int count) =>
        Assert.Equal(count, new IndicatorCatalogue(TenantId, 1, "Test", Enumerable.Range(1, count).Select(n => Indicator($"ind-{n}")), Now).Indicators.Count);

    [Fact]
    public void Constructor_DuplicateKeyBadKeyEmptyRangeAndMissingSource_AreAllNamed()
    {
        Indicator[] indicators = [Indicator("a"), Indicator("a"), Indicator("Hoofd Letter"), Indicator("leeg") with { Minimum = 5, Maximum = 5 }, Indicator("bron") with { Source = " " }];

        var ex = Assert.Throws<DomainException>(() => new IndicatorCatalogue(TenantId, 1, "Test", indicators, Now));

        Assert.Contains(ex.Errors, e => e.Message.Contains("'a' komt meer dan eens voor", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.Message.Contains("'Hoofd Letter' is ongeldig", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.Message.Contains("bereik van 'leeg' is leeg", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.Message.Contains("bron van 'bron'", StringComparison.Ordinal));
    }

    [Fact]
    public void Derive_IsTheNextVersion()
    {
        var first = IndicatorCatalogue.CreateDefault(TenantId, Now);

        var second = first.Derive("Amsterdam 2028", first.Indicators.Take(5), Now.AddDays(1));

        Assert.Equal(2, second.Version);
        Assert.Equal(5, second.Indicators.Count);
        Assert.Equal(7, first.Indicators.Count);
    }

    [Fact]
    public void Check_UnknownKeyDuplicateAndOutOfRange_EachAtItsField()
    {
        var catalogue = IndicatorCatalogue.CreateDefault(TenantId, Now);

        var ex = Assert.Throws<DomainException>(() => catalogue.Check(
            [new("bestaat-niet", 1m), new("wlz-instroom", 1m), new("wlz-instroom", 2m), new("mentaal-welzijn", 10.5m), new("team-verzuim", -0.1m), new("valincidenten", 1.234m)]));

        Assert.Collection(ex.Errors,
            e => Assert.Equal(("Values", "De indicator 'bestaat-niet' staat niet in de dataset (versie 1)."), (e.Field, e.Message)),
            e => Assert.Equal("Values[wlz-instroom]", e.Field),
            e => Assert.Equal(("Values[mentaal-welzijn]", "Eenzaamheid en mentaal welzijn: 10,5 ligt buiten het bereik 0 tot en met 10 (gemiddelde score 0–10)."), (e.Field, e.Message)),
            e => Assert.Equal("Values[team-verzuim]", e.Field),
            e => Assert.Equal(("Values[valincidenten]", "Valincidenten: geef hoogstens twee decimalen."), (e.Field, e.Message)));
    }

    [Fact]
    public void Check_TheBoundsThemselves_AreAllowed()
    {
        var catalogue = IndicatorCatalogue.CreateDefault(TenantId, Now);

        catalogue.Check([new("mentaal-welzijn", 0m), new("team-verzuim", 100m), new("valincidenten", 12.25m)]);
    }

    [Theory]
    [InlineData("wlz-instroom", "wlz-instroom")]
    [InlineData("WLZ-Instroom", "wlz-instroom")]
    [InlineData(" valincidenten ", "valincidenten")]
    [InlineData("huisartsbezoeken", "huisartsbezoeken")]
    [InlineData("Huisartsbezoeken", "huisartsbezoeken")]
    [InlineData("verzuim flatteam", "team-verzuim")]
    public void FindByKeyOrName_KeyOrNameIgnoringCase(string text, string key) =>
        Assert.Equal(key, IndicatorCatalogue.CreateDefault(TenantId, Now).FindByKeyOrName(text)?.Key);

    [Fact]
    public void FindByKeyOrName_Unknown_IsNull() => Assert.Null(IndicatorCatalogue.CreateDefault(TenantId, Now).FindByKeyOrName("bezoekers"));

    private static Indicator Indicator(string key) =>
        new(key, "Naam " + key, "aantal", IndicatorDirection.LowerIsBetter, "Definitie", "Bron", 0m, 100m);
}
