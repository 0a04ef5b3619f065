using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Dom;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Plusflat.Web.Features.Complexes;
using Plusflat.Web.Tenancy;

namespace Plusflat.Web.Tests.Complexes;

/// <summary>
/// The phase workflow on the complex detail page (bunit, through the real dialogs and handler on real PostgreSQL)
/// and through the JSON API (HTTP).
/// </summary>
public sealed class PhaseTests(PlusflatApp app) : ComponentTest(app)
{
    private const string Tenant = "lltf-amsterdam";
    private const string Lead = "lead@lltf-amsterdam.demo";
    private const string Team = "team@lltf-amsterdam.demo";
    private const string Admin = "admin@plusflat.demo";

    [Fact]
    public async Task Tick_DateInTheFuture_IsRefusedAtTheDateFieldAndTypedValuesKept()
    {
        await SignInAsync(Lead, Tenant);
        var id = await TestComplexes.CreateAsync(App.Services, Tenant, Lead);
        var page = await RenderDetailAsync(id);

        await ClickAsync(page, "button[data-testid=tick]");
        Dialogs.WaitForElement("[data-testid=tick-date]");
        await Dialogs.InvokeAsync(() => Dialogs.Find("[data-testid=tick-date]").Change("01-01-2999"));
        await Dialogs.InvokeAsync(() => Dialogs.Find("[data-testid=tick-note]").Change("Mijn toelichting"));
        await ClickAsync(Dialogs, "[data-testid=tick-save]");

        Dialogs.WaitForAssertion(() =>
            Assert.Equal("De datum mag niet in de toekomst liggen.", FieldMessage(Dialogs.Find("[data-testid=tick-date]"))));
        Assert.Equal("01-01-2999", Dialogs.Find("[data-testid=tick-date]").GetAttribute("value"));
        Assert.Equal("Mijn toelichting", Dialogs.Find("[data-testid=tick-note]").GetAttribute("value") ?? Dialogs.Find("[data-testid=tick-note]").TextContent);
        Assert.Equal(2, (await PhaseAsync(id)).OpenItems.Count);
    }

    [Fact]
    public async Task TickAllItemsThenAdvance_MovesToNextPhaseAndRecordsTimelineNewestFirst()
    {
        await SignInAsync(Lead, Tenant);
        var id = await TestComplexes.CreateAsync(App.Services, Tenant, Lead);
        var page = await RenderDetailAsync(id);

        for (var ticked = 0; ticked < 2; ticked++)
        {
            await ClickAsync(page, "button[data-testid=tick]");
            Dialogs.WaitForElement("[data-testid=tick-note]");
            await Dialogs.InvokeAsync(() => Dialogs.Find("[data-testid=tick-note]").Change("Besproken met de corporatie"));
            await ClickAsync(Dialogs, "[data-testid=tick-save]");
            var expected = ticked + 1;
            page.WaitForAssertion(() => Assert.Equal($"{expected} van 2 punten van deze fase afgevinkt", page.Find("[data-testid=phase-progress]").TextContent.Trim()));
        }

        Assert.Contains("Punt afgevinkt.", Snackbars.Markup, StringComparison.Ordinal);
        await ClickAsync(page, "button[data-testid=advance]");
        Dialogs.WaitForElement("[data-testid=phase-save]");
        Assert.Empty(Dialogs.FindAll("[data-testid=phase-reason]"));
        await ClickAsync(Dialogs, "[data-testid=phase-save]");

        page.WaitForAssertion(() => Assert.Equal("Fase 1 — Verkennen samenwerking", page.Find("[data-testid=current-phase]").TextContent.Trim()));
        Snackbars.WaitForAssertion(() => Assert.Contains("Fase gewijzigd.", Snackbars.Markup, StringComparison.Ordinal));
        Assert.Equal(1, (await PhaseAsync(id)).CurrentPhase);
        var timeline = page.FindAll("[data-testid=timeline-what]").Select(e => e.TextContent.Trim()).ToList();
        Assert.Equal("Van fase 0 (Programma opzet) naar fase 1 (Verkennen samenwerking)", timeline[0]);
        Assert.Equal(4, timeline.Count);
        Assert.Equal("Wooncomplex toegevoegd", timeline[^1]);
        Assert.Contains("Besproken met de corporatie", page.Find("[data-testid=timeline]").TextContent, StringComparison.Ordinal);
        Assert.Equal("afgerond", StatusOfPhase(page, 0));
    }

