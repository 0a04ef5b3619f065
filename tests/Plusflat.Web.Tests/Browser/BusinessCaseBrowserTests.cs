using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Plusflat.Domain.BusinessCases;
using Plusflat.Web.Tests.Start;

namespace Plusflat.Web.Tests.Browser;

/// <summary>The lead's business case flow in Chromium: from the complex page, build a case from the template, change one amount, see the totals and the chart follow, save, freeze.</summary>
public sealed class BusinessCaseBrowserTests(PlusflatBrowserApp app) : BrowserTest(app)
{
    [Fact]
    public async Task Lead_BuildsCaseFromTemplate_ChangesOneAmount_SeesEveryDependentTotalAndTheChartChange_AndFreezes()
    {
        var complex = await App.InTenantAsync("lltf-amsterdam", db => db.Complexes
            .Where(c => !db.BusinessCases.Any(b => b.ComplexId == c.Id)).OrderBy(c => c.Name).Select(c => c.Id).FirstAsync());
        await SignInAsync("lead@lltf-amsterdam.demo");
        await GotoAsync($"/lltf-amsterdam/complexen/{complex}");

        await Page.GetByTestId("business-case-link").ClickAsync();
        await Assertions.Expect(Page.GetByTestId("business-case-empty")).ToBeVisibleAsync();
        await Page.GetByLabel("Eerste jaar").FillAsync("2027");
        await Page.GetByTestId("create-from-template").ClickAsync();

        await Assertions.Expect(Page.GetByTestId("total-costs")).ToHaveTextAsync("€ 418.600 (exclusief 6 PM-posten)");
        await Assertions.Expect(Page.GetByTestId("break-even")).ToHaveTextAsync("2029");
        var chart = Page.GetByTestId("cumulative-chart");
        var lineBefore = await chart.Locator("svg path").Last.GetAttributeAsync("d");
        var seriesBefore = await chart.GetAttributeAsync("data-series");
        await Assertions.Expect(chart).ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex("2029: € 13\\.332"));

        var staff2028 = Page.GetByTestId("cost-0-2028");
        await staff2028.FillAsync("80000");
        await staff2028.PressAsync("Tab");

