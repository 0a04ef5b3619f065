using Microsoft.Playwright;
using Plusflat.Domain.Standard;
using Plusflat.Web.Tests.Admission;

namespace Plusflat.Web.Tests.Browser;

/// <summary>
/// Eligibility for the label in Chromium: the lead records a passing gate and a full product standard, sees the complex
/// eligible (on its page and in the list filtered on the label), then marks one must "not met" and sees it not eligible
/// with that must named.
/// </summary>
public sealed class EligibilityBrowserTests(PlusflatBrowserApp app) : BrowserTest(app)
{
    private const string Tenant = "lltf-amsterdam";
    private const string Evidence = "Gezien bij het schouwen en in de samenwerkingsafspraken";
    private const string Must = "preventie-signaleringsoverleg";

    [Fact]
    public async Task Lead_RecordsAPassingGateAndAFullStandard_SeesItEligible_ThenOneMustNotMetNamesIt()
    {
        var name = "Labelbrowserflat " + Guid.NewGuid().ToString("N")[..6];
        var id = await App.ComplexAsync(120, name);
        await SignInAsync(AdmissionTestData.Lead);

        await GotoAsync($"/{Tenant}/complexen/{id}/toelating");
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

        await GotoAsync($"/{Tenant}/complexen/{id}/productstandaard");
        foreach (var item in StandardCatalogue.DefaultItems)
        {
            var status = Page.GetByTestId($"status-{item.Key}");
            await status.GetByText(item.Kind == StandardItemKind.Not ? "Is niet van toepassing" : "Voldaan", new() { Exact = true }).ClickAsync();
            if (item.Kind != StandardItemKind.Not)
            {
                await Page.GetByTestId($"evidence-{item.Key}").FillAsync(Evidence);
            }
        }

        await Page.GetByTestId("save-standard").ClickAsync();

        await Assertions.Expect(Page.GetByTestId("eligibility")).ToHaveTextAsync("Komt in aanmerking voor het Plusflat-label.");
        await Assertions.Expect(Page.GetByTestId("gate-status")).ToContainTextAsync("De toelatingspoort is gehaald.");
        await ScreenshotAsync("standard-eligible");

        await GotoAsync($"/{Tenant}/complexen?label=geschikt&zoek={Uri.EscapeDataString(name)}");
        await Assertions.Expect(Page.GetByTestId($"label-{id}")).ToHaveTextAsync("Geschikt");
        await Assertions.Expect(Page.GetByTestId($"gate-{id}")).ToHaveTextAsync("Door de poort");

        await GotoAsync($"/{Tenant}/complexen/{id}/productstandaard");
        await Page.GetByTestId($"status-{Must}").GetByText("Niet voldaan", new() { Exact = true }).ClickAsync();
        await Page.GetByTestId("save-standard").ClickAsync();

        await Assertions.Expect(Page.GetByTestId("eligibility")).ToHaveTextAsync("Komt (nog) niet in aanmerking voor het Plusflat-label.");
        await Assertions.Expect(Page.GetByTestId("missing-musts")).ToHaveTextAsync(StandardCatalogue.DefaultItems.Single(i => i.Key == Must).Text);
        await Assertions.Expect(Page.GetByTestId("standard-history").Locator("tbody tr")).ToHaveCountAsync(2);
        await ScreenshotAsync("standard-must-missing");

        await GotoAsync($"/{Tenant}/complexen?label=niet-geschikt&zoek={Uri.EscapeDataString(name)}");
        await Assertions.Expect(Page.GetByTestId($"label-{id}")).ToHaveTextAsync("Niet geschikt");
        await Assertions.Expect(Page.GetByTestId($"standard-{id}")).ToHaveTextAsync("1 must ontbreekt");
    }
}
