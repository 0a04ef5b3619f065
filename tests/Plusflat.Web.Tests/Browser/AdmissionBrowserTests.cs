using Microsoft.Playwright;
using Plusflat.Web.Tests.Admission;

namespace Plusflat.Web.Tests.Browser;

/// <summary>The admission gate in Chromium: the lead records a passing gate, sees it passed, changes one fact and sees it fail with that fact named.</summary>
public sealed class AdmissionBrowserTests(PlusflatBrowserApp app) : BrowserTest(app)
{
    [Fact]
    public async Task Lead_RecordsAPassingGateThenOneFactMakesItFailWithTheReasonNamed()
    {
        var name = "Poortbrowserflat " + Guid.NewGuid().ToString("N")[..6];
        var id = await App.ComplexAsync(120, name);
        await SignInAsync(AdmissionTestData.Lead);
        await GotoAsync($"/lltf-amsterdam/complexen/{id}");

        await Page.GetByTestId("admission-link").ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Toelatingspoort: {name}");
        await Assertions.Expect(Page.GetByTestId("gate-result")).ToContainTextAsync("Niet door de toelatingspoort");

        await Page.GetByLabel("Gezamenlijke entree of duidelijk begrensd cluster").CheckAsync();
        await Page.GetByLabel("Onderbouwing concentratie").FillAsync("Eén gebouw met één entree");
        await Page.GetByLabel("Eenzaamheid", new() { Exact = true }).FillAsync("Veel alleenstaande ouderen");
        foreach (var (party, day) in new[] { ("Gemeente", "03-02-2025"), ("Woningcorporatie", "04-02-2025"), ("Zorgaanbieder", "05-02-2025") })
        {
            await Page.GetByLabel($"{party}: ingestemd door").FillAsync("Namens " + party);
            var date = Page.GetByLabel($"{party}: datum van instemming");
            await date.FillAsync(day);
            await date.PressAsync("Enter");
            await Page.GetByLabel($"{party}: kenmerk").FillAsync("KEN-" + party);
        }

        await Page.GetByTestId("save").ClickAsync();

        await Assertions.Expect(Page.GetByTestId("gate-result")).ToHaveAttributeAsync("data-passed", "true");
        await Assertions.Expect(Page.GetByTestId("gate-result")).ToContainTextAsync("Door de toelatingspoort");
        await Assertions.Expect(Page.GetByText("Vastgelegd: door de toelatingspoort.")).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByTestId("threshold-governance").GetByTestId("threshold-status")).ToHaveTextAsync("Gehaald");
        await ScreenshotAsync("admission-passed");

        await Page.GetByLabel("Gezamenlijke entree of duidelijk begrensd cluster").UncheckAsync();
        await Page.GetByTestId("save").ClickAsync();

        await Assertions.Expect(Page.GetByTestId("gate-result")).ToHaveAttributeAsync("data-passed", "false");
        await Assertions.Expect(Page.GetByTestId("gate-result")).ToContainTextAsync("Niet door de toelatingspoort: 1 van de 3 drempels niet gehaald.");
        var concentration = Page.GetByTestId("threshold-concentration");
        await Assertions.Expect(concentration.GetByTestId("threshold-status")).ToHaveTextAsync("Niet gehaald");
        await Assertions.Expect(concentration.Locator("[data-testid=reason][data-blocks=true]"))
            .ToHaveTextAsync("Niet gehaald: Er is geen gezamenlijke entree of duidelijk begrensd cluster vastgelegd: het gaat om geconcentreerd wonen, niet om een willekeurige straat.");
        await Assertions.Expect(Page.GetByTestId("threshold-need").GetByTestId("threshold-status")).ToHaveTextAsync("Gehaald");
        await Assertions.Expect(Page.GetByTestId("history").Locator("tbody tr")).ToHaveCountAsync(2);
        await ScreenshotAsync("admission-failed");
    }
}