        await Assertions.Expect(Page.GetByTestId("total-costs")).ToHaveTextAsync("€ 428.600 (exclusief 6 PM-posten)");
        await Assertions.Expect(Page.GetByTestId("row-costs").Locator("td").Nth(1)).ToHaveTextAsync("€ 106.450");
        await Assertions.Expect(Page.GetByTestId("row-net").Locator("td").Nth(1)).ToHaveTextAsync("€ 61.291");
        await Assertions.Expect(Page.GetByTestId("row-cumulative").Locator("td").Nth(2)).ToHaveTextAsync("€ 3.332");
        await Assertions.Expect(Page.GetByTestId("total-net")).ToHaveTextAsync("€ 74.623");
        await Assertions.Expect(Page.GetByTestId("ratio")).ToHaveTextAsync("1,17"); // 503,223 / 428,600
        await Assertions.Expect(chart).ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex("2029: € 3\\.332"));
        Assert.NotEqual(lineBefore, await chart.Locator("svg path").Last.GetAttributeAsync("d"));
        Assert.Equal("2027:-129250;2028:-67959;2029:3332;2030:74623", await chart.GetAttributeAsync("data-series"));
        Assert.NotEqual(seriesBefore, await chart.GetAttributeAsync("data-series"));
        await ScreenshotAsync("business-case-changed");

        await Page.GetByTestId("save").ClickAsync();
        await Assertions.Expect(Page.GetByText("Business case opgeslagen: positief.")).ToBeVisibleAsync();
        await Page.GetByLabel("Notitie bij de bevroren versie").FillAsync("Voor het zorgkantoor");
        await Page.GetByTestId("freeze").ClickAsync();

        await Assertions.Expect(Page.GetByTestId("version-row")).ToContainTextAsync("Voor het zorgkantoor");
        await Assertions.Expect(Page.GetByText("Versie 1 bevroren.")).ToBeVisibleAsync();
        // The print view of the frozen version: no app bar or drawer, the same numbers as the screen, and the chart.
        var screen = await Page.GetByTestId("row-cumulative").Locator("td").AllTextContentsAsync();
        var screenTotals = new[] { await Page.GetByTestId("total-costs").TextContentAsync(), await Page.GetByTestId("total-net").TextContentAsync() };
        var screenChart = await chart.GetAttributeAsync("aria-label");
        await Page.GetByTestId("version-print").ClickAsync();
        await Page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/businesscase/afdruk\\?versie=1$"));
        await Assertions.Expect(Page.GetByTestId("print-chart")).ToBeVisibleAsync();
        Assert.Equal(0, await Page.Locator(".mud-appbar, .mud-drawer").CountAsync());
        Assert.Equal(screen.Where(t => t.Length > 0).Select(t => t.Trim()), (await Page.GetByTestId("print-row-cumulative").Locator("td").AllTextContentsAsync()).Where(t => t.Length > 0).Select(t => t.Trim()));
        await Assertions.Expect(Page.GetByTestId("print-total-costs")).ToHaveTextAsync(screenTotals[0]!.Trim());
        await Assertions.Expect(Page.GetByTestId("print-total-net")).ToHaveTextAsync(screenTotals[1]!.Trim());
        await Assertions.Expect(Page.GetByTestId("print-chart")).ToHaveAttributeAsync("aria-label", screenChart!);
        await Assertions.Expect(Page.GetByTestId("print-chart")).ToHaveAttributeAsync("data-series", "2027:-129250;2028:-67959;2029:3332;2030:74623");
        await Page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(Page.GetByTestId("print-button")).ToBeHiddenAsync();
        await ScreenshotAsync("business-case-print");
        Assert.Empty(ConsoleErrors);
    }

    [Fact]
    public async Task Lead_TypesSomethingThatIsNotANumber_SeesItNamedAtTheField_TheTotalsStay_AndNothingIsSaved()
    {
        var complex = await App.InTenantAsync("lltf-amsterdam", db => db.Complexes
            .Where(c => !db.BusinessCases.Any(b => b.ComplexId == c.Id)).OrderBy(c => c.Name).Select(c => c.Id).FirstAsync());
        await App.InTenantAsync("lltf-amsterdam", db =>
        {
            db.BusinessCases.Add(new BusinessCase(db.CurrentTenantId!.Value, complex, BusinessCaseTemplate.Create(2027), Guid.CreateVersion7(), "Testopzet", DateTimeOffset.UtcNow));
            return db.SaveChangesAsync();
        });
        await SignInAsync("lead@lltf-amsterdam.demo");
        await GotoAsync($"/lltf-amsterdam/complexen/{complex}/businesscase");

        var staff2028 = Page.GetByTestId("cost-0-2028");
        await staff2028.FillAsync("veel");
        await staff2028.PressAsync("Tab");

        var field = Page.Locator(".mud-input-control").Filter(new() { Has = staff2028 });
        // While typing, MudBlazor marks the field itself (its own wording); the totals do not count it as 0.
        await Assertions.Expect(field.Locator(".mud-input-helper-text.mud-input-error")).Not.ToBeEmptyAsync();
        await Assertions.Expect(Page.GetByTestId("total-costs")).ToHaveTextAsync("€ 418.600 (exclusief 6 PM-posten)");

        await Page.GetByTestId("save").ClickAsync();

        await Assertions.Expect(Page.GetByTestId("form-errors")).ToContainTextAsync("(1)");
        await Assertions.Expect(field.Locator(".mud-input-helper-text.mud-input-error")).Not.ToBeEmptyAsync();
        var stored = await App.InTenantAsync("lltf-amsterdam", db => db.BusinessCases.AsNoTracking().Where(b => b.ComplexId == complex).Select(b => b.Plan).FirstAsync());
        Assert.Equal(418_600m, BusinessCaseCalculator.Compute(stored).TotalCosts);
        Assert.Empty(ConsoleErrors);
    }
}
