using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Plusflat.Domain.Complexes;
using Plusflat.Web.Features.Complexes;
using Plusflat.Web.Features.Home;
using Plusflat.Web.Features.Overview;
using Plusflat.Web.Features.Shared;
using Plusflat.Web.Tenancy;
using ComplexesPage = Plusflat.Web.Features.Complexes.Complexes;

namespace Plusflat.Web.Tests.Complexes;

/// <summary>
/// Archiving a complex (handlers on real PostgreSQL, the pages in bunit, the API over HTTP): it leaves the list, the
/// counts, the start page and the overview, a filter shows it, it can be restored, nothing is deleted, and both moves
/// are on the timeline.
/// </summary>
public sealed class ComplexArchiveTests(PlusflatApp app) : ComponentTest(app)
{
    private const string Tenant = "lltf-amsterdam";
    private const string Lead = "lead@lltf-amsterdam.demo";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private ArchiveComplexHandler Archives => Services.GetRequiredService<ArchiveComplexHandler>();

    private static string Town() => "Archiefdorp" + Guid.NewGuid().ToString("N")[..8];

    private async Task<Guid> CreateAsync(string name, string town, int phase = 0)
    {
        var result = await Services.GetRequiredService<EditComplexHandler>().CreateAsync(new ComplexInput
        {
            Name = name, Address = TestComplexes.UniqueAddress("Archiefstraat"), Postcode = "1011 AB", Municipality = town, District = town,
            DwellingCount = 110,
        }, CancellationToken.None);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
        return result.Id!.Value;
    }

    private async Task<uint> VersionAsync(Guid id) =>
        (await Services.GetRequiredService<ComplexDetailsHandler>().GetAsync(id, CancellationToken.None))!.Version;

    private async Task ArchiveAsync(Guid id, string reason = "Pand wordt gesloopt")
    {
        var result = await Archives.ArchiveAsync(id, new ArchiveInput { ArchiveReason = reason, Version = await VersionAsync(id) }, CancellationToken.None);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
    }

    private async Task<ComplexListResult> ListAsync(string town, bool archived = false) =>
        await Services.GetRequiredService<ListComplexesHandler>().ListAsync(new ComplexFilter { Municipality = town, Archived = archived }, CancellationToken.None);

    [Fact]
    public async Task Archive_LeavesTheListCountsStartPageAndOverview_AndTheArchiveFilterShowsIt()
    {
        await SignInAsync(Lead, Tenant);
        var town = Town();
        var kept = await CreateAsync("Blijvend " + town, town);
        var archived = await CreateAsync("Gearchiveerd " + town, town);
        var overview = await Services.GetRequiredService<GetOverviewHandler>().GetAsync(CancellationToken.None);
        var start = await Services.GetRequiredService<GetStartPageHandler>().GetAsync(CancellationToken.None);

        await ArchiveAsync(archived);

        Assert.Equal([kept], (await ListAsync(town)).Items.Select(i => i.Id));
        Assert.Equal(1, (await ListAsync(town)).TotalCount);
        Assert.Equal([archived], (await ListAsync(town, archived: true)).Items.Select(i => i.Id));
        var overviewAfter = await Services.GetRequiredService<GetOverviewHandler>().GetAsync(CancellationToken.None);
        Assert.Equal(overview.Total - 1, overviewAfter.Total);
        Assert.Equal(overview.PerPhase[0].Count - 1, overviewAfter.PerPhase[0].Count);
        Assert.Equal(1, overviewAfter.PerDistrict.Single(d => d.Name == town).Count);
        var startAfter = await Services.GetRequiredService<GetStartPageHandler>().GetAsync(CancellationToken.None);
        Assert.Equal(start.Complexes - 1, startAfter.Complexes);
        Assert.Equal(start.ComplexesPerPhase![0] - 1, startAfter.ComplexesPerPhase![0]);
        var csv = Encoding.UTF8.GetString(await Services.GetRequiredService<ExportComplexesHandler>().CsvAsync(new ComplexFilter { Municipality = town }, CancellationToken.None));
        Assert.Contains("Blijvend " + town, csv, StringComparison.Ordinal);
        Assert.DoesNotContain("Gearchiveerd " + town, csv, StringComparison.Ordinal);
        var gates = await Services.GetRequiredService<Plusflat.Web.Features.Admission.ListAdmissionOutcomesHandler>()
            .ListAsync(Plusflat.Web.Features.Admission.GateOutcomeFilter.All, CancellationToken.None);
        Assert.Contains(gates.Rows, r => r.ComplexId == kept);
        Assert.DoesNotContain(gates.Rows, r => r.ComplexId == archived);
    }