    [Fact]
    public async Task Untick_WithoutReasonRefusedAtTheField_WithReasonReopensTheItemAndKeepsHistory()
    {
        await SignInAsync(Lead, Tenant);
        var id = await TestComplexes.CreateAsync(App.Services, Tenant, Lead);
        var item = (await PhaseAsync(id)).OpenItems[0];
        await TickDirectAsync(id, item.ItemId);
        var page = await RenderDetailAsync(id);

        await ClickAsync(page, "button[data-testid=untick]");
        Dialogs.WaitForElement("[data-testid=untick-save]");
        await ClickAsync(Dialogs, "[data-testid=untick-save]");
        Dialogs.WaitForAssertion(() =>
            Assert.Equal("Geef een reden waarom het punt niet meer is afgevinkt.", FieldMessage(Dialogs.Find("[data-testid=untick-reason]"))));
        Assert.Single((await PhaseAsync(id)).TickedItems);

        await Dialogs.InvokeAsync(() => Dialogs.Find("[data-testid=untick-reason]").Change("Te vroeg afgevinkt"));
        await ClickAsync(Dialogs, "[data-testid=untick-save]");

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("button[data-testid=tick]").Count));
        Snackbars.WaitForAssertion(() => Assert.Contains("Afvinken teruggedraaid.", Snackbars.Markup, StringComparison.Ordinal));
        Assert.Equal(2, (await PhaseAsync(id)).OpenItems.Count);
        var timeline = page.FindAll("[data-testid=timeline-what]").Select(e => e.TextContent.Trim()).ToList();
        Assert.Equal([$"Teruggedraaid: {item.Title}", $"Afgevinkt: {item.Title}", "Wooncomplex toegevoegd"], timeline);
        Assert.Contains("Te vroeg afgevinkt", page.Find("[data-testid=timeline]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Advance_OpenItemsWithoutReason_IsRefusedAtTheReasonFieldListingTheOpenItems()
    {
        await SignInAsync(Lead, Tenant);
        var id = await TestComplexes.CreateAsync(App.Services, Tenant, Lead);
        var open = (await PhaseAsync(id)).OpenItems.Select(i => i.Title).ToList();
        var page = await RenderDetailAsync(id);

        await ClickAsync(page, "button[data-testid=advance]");
        Dialogs.WaitForElement("[data-testid=phase-save]");
        Assert.Equal(open, Dialogs.FindAll("[data-testid=open-items] li").Select(li => li.TextContent.Trim()));
        await ClickAsync(Dialogs, "[data-testid=phase-save]");

        Dialogs.WaitForAssertion(() => Assert.StartsWith(
            $"Nog 2 van 2 punten van fase 0 (Programma opzet) staan open: {string.Join(", ", open)}.",
            FieldMessage(Dialogs.Find("[data-testid=phase-reason]")), StringComparison.Ordinal));
        Assert.Equal(0, (await PhaseAsync(id)).CurrentPhase);
        Assert.Equal("Fase 0 — Programma opzet", page.Find("[data-testid=current-phase]").TextContent.Trim());
    }

    [Fact]
    public async Task Advance_LeadOverrideWithReason_IsAllowedAndThePhaseReadsSkippedWithReason()
    {
        await SignInAsync(Lead, Tenant);
        var id = await TestComplexes.CreateAsync(App.Services, Tenant, Lead);
        var page = await RenderDetailAsync(id);

        await ClickAsync(page, "button[data-testid=advance]");
        Dialogs.WaitForElement("[data-testid=phase-reason]");
        await Dialogs.InvokeAsync(() => Dialogs.Find("[data-testid=phase-reason]").Change("Locatiekeuze is al door de gemeente vastgesteld"));
        await ClickAsync(Dialogs, "[data-testid=phase-save]");

        page.WaitForAssertion(() => Assert.Equal("Fase 1 — Verkennen samenwerking", page.Find("[data-testid=current-phase]").TextContent.Trim()));
        Assert.Equal("overgeslagen met reden", StatusOfPhase(page, 0));
        Assert.Equal("Locatiekeuze is al door de gemeente vastgesteld", page.Find("[data-testid=phases] tr[data-phase='0'] [data-testid=override-reason]").TextContent.Trim());
        var newest = page.FindAll("[data-testid=timeline] li")[0].TextContent;
        Assert.Contains("afwijking van de checklist", newest, StringComparison.Ordinal);
        Assert.Contains("Locatiekeuze is al door de gemeente vastgesteld", newest, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Advance_TenantAdminWhoIsNoLead_GetsNoOverrideAndIsRefused()
    {
        var admin = await SignInAsync(Admin, Tenant);
        var id = await TestComplexes.CreateAsync(App.Services, Tenant, Lead);
        var page = await RenderDetailAsync(id);

        await ClickAsync(page, "button[data-testid=advance]");
        Dialogs.WaitForElement("[data-testid=phase-save]");
        Assert.Empty(Dialogs.FindAll("[data-testid=phase-reason]"));
        await ClickAsync(Dialogs, "[data-testid=phase-save]");

        Dialogs.WaitForAssertion(() => Assert.Contains("Vink ze eerst af, of vraag een programmaleider om af te wijken.",
            Dialogs.Find("[data-testid=form-errors]").TextContent, StringComparison.Ordinal));
        // A reason sent anyway (a crafted event) is refused by the handler.
        var crafted = await Services.GetRequiredService<PhaseHandler>().TransitionAsync(id,
            new TransitionInput { ToPhase = 1, Reason = "Haast", Version = (await PhaseAsync(id)).Version }, CancellationToken.None);
        Assert.Contains(crafted.Errors, e => e is { Field: nameof(TransitionInput.Reason) } && e.Message.StartsWith("Alleen een programmaleider", StringComparison.Ordinal));
        Assert.Equal(0, (await PhaseAsync(id)).CurrentPhase);
        Assert.False(admin.Can(Plusflat.Domain.Tenancy.Permission.OverridePhaseChecklist));
    }

    [Fact]
    public async Task ReturnToPreviousPhase_WithoutReasonRefusedAtTheField_WithReasonGoesBack()
    {
        await SignInAsync(Lead, Tenant);
        var id = await TestComplexes.CreateAsync(App.Services, Tenant, Lead);
        var forward = await Services.GetRequiredService<PhaseHandler>().TransitionAsync(id,
            new TransitionInput { ToPhase = 1, Reason = "Start", Version = (await PhaseAsync(id)).Version }, CancellationToken.None);
        Assert.True(forward.Succeeded);
        var page = await RenderDetailAsync(id);

        await ClickAsync(page, "button[data-testid=return]");
        Dialogs.WaitForElement("[data-testid=phase-reason]");
        await ClickAsync(Dialogs, "[data-testid=phase-save]");
        Dialogs.WaitForAssertion(() => Assert.Equal("De reden is verplicht.", FieldMessage(Dialogs.Find("[data-testid=phase-reason]"))));
        Assert.Equal(1, (await PhaseAsync(id)).CurrentPhase);

        await Dialogs.InvokeAsync(() => Dialogs.Find("[data-testid=phase-reason]").Change("Corporatie trekt zich terug"));
        await ClickAsync(Dialogs, "[data-testid=phase-save]");

        page.WaitForAssertion(() => Assert.Equal("Fase 0 — Programma opzet", page.Find("[data-testid=current-phase]").TextContent.Trim()));
        Assert.Equal(0, (await PhaseAsync(id)).CurrentPhase);
        Assert.Equal("Terug van fase 1 (Verkennen samenwerking) naar fase 0 (Programma opzet)", page.FindAll("[data-testid=timeline-what]")[0].TextContent.Trim());
    }

    [Fact]
    public async Task Advance_SomeoneElseMovedThePhaseMeanwhile_ShowsTheConflictAndTheCurrentStateWithoutASecondMove()
    {
        await SignInAsync(Lead, Tenant);
        var id = await TestComplexes.CreateAsync(App.Services, Tenant, Lead);
        var page = await RenderDetailAsync(id);
        await ClickAsync(page, "button[data-testid=advance]");
        Dialogs.WaitForElement("[data-testid=phase-reason]");

        var other = await App.SignedInClientAsync(Lead);
        var moved = await other.PostAsJsonAsync($"/api/v1/{Tenant}/complexes/{id}/phase", new { toPhase = 1, reason = "Al besproken", version = (await PhaseAsync(id)).Version });
        Assert.Equal(HttpStatusCode.NoContent, moved.StatusCode);
        await Dialogs.InvokeAsync(() => Dialogs.Find("[data-testid=phase-reason]").Change("Mijn reden"));
        await ClickAsync(Dialogs, "[data-testid=phase-save]");

        page.WaitForAssertion(() => Assert.StartsWith("Iemand anders heeft dit wooncomplex intussen gewijzigd.",
            page.Find("[data-testid=conflict]").TextContent.Trim(), StringComparison.Ordinal));
        Assert.Equal("Fase 1 — Verkennen samenwerking", page.Find("[data-testid=current-phase]").TextContent.Trim());
        Dialogs.WaitForAssertion(() => Assert.Empty(Dialogs.FindAll("[data-testid=phase-dialog]")));
        var phase = await PhaseAsync(id);
        Assert.Equal(1, phase.CurrentPhase);
        Assert.DoesNotContain(phase.Timeline, t => t.Reason == "Mijn reden");
    }

    [Fact]
    public async Task PhaseActions_FlatTeamMember_SeesNoButtonsAndTheHandlerRefuses()
    {
        var id = await TestComplexes.CreateAsync(App.Services, Tenant, Lead);
        await SignInAsync(Team, Tenant);
        var item = (await PhaseAsync(id)).OpenItems[0];
        var page = await RenderDetailAsync(id);

        Assert.Empty(page.FindAll("button[data-testid=tick]"));
        Assert.Empty(page.FindAll("[data-testid=phase-actions]"));
        Assert.Empty(page.FindAll("[data-testid=edit-complex]"));
        Assert.Equal(2, page.FindAll("[data-testid=checklist] tbody tr").Count);

        // A circuit accepts any event a client sends: the handler itself refuses.
        var phases = Services.GetRequiredService<PhaseHandler>();
        await Assert.ThrowsAsync<ForbiddenException>(() => phases.TickAsync(id,
            new TickInput { ItemId = item.ItemId, TickedOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1)) }, CancellationToken.None));
        await Assert.ThrowsAsync<ForbiddenException>(() => phases.UntickAsync(id,
            new UntickInput { ItemId = item.ItemId, UntickReason = "x" }, CancellationToken.None));
        await Assert.ThrowsAsync<ForbiddenException>(() => phases.TransitionAsync(id,
            new TransitionInput { ToPhase = 1, Reason = "x", Version = 0 }, CancellationToken.None));
        var phase = await PhaseAsync(id);
        Assert.Empty(phase.TickedItems);
        Assert.Empty(phase.Timeline);
    }

    [Fact]
    public async Task DetailPage_UnknownComplex_Answers404()
    {
        var lead = await App.SignedInClientAsync(Lead);
        var known = await TestComplexes.CreateAsync(App.Services, Tenant, Lead);

        var found = await lead.GetAsync($"/{Tenant}/complexen/{known}");
        var unknown = await lead.GetAsync($"/{Tenant}/complexen/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task DetailPage_ComplexOfAnotherTenant_Answers404()
    {
        var lead = await App.SignedInClientAsync(Lead);
        var foreign = await TestComplexes.CreateAsync(App.Services, "thuisplusflat-rotterdam", "lead@thuisplusflat-rotterdam.demo", "Rotterdams complex");

        var response = await lead.GetAsync($"/{Tenant}/complexen/{foreign}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("Rotterdams complex", await response.TextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Advance_OverrideByTenantAdminWhoIsNoLead_IsRefused()
    {
        var admin = await App.SignedInClientAsync(Admin);
        var id = await TestComplexes.CreateAsync(App.Services, Tenant, Admin);

        var response = await admin.PostAsJsonAsync($"/api/v1/{Tenant}/complexes/{id}/phase",
            new { toPhase = 1, reason = "Haast", version = await VersionAsync(admin, id) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("Alleen een programmaleider", problem.GetProperty("errors").GetProperty("reason")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_SkippingAPhase_IsRefusedWith400ProblemDetails()
    {
        var lead = await App.SignedInClientAsync(Lead);
        var id = await TestComplexes.CreateAsync(App.Services, Tenant, Lead);

        var response = await lead.PostAsJsonAsync($"/api/v1/{Tenant}/complexes/{id}/phase",
            new { toPhase = 2, reason = "Versnellen", version = await VersionAsync(lead, id) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, (await ApiPhaseAsync(lead, id)).GetProperty("currentPhase").GetInt32());
    }

    [Fact]
    public async Task Api_TwoAdvancesFromTheSameVersion_SecondIsAConflict()
    {
        var lead = await App.SignedInClientAsync(Lead);
        var id = await TestComplexes.CreateAsync(App.Services, Tenant, Lead);
        var version = await VersionAsync(lead, id);

        var first = await lead.PostAsJsonAsync($"/api/v1/{Tenant}/complexes/{id}/phase", new { toPhase = 1, reason = "Start", version });
        var second = await lead.PostAsJsonAsync($"/api/v1/{Tenant}/complexes/{id}/phase", new { toPhase = 2, reason = "Nog een", version });

        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal(1, (await ApiPhaseAsync(lead, id)).GetProperty("currentPhase").GetInt32());
    }

    [Fact]
    public async Task Api_FlatTeamMember_CannotMoveThePhase()
    {
        var team = await App.SignedInClientAsync(Team);
        var id = await TestComplexes.CreateAsync(App.Services, Tenant, Lead);

        var read = await team.GetAsync($"/api/v1/{Tenant}/complexes/{id}/phase");
        var move = await team.PostAsJsonAsync($"/api/v1/{Tenant}/complexes/{id}/phase", new { toPhase = 1, reason = "x", version = 0 });

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, move.StatusCode);
    }

    private Task<IRenderedComponent<ComplexDetail>> RenderDetailAsync(Guid id)
    {
        var page = RenderWithProviders<ComplexDetail>(p => p.Add(x => x.Tenant, Tenant).Add(x => x.Id, id));
        page.WaitForElement("[data-testid=checklist]");
        return Task.FromResult(page);
    }

    /// <summary>Finds and clicks in one step on the renderer, so a re-render in between cannot swap the element.</summary>
    private static Task ClickAsync<T>(IRenderedComponent<T> within, string css)
        where T : Microsoft.AspNetCore.Components.IComponent =>
        within.InvokeAsync(() => within.Find(css).Click());

    /// <summary>The message under a MudBlazor input, where the user reads it.</summary>
    private static string? FieldMessage(IElement input) =>
        input.Closest(".mud-input-control")?.QuerySelector(".mud-input-helper-text")?.TextContent.Trim();

    private static string StatusOfPhase(IRenderedComponent<ComplexDetail> page, int phase) =>
        page.Find($"[data-testid=phases] tr[data-phase='{phase}'] [data-testid=phase-status]").TextContent.Trim();

    /// <summary>The stored state, read as the signed-in user through the handler (fresh context, no page).</summary>
    private async Task<PhaseView> PhaseAsync(Guid id) =>
        (await Services.GetRequiredService<PhaseHandler>().GetAsync(id, CancellationToken.None))!;

    private async Task TickDirectAsync(Guid id, Guid itemId)
    {
        var result = await Services.GetRequiredService<PhaseHandler>().TickAsync(id,
            new TickInput { ItemId = itemId, TickedOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1)) }, CancellationToken.None);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Message)));
    }

    private static Task<JsonElement> ApiPhaseAsync(HttpClient client, Guid id) => client.GetJsonAsync($"/api/v1/{Tenant}/complexes/{id}/phase");

    private static async Task<uint> VersionAsync(HttpClient client, Guid id) => (await ApiPhaseAsync(client, id)).GetProperty("version").GetUInt32();
}
