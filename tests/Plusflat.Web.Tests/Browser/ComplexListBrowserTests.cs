using Microsoft.Playwright;

namespace Plusflat.Web.Tests.Browser;

/// <summary>The complexes list in Chromium: the grid follows the URL inside the circuit (a link or the back button).</summary>
public sealed class ComplexListBrowserTests(PlusflatBrowserApp app) : BrowserTest(app)
{
    private async Task CreateAsync(string town, params (string Name, int Dwellings)[] complexes)
    {
        foreach (var (name, dwellings) in complexes)
        {
            var created = await Page.APIRequest.PostAsync("/api/v1/lltf-amsterdam/complexes", new()
            {
                DataObject = new { name, address = Complexes.TestComplexes.UniqueAddress("Teststraat"), postcode = "1011 AB", municipality = town, dwellingCount = dwellings },
            });
            Assert.True(created.Ok, await created.TextAsync());
        }
    }

    private ILocator Names => Page.Locator("tbody tr td[data-label=Naam] a");

    [Fact]
    public async Task List_FilterAndSortFromTheQueryString_ShowsThatSelectionInThatOrder()
    {
        await SignInAsync("lead@lltf-amsterdam.demo");
        var town = "Testdorp" + Guid.NewGuid().ToString("N")[..8];
        await CreateAsync(town, ($"Alfa {town}", 150), ($"Bravo {town}", 90), ($"Charlie {town}", 300));

        await GotoAsync($"/lltf-amsterdam/complexen?gemeente={town}&sorteer=woningen&richting=af");

        await Assertions.Expect(Names).ToHaveTextAsync([$"Charlie {town}", $"Alfa {town}", $"Bravo {town}"]);
        await Assertions.Expect(Page.GetByTestId("complex-count")).ToHaveTextAsync("3 wooncomplexen gevonden");
        await Assertions.Expect(Page.Locator("th", new() { HasText = "Woningen" })).ToHaveAttributeAsync("aria-sort", "descending");
    }

    [Fact]
    public async Task List_PageFromTheQueryString_ShowsThatPage()
    {
        await SignInAsync("lead@lltf-amsterdam.demo");
        var town = "Testdorp" + Guid.NewGuid().ToString("N")[..8];
        await CreateAsync(town, [.. Enumerable.Range(1, 27).Select(i => ($"Flat {i:D2} {town}", 100 + i))]);

        await GotoAsync($"/lltf-amsterdam/complexen?gemeente={town}&pagina=2");

        await Assertions.Expect(Names).ToHaveTextAsync([$"Flat 26 {town}", $"Flat 27 {town}"]);
        await Assertions.Expect(Page.GetByTestId("complex-count")).ToHaveTextAsync("27 wooncomplexen gevonden");
        // MudBlazor's own pager texts are Dutch too (DutchMudLocalizer), never its built-in English.
        await Assertions.Expect(Page.Locator(".mud-table-pagination-caption").Last).ToHaveTextAsync("26-27 van 27");
        await Assertions.Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Vorige pagina" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task List_QueryChangesInsideTheCircuit_TheGridFollowsAndBackRestoresTheView()
    {
        await SignInAsync("lead@lltf-amsterdam.demo");
        var town = "Testdorp" + Guid.NewGuid().ToString("N")[..8];
        await CreateAsync(town, ($"Alfa {town}", 150), ($"Bravo {town}", 90), ($"Charlie {town}", 300));

        await GotoAsync($"/lltf-amsterdam/complexen?gemeente={town}&sorteer=woningen&richting=af");
        var names = Names;
        await Assertions.Expect(names).ToHaveTextAsync([$"Charlie {town}", $"Alfa {town}", $"Bravo {town}"]);

        // A link inside the circuit: same page component, another query.
        await Page.EvaluateAsync("url => Blazor.navigateTo(url)", $"/lltf-amsterdam/complexen?gemeente={town}&zoek=Bravo");
        await Assertions.Expect(names).ToHaveTextAsync([$"Bravo {town}"]);
        await Assertions.Expect(Page.GetByTestId("complex-count")).ToHaveTextAsync("1 wooncomplex gevonden");

        // The back button gives the previous view again.
        await Page.GoBackAsync();
        await Assertions.Expect(names).ToHaveTextAsync([$"Charlie {town}", $"Alfa {town}", $"Bravo {town}"]);
    }

    [Fact]
    public async Task List_NothingMatches_ShowsTheEmptyStateWithAWayOut()
    {
        await SignInAsync("lead@lltf-amsterdam.demo");

        await GotoAsync("/lltf-amsterdam/complexen?gemeente=Nergensdorp" + Guid.NewGuid().ToString("N")[..6]);

        await Assertions.Expect(Page.GetByTestId("empty-state")).ToHaveTextAsync("Geen wooncomplexen gevonden. Pas de filters aan of wis ze.");
        await Assertions.Expect(Page.GetByTestId("complex-count")).ToHaveTextAsync("0 wooncomplexen gevonden");
        await Assertions.Expect(Page.GetByTestId("clear-filters")).ToHaveAttributeAsync("href", "/lltf-amsterdam/complexen");
    }
}
