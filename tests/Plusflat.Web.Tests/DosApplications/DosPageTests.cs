using System.Net.Http.Json;
using AngleSharp.Dom;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Plusflat.Domain.DosApplications;
using Plusflat.Infrastructure.Persistence;
using Plusflat.Web.Features.DosApplications;
using Plusflat.Web.Tenancy;
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
    public async Task NewApplication_AmountsWithoutAPeriodMatch_ShowTheMessageUnderTheAmountsAndKeepThem()
    {
        var complex = await App.ComplexAsync(140, "Dosbedrag " + Guid.NewGuid().ToString("N")[..6]);
        await SignInAsync(Lead, Programme);
        var page = RenderWithProviders<DosApplicationPage>(p => p.Add(x => x.Tenant, Programme).Add(x => x.ComplexId, complex));
        page.WaitForElement("[data-testid=form]", Wait);
        var first = int.Parse(page.Find("[data-testid=first-year]").GetAttribute("value")!, System.Globalization.CultureInfo.InvariantCulture);

        page.Find("[data-testid=submitter]").Change("Woningcorporatie Amstelgoed");
        page.Find($"[data-testid=requested-{first}]").Change("1000");
        page.Find("[data-testid=save]").Click();

        page.WaitForAssertion(() => Assert.Equal($"Vul het gevraagde bedrag in voor {first + 1}, {first + 2}.", page.Find("[data-testid=requested-error]").TextContent.Trim()), Wait);
        Assert.Equal("Woningcorporatie Amstelgoed", page.Find("[data-testid=submitter]").GetAttribute("value"));
        Assert.Contains("1.000", page.Find($"[data-testid=requested-{first}]").GetAttribute("value"), StringComparison.Ordinal);
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
        await SignInAsync(Assessor, Zorgkantoor);
        // Nine weeks on: past the default term of eight weeks for a decision.
        var later = new FixedClock(DateTimeOffset.UtcNow.AddDays(63));
        Context.Services.AddSingleton(new GetDosApplicationsHandler(
            Services.GetRequiredService<IDbContextFactory<PlusflatDbContext>>(), Services.GetRequiredService<CurrentTenant>(), later, Services.GetRequiredService<IConfiguration>()));
        var page = RenderWithProviders<ReceivedApplicationsPage>(p => p.Add(x => x.Tenant, Zorgkantoor));

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=queue-row]")), Wait);
        var row = page.FindAll("[data-testid=queue-row]").Single(r => r.QuerySelector($"a[href='/{Zorgkantoor}/ontvangen-aanvragen/{id}']") is not null);
        Assert.Contains("mud-error-text", row.ClassList);
        Assert.EndsWith("· te laat", row.QuerySelector("[data-testid=overdue]")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.StartsWith("Besluit ", row.QuerySelector("[data-testid=overdue]")!.TextContent.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Notifications_EachSideSeesWhatTheOtherSideDid_NotWhatItDidItself()
    {
        var lead = await App.SignedInClientAsync(Lead);
        var assessor = await App.SignedInClientAsync(Assessor);
        var id = await SubmittedAsync(lead, perYear: 1m);
        Assert.Equal(HttpStatusCode.OK, (await assessor.PostAsJsonAsync($"/api/v1/{Zorgkantoor}/received-applications/{id}/decision", new { outcome = "moreInformation", reasons = "Welke indicatoren?" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await lead.PostAsJsonAsync($"/api/v1/{Programme}/dos-applications/{id}/answer", new { answer = "Vijf, met nulmeting." })).StatusCode);
        var notifications = Services.GetRequiredService<DosNotificationsHandler>();

        await SignInAsync(Assessor, Zorgkantoor);
        var received = (await notifications.ListAsync(default)).Where(n => n.ApplicationId == id).ToList();
        await SignInAsync(Lead, Programme);
        var sent = (await notifications.ListAsync(default)).Where(n => n.ApplicationId == id).ToList();

        Assert.Equal([DosEventKind.Resubmitted, DosEventKind.Submitted], received.Select(n => n.Kind));
        Assert.Equal("Vijf, met nulmeting.", received[0].Text);
        var question = Assert.Single(sent);
        Assert.Equal(DosEventKind.QuestionAsked, question.Kind);
        Assert.Equal("Welke indicatoren?", question.Text);
        Assert.Equal("Anja Visser", question.By);
    }

    private sealed class FixedClock(DateTimeOffset at) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => at;
    }
}
