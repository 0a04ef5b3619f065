using System.Net.Http.Json;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Plusflat.Web.Features.Complexes;
using Plusflat.Web.Features.Phases;
using Plusflat.Web.Features.Shared;
using Plusflat.Web.Tenancy;

namespace Plusflat.Web.Tests.Complexes;

/// <summary>
/// Moving an existing complex to a newer version of the phase checklist (handlers on real PostgreSQL, the detail page in
/// bunit, the API): ticks of items that still exist carry over, the others are reported, and the move is on the timeline.
/// Every test makes its own catalogue versions, so they do not depend on each other's order.
/// </summary>
public sealed class ComplexChecklistMoveTests(PlusflatApp app) : ComponentTest(app)
{
    private const string Tenant = "lltf-amsterdam";
    private const string Lead = "lead@lltf-amsterdam.demo";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private ComplexDetailsHandler Details => Services.GetRequiredService<ComplexDetailsHandler>();

    /// <summary>
    /// A complex on a version with an extra phase-0 item, every phase-0 item ticked, and then a newer version without that
    /// extra item: returns the complex and the extra item's title (the one tick that cannot carry over).
    /// </summary>
    private async Task<(Guid Id, string Dropped)> ComplexWithANewerChecklistAsync()
    {
        var catalogue = Services.GetRequiredService<PhaseCatalogueHandler>();
        var dropped = "Tijdelijk punt " + Guid.NewGuid().ToString("N")[..6];
        Assert.True((await catalogue.AddAsync(new AddItemInput { Phase = 0, Title = dropped }, CancellationToken.None)).Succeeded);
        var result = await Services.GetRequiredService<EditComplexHandler>().CreateAsync(new ComplexInput
        {
            Name = "Versieflat " + Guid.NewGuid().ToString("N")[..6], Address = TestComplexes.UniqueAddress("Versieweg"), Postcode = "1011 AB",
            Municipality = "Amsterdam", DwellingCount = 120,
        }, CancellationToken.None);
        var id = result.Id!.Value;
        var phases = Services.GetRequiredService<PhaseHandler>();
        foreach (var item in (await phases.GetAsync(id, CancellationToken.None))!.OpenItems)
        {
            Assert.True((await phases.TickAsync(id, new TickInput { ItemId = item.ItemId, TickedOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-2)) }, CancellationToken.None)).Succeeded);
        }

        var code = (await catalogue.GetAsync(CancellationToken.None)).Items.Single(i => i.Title == dropped).Code;
        Assert.True((await catalogue.RemoveAsync(new RemoveItemInput { Code = code }, CancellationToken.None)).Succeeded);
        return (id, dropped);
    }

    [Fact]
    public async Task Move_TicksOfItemsThatStillExistCarryOver_TheOthersAreReportedAndOnTheTimeline()
    {
        await SignInAsync(Lead, Tenant);
        var (id, dropped) = await ComplexWithANewerChecklistAsync();
        var before = (await Details.GetAsync(id, CancellationToken.None))!;
        Assert.Equal(before.CatalogueVersion + 1, before.NewerCatalogueVersion);
        var handler = Services.GetRequiredService<MoveComplexChecklistHandler>();

        var preview = (await handler.PreviewAsync(id, CancellationToken.None))!;
        var (result, move) = await handler.MoveAsync(id, before.Version, CancellationToken.None);

        Assert.Equal([dropped], preview.NotCarriedOver);
        Assert.True(result.Succeeded);
        Assert.Equal(preview, move! with { CarriedOver = preview.CarriedOver, NotCarriedOver = preview.NotCarriedOver });
        Assert.Equal(preview.CarriedOver, move.CarriedOver);
        Assert.Equal([dropped], move.NotCarriedOver);
        var after = (await Details.GetAsync(id, CancellationToken.None))!;
        Assert.Equal(before.CatalogueVersion + 1, after.CatalogueVersion);
        Assert.Null(after.NewerCatalogueVersion);
        Assert.Equal(before.CurrentItems.Count - 1, after.CurrentItems.Count);
        Assert.All(after.CurrentItems, i => Assert.True(i.Ticked));
        Assert.DoesNotContain(after.CurrentItems, i => i.Title == dropped);
        var moved = after.Timeline[0];
        Assert.Equal((TimelineKind.ChecklistVersionChanged, dropped), (moved.Kind, moved.Reason));
        Assert.Equal((before.CatalogueVersion.ToString(System.Globalization.CultureInfo.InvariantCulture),
            after.CatalogueVersion.ToString(System.Globalization.CultureInfo.InvariantCulture)), (moved.OldValue, moved.NewValue));
        Assert.Contains(after.Timeline, t => t.Kind == TimelineKind.Ticked && t.ItemTitle == dropped);
    }

    [Fact]
    public async Task Move_StaleVersion_IsAConflictAndTheComplexStays()
    {
        await SignInAsync(Lead, Tenant);
        var (id, _) = await ComplexWithANewerChecklistAsync();
        var before = (await Details.GetAsync(id, CancellationToken.None))!;

        var (result, move) = await Services.GetRequiredService<MoveComplexChecklistHandler>().MoveAsync(id, before.Version - 1, CancellationToken.None);

        Assert.Equal(ResultKind.Conflict, result.Kind);
        Assert.Null(move);
        Assert.Equal(before.CatalogueVersion, (await Details.GetAsync(id, CancellationToken.None))!.CatalogueVersion);
    }

    [Fact]
    public async Task Move_FlatTeamMember_IsRefused()
    {
        var id = await TestComplexes.CreateAsync(App.Services, Tenant, Lead);
        await SignInAsync("team@lltf-amsterdam.demo", Tenant);

        await Assert.ThrowsAsync<ForbiddenException>(() => Services.GetRequiredService<MoveComplexChecklistHandler>().MoveAsync(id, 1, CancellationToken.None));
        await Assert.ThrowsAsync<ForbiddenException>(() => Services.GetRequiredService<MoveComplexChecklistHandler>().PreviewAsync(id, CancellationToken.None));
    }

    [Fact]
    public async Task DetailPage_NewerVersion_OffersTheMoveShowsWhatDoesNotCarryOverAndMoves()
    {
        await SignInAsync(Lead, Tenant);
        var (id, dropped) = await ComplexWithANewerChecklistAsync();
        var newer = (await Details.GetAsync(id, CancellationToken.None))!.NewerCatalogueVersion!.Value;
        var page = RenderWithProviders<ComplexDetail>(p => p.Add(x => x.Tenant, Tenant).Add(x => x.Id, id));
        page.WaitForElement("[data-testid=move-checklist]", Wait);
        Assert.Equal($"Naar checklist versie {newer}", page.Find("[data-testid=move-checklist]").TextContent.Trim());

        await page.InvokeAsync(() => page.Find("[data-testid=move-checklist]").Click());
        Dialogs.WaitForElement("[data-testid=move-checklist-not-carried]", Wait);
        Assert.Equal([dropped], Dialogs.FindAll("[data-testid=move-checklist-not-carried] li").Select(li => li.TextContent.Trim()));
        await Dialogs.InvokeAsync(() => Dialogs.Find("[data-testid=move-checklist-save]").Click());

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=move-checklist]")), Wait);
        Assert.Contains($"Checklist versie {newer} van het programma.", page.Markup, StringComparison.Ordinal);
        Assert.StartsWith($"Naar checklist versie {newer} (was versie {newer - 1})", page.FindAll("[data-testid=timeline-what]")[0].TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal([dropped], page.FindAll("[data-testid=timeline-not-carried-items] li").Select(li => li.TextContent.Trim()));
    }

    [Fact]
    public async Task Api_Move_ReturnsWhatCarriedOverAndWhatDidNot()
    {
        await SignInAsync(Lead, Tenant);
        var (id, dropped) = await ComplexWithANewerChecklistAsync();
        var client = await App.SignedInClientAsync(Lead);
        var version = (await client.GetJsonAsync($"/api/v1/{Tenant}/complexes/{id}")).GetProperty("version").GetUInt32();

        var response = await client.PostAsJsonAsync($"/api/v1/{Tenant}/complexes/{id}/checklist-version", new { version });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.Equal(dropped, body.GetProperty("notCarriedOver")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync($"/api/v1/{Tenant}/complexes/{id}/checklist-version", new { })).StatusCode);
    }
}
