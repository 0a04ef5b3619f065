using Microsoft.Playwright;

namespace Plusflat.Web.Tests.Browser;

/// <summary>The complexes list in Chromium: the grid follows the URL inside the circuit (a link or the back button).</summary>
public sealed class ComplexListBrowserTests(PlusflatBrowserApp app) : BrowserTest(app)
{
    [Fact]
    public async Task List_QueryChangesInsideTheCircuit_TheGridFollowsAndBackRestoresTheView()
    {
        await SignInAsync("lead@lltf-amsterdam.demo");
        var town = "Testdorp" + Guid.NewGuid().ToString("N")[..8];
        foreach (var (name, dwellings) in new[] { ($"Alfa {town}", 150), ($"Bravo {town}", 90), ($"Charlie {town}", 300) })
        {
            var created = await Page.APIRequest.PostAsync("/api/v1/lltf-amsterdam/complexes", new()
            {
                DataObject = new { name, address = "Teststraat 1", postcode = "1011 AB", municipality = town, dwellingCount = dwellings },
            });
            Assert.True(created.Ok, await created.TextAsync());
        }

        await GotoAsync($"/lltf-amsterdam/complexen?gemeente={town}&sorteer=woningen&richting=af");
        var names = Page.Locator("tbody tr td[data-label=Naam] a");
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
