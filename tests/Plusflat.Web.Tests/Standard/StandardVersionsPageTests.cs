using Bunit;
using Microsoft.EntityFrameworkCore;
using Plusflat.Domain.Standard;
using Plusflat.Web.Features.Standard;
using Plusflat.Web.Tests.Start;

namespace Plusflat.Web.Tests.Standard;

/// <summary>
/// The page where a programme lead makes a new version of the product standard (real handler on real PostgreSQL, the
/// page in bunit): edited texts, an added item, marked fields, a conflict when someone saved a version meanwhile.
/// </summary>
public sealed class StandardVersionsPageTests(PlusflatApp app) : ComponentTest(app)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private const string Tenant = "lltf-amsterdam";

    private const string Lead = "lead@lltf-amsterdam.demo";

    [Fact]
    public async Task Save_AnEditedTextAndAnAddedMust_BecomeTheNewestVersion_AndTheEarlierOneStays()
    {
        await SignInAsync(Lead, Tenant);
        var before = await NewestAsync();
        var itemsBefore = await App.InTenantAsync(Tenant, async db => (await db.StandardCatalogues.AsNoTracking().OrderByDescending(c => c.Version).FirstOrDefaultAsync())?.Items.Count
            ?? StandardCatalogue.DefaultItems.Count);
        var page = Render();
        page.Find("input[data-testid=version-name]").Change("Amsterdamse standaard " + Guid.NewGuid().ToString("N")[..6]);
        page.Find("[data-testid='version-item-wonen-toegankelijk'] [data-testid=item-text]").Change("Het wooncomplex is drempelvrij toegankelijk.");
        AddItem(page, "Housing");
        page.FindAll("[data-testid^='version-item-new-'] [data-testid=item-key]").Single().Change("wonen-lift-" + (before + 1));
        page.FindAll("[data-testid^='version-item-new-'] [data-testid=item-text]").Single().Change("Er is een lift naar elke verdieping.");

        page.Find("[data-testid=save-version]").Click();

        Snackbars.WaitForAssertion(() => Assert.Contains($"Versie {before + 1} opgeslagen", Snackbars.Markup, StringComparison.Ordinal), Wait);
        var newest = await App.InTenantAsync(Tenant, db => db.StandardCatalogues.AsNoTracking().OrderByDescending(c => c.Version).FirstAsync());
        Assert.Equal(before + 1, newest.Version);
        Assert.Equal("Het wooncomplex is drempelvrij toegankelijk.", newest.Find("wonen-toegankelijk")!.Text);
        var lift = newest.Find("wonen-lift-" + (before + 1))!;
        Assert.Equal((StandardDomain.Housing, StandardItemKind.Must), (lift.Domain, lift.Kind));
        Assert.Equal(itemsBefore + 1, newest.Items.Count);
        Assert.Equal(StandardCatalogue.DefaultItems.Single(i => i.Key == "wonen-toegankelijk").Text,
            (await App.InTenantAsync(Tenant, db => db.StandardCatalogues.AsNoTracking().FirstAsync(c => c.Version == 1))).Find("wonen-toegankelijk")!.Text);
        page.WaitForAssertion(() => Assert.Equal(before + 1, page.FindAll("[data-testid=version-row]").Count), Wait);
    }

    [Fact]
    public async Task Save_NoNameAnEmptyTextAndABadKey_MarksTheFieldsNamesTheKeyAndSavesNothing()
    {
        await SignInAsync(Lead, Tenant);
        var before = await NewestAsync();
        var page = Render();
        page.Find("[data-testid='version-item-wonen-toegankelijk'] [data-testid=item-text]").Change("");
        AddItem(page, "Governance");
        page.FindAll("[data-testid^='version-item-new-'] [data-testid=item-key]").Single().Change("Geen Sleutel");
        page.FindAll("[data-testid^='version-item-new-'] [data-testid=item-text]").Single().Change("Een jaarlijkse bewonersavond.");

        page.Find("[data-testid=save-version]").Click();

        page.WaitForAssertion(() => Assert.StartsWith("De tekst van 'wonen-toegankelijk' is leeg",
            MudFieldLookup.ErrorAt(page.Find("[data-testid='version-item-wonen-toegankelijk'] [data-testid=item-text]")), StringComparison.Ordinal), Wait);
        Assert.Equal("Geef de versie van de productstandaard een naam.", MudFieldLookup.ErrorAt(page.Find("input[data-testid=version-name]")));
        Assert.StartsWith("De sleutel 'Geen Sleutel' is ongeldig", MudFieldLookup.ErrorAt(page.FindAll("[data-testid^='version-item-new-'] [data-testid=item-key]").Single()), StringComparison.Ordinal);
        Assert.Equal("Een jaarlijkse bewonersavond.", page.FindAll("[data-testid^='version-item-new-'] [data-testid=item-text]").Single().GetAttribute("value")
            ?? page.FindAll("[data-testid^='version-item-new-'] [data-testid=item-text]").Single().TextContent);
        Assert.Equal(before, await NewestAsync());
    }

    [Fact]
    public async Task Save_SomeoneSavedAVersionMeanwhile_SaysSoSavesNothingAndStartsOverFromTheirs()
    {
        await SignInAsync(Lead, Tenant);
        var before = await NewestAsync();
        var first = Render();
        var second = Context.Render<StandardVersions>(p => p.Add(x => x.Tenant, Tenant));
        second.WaitForAssertion(() => second.Find("[data-testid=save-version]"), Wait);
        first.Find("input[data-testid=version-name]").Change("Eerste " + Guid.NewGuid().ToString("N")[..6]);
        first.Find("[data-testid=save-version]").Click();
        Snackbars.WaitForAssertion(() => Assert.Contains($"Versie {before + 1} opgeslagen", Snackbars.Markup, StringComparison.Ordinal), Wait);
        second.Find("input[data-testid=version-name]").Change("Tweede");

        second.Find("[data-testid=save-version]").Click();

        second.WaitForAssertion(() => Assert.Contains($"versie {before + 1}", second.Find("[data-testid=conflict]").TextContent, StringComparison.Ordinal), Wait);
        Assert.Equal(before + 1, await NewestAsync());
        second.Find("[data-testid=start-over]").Click();
        second.WaitForAssertion(() => Assert.Empty(second.FindAll("[data-testid=conflict]")), Wait);
        second.Find("input[data-testid=version-name]").Change("Tweede");
        second.Find("[data-testid=save-version]").Click();
        Snackbars.WaitForAssertion(() => Assert.Contains($"Versie {before + 2} opgeslagen", Snackbars.Markup, StringComparison.Ordinal), Wait);
    }

    [Fact]
    public async Task Page_FlatTeamMember_SeesTheNewestVersionReadOnly()
    {
        await SignInAsync("team@lltf-amsterdam.demo", Tenant);

        var page = RenderWithProviders<StandardVersions>(p => p.Add(x => x.Tenant, Tenant));
        page.WaitForAssertion(() => page.Find("[data-testid=versions]"), Wait);

        Assert.Empty(page.FindAll("[data-testid=save-version]"));
        Assert.Empty(page.FindAll("[data-testid=item-text]"));
        Assert.Contains("Het wooncomplex is goed toegankelijk.", page.Find("[data-testid='version-item-wonen-toegankelijk']").TextContent, StringComparison.Ordinal);
    }

    /// <summary>Adds an item to a domain and waits until its row is shown (MudBlazor's handlers finish asynchronously).</summary>
    private static void AddItem(IRenderedComponent<StandardVersions> page, string domain)
    {
        page.Find($"[data-testid=add-item-{domain}]").Click();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid^='version-item-new-'] [data-testid=item-key]")), Wait);
    }

    private IRenderedComponent<StandardVersions> Render()
    {
        var page = RenderWithProviders<StandardVersions>(p => p.Add(x => x.Tenant, Tenant));
        page.WaitForAssertion(() => page.Find("[data-testid=save-version]"), Wait);
        return page;
    }

    /// <summary>The newest stored version's number (1 when none is stored: the position paper, not yet written).</summary>
    private Task<int> NewestAsync() =>
        App.InTenantAsync(Tenant, async db => await db.StandardCatalogues.MaxAsync(c => (int?)c.Version) ?? 1);
}
