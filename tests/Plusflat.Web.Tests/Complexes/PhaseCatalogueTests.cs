using System.Net.Http.Json;
using System.Text.Json;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Plusflat.Web.Features.Phases;
using Plusflat.Web.Tests.Start;

namespace Plusflat.Web.Tests.Complexes;

/// <summary>The phase checklist catalogue page (interactive) and its handler, on the real database.</summary>
public sealed class PhaseCatalogueTests(PlusflatApp app) : ComponentTest(app)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private const string Rotterdam = "thuisplusflat-rotterdam";

    [Fact]
    public async Task AddItem_MakesANewVersionThatNewComplexesUseWhileExistingKeepTheirs()
    {
        await SignInAsync("lead@thuisplusflat-rotterdam.demo", Rotterdam);
        var existing = await App.AddComplexAsync(Rotterdam);
        var versionBefore = await LatestVersionAsync();
        var title = "Sleutelbeheer geregeld " + Guid.NewGuid().ToString("N")[..4];
        var page = Render();

        MudFieldLookup.Choose(page, Popovers, "new-phase", "0 — Programma opzet");
        page.Find("[data-testid=new-title]").Change(title);
        page.Find("[data-testid=add-item]").Click();

        page.WaitForAssertion(() => Assert.Contains(
            page.FindAll("[data-testid=catalogue-phase-0] [data-testid=catalogue-item]"), row => row.TextContent.Contains(title, StringComparison.Ordinal)), Wait);
        Assert.Contains($"Versie {versionBefore + 1}.", page.Find("[data-testid=catalogue-version]").TextContent, StringComparison.Ordinal);
        Snackbars.WaitForAssertion(() => Assert.Contains("nieuwe versie van de checklist opgeslagen", Snackbars.Markup, StringComparison.Ordinal), Wait);
        Assert.Equal(versionBefore + 1, await LatestVersionAsync());
        Assert.Equal(versionBefore, await VersionOfComplexAsync(existing));
        var api = await App.SignedInClientAsync("lead@thuisplusflat-rotterdam.demo");
        var created = await CreateThroughApiAsync(api);
        Assert.Equal(versionBefore + 1, await VersionOfComplexAsync(created));
        Assert.Equal(2, await PhaseZeroItemCountAsync(api, existing));
        Assert.Equal(3, await PhaseZeroItemCountAsync(api, created));
    }

    [Fact]
    public async Task AddItem_NothingFilledIn_MarksBothFieldsAndMakesNoVersion()
    {
        await SignInAsync("lead@thuisplusflat-rotterdam.demo", Rotterdam);
        var versionBefore = await LatestVersionAsync();
        var page = Render();

        page.Find("[data-testid=add-item]").Click();

        page.WaitForAssertion(() => Assert.Equal("Kies de fase.", MudFieldLookup.ErrorAt(page.Find("[data-testid=new-phase]"))), Wait);
        Assert.Equal("Vul de omschrijving van het punt in.", MudFieldLookup.ErrorAt(page.Find("[data-testid=new-title]")));
        Assert.Equal(versionBefore, await LatestVersionAsync());
        Assert.DoesNotContain("nieuwe versie van de checklist opgeslagen", Snackbars.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RemoveItem_AfterConfirming_MakesANewVersionWithoutIt()
    {
        await SignInAsync("lead@thuisplusflat-rotterdam.demo", Rotterdam);
        var versionBefore = await LatestVersionAsync();
        var page = Render();
        var row = page.FindAll("[data-testid=catalogue-phase-2] [data-testid=catalogue-item]").First();
        var title = row.QuerySelector("td")!.TextContent.Trim();

        row.QuerySelector("[data-testid=remove-item]")!.Click();
        Dialogs.WaitForAssertion(() => Assert.Contains(title, Dialogs.Markup, StringComparison.Ordinal), Wait);
        Dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Verwijderen").Click();

        page.WaitForAssertion(() => Assert.DoesNotContain(
            page.FindAll("[data-testid=catalogue-phase-2] [data-testid=catalogue-item]"), r => r.TextContent.Contains(title, StringComparison.Ordinal)), Wait);
        Assert.Equal(versionBefore + 1, await LatestVersionAsync());
    }

    [Fact]
    public async Task Catalogue_ShowsPhaseNamesAndTitles_NeverInternalCodes()
    {
        await SignInAsync("lead@lltf-amsterdam.demo", "lltf-amsterdam");

        var page = Render();

        Assert.Equal("Fase 1 — Verkennen samenwerking", page.Find("[data-testid=catalogue-phase-1] h2").TextContent.Trim());
        Assert.DoesNotMatch(@"\bp[0-4]-[a-z]", page.Markup);
    }

    [Fact]
    public async Task AddItem_FlatTeamMember_SeesNoFormAndTheHandlerRefuses()
    {
        await SignInAsync("team@lltf-amsterdam.demo", "lltf-amsterdam");

        var page = Render();

        Assert.Empty(page.FindAll("[data-testid=add-item-form]"));
        Assert.Empty(page.FindAll("[data-testid=remove-item]"));
        await Assert.ThrowsAsync<Plusflat.Web.Tenancy.ForbiddenException>(() => Services.GetRequiredService<PhaseCatalogueHandler>()
            .AddAsync(new AddItemInput { Phase = 1, Title = "Mag niet toegevoegd worden" }, CancellationToken.None));
        Assert.False(await App.InTenantAsync("lltf-amsterdam", db => db.PhaseCatalogues.SelectMany(c => c.Items).AnyAsync(i => i.Title == "Mag niet toegevoegd worden")));
    }

    [Theory]
    [InlineData(2, "Sleutelbeheer geregeld", "p2-sleutelbeheer-geregeld")]
    [InlineData(1, "Één ambitie & één plan!", "p1-een-ambitie-een-plan")]
    [InlineData(0, "???", "p0-punt")]
    public void UniqueCode_IsReadableAndValid(int phase, string title, string expected) =>
        Assert.Equal(expected, PhaseCatalogueHandler.UniqueCode(phase, title, new HashSet<string>()));

    [Fact]
    public void UniqueCode_TakenCode_GetsASuffix() =>
        Assert.Equal("p0-punt-2", PhaseCatalogueHandler.UniqueCode(0, "Punt", new HashSet<string> { "p0-punt" }));

    private IRenderedComponent<PhaseChecklist> Render()
    {
        var page = RenderWithProviders<PhaseChecklist>(p => p.Add(x => x.Tenant, "unused"));
        page.WaitForAssertion(() => page.Find("[data-testid=catalogue-phase-0]"), Wait);
        return page;
    }

    private Task<int> LatestVersionAsync() =>
        App.InTenantAsync(Rotterdam, db => db.PhaseCatalogues.MaxAsync(c => c.Version));

    private Task<int> VersionOfComplexAsync(Guid id) =>
        App.InTenantAsync(Rotterdam, db => db.Complexes.Where(c => c.Id == id)
            .Join(db.PhaseCatalogues, c => c.CatalogueId, k => k.Id, (c, k) => k.Version).SingleAsync());

    private static async Task<Guid> CreateThroughApiAsync(HttpClient client)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/{Rotterdam}/complexes", new
        {
            name = "Versieflat " + Guid.NewGuid().ToString("N")[..6], address = "Versieweg 1", postcode = "3012 AB", municipality = "Rotterdam", dwellingCount = 150,
        });
        Assert.True(response.IsSuccessStatusCode, $"Creating a complex through the API answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<int> PhaseZeroItemCountAsync(HttpClient client, Guid id) =>
        (await client.GetJsonAsync($"/api/v1/{Rotterdam}/complexes/{id}/phase"))
            .GetProperty("items").EnumerateArray().Count(i => i.GetProperty("phase").GetInt32() == 0);
}
