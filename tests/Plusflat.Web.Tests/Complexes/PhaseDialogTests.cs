using AngleSharp.Dom;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Plusflat.Web.Features.Complexes;
using Plusflat.Web.Features.Shared;

namespace Plusflat.Web.Tests.Complexes;

/// <summary>Each phase dialog on its own, opened through MudBlazor's dialog service, with the real handler on real PostgreSQL.</summary>
public sealed class PhaseDialogTests(PlusflatApp app) : ComponentTest(app)
{
    private const string Tenant = "lltf-amsterdam";
    private const string Lead = "lead@lltf-amsterdam.demo";

    [Fact]
    public async Task TickItemDialog_FutureDate_StaysOpenWithTheErrorAtTheDateField()
    {
        var (id, item) = await ComplexWithItemAsync();
        var dialog = await ShowAsync<TickItemDialog>(new DialogParameters<TickItemDialog>
        {
            { d => d.ComplexId, id }, { d => d.ItemId, item.ItemId }, { d => d.ItemTitle, item.Title },
        });

        Assert.Equal(item.Title, Dialogs.Find("[data-testid=tick-item]").TextContent.Trim());
        await Dialogs.InvokeAsync(() => Dialogs.Find("[data-testid=tick-date]").Change("31-12-2999"));
        await ClickAsync("[data-testid=tick-save]");

        Dialogs.WaitForAssertion(() => Assert.Equal("De datum mag niet in de toekomst liggen.", FieldMessage("[data-testid=tick-date]")));
        Assert.Equal("true", Dialogs.Find("[data-testid=tick-date]").GetAttribute("aria-invalid"));
        Assert.Equal("31-12-2999", Dialogs.Find("[data-testid=tick-date]").GetAttribute("value"));
        Assert.False(dialog.Result.IsCompleted);
        Assert.False((await PhaseAsync(id)).Items.Single(i => i.ItemId == item.ItemId).Ticked);
    }

    [Fact]
    public async Task TickItemDialog_BadEvidenceLink_IsRefusedAtTheLinkField()
    {
        var (id, item) = await ComplexWithItemAsync();
        var dialog = await ShowAsync<TickItemDialog>(new DialogParameters<TickItemDialog>
        {
            { d => d.ComplexId, id }, { d => d.ItemId, item.ItemId }, { d => d.ItemTitle, item.Title },
        });

        await Dialogs.InvokeAsync(() => Dialogs.Find("[data-testid=tick-evidence]").Change("verslag.docx"));
        await ClickAsync("[data-testid=tick-save]");

        Dialogs.WaitForAssertion(() => Assert.Equal("Vul een volledige link in die begint met https:// of http://.", FieldMessage("[data-testid=tick-evidence]")));
        Assert.Null(FieldMessage("[data-testid=tick-date]"));
        Assert.False(dialog.Result.IsCompleted);
    }

    [Fact]
    public async Task TickItemDialog_ValidInput_TicksTheItemAndClosesWithTheResult()
    {
        var (id, item) = await ComplexWithItemAsync();
        var dialog = await ShowAsync<TickItemDialog>(new DialogParameters<TickItemDialog>
        {
            { d => d.ComplexId, id }, { d => d.ItemId, item.ItemId }, { d => d.ItemTitle, item.Title },
        });

        await Dialogs.InvokeAsync(() => Dialogs.Find("[data-testid=tick-note]").Change("Akkoord in het overleg"));
        await ClickAsync("[data-testid=tick-save]");

        var result = await dialog.Result.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(result!.Canceled);
        Assert.True(Assert.IsType<HandlerResult>(result.Data).Succeeded);
        var ticked = (await PhaseAsync(id)).Items.Single(i => i.ItemId == item.ItemId);
        Assert.True(ticked.Ticked);
        Assert.Equal("Akkoord in het overleg", ticked.Note);
    }

