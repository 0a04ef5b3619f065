namespace Plusflat.Web.Tests.InputRobustness;

/// <summary>A 200-character name without a single space (pasted, or a long compound) wraps: no page scrolls sideways.</summary>
public sealed class LongNameBrowserTests(PlusflatBrowserApp app) : BrowserTest(app)
{
    [Fact]
    public async Task Pages_ComplexAndPartnerWith200CharacterNames_NeverScrollSideways()
    {
        await SignInAsync("lead@lltf-amsterdam.demo");
        var marker = Guid.NewGuid().ToString("N")[..8];
        var corporationName = ("Woningstichting" + marker + new string('w', 200))[..200];
        var complexName = ("Seniorenwooncomplex" + marker + new string('x', 200))[..200];
        var corporation = await Page.APIRequest.PostAsync("/api/v1/lltf-amsterdam/organisations", new()
        {
            DataObject = new { name = corporationName, kind = "HousingCorporation", contactName = "Contact" + new string('c', 150) },
        });
        Assert.True(corporation.Ok, await corporation.TextAsync());
        var corporationId = System.Text.Json.JsonDocument.Parse(await corporation.TextAsync()).RootElement.GetProperty("id").GetGuid();
        var complex = await Page.APIRequest.PostAsync("/api/v1/lltf-amsterdam/complexes", new()
        {
            DataObject = new
            {
                name = complexName, address = "Straat" + new string('s', 190), postcode = "1011 AB", municipality = "Amsterdam",
                district = "Wijk" + marker + new string('d', 80), dwellingCount = 30, housingCorporationId = corporationId,
            },
        });
        Assert.True(complex.Ok, await complex.TextAsync());
        var id = System.Text.Json.JsonDocument.Parse(await complex.TextAsync()).RootElement.GetProperty("id").GetGuid();

        // Each page with the element that shows the long name (or the form field holding it), once it is there.
        foreach (var (url, shown) in new[]
                 {
                     ($"/lltf-amsterdam/complexen?zoek={marker}", $"tbody td a:has-text('{marker}')"),
                     ($"/lltf-amsterdam/complexen/{id}", $"h1:has-text('{marker}')"),
                     ($"/lltf-amsterdam/complexen/{id}/bewerken", "input[data-field=Name]"),
                     ($"/lltf-amsterdam/organisaties?q={marker}", $"[data-testid=organisation-name]:has-text('{marker}')"),
                     ($"/lltf-amsterdam/organisaties/{corporationId}/bewerken", ".field-name input"),
                     ("/lltf-amsterdam/overzicht", "h1"),
                 })
        {
            await GotoAsync(url);
            await Microsoft.Playwright.Assertions.Expect(Page.Locator(shown).First).ToBeVisibleAsync();
            var (scroll, client) = await SizesAsync();
            Assert.True(scroll <= client, $"{url} scrolls sideways: scrollWidth {scroll} > clientWidth {client}; too wide: {await TooWideAsync()}");
        }
    }

    /// <summary>The innermost elements reaching past the window, to say in a failure what widens the page.</summary>
    private Task<string> TooWideAsync() => Page.EvaluateAsync<string>("""
        () => [...document.querySelectorAll('main *')]
            .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
            .filter(e => ![...e.children].some(c => c.getBoundingClientRect().right > document.documentElement.clientWidth + 1))
            .slice(0, 5).map(e => e.tagName.toLowerCase() + '.' + [...e.classList].join('.')).join(', ')
        """);

    private async Task<(int Scroll, int Client)> SizesAsync()
    {
        var sizes = await Page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        return (sizes[0], sizes[1]);
    }
}
