using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Plusflat.Domain.DosApplications;

namespace Plusflat.Web.Tests.Browser;

/// <summary>
/// The whole DOS flow in Chromium, across two tenants: the lead submits a fresh application for an eligible demo complex
/// (De Klimop: gate passed, standard met, a positive frozen business case), the assessor asks a question, the lead answers
/// and resubmits, the assessor scores every national criterion and grants, and the lead sees the decision, the letter and
/// the label; the label is in the zorgkantoor's register.
/// </summary>
public sealed partial class DosFlowBrowserTests(PlusflatBrowserApp app) : BrowserTest(app)
{
    private const string Programme = "lltf-amsterdam";
    private const string Zorgkantoor = "zorgkantoor-amsterdam";
    private const string Lead = "lead@lltf-amsterdam.demo";
    private const string Assessor = "assessor@zorgkantoor-amsterdam.demo";

    [Fact]
    public async Task Lead_Submits_AssessorAsks_LeadAnswers_AssessorScoresAndGrants_LeadSeesTheDecisionTheLetterAndTheLabel()
    {
        var klimop = await App.ScalarAsync<Guid>("SELECT c.id FROM complexes c JOIN tenants t ON t.id = c.tenant_id WHERE t.slug = @p0 AND c.name = 'De Klimop'", Programme);
        var submitter = "Woningcorporatie Amstelgoed " + Guid.NewGuid().ToString("N")[..6];

        // The lead starts from the complex page and fills in the application.
        await SignInAsync(Lead);
        await GotoAsync($"/{Programme}/complexen/{klimop}");
        await Page.GetByTestId("dos-link").ClickAsync();
        await Page.WaitForURLAsync(new Regex("/dos-aanvraag$"));
        await WaitForCircuitAsync();
        await Page.GetByTestId("submitter").FillAsync(submitter);
        string[] parties = ["Gemeente Amsterdam", "Woningcorporatie Amstelgoed", "Zorggroep Amstelzorg"];
        for (var i = 0; i < parties.Length; i++)
        {
            await Page.GetByTestId($"coalition-{i}-organisation").FillAsync(parties[i]);
            await Page.GetByTestId($"coalition-{i}-by").FillAsync("Bestuurder " + parties[i]);
            await FillDateAsync($"coalition-{i}-on", $"0{i + 1}-09-2026");
        }

        await Page.GetByTestId("establishment-body").FillAsync("IZA-coalitie Amsterdam");
        await FillDateAsync("establishment-on", "01-10-2026");
        await Page.GetByTestId("establishment-reference").FillAsync("IZA-2026-BROWSER");
        await SetYearAsync("first-year", "2027");
        await SetYearAsync("last-year", "2029");
        foreach (var year in new[] { 2027, 2028, 2029 })
        {
            await Page.GetByTestId($"requested-{year}").FillAsync("1500");
            await Page.GetByTestId($"requested-{year}").PressAsync("Tab");
        }

        await Page.GetByTestId("save").ClickAsync();
        await Page.WaitForURLAsync(ApplicationUrl());
        var id = Guid.Parse(ApplicationUrl().Match(Page.Url).Groups[1].Value);
        await Assertions.Expect(Page.GetByTestId("status")).ToHaveTextAsync("Concept");
        await Page.GetByTestId("submit").ClickAsync();
        await Assertions.Expect(Page.GetByTestId("status")).ToHaveTextAsync("Ingediend");
        await SignOutAsync();

        // The assessor finds it in the queue (with its deadline) and asks a question.
        await SignInAsync(Assessor);
        await GotoAsync($"/{Zorgkantoor}/ontvangen-aanvragen");
        var row = Page.GetByTestId("queue-row").Filter(new() { Has = Page.Locator($"a[href='/{Zorgkantoor}/ontvangen-aanvragen/{id}']") });
        await Assertions.Expect(row.GetByTestId("deadline")).ToContainTextAsync("Besluit");
        await Assertions.Expect(Page.GetByTestId("notifications")).ToContainTextAsync("De Klimop: Ingediend");
        await row.Locator("a").ClickAsync();
        await Page.WaitForURLAsync($"**/{Zorgkantoor}/ontvangen-aanvragen/{id}");
        await Assertions.Expect(Page.GetByTestId("snapshots")).ToContainTextAsync("Positief");
        await DecideAsync("Om aanvullende informatie vragen", "Hoe ziet de nulmeting van de vijf indicatoren eruit?");
        await Assertions.Expect(Page.GetByTestId("status")).ToHaveTextAsync("Aanvullende informatie gevraagd");
        await SignOutAsync();

        // The lead sees the question, answers and resubmits.
        await SignInAsync(Lead);
        await GotoAsync($"/{Programme}/dos-aanvragen");
        await Assertions.Expect(Page.GetByTestId("notifications")).ToContainTextAsync("De Klimop: Vraag gesteld");
        await GotoAsync($"/{Programme}/dos-aanvragen/{id}");
        await Assertions.Expect(Page.GetByTestId("question")).ToContainTextAsync("Hoe ziet de nulmeting van de vijf indicatoren eruit?");
        await Page.GetByTestId("answer").FillAsync("De nulmeting is in september gedaan; de vijf indicatoren staan in de bijlage.");
        await Page.GetByTestId("resubmit").ClickAsync();
        await Assertions.Expect(Page.GetByTestId("status")).ToHaveTextAsync("Opnieuw ingediend");
        await SignOutAsync();

        // The assessor scores every national criterion with a justification, and grants.
        await SignInAsync(Assessor);
        await GotoAsync($"/{Zorgkantoor}/ontvangen-aanvragen/{id}");
        await Assertions.Expect(Page.GetByTestId("timeline-entry").Last).ToContainTextAsync("Beantwoord en opnieuw ingediend");
        foreach (var criterion in DosCriteriaCatalogue.Current(DateOnly.FromDateTime(DateTime.UtcNow)).Criteria)
        {
            await Page.GetByTestId($"score-{criterion.Key}").ClickAsync(new() { Force = true });
            await Page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "2 voldoende" }).ClickAsync();
            await Assertions.Expect(Page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
            await Page.GetByTestId($"justification-{criterion.Key}").FillAsync("Blijkt uit de snapshot en het antwoord");
        }

