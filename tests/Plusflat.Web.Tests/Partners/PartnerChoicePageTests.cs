using Bunit;
using Microsoft.EntityFrameworkCore;
using Plusflat.Web.Features.Partners;
using Plusflat.Web.Tests.Start;

namespace Plusflat.Web.Tests.Partners;

/// <summary>The partner choice page with the real handlers on real PostgreSQL.</summary>
public sealed class PartnerChoicePageTests(PlusflatApp app) : ComponentTest(app)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private const string Tenant = "lltf-amsterdam";

    [Fact]
    public async Task Save_ChoosingACandidateThatFailsHardCriteria_IsRefusedAtTheFieldNamingThem_ThenAnEligibleOneIsSaved()
    {
        await SignInAsync("lead@lltf-amsterdam.demo", Tenant);
        var id = await App.InTenantAsync(Tenant, db => db.Complexes.Where(c => c.PreferredCareProviderId == null && !db.PartnerSelections.Any(s => s.ComplexId == c.Id)).OrderBy(c => c.Name).Select(c => c.Id).FirstAsync());
        var page = RenderWithProviders<PartnerChoice>(p => p.Add(x => x.Tenant, Tenant).Add(x => x.Id, id));
        page.WaitForAssertion(() => page.Find("[data-testid=save-partners]"), Wait);

        AddCandidate(page, "Zorggroep Amstelzorg");
        AddCandidate(page, "Thuiszorg De Linde");
        foreach (var box in page.FindAll("[data-testid=compare] tbody tr").Skip(1).Take(2).SelectMany(r => r.QuerySelectorAll("input[type=checkbox]")).ToList())
        {
            box.Change(true);
        }

        page.Find("[data-testid='score-0-KnownInNeighbourhood']").Change("3");
        page.Find("[data-testid='justification-0-KnownInNeighbourhood']").Change("Al twintig jaar wijkverpleging in deze buurt");
        MudFieldLookup.Choose(page, Popovers, "preferred-provider", "Thuiszorg De Linde");
        page.Find("[data-testid=save-partners]").Click();

        page.WaitForAssertion(() => Assert.Contains("Levert geen volledig pakket thuis (Wlz VPT)",
            MudFieldLookup.ErrorAt(page.Find("[data-testid=preferred-provider]")) ?? "", StringComparison.Ordinal), Wait);
        Assert.Contains("Heeft geen casemanagers dementie", MudFieldLookup.ErrorAt(page.Find("[data-testid=preferred-provider]")), StringComparison.Ordinal);
        Assert.Equal("3", page.Find("[data-testid='score-0-KnownInNeighbourhood']").GetAttribute("value"));
        Assert.Equal(0, await App.InTenantAsync(Tenant, db => db.PartnerSelections.CountAsync(s => s.ComplexId == id)));

        MudFieldLookup.Choose(page, Popovers, "preferred-provider", "Zorggroep Amstelzorg");
        page.Find("[data-testid=save-partners]").Click();

        Snackbars.WaitForAssertion(() => Assert.Contains("Partnerkeuze opgeslagen.", Snackbars.Markup, StringComparison.Ordinal), Wait);
        var stored = await App.InTenantAsync(Tenant, db => db.Complexes.Where(c => c.Id == id).Select(c => c.PreferredCareProviderId).FirstAsync());
        var amstelzorg = await App.InTenantAsync(Tenant, db => db.Organisations.Where(o => o.Name == "Zorggroep Amstelzorg").Select(o => o.Id).FirstAsync());
        Assert.Equal(amstelzorg, stored);
        page.WaitForAssertion(() => Assert.Equal("3 / 3", page.Find($"[data-testid='total-{amstelzorg}']").TextContent.Trim()), Wait);
        Assert.Contains("Kan niet gekozen worden", page.FindAll("[data-testid^='may-choose-']")[1].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_FlatTeamMember_SeesTheChoiceWithoutSaveOrAddButtons()
    {
        await SignInAsync("team@lltf-amsterdam.demo", Tenant);
        var id = await App.InTenantAsync(Tenant, db => db.Complexes.OrderBy(c => c.Name).Select(c => c.Id).FirstAsync());

        var page = RenderWithProviders<PartnerChoice>(p => p.Add(x => x.Tenant, Tenant).Add(x => x.Id, id));

        page.WaitForAssertion(() => page.Find("[data-testid=choice]"), Wait);
        Assert.Empty(page.FindAll("[data-testid=save-partners]"));
        Assert.Empty(page.FindAll("[data-testid=add-candidate]"));
    }

    private void AddCandidate(IRenderedComponent<PartnerChoice> page, string name)
    {
        MudFieldLookup.Choose(page, Popovers, "add-candidate-choice", name);
        page.WaitForAssertion(() => Assert.False(page.Find("[data-testid=add-candidate]").HasAttribute("disabled")), Wait);
        page.Find("[data-testid=add-candidate]").Click();
        page.WaitForAssertion(() => Assert.Contains(name, page.Find("[data-testid=candidates]").TextContent, StringComparison.Ordinal), Wait);
    }
}