    [Fact]
    public async Task UntickItemDialog_WithoutReason_IsRefusedAtTheReasonField_WithReasonUnticks()
    {
        var (id, item) = await ComplexWithItemAsync();
        var tick = await Services.GetRequiredService<PhaseHandler>().TickAsync(id,
            new TickInput { ItemId = item.ItemId, TickedOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-2)) }, CancellationToken.None);
        Assert.True(tick.Succeeded);
        var dialog = await ShowAsync<UntickItemDialog>(new DialogParameters<UntickItemDialog>
        {
            { d => d.ComplexId, id }, { d => d.ItemId, item.ItemId }, { d => d.ItemTitle, item.Title },
        });

        await ClickAsync("[data-testid=untick-save]");
        Dialogs.WaitForAssertion(() => Assert.Equal("Geef een reden waarom het punt niet meer is afgevinkt.", FieldMessage("[data-testid=untick-reason]")));
        Assert.False(dialog.Result.IsCompleted);

        await Dialogs.InvokeAsync(() => Dialogs.Find("[data-testid=untick-reason]").Change("Verkeerd punt"));
        await ClickAsync("[data-testid=untick-save]");

        var result = await dialog.Result.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(Assert.IsType<HandlerResult>(result!.Data).Succeeded);
        Assert.False((await PhaseAsync(id)).Items.Single(i => i.ItemId == item.ItemId).Ticked);
    }

    [Fact]
    public async Task ChangePhaseDialog_Back_WithoutReasonIsRefusedAtTheReasonField()
    {
        var (id, _) = await ComplexWithItemAsync();
        var phases = Services.GetRequiredService<PhaseHandler>();
        Assert.True((await phases.TransitionAsync(id, new TransitionInput { ToPhase = 1, Reason = "Start", Version = (await PhaseAsync(id)).Version }, CancellationToken.None)).Succeeded);
        var dialog = await ShowAsync<ChangePhaseDialog>(new DialogParameters<ChangePhaseDialog>
        {
            { d => d.ComplexId, id }, { d => d.FromPhase, 1 }, { d => d.ToPhase, 0 }, { d => d.Version, (await PhaseAsync(id)).Version },
        });

        Assert.Equal("Terug naar fase 0 — Programma opzet", Dialogs.Find("h2").TextContent.Trim());
        await ClickAsync("[data-testid=phase-save]");

        Dialogs.WaitForAssertion(() => Assert.Equal("De reden is verplicht.", FieldMessage("[data-testid=phase-reason]")));
        Assert.False(dialog.Result.IsCompleted);
        Assert.Equal(1, (await PhaseAsync(id)).CurrentPhase);
    }

    [Fact]
    public async Task ChangePhaseDialog_ForwardWithOpenItems_ListsThemAndAsksTheLeadForAReason()
    {
        var (id, _) = await ComplexWithItemAsync();
        var view = await PhaseAsync(id);
        var open = view.OpenItems.Select(i => i.Title).ToList();
        await ShowAsync<ChangePhaseDialog>(new DialogParameters<ChangePhaseDialog>
        {
            { d => d.ComplexId, id }, { d => d.FromPhase, 0 }, { d => d.ToPhase, 1 }, { d => d.Version, view.Version },
            { d => d.OpenItems, open }, { d => d.ItemCount, 2 },
        });

        Assert.Equal(open, Dialogs.FindAll("[data-testid=open-items] li").Select(li => li.TextContent.Trim()));
        Assert.Equal("Reden om af te wijken van de checklist",
            Dialogs.Find("[data-testid=phase-reason]").Closest(".mud-input-control")!.QuerySelector("label")!.TextContent.Trim());
    }

    [Fact]
    public async Task ChangePhaseDialog_StaleVersion_ClosesWithAConflictAndMovesNothing()
    {
        var (id, _) = await ComplexWithItemAsync();
        var stale = (await PhaseAsync(id)).Version;
        var phases = Services.GetRequiredService<PhaseHandler>();
        Assert.True((await phases.TransitionAsync(id, new TransitionInput { ToPhase = 1, Reason = "Start", Version = stale }, CancellationToken.None)).Succeeded);
        var dialog = await ShowAsync<ChangePhaseDialog>(new DialogParameters<ChangePhaseDialog>
        {
            { d => d.ComplexId, id }, { d => d.FromPhase, 0 }, { d => d.ToPhase, 1 }, { d => d.Version, stale },
            { d => d.OpenItems, ["x"] }, { d => d.ItemCount, 2 },
        });

        await Dialogs.InvokeAsync(() => Dialogs.Find("[data-testid=phase-reason]").Change("Nog een keer"));
        await ClickAsync("[data-testid=phase-save]");

        var result = await dialog.Result.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(ResultKind.Conflict, Assert.IsType<HandlerResult>(result!.Data).Kind);
        var after = await PhaseAsync(id);
        Assert.Equal(1, after.CurrentPhase);
        Assert.Single(after.Timeline);
    }

    [Fact]
    public async Task ChangePhaseDialog_Cancel_ChangesNothing()
    {
        var (id, _) = await ComplexWithItemAsync();
        var view = await PhaseAsync(id);
        var dialog = await ShowAsync<ChangePhaseDialog>(new DialogParameters<ChangePhaseDialog>
        {
            { d => d.ComplexId, id }, { d => d.FromPhase, 0 }, { d => d.ToPhase, 1 }, { d => d.Version, view.Version },
        });

        await Dialogs.InvokeAsync(() => Dialogs.FindAll(".mud-dialog-actions button")[0].Click());

        var result = await dialog.Result.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(result!.Canceled);
        Assert.Equal(0, (await PhaseAsync(id)).CurrentPhase);
    }

    private async Task<(Guid Id, ChecklistItemView Item)> ComplexWithItemAsync()
    {
        await SignInAsync(Lead, Tenant);
        var id = await TestComplexes.CreateAsync(App.Services, Tenant, Lead);
        return (id, (await PhaseAsync(id)).OpenItems[0]);
    }

    private async Task<IDialogReference> ShowAsync<TDialog>(DialogParameters<TDialog> parameters)
        where TDialog : Microsoft.AspNetCore.Components.ComponentBase
    {
        RenderWithProviders<MudText>();
        var service = Context.Services.GetRequiredService<IDialogService>();
        var dialog = await Dialogs.InvokeAsync(() => service.ShowAsync<TDialog>("", parameters));
        Dialogs.WaitForElement(".mud-dialog-actions");
        return dialog;
    }

    private Task ClickAsync(string css) => Dialogs.InvokeAsync(() => Dialogs.Find(css).Click());

    private string? FieldMessage(string inputCss) =>
        Dialogs.Find(inputCss).Closest(".mud-input-control")?.QuerySelector(".mud-input-helper-text")?.TextContent.Trim() is { Length: > 0 } text ? text : null;

    private async Task<PhaseView> PhaseAsync(Guid id) =>
        (await Services.GetRequiredService<PhaseHandler>().GetAsync(id, CancellationToken.None))!;
}