        await Page.GetByTestId("save-assessment").ClickAsync();
        await Assertions.Expect(Page.GetByTestId("score")).ToContainTextAsync("positief advies");
        await DecideAsync("Toekennen", "Voldoet aan de landelijke criteria.");
        await Assertions.Expect(Page.GetByTestId("status")).ToHaveTextAsync("Toegekend");
        var label = (await App.ScalarAsync<string>("SELECT number FROM dos_labels WHERE application_id = @p0", id))!;
        await Assertions.Expect(Page.GetByTestId("decision")).ToContainTextAsync(label);
        await GotoAsync($"/{Zorgkantoor}/dos-budget");
        await Assertions.Expect(Page.GetByTestId("label-row").Filter(new() { HasText = label })).ToContainTextAsync("De Klimop");
        await SignOutAsync();

        // The lead sees the decision, the label and the letter.
        await SignInAsync(Lead);
        await GotoAsync($"/{Programme}/dos-aanvragen/{id}");
        await Assertions.Expect(Page.GetByTestId("status")).ToHaveTextAsync("Toegekend");
        await Assertions.Expect(Page.GetByTestId("decision")).ToContainTextAsync("Bezwaar mogelijk tot en met");
        await Assertions.Expect(Page.GetByTestId("label")).ToContainTextAsync($"Plusflat-label {label}");
        await Assertions.Expect(Page.GetByTestId("label")).ToContainTextAsync("4.500");
        await Assertions.Expect(Page.GetByTestId("timeline-entry")).ToHaveCountAsync(5);
        var href = await Page.GetByTestId("letter").GetAttributeAsync("href");
        Assert.Equal($"/{Programme}/dos/{id}/besluitbrief.pdf", href);
        var letter = await Page.Context.APIRequest.GetAsync(href!);
        Assert.Equal(200, letter.Status);
        Assert.Equal("application/pdf", letter.Headers["content-type"].Split(';')[0]);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString((await letter.BodyAsync())[..4]), StringComparison.Ordinal);
        await ScreenshotAsync("dos-granted-programme");
        Assert.Empty(ConsoleErrors);
    }

    [GeneratedRegex("/dos-aanvragen/([0-9a-f-]{36})$")]
    private static partial Regex ApplicationUrl();

    private async Task FillDateAsync(string testId, string value)
    {
        var input = Page.Locator($"input[data-testid='{testId}'], [data-testid='{testId}'] input").First;
        await input.FillAsync(value);
        await input.PressAsync("Enter");
        await Page.Keyboard.PressAsync("Escape");
    }

    private async Task SetYearAsync(string testId, string year)
    {
        var input = Page.GetByTestId(testId);
        await input.FillAsync(year);
        await input.PressAsync("Tab");
        await WaitForCircuitAsync();
    }

    private async Task DecideAsync(string outcome, string reasons)
    {
        await Page.GetByTestId("decision-form").GetByText(outcome, new() { Exact = true }).ClickAsync();
        await Page.GetByTestId("reasons").FillAsync(reasons);
        await Page.GetByTestId("decide").ClickAsync();
        await Page.GetByTestId("confirm-decision").ClickAsync();
    }
}