    [Fact]
    public async Task Archive_NothingIsDeleted_AndTheReasonIsOnTheTimeline()
    {
        await SignInAsync(Lead, Tenant);
        var id = await CreateAsync("Bewaard " + Town(), Town());
        var phases = Services.GetRequiredService<PhaseHandler>();
        var item = (await phases.GetAsync(id, CancellationToken.None))!.OpenItems[0];
        await phases.TickAsync(id, new TickInput { ItemId = item.ItemId, TickedOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1)) }, CancellationToken.None);

        await ArchiveAsync(id, "Dubbel ingevoerd");

        var details = (await Services.GetRequiredService<ComplexDetailsHandler>().GetAsync(id, CancellationToken.None))!;
        Assert.Equal("Dubbel ingevoerd", details.Archive!.Reason);
        Assert.Equal("Lotte de Leeuw", details.Archive.By);
        Assert.Single(details.TickedItems);
        var archivedLine = details.Timeline[0];
        Assert.Equal((TimelineKind.Archived, "Dubbel ingevoerd"), (archivedLine.Kind, archivedLine.Reason));
        Assert.Equal(1, await App.ScalarAsync<long>("SELECT count(*) FROM complexes WHERE id = @p0", id));
    }

    [Fact]
    public async Task Restore_BringsTheComplexBackIntoTheListAndIsOnTheTimeline()
    {
        await SignInAsync(Lead, Tenant);
        var town = Town();
        var id = await CreateAsync("Terug " + town, town);
        await ArchiveAsync(id);

        var result = await Archives.RestoreAsync(id, new RestoreInput { Version = await VersionAsync(id) }, CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.Equal([id], (await ListAsync(town)).Items.Select(i => i.Id));
        Assert.Empty((await ListAsync(town, archived: true)).Items);
        var details = (await Services.GetRequiredService<ComplexDetailsHandler>().GetAsync(id, CancellationToken.None))!;
        Assert.Null(details.Archive);
        Assert.Equal([TimelineKind.Restored, TimelineKind.Archived, TimelineKind.Created], details.Timeline.Select(t => t.Kind));
    }

    [Fact]
    public async Task Archive_WithoutReason_RefusedAtTheReasonAndNothingChanges()
    {
        await SignInAsync(Lead, Tenant);
        var town = Town();
        var id = await CreateAsync("Zonder reden " + town, town);

        var result = await Archives.ArchiveAsync(id, new ArchiveInput { ArchiveReason = "  ", Version = await VersionAsync(id) }, CancellationToken.None);

        Assert.Equal(ResultKind.Invalid, result.Kind);
        Assert.Equal(nameof(ArchiveInput.ArchiveReason), Assert.Single(result.Errors).Field);
        Assert.Single((await ListAsync(town)).Items);
    }

    [Fact]
    public async Task Archive_StaleVersion_IsAConflictAndNothingChanges()
    {
        await SignInAsync(Lead, Tenant);
        var town = Town();
        var id = await CreateAsync("Oud " + town, town);
        var stale = await VersionAsync(id);
        var input = (await Services.GetRequiredService<EditComplexHandler>().GetAsync(id, CancellationToken.None))!.Input;
        input.Notes = "Intussen gewijzigd";
        Assert.True((await Services.GetRequiredService<EditComplexHandler>().UpdateAsync(id, input, CancellationToken.None)).Succeeded);

        var result = await Archives.ArchiveAsync(id, new ArchiveInput { ArchiveReason = "Weg", Version = stale }, CancellationToken.None);

        Assert.Equal(ResultKind.Conflict, result.Kind);
        Assert.Single((await ListAsync(town)).Items);
    }

    [Fact]
    public async Task Update_ArchivedComplex_IsRefusedUntilRestored()
    {
        await SignInAsync(Lead, Tenant);
        var id = await CreateAsync("Bevroren " + Town(), Town());
        await ArchiveAsync(id);
        var input = (await Services.GetRequiredService<EditComplexHandler>().GetAsync(id, CancellationToken.None))!.Input;
        input.Notes = "Nog even wijzigen";

        var result = await Services.GetRequiredService<EditComplexHandler>().UpdateAsync(id, input, CancellationToken.None);

        Assert.Equal(ResultKind.Invalid, result.Kind);
        Assert.Equal(Complex.ArchivedMessage, Assert.Single(result.Errors).Message);
    }

    [Fact]
    public async Task Archive_FlatTeamMember_IsRefused()
    {
        var id = await TestComplexes.CreateAsync(App.Services, Tenant, Lead);
        await SignInAsync("team@lltf-amsterdam.demo", Tenant);

        await Assert.ThrowsAsync<ForbiddenException>(() => Archives.ArchiveAsync(id, new ArchiveInput { ArchiveReason = "x", Version = 1 }, CancellationToken.None));
        await Assert.ThrowsAsync<ForbiddenException>(() => Archives.RestoreAsync(id, new RestoreInput { Version = 1 }, CancellationToken.None));
    }

    [Fact]
    public async Task DetailPage_ArchiveDialogWithReason_ShowsTheArchiveAndOffersRestore()
    {
        await SignInAsync(Lead, Tenant);
        var id = await CreateAsync("Dialoogflat " + Town(), Town());
        var page = RenderWithProviders<ComplexDetail>(p => p.Add(x => x.Tenant, Tenant).Add(x => x.Id, id));
        page.WaitForElement("[data-testid=archive-complex]", Wait);

        await page.InvokeAsync(() => page.Find("[data-testid=archive-complex]").Click());
        Dialogs.WaitForElement("[data-testid=archive-save]", Wait);
        await Dialogs.InvokeAsync(() => Dialogs.Find("[data-testid=archive-save]").Click());
        Dialogs.WaitForAssertion(() => Assert.Equal("Geef een reden waarom het wooncomplex wordt gearchiveerd.",
            Dialogs.Find("[data-testid=archive-reason-input]").Closest(".mud-input-control")?.QuerySelector(".mud-input-helper-text")?.TextContent.Trim()), Wait);
        await Dialogs.InvokeAsync(() => Dialogs.Find("[data-testid=archive-reason-input]").Change("Corporatie verkoopt het pand"));
        await Dialogs.InvokeAsync(() => Dialogs.Find("[data-testid=archive-save]").Click());

        page.WaitForAssertion(() => Assert.Equal("Reden: Corporatie verkoopt het pand", page.Find("[data-testid=archive-reason]").TextContent.Trim()), Wait);
        Snackbars.WaitForAssertion(() => Assert.Contains("Wooncomplex gearchiveerd.", Snackbars.Markup, StringComparison.Ordinal), Wait);
        Assert.Empty(page.FindAll("[data-testid=edit-complex]"));
        Assert.Empty(page.FindAll("button[data-testid=tick]"));

        await page.InvokeAsync(() => page.Find("[data-testid=restore-complex]").Click());

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=archived]")), Wait);
        Assert.NotEmpty(page.FindAll("[data-testid=edit-complex]"));
    }

    // The grid's own loading is left out: MudDataGrid's first load races in bunit (see ComplexListBrowserTests); what the
    // list shows for ?archief=ja is ListComplexesHandler's, tested above.
    [Fact]
    public async Task ListPage_ArchiveSwitch_PutsTheArchiveIntoTheUrl_WhichSelectsTheArchivedOnes()
    {
        await SignInAsync(Lead, Tenant);
        var town = Town();
        Navigation.NavigateTo($"/{Tenant}/complexen?gemeente={town}");
        var list = RenderWithProviders<ComplexesPage>(p => p.Add(x => x.Tenant, Tenant));
        var toggle = list.WaitForElement("input[data-testid=filter-archived], [data-testid=filter-archived] input", Wait);
        Assert.Equal("Gearchiveerde wooncomplexen tonen", toggle.Closest("label")?.TextContent.Trim());

        await list.InvokeAsync(() => list.Find("input[data-testid=filter-archived], [data-testid=filter-archived] input").Change(true));

        list.WaitForAssertion(() => Assert.EndsWith($"/{Tenant}/complexen?gemeente={town}&archief=ja", Navigation.Uri, StringComparison.Ordinal), Wait);
        Assert.True(ComplexQueryString.FromUri(Navigation.Uri).Archived);
        Assert.False(ComplexQueryString.FromUri($"/{Tenant}/complexen?gemeente={town}").Archived);
    }

    [Fact]
    public async Task Api_ArchiveAndRestore_WithTheEditPermission()
    {
        await SignInAsync(Lead, Tenant);
        var town = Town();
        var id = await CreateAsync("Apiflat " + town, town);
        var client = await App.SignedInClientAsync(Lead);
        var url = $"/api/v1/{Tenant}/complexes";
        var version = (await client.GetJsonAsync($"{url}/{id}")).GetProperty("version").GetUInt32();

        var noReason = await client.PostAsJsonAsync($"{url}/{id}/archive", new { reason = "", version });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        using (var problem = JsonDocument.Parse(await noReason.Content.ReadAsStringAsync()))
        {
            Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty("reason", out _), problem.RootElement.ToString());
        }

        var team = await App.SignedInClientAsync("team@lltf-amsterdam.demo");
        Assert.Equal(HttpStatusCode.Forbidden, (await team.PostAsJsonAsync($"{url}/{id}/archive", new { reason = "x", version })).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync($"{url}/{id}/archive", new { reason = "Gesloopt", version })).StatusCode);
        Assert.Equal(0, (await client.GetJsonAsync($"{url}?municipality={town}")).GetProperty("totalCount").GetInt32());
        Assert.Equal(1, (await client.GetJsonAsync($"{url}?municipality={town}&archived=true")).GetProperty("totalCount").GetInt32());
        var history = await client.GetJsonAsync($"{url}/{id}/history");
        Assert.Equal("Gesloopt", history[0].GetProperty("reason").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.String, (await client.GetJsonAsync($"{url}/{id}")).GetProperty("archivedAt").ValueKind);

        version = (await client.GetJsonAsync($"{url}/{id}")).GetProperty("version").GetUInt32();
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync($"{url}/{id}/restore", new { version })).StatusCode);
        Assert.Equal(1, (await client.GetJsonAsync($"{url}?municipality={town}")).GetProperty("totalCount").GetInt32());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, (await client.GetJsonAsync($"{url}/{id}")).GetProperty("archivedAt").ValueKind);
    }
}
