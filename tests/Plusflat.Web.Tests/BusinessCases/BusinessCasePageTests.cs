using AngleSharp.Dom;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Plusflat.Web.Features.BusinessCases;
using Plusflat.Web.Tests.Start;

namespace Plusflat.Web.Tests.BusinessCases;

/// <summary>The business case page with the real handlers on real PostgreSQL: create from the template, live totals, marked fields, freeze, read-only roles.</summary>
public sealed class BusinessCasePageTests(PlusflatApp app) : ComponentTest(app)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(40);

    private const string Tenant = "lltf-amsterdam";

    [Fact]
    public async Task Create_FromTemplate_ShowsTheTotalsComputedFromTheReferenceLines()
    {
        Dutch();
        await SignInAsync("lead@lltf-amsterdam.demo", Tenant);
        var id = await ComplexWithoutCaseAsync();
        var page = Render(id, "[data-testid=business-case-empty]");
        page.Find("[data-testid=create-first-year]").Change("2027");

        page.Find("[data-testid=create-from-template]").Click();

        page.WaitForAssertion(() => Assert.Equal("€ 418.600 (exclusief 6 PM-posten)", page.Find("[data-testid=total-costs]").TextContent.Trim()), Wait);
        Assert.Equal("€ 503.223 (exclusief 6 PM-posten)", page.Find("[data-testid=total-benefits]").TextContent.Trim());
        Assert.Equal("€ 84.623", page.Find("[data-testid=total-net]").TextContent.Trim());
        Assert.Equal("1,20", page.Find("[data-testid=ratio]").TextContent.Trim());
        Assert.Equal("2029", page.Find("[data-testid=break-even]").TextContent.Trim());
        Assert.Contains("Positieve business case", page.Find("[data-testid=positive]").TextContent, StringComparison.Ordinal);
        Assert.Equal(["€ -129.250", "€ -57.959", "€ 13.332", "€ 84.623"], Cells(page, "row-cumulative").Take(4));
        Assert.Contains("Bijdrage aan de exploitatie van de ontmoetingsruimte (PM)", page.Find("[data-testid=pm-items]").TextContent, StringComparison.Ordinal);
        Snackbars.WaitForAssertion(() => Assert.Contains("Business case gemaakt", Snackbars.Markup, StringComparison.Ordinal), Wait);
        Assert.Equal(1, await App.InTenantAsync(Tenant, db => db.BusinessCases.CountAsync(b => b.ComplexId == id)));
    }

    [Fact]
    public async Task ChangeOneAmount_RecomputesEveryDependentTotalAndTheChart_ThenSaves()
    {
        Dutch();
        await SignInAsync("lead@lltf-amsterdam.demo", Tenant);
        var id = await CaseAsync();
        var page = Render(id);
        var chartBefore = page.Find("[data-testid=cumulative-chart]").GetAttribute("aria-label");

        page.Find("[data-testid='cost-0-2028']").Change("80000");

        page.WaitForAssertion(() => Assert.Equal("€ 428.600 (exclusief 6 PM-posten)", page.Find("[data-testid=total-costs]").TextContent.Trim()), Wait);
        Assert.Equal(["€ 129.250", "€ 106.450", "€ 96.450", "€ 96.450", "€ 428.600"], Cells(page, "row-costs"));
        Assert.Equal(["€ -129.250", "€ -67.959", "€ 3.332", "€ 74.623"], Cells(page, "row-cumulative").Take(4));
        Assert.Equal("€ 74.623", page.Find("[data-testid=total-net]").TextContent.Trim());
        var chartAfter = page.Find("[data-testid=cumulative-chart]").GetAttribute("aria-label");
        Assert.NotEqual(chartBefore, chartAfter);
        Assert.Contains("2029: € 3.332", chartAfter, StringComparison.Ordinal);
        Assert.Equal("2027:-129250;2028:-67959;2029:3332;2030:74623", page.Find("[data-testid=cumulative-chart]").GetAttribute("data-series"));
        // Where the benefits land, per year: Wmo gets 94,916 of 167,741 from 2028 on (56.6 %), nothing in 2027.
        Assert.Equal(["€ 0 (—)", "€ 94.916 (56,6 %)", "€ 94.916 (56,6 %)", "€ 94.916 (56,6 %)"], Cells(page, "gains-Wmo"));
        Assert.EndsWith($"/complexen/{id}/businesscase/afdruk", page.Find("[data-testid=print-link]").GetAttribute("href"), StringComparison.Ordinal);
        Assert.NotNull(page.Find("[data-testid=unsaved]"));
        Assert.Equal(418_600m, await StoredTotalAsync(id)); // nothing saved yet

        page.Find("[data-testid=save]").Click();

        Snackbars.WaitForAssertion(() => Assert.Contains("Business case opgeslagen: positief.", Snackbars.Markup, StringComparison.Ordinal), Wait);
        Assert.Equal(428_600m, await StoredTotalAsync(id));
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=unsaved]")), Wait);
    }

    [Fact]
    public async Task Save_NegativeAmountAndSharesAboveHundred_MarksEachFieldKeepsTheInputAndSavesNothing()
    {
        Dutch();
        await SignInAsync("lead@lltf-amsterdam.demo", Tenant);
        var id = await CaseAsync();
        var page = Render(id);
        page.Find("[data-testid='cost-1-2027']").Change("-5");
        page.Find("[data-testid='share-ZorgkantoorDos-2027']").Change("60");
        page.Find("[data-testid='share-InsurerZvw-2027']").Change("50");

        page.Find("[data-testid=save]").Click();

        page.WaitForAssertion(() => Assert.Equal("Een bedrag kan niet negatief zijn.", MudFieldLookup.ErrorAt(page.Find("[data-testid='cost-1-2027']"))), Wait);
        Assert.Equal("In 2027 is samen 110 % verdeeld; dat mag hoogstens 100 % zijn.", MudFieldLookup.ErrorAt(page.Find("[data-testid='share-ZorgkantoorDos-2027']")));
        Assert.Equal("In 2027 is samen 110 % verdeeld; dat mag hoogstens 100 % zijn.", MudFieldLookup.ErrorAt(page.Find("[data-testid='share-InsurerZvw-2027']")));
        Assert.Null(MudFieldLookup.ErrorAt(page.Find("[data-testid='share-ZorgkantoorDos-2028']")));
        Assert.Null(MudFieldLookup.ErrorAt(page.Find("[data-testid='cost-0-2027']")));
        Assert.Equal("-5", page.Find("[data-testid='cost-1-2027']").GetAttribute("value"));
        Assert.Equal("60", page.Find("[data-testid='share-ZorgkantoorDos-2027']").GetAttribute("value"));
        Assert.Contains("Controleer de gemarkeerde velden (3).", page.Find("[data-testid=form-errors]").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("opgeslagen", Snackbars.Markup, StringComparison.Ordinal);
        Assert.Equal(418_600m, await StoredTotalAsync(id));
    }

    [Fact]
    public async Task Save_NotANumber_MarksTheFieldNamesTheTextAtTheFieldAndSavesNothing()
    {
        Dutch();
        await SignInAsync("lead@lltf-amsterdam.demo", Tenant);
        var id = await CaseAsync();
        var page = Render(id);

        page.Find("[data-testid='cost-0-2028']").Change("veel");

        // Not counted as 0 while typing: the totals stay, the field says why.
        page.WaitForAssertion(() => Assert.Equal("Dit is geen getal. Vul een getal in, bijvoorbeeld 1250,50.", MudFieldLookup.ErrorAt(page.Find("[data-testid='cost-0-2028']"))), Wait);
        Assert.Equal("€ 418.600 (exclusief 6 PM-posten)", page.Find("[data-testid=total-costs]").TextContent.Trim());

        page.Find("[data-testid=save]").Click();

        page.WaitForAssertion(() => Assert.Contains("Controleer de gemarkeerde velden (1).", page.Find("[data-testid=form-errors]").TextContent, StringComparison.Ordinal), Wait);
        Assert.Equal("Dit is geen getal. Vul een getal in, bijvoorbeeld 1250,50.", MudFieldLookup.ErrorAt(page.Find("[data-testid='cost-0-2028']")));
        Assert.DoesNotContain("opgeslagen", Snackbars.Markup, StringComparison.Ordinal);
        Assert.Equal(418_600m, await StoredTotalAsync(id));
    }

    [Fact]
    public async Task Freeze_AddsAVersionWithWhoAndNote_AndComparesItWithTheWorkingCopy()
    {
        Dutch();
        await SignInAsync("lead@lltf-amsterdam.demo", Tenant);
        var id = await CaseAsync();
        var page = Render(id);
        Assert.NotNull(page.Find("[data-testid=no-versions]"));
        page.Find("[data-testid=freeze-note]").Change("Voor de DOS-aanvraag");

        page.Find("[data-testid=freeze]").Click();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=version-row]")), Wait);
        var row = page.Find("[data-testid=version-row]").TextContent;
        Assert.Contains("Lotte de Leeuw", row, StringComparison.Ordinal);
        Assert.Contains("Voor de DOS-aanvraag", row, StringComparison.Ordinal);
        Snackbars.WaitForAssertion(() => Assert.Contains("Versie 1 bevroren.", Snackbars.Markup, StringComparison.Ordinal), Wait);

        page.Find("[data-testid='cost-0-2028']").Change("80000");
        page.Find("[data-testid=save]").Click();
        Snackbars.WaitForAssertion(() => Assert.Contains("Business case opgeslagen", Snackbars.Markup, StringComparison.Ordinal), Wait);
        // As MudFieldLookup.Choose, with this class's longer wait (the shared helper waits one second, too short on a loaded machine).
        page.Find("[data-testid='compare-from']").Closest(".mud-input-control")!.MouseDown();
        Popovers.WaitForAssertion(() => Assert.Contains(Popovers.FindAll(".mud-list-item"), i => i.TextContent.Trim() == "1"), Wait);
        Popovers.FindAll(".mud-list-item").First(i => i.TextContent.Trim() == "1").Click();
        page.Find("[data-testid=compare]").Click();

        page.WaitForAssertion(() => Assert.Contains(page.FindAll("[data-testid=comparison-row]"),
            r => r.TextContent.Contains("Personeel", StringComparison.Ordinal) && r.TextContent.Contains("Gewijzigd", StringComparison.Ordinal)
                 && r.TextContent.Contains("€ 70.000 → € 80.000", StringComparison.Ordinal)), Wait);
    }

    [Fact]
    public async Task Save_SomeoneSavedMeanwhile_SaysSoSavesNothing_KeepsMyAmountAndTakesTheirChange_ThenTheNextSaveKeepsBoth()
    {
        Dutch();
        await SignInAsync("lead@lltf-amsterdam.demo", Tenant);
        var id = await CaseAsync();
        var page = Render(id);

        // Another lead changes the Wmo key and saves while this page is open.
        var handler = Services.GetRequiredService<Plusflat.Web.Features.BusinessCases.GetBusinessCaseHandler>();
        var theirs = (await handler.GetAsync(id, CancellationToken.None))!.Input!;
        theirs.WmoKeyPerWeek = 20m;
        Assert.True((await Services.GetRequiredService<Plusflat.Web.Features.BusinessCases.SaveBusinessCaseHandler>().SaveAsync(id, theirs, CancellationToken.None)).Succeeded);

        page.Find("[data-testid='cost-0-2028']").Change("80000");
        page.Find("[data-testid=save]").Click();

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=conflict]")), Wait);
        Assert.Equal((418_600m, 20m), await StoredAsync(id)); // the conflicting save stored nothing, their key stands
        Assert.Equal("€ 428.600 (exclusief 6 PM-posten)", page.Find("[data-testid=total-costs]").TextContent.Trim()); // my amount is kept

        page.Find("[data-testid=save]").Click();

        Snackbars.WaitForAssertion(() => Assert.Contains("Business case opgeslagen", Snackbars.Markup, StringComparison.Ordinal), Wait);
        Assert.Equal((428_600m, 20m), await StoredAsync(id)); // both: my amount and their Wmo key
    }

    [Fact]
    public async Task FlatTeam_SeesTheCaseButCannotChangeIt()
    {
        Dutch();
        var lead = await CaseAsync();
        await SignInAsync("team@lltf-amsterdam.demo", Tenant);

        var page = Render(lead, "[data-testid=business-case-outcome]");

        Assert.Empty(page.FindAll("[data-testid=save]"));
        Assert.Empty(page.FindAll("[data-testid=freeze]"));
        Assert.Empty(page.FindAll("[data-testid=add-cost]"));
        Assert.True(page.Find("[data-testid='cost-0-2027']").HasAttribute("readonly"));
    }

    private IRenderedComponent<BusinessCasePage> Render(Guid id, string waitFor = "[data-testid=save]")
    {
        var page = RenderWithProviders<BusinessCasePage>(p => p.Add(x => x.Tenant, Tenant).Add(x => x.Id, id));
        page.WaitForAssertion(() => page.Find(waitFor), Wait);
        return page;
    }

    private static List<string> Cells(IRenderedComponent<BusinessCasePage> page, string row) =>
        [.. page.Find($"[data-testid={row}]").QuerySelectorAll("td").Select(td => td.TextContent.Trim())];

    private Task<Guid> ComplexWithoutCaseAsync() =>
        App.InTenantAsync(Tenant, db => db.Complexes.Where(c => !db.BusinessCases.Any(b => b.ComplexId == c.Id)).OrderBy(c => c.Name).Select(c => c.Id).FirstAsync());

    /// <summary>Amounts as a Dutch user sees them (the portal's default culture; the test host has none of its own).</summary>
    private static void Dutch() =>
        System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("nl-NL");

    /// <summary>A complex with a fresh case from the template (2027, 4 years).</summary>
    private async Task<Guid> CaseAsync()
    {
        var id = await ComplexWithoutCaseAsync();
        await App.InTenantAsync(Tenant, async db =>
        {
            db.BusinessCases.Add(new Plusflat.Domain.BusinessCases.BusinessCase(db.CurrentTenantId!.Value, id,
                Plusflat.Domain.BusinessCases.BusinessCaseTemplate.Create(2027), Guid.CreateVersion7(), "Testopzet", DateTimeOffset.UtcNow));
            return await db.SaveChangesAsync();
        });
        return id;
    }

    private Task<(decimal TotalCosts, decimal WmoKey)> StoredAsync(Guid id) =>
        App.InTenantAsync(Tenant, async db =>
        {
            var plan = (await db.BusinessCases.AsNoTracking().FirstAsync(b => b.ComplexId == id)).Plan;
            return (Plusflat.Domain.BusinessCases.BusinessCaseCalculator.Compute(plan).TotalCosts, plan.WmoKeyPerWeek);
        });

    private Task<decimal> StoredTotalAsync(Guid id) =>
        App.InTenantAsync(Tenant, async db => Plusflat.Domain.BusinessCases.BusinessCaseCalculator.Compute(
            (await db.BusinessCases.AsNoTracking().FirstAsync(b => b.ComplexId == id)).Plan).TotalCosts);
}
