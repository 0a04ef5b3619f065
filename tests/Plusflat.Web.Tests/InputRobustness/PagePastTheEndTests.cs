using System.Text.Json;
using Microsoft.Playwright;

namespace Plusflat.Web.Tests.InputRobustness;

/// <summary>A page number past the end of the complexes list (an old bookmark, a hand-edited URL) shows the last page.</summary>
public sealed class PagePastTheEndTests(PlusflatBrowserApp app) : BrowserTest(app)
{
    private ILocator Names => Page.Locator("tbody tr td[data-label=Naam] a");

    private async Task<string> TownWith27ComplexesAsync()
    {
        var town = "Pagdorp" + Guid.NewGuid().ToString("N")[..8];
        foreach (var i in Enumerable.Range(1, 27))
        {
            var created = await Page.APIRequest.PostAsync("/api/v1/lltf-amsterdam/complexes", new()
            {
                DataObject = new { name = $"Flat {i:D2} {town}", address = Plusflat.Web.Tests.Complexes.TestComplexes.UniqueAddress("Teststraat"), postcode = "1011 AB", municipality = town, dwellingCount = 100 + i },
            });
            Assert.True(created.Ok, await created.TextAsync());
        }

        return town;
    }

    [Fact]
    public async Task List_PagePastTheEndInTheUrl_ShowsTheLastPageAndCorrectsTheUrl()
    {
        await SignInAsync("lead@lltf-amsterdam.demo");
        var town = await TownWith27ComplexesAsync();

        await GotoAsync($"/lltf-amsterdam/complexen?gemeente={town}&pagina=9");

        await Assertions.Expect(Names).ToHaveTextAsync([$"Flat 26 {town}", $"Flat 27 {town}"]);
        await Assertions.Expect(Page.GetByTestId("complex-count")).ToHaveTextAsync("27 wooncomplexen gevonden");
        await Assertions.Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("pagina=2$"));
    }

    [Fact]
    public async Task List_PagePastTheEndInsideTheCircuit_ShowsTheLastPage()
    {
        await SignInAsync("lead@lltf-amsterdam.demo");
        var town = await TownWith27ComplexesAsync();
        await GotoAsync($"/lltf-amsterdam/complexen?gemeente={town}");
        await Assertions.Expect(Names).ToHaveCountAsync(25);

        await Page.EvaluateAsync("url => Blazor.navigateTo(url)", $"/lltf-amsterdam/complexen?gemeente={town}&pagina=40");

        await Assertions.Expect(Names).ToHaveTextAsync([$"Flat 26 {town}", $"Flat 27 {town}"]);
        await Assertions.Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("pagina=2$"));
    }

    [Fact]
    public async Task ListApi_PagePastTheEnd_ReturnsTheLastPage()
    {
        await SignInAsync("lead@lltf-amsterdam.demo");
        var town = await TownWith27ComplexesAsync();

        var response = await Page.APIRequest.GetAsync($"/api/v1/lltf-amsterdam/complexes?municipality={town}&page=99");

        var list = JsonDocument.Parse(await response.TextAsync()).RootElement;
        Assert.Equal(2, list.GetProperty("page").GetInt32());
        Assert.Equal(27, list.GetProperty("totalCount").GetInt32());
        Assert.Equal(new[] { $"Flat 26 {town}", $"Flat 27 {town}" }, list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString() ?? "").ToArray());
    }
}
