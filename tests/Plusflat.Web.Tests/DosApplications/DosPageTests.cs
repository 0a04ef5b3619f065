using System.Net.Http.Json;
using AngleSharp.Dom;
using Bunit;
using Plusflat.Web.Features.DosApplications;
using Plusflat.Web.Tests.Admission;
using static Plusflat.Web.Tests.DosApplications.DosApiTestData;

namespace Plusflat.Web.Tests.DosApplications;

/// <summary>
/// The DOS pages with bad input (bunit, real handlers on real PostgreSQL): each refusal in Dutch at its field, the typed
/// values kept, nothing saved; a refused submission lists every unmet condition at once.
/// </summary>
public sealed class DosPageTests(PlusflatApp app) : ComponentTest(app)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private static string? ErrorAt<T>(IRenderedComponent<T> page, string testId)
        where T : Microsoft.AspNetCore.Components.IComponent =>
        page.Find($"[data-testid='{testId}']").Closest(".mud-input-control")?.QuerySelector(".mud-input-helper-text.mud-input-error")?.TextContent.Trim() is { Length: > 0 } text ? text : null;

    private Task<long> ApplicationsForAsync(Guid complexId) => App.ScalarAsync<long>("SELECT count(*) FROM dos_applications WHERE complex_id = @p0", complexId)!;

    [Fact]
    public async Task NewApplication_BadInput_ShowsEachDutchMessageAtItsField_KeepsTheValues_AndSavesNothing()
    {
        var complex = await App.ComplexAsync(140, "Dospagina " + Guid.NewGuid().ToString("N")[..6]);
        await SignInAsync(Lead, Programme);
        var page = RenderWithProviders<DosApplicationPage>(p => p.Add(x => x.Tenant, Programme).Add(x => x.ComplexId, complex));
        page.WaitForElement("[data-testid=form]", Wait);

        page.Find("[data-testid=coalition-0-organisation]").Change("Gemeente Amsterdam");
        page.Find("[data-testid=establishment-body]").Change("IZA-coalitie Amsterdam");
        page.Find("[data-testid=first-year]").Change("2031");
        page.Find("[data-testid=last-year]").Change("2029");
        page.Find("[data-testid=save]").Click();

        page.WaitForAssertion(() => Assert.Equal("De indienende organisatie is verplicht.", ErrorAt(page, "submitter")), Wait);
        Assert.Equal("Vul de datum van instemming in.", ErrorAt(page, "coalition-0-on"));
        Assert.Equal("Wie instemde is verplicht.", ErrorAt(page, "coalition-0-by"));
        Assert.Null(ErrorAt(page, "coalition-0-organisation"));
        Assert.Equal("Vul de datum van de regionale vaststelling in.", ErrorAt(page, "establishment-on"));
        Assert.Equal("Het kenmerk is verplicht.", ErrorAt(page, "establishment-reference"));
        Assert.Equal("Het laatste jaar ligt niet vóór het eerste jaar.", ErrorAt(page, "last-year"));
        Assert.Equal("Gemeente Amsterdam", page.Find("[data-testid=coalition-0-organisation]").GetAttribute("value"));
        Assert.Equal("IZA-coalitie Amsterdam", page.Find("[data-testid=establishment-body]").GetAttribute("value"));
        Assert.Equal("2031", page.Find("[data-testid=first-year]").GetAttribute("value"));
        Assert.Equal("2029", page.Find("[data-testid=last-year]").GetAttribute("value"));
        Assert.Equal(0L, await ApplicationsForAsync(complex));
    }

    [Fact]
    public async Task NewApplication_NegativeAmount_ShowsTheMessageUnderTheAmountsAndKeepsTheValues()
    {
        var complex = await App.ComplexAsync(140, "Dosbedrag " + Guid.NewGuid().ToString("N")[..6]);
        await SignInAsync(Lead, Programme);
        var page = RenderWithProviders<DosApplicationPage>(p => p.Add(x => x.Tenant, Programme).Add(x => x.ComplexId, complex));
        page.WaitForElement("[data-testid=form]", Wait);
        var first = int.Parse(page.Find("[data-testid=first-year]").GetAttribute("value")!, System.Globalization.CultureInfo.InvariantCulture);

        page.Find("[data-testid=submitter]").Change("Woningcorporatie Amstelgoed");
        page.Find($"[data-testid=requested-{first}]").Change("-5");
        page.Find("[data-testid=save]").Click();

        page.WaitForAssertion(() => Assert.Equal($"Het bedrag voor {first} is een positief bedrag in euro's en centen.", page.Find("[data-testid=requested-error]").TextContent.Trim()), Wait);
        Assert.Equal("Woningcorporatie Amstelgoed", page.Find("[data-testid=submitter]").GetAttribute("value"));
        Assert.StartsWith("-5", page.Find($"[data-testid=requested-{first}]").GetAttribute("value"), StringComparison.Ordinal);
        Assert.Equal(0L, await ApplicationsForAsync(complex));
    }

    [Fact]
    public async Task Submit_DraftOfANewComplex_IsRefusedListingEveryUnmetConditionAtOnce_AndStaysADraft()
    {
        var complex = await App.ComplexAsync(140, "Dosweigering " + Guid.NewGuid().ToString("N")[..6]);
        var lead = await App.SignedInClientAsync(Lead);
        var id = await CreateAsync(lead, Application(complex, complete: false));
        await SignInAsync(Lead, Programme);
        var page = RenderWithProviders<DosApplicationPage>(p => p.Add(x => x.Tenant, Programme).Add(x => x.Id, id));
        page.WaitForElement("[data-testid=submit]", Wait);
        string[] reasons =
        [
            "De toelatingspoort is nog niet vastgelegd voor dit complex.",
            "Het complex is nog niet getoetst aan de productstandaard.",
            "Kies een vastgelegde versie van de businesscase.",
            "De instemming ontbreekt van: gemeente, woningcorporatie, zorgaanbieder.",
            "Leg de regionale vaststelling vast (orgaan, datum, kenmerk).",
        ];
        Assert.Equal(reasons, page.FindAll("[data-testid=unmet] [data-testid=unmet-condition]").Select(d => d.TextContent.Trim()));

        page.Find("[data-testid=submit]").Click();

        page.WaitForAssertion(() => Assert.Equal(reasons, page.FindAll("[data-testid=errors] [data-testid=error]").Select(d => d.TextContent.Trim())), Wait);
        Assert.Equal("Concept", page.Find("[data-testid=status]").TextContent.Trim());
        Assert.Equal("Draft", await App.ScalarAsync<string>("SELECT status FROM dos_applications WHERE id = @p0", id));
        Assert.Equal(1L, await App.ScalarAsync<long>("SELECT count(*) FROM dos_application_events WHERE application_id = @p0", id));
    }

    [Fact]
    public async Task Answer_Empty_ShowsTheMessageAtTheAnswer_AndTheQuestionStaysOpen()
    {
        var lead = await App.SignedInClientAsync(Lead);
        var assessor = await App.SignedInClientAsync(Assessor);
        var id = await SubmittedAsync(lead, perYear: 1m);
        Assert.Equal(HttpStatusCode.OK, (await assessor.PostAsJsonAsync($"/api/v1/{Zorgkantoor}/received-applications/{id}/decision", new { outcome = "moreInformation", reasons = "Welke indicatoren?" })).StatusCode);
        await SignInAsync(Lead, Programme);
        var page = RenderWithProviders<DosApplicationPage>(p => p.Add(x => x.Tenant, Programme).Add(x => x.Id, id));
        page.WaitForElement("[data-testid=resubmit]", Wait);

        page.Find("[data-testid=answer]").Change("   ");
        page.Find("[data-testid=resubmit]").Click();

        page.WaitForAssertion(() => Assert.Equal("Het antwoord is verplicht.", ErrorAt(page, "answer")), Wait);
        Assert.Equal("Aanvullende informatie gevraagd", page.Find("[data-testid=status]").TextContent.Trim());
        Assert.Equal("MoreInformationRequested", await App.ScalarAsync<string>("SELECT status FROM dos_applications WHERE id = @p0", id));
    }

    [Fact]
    public async Task Assessment_ScoreWithoutJustification_ShowsTheMessageAtTheJustification_KeepsTheScoreAndSavesNothing()
    {
        var lead = await App.SignedInClientAsync(Lead);
        var id = await SubmittedAsync(lead, perYear: 1m);
        await SignInAsync(Assessor, Zorgkantoor);
        var page = RenderWithProviders<ReceivedApplicationPage>(p => p.Add(x => x.Tenant, Zorgkantoor).Add(x => x.Id, id));
        page.WaitForElement("[data-testid=save-assessment]", Wait);

        Start.MudFieldLookup.Choose(page, Popovers, "score-business-case", "3 goed");
        page.Find("[data-testid=justification-standard]").Change("Alle musts voldaan");
        page.Find("[data-testid=save-assessment]").Click();

        page.WaitForAssertion(() => Assert.Equal("De onderbouwing is verplicht.", ErrorAt(page, "justification-business-case")), Wait);
        Assert.Null(ErrorAt(page, "justification-standard"));
        Assert.Equal("Alle musts voldaan", page.Find("[data-testid=justification-standard]").GetAttribute("value"));
        Assert.Contains("3 goed", page.Find("[data-testid=score-business-case]").Closest(".mud-input-control")!.TextContent + page.Find("[data-testid=score-business-case]").GetAttribute("value"), StringComparison.Ordinal);
        Assert.Equal(0L, await App.ScalarAsync<long>("SELECT count(*) FROM dos_assessments WHERE application_id = @p0", id));
    }

    [Fact]
    public async Task Decision_QuestionWithoutText_ShowsTheMessageAtTheField_AndNothingIsDecided()
    {
        var lead = await App.SignedInClientAsync(Lead);
        var id = await SubmittedAsync(lead, perYear: 1m);
        await SignInAsync(Assessor, Zorgkantoor);
        var page = RenderWithProviders<ReceivedApplicationPage>(p => p.Add(x => x.Tenant, Zorgkantoor).Add(x => x.Id, id));
        page.WaitForElement("[data-testid=decision-form]", Wait);

        page.FindAll("[data-testid=outcome] label").Single(l => l.TextContent.Trim() == "Om aanvullende informatie vragen").QuerySelector("input")!.Click();
        page.WaitForAssertion(() => Assert.False(page.Find("[data-testid=decide]").HasAttribute("disabled")), Wait);
        page.Find("[data-testid=decide]").Click();
        Dialogs.WaitForElement("[data-testid=confirm-decision]", Wait).Click();

        page.WaitForAssertion(() => Assert.Equal("Vul de reden of de vraag in.", ErrorAt(page, "reasons")), Wait);
        Assert.Equal("Ingediend", page.Find("[data-testid=status]").TextContent.Trim());
        Assert.Equal("Submitted", await App.ScalarAsync<string>("SELECT status FROM dos_applications WHERE id = @p0", id));
        Assert.Equal(2L, await App.ScalarAsync<long>("SELECT count(*) FROM dos_application_events WHERE application_id = @p0", id));
    }

    [Fact]
    public async Task Queue_AnApplicationPastItsDecisionTerm_StandsOutAsOverdue()
    {
        var lead = await App.SignedInClientAsync(Lead);
        var id = await SubmittedAsync(lead, perYear: 1m);
        // Received nine weeks ago: past the default term of eight weeks for a decision. (Behind the guard trigger's back.)
        await App.ExecuteAsync("""
            SET session_replication_role = replica;
            UPDATE dos_applications SET submitted_at = submitted_at - interval '63 days', complete_on = complete_on - 63 WHERE id = @p0;
            SET session_replication_role = DEFAULT;
            """, id);
        await SignInAsync(Assessor, Zorgkantoor);
        var page = RenderWithProviders<ReceivedApplicationsPage>(p => p.Add(x => x.Tenant, Zorgkantoor));

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=queue-row]")), Wait);
        var rows = page.FindAll("[data-testid=queue-row]");
        var row = rows.Single(r => r.QuerySelector($"a[href='/{Zorgkantoor}/ontvangen-aanvragen/{id}']") is not null);
        Assert.Contains("mud-error-text", row.ClassList);
        Assert.StartsWith("Besluit ", row.QuerySelector("[data-testid=overdue]")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.EndsWith("· te laat", row.QuerySelector("[data-testid=overdue]")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.InRange(int.Parse(row.QuerySelectorAll("td")[4].TextContent.Trim(), System.Globalization.CultureInfo.InvariantCulture), 62, 63);
        Assert.Contains(rows, r => r != row && r.QuerySelector("[data-testid=deadline]") is not null && !r.ClassList.Contains("mud-error-text"));
    }

    [Fact]
    public async Task Notifications_EachSideSeesWhatTheOtherSideDid_OnItsListPage_NotWhatItDidItself()
    {
        var lead = await App.SignedInClientAsync(Lead);
        var assessor = await App.SignedInClientAsync(Assessor);
        var id = await SubmittedAsync(lead, perYear: 1m);
        Assert.Equal(HttpStatusCode.OK, (await assessor.PostAsJsonAsync($"/api/v1/{Zorgkantoor}/received-applications/{id}/decision", new { outcome = "moreInformation", reasons = "Welke indicatoren?" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await lead.PostAsJsonAsync($"/api/v1/{Programme}/dos-applications/{id}/answer", new { answer = "Vijf, met nulmeting." })).StatusCode);

        var received = await NotificationsAsync(assessor, $"/{Zorgkantoor}/ontvangen-aanvragen", id);
        var sent = await NotificationsAsync(lead, $"/{Programme}/dos-aanvragen", id);

        Assert.Equal(2, received.Count);
        Assert.StartsWith("Dosflat", received[0], StringComparison.Ordinal);
        Assert.Contains(": Beantwoord en opnieuw ingediend · ", received[0], StringComparison.Ordinal);
        Assert.Contains(": Ingediend · ", received[1], StringComparison.Ordinal);
        var question = Assert.Single(sent);
        Assert.Contains(": Vraag gesteld · ", question, StringComparison.Ordinal);
        Assert.EndsWith("Anja Visser", question, StringComparison.Ordinal);
    }

    /// <summary>The notifications on a list page (as served, prerendered) that link to this application.</summary>
    private static async Task<List<string>> NotificationsAsync(HttpClient client, string page, Guid id)
    {
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await client.GetStringAsync(page));
        return [.. document.QuerySelectorAll("[data-testid=notification]")
            .Where(n => n.QuerySelector($"a[href='{page}/{id}']") is not null)
            .Select(n => System.Text.RegularExpressions.Regex.Replace(n.TextContent, "\\s+", " ").Trim())];
    }
}
