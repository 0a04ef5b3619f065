using Microsoft.Playwright;

namespace Plusflat.Web.Tests.Browser;

public sealed class ComplexLifecycleTests(PlusflatBrowserApp app) : BrowserTest(app)
{
    [Fact]
    public async Task Lead_CreatesComplexTicksPhaseZeroAdvancesAndSeesItCountedUnderPhaseOne()
    {
        await SignInAsync("lead@lltf-amsterdam.demo");
        await Page.GotoAsync("/lltf-amsterdam/overzicht");
        var before = int.Parse(await Page.GetByTestId("phase-count-1").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
        var name = "Browserflat " + Guid.NewGuid().ToString("N")[..6];

        await Page.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdnavigatie" }).GetByRole(AriaRole.Link, new() { Name = "Wooncomplexen" }).ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Nieuw wooncomplex" }).ClickAsync();
        await Page.GetByRole(AriaRole.Textbox, new() { Name = "Naam", Exact = true }).FillAsync(name);
        await Page.GetByRole(AriaRole.Textbox, new() { Name = "Adres", Exact = true }).FillAsync("Browserstraat 10");
        await Page.GetByLabel("Postcode").FillAsync("1013 ab");
        await Page.GetByLabel("Stadsdeel / wijk").FillAsync("West");
        await Page.GetByLabel("Aantal woningen").FillAsync("0");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();

        // Bad input: a Dutch message at the field and the typed values kept.
        await Assertions.Expect(Page.GetByText("Het aantal woningen moet tussen 1 en 10.000 liggen.")).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Textbox, new() { Name = "Naam", Exact = true })).ToHaveValueAsync(name);
        await ScreenshotAsync("complex-form-error");

        await Page.GetByLabel("Aantal woningen").FillAsync("140");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(name);
        await Assertions.Expect(Page.GetByText("Wooncomplex opgeslagen.")).ToBeVisibleAsync();

        while (await Page.Locator("#punt option[value]:not([value=''])").CountAsync() > 0)
        {
            var value = await Page.Locator("#punt option[value]:not([value=''])").First.GetAttributeAsync("value");
            await Page.GetByRole(AriaRole.Combobox, new() { Name = "Punt", Exact = true }).First.SelectOptionAsync(value!);
            await Page.GetByRole(AriaRole.Button, new() { Name = "Afvinken", Exact = true }).ClickAsync();
            await Assertions.Expect(Page.GetByText("Punt afgevinkt.")).ToBeVisibleAsync();
        }

        await Assertions.Expect(Page.GetByTestId("phase-progress")).ToHaveTextAsync("2 van 2 punten van deze fase afgevinkt");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Naar volgende fase" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Fase 1 — Verkennen samenwerking" })).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByTestId("timeline")).ToContainTextAsync("Van fase 0 (Programma opzet) naar fase 1 (Verkennen samenwerking)");
        await ScreenshotAsync("complex-detail");

        await Page.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdnavigatie" }).GetByRole(AriaRole.Link, new() { Name = "Programma-overzicht" }).ClickAsync();
        await Assertions.Expect(Page.GetByTestId("phase-count-1")).ToHaveTextAsync((before + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(Page.GetByTestId("phase-1").GetByRole(AriaRole.Link, new() { Name = name })).ToBeVisibleAsync();
        await ScreenshotAsync("overview");
    }
}
