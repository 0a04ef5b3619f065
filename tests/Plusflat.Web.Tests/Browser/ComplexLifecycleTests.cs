using System.Globalization;
using Microsoft.Playwright;

namespace Plusflat.Web.Tests.Browser;

/// <summary>The programme lead's main flow in Chromium, on the interactive pages: one circuit from the overview to the detail page and back.</summary>
public sealed class ComplexLifecycleTests(PlusflatBrowserApp app) : BrowserTest(app)
{
    [Fact]
    public async Task Lead_CreatesComplexTicksPhaseZeroAdvancesAndSeesItCountedUnderPhaseOne()
    {
        await SignInAsync("lead@lltf-amsterdam.demo");
        await GotoAsync("/lltf-amsterdam/overzicht");
        var before = int.Parse(await Page.GetByTestId("phase-count-1").InnerTextAsync(), CultureInfo.InvariantCulture);
        var name = "Browserflat " + Guid.NewGuid().ToString("N")[..6];

        // In-circuit navigation from here on: the drawer, then the list's button.
        await Page.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdnavigatie" }).GetByRole(AriaRole.Link, new() { Name = "Wooncomplexen" }).ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Nieuw wooncomplex" }).ClickAsync();
        await Page.GetByLabel("Naam", new() { Exact = true }).FillAsync(name);
        await Page.GetByLabel("Adres", new() { Exact = true }).FillAsync(Plusflat.Web.Tests.Complexes.TestComplexes.UniqueAddress("Browserstraat"));
        await Page.GetByLabel("Postcode").FillAsync("1013 ab");
        await Page.GetByLabel("Stadsdeel / wijk").FillAsync("West");
        await Page.GetByLabel("Aantal woningen").FillAsync("0");
        await Page.GetByTestId("save").ClickAsync();

        // Bad input: a Dutch message at the field, focus there, the typed values kept.
        var dwellings = Page.Locator("[data-field='DwellingCount']").Locator("xpath=ancestor::div[contains(concat(' ', normalize-space(@class), ' '), ' mud-input-control ')][1]");
        await Assertions.Expect(dwellings.Locator(".mud-input-helper-text")).ToContainTextAsync("Het aantal woningen moet tussen 1 en 10.000 liggen.");
        // Focus moved to the first marked field (the document's active element; a headless page need not have window focus).
        await Page.WaitForFunctionAsync("() => document.activeElement?.dataset.field === 'DwellingCount'");
        await Assertions.Expect(Page.GetByLabel("Naam", new() { Exact = true })).ToHaveValueAsync(name);
        await ScreenshotAsync("complex-form-error");

        await Page.GetByLabel("Aantal woningen").FillAsync("140");
        await Page.GetByTestId("save").ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(name);
        await Assertions.Expect(Page.GetByText("Wooncomplex opgeslagen.")).ToBeVisibleAsync();

        await Page.GetByRole(AriaRole.Tab, new() { Name = "Fase en checklist" }).ClickAsync();
        while (await Page.GetByTestId("tick").CountAsync() > 0)
        {
            var open = await Page.GetByTestId("tick").CountAsync();
            await Page.GetByTestId("tick").First.ClickAsync();
            await Page.GetByTestId("tick-save").ClickAsync();
            await Assertions.Expect(Page.GetByTestId("tick")).ToHaveCountAsync(open - 1);
        }

        await Assertions.Expect(Page.GetByTestId("phase-progress")).ToHaveTextAsync("2 van 2 punten van deze fase afgevinkt");
        await ScreenshotAsync("complex-detail");
        await Page.GetByTestId("advance").ClickAsync();
        await Page.GetByTestId("phase-save").ClickAsync();
        await Assertions.Expect(Page.GetByTestId("current-phase")).ToHaveTextAsync("Fase 1 — Verkennen samenwerking");
        await Page.GetByRole(AriaRole.Tab, new() { Name = "Tijdlijn" }).ClickAsync();
        await Assertions.Expect(Page.GetByTestId("timeline").Locator("li").First).ToContainTextAsync("fase 1");

        await Page.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdnavigatie" }).GetByRole(AriaRole.Link, new() { Name = "Programma-overzicht" }).ClickAsync();
        await Assertions.Expect(Page.GetByTestId("phase-count-1")).ToHaveTextAsync((before + 1).ToString(CultureInfo.InvariantCulture));
        await ScreenshotAsync("overview");

        // The phase links to the filtered list, where the new complex is.
        await Page.GetByTestId("phase-link-1").ClickAsync();
        await Page.WaitForURLAsync(url => url.EndsWith("/complexen?fase=1", StringComparison.Ordinal));
        await Assertions.Expect(Page.GetByRole(AriaRole.Link, new() { Name = name })).ToBeVisibleAsync();
        await ScreenshotAsync("complexes");
    }
}
