using Bunit;
using Microsoft.EntityFrameworkCore;
using Plusflat.Web.Features.Home;

namespace Plusflat.Web.Tests.Start;

/// <summary>The start pages: the root page's choice of tenant, and per tenant a card per area with a live figure.</summary>
public sealed class StartPageTests(PlusflatApp app) : ComponentTest(app)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private const string Amsterdam = "lltf-amsterdam";

    [Fact]
    public async Task TenantHome_ProgrammeLead_ShowsACardPerAreaWithLiveFigures()
    {
        await SignInAsync("lead@lltf-amsterdam.demo", Amsterdam);
        var counts = await App.PhaseCountsAsync(Amsterdam);
        var organisations = await App.InTenantAsync(Amsterdam, db => db.Organisations.CountAsync());
        var (version, items) = await App.InTenantAsync(Amsterdam, async db =>
        {
            var latest = await db.PhaseCatalogues.OrderByDescending(c => c.Version).FirstAsync();
            return (latest.Version, latest.Items.Count);
        });

        var page = Render();

        Assert.Equal(["card-overzicht", "card-dashboard", "card-complexen", "card-organisaties", "card-fasechecklist", "card-toelating", "card-signalen", "card-monitoring", "card-dos-aanvragen", "card-beheer-leden"],
            page.FindAll("[data-testid^=card-]").Select(c => c.GetAttribute("data-testid")));
        Assert.Equal($"{counts.Sum()} wooncomplexen", Figure(page, "complexen"));
        Assert.Equal("Aantallen per maand, nooit details", Figure(page, "signalen"));
        var applications = await App.ScalarAsync<long>("SELECT count(*) FROM dos_applications a JOIN tenants t ON t.id = a.tenant_id WHERE t.slug = @p0", Amsterdam);
        var running = await App.ScalarAsync<long>("SELECT count(*) FROM dos_applications a JOIN tenants t ON t.id = a.tenant_id WHERE t.slug = @p0 AND a.status IN ('Submitted', 'MoreInformationRequested', 'Resubmitted')", Amsterdam);
        Assert.Equal(applications == 0 ? "Nog geen aanvragen" : $"{(applications == 1 ? "1 aanvraag" : $"{applications} aanvragen")}, {running} lopend", Figure(page, "dos-aanvragen"));
        Assert.Equal("Per fase: " + string.Join(" · ", counts.Select((c, p) => $"{p}: {c}")), page.Find("[data-testid=card-complexen] [data-testid=figure-detail]").TextContent.Trim());
        Assert.Equal($"{counts[3] + counts[4]} van de 30 in uitvoering", Figure(page, "overzicht"));
        Assert.Equal($"{organisations} organisaties in het register", Figure(page, "organisaties"));
        Assert.Equal($"Versie {version}, {items} punten", Figure(page, "fasechecklist"));
        Assert.Contains("De seniorencomplexen van het programma", page.Find("[data-testid=card-complexen]").TextContent, StringComparison.Ordinal);
        Assert.Equal($"/{Amsterdam}/complexen", page.Find("[data-testid=card-complexen] a").GetAttribute("href"));
        Assert.Empty(page.FindAll("[data-testid=empty-state]"));
    }

    [Fact]
    public async Task TenantHome_Admin_CountsMembersAndOpenInvitations()
    {
        await SignInAsync("admin@plusflat.demo", Amsterdam);
        var tenantId = await App.TenantIdAsync(Amsterdam);
        var members = await App.InTenantAsync(Amsterdam, db => db.Memberships.Where(m => m.TenantId == tenantId).Select(m => m.UserId).Distinct().CountAsync());
        var open = await App.InTenantAsync(Amsterdam, db => db.Invitations.CountAsync(i => i.AcceptedAt == null && i.ExpiresAt > DateTimeOffset.UtcNow));

        var page = Render();

        Assert.Equal($"{members} leden, {open} open uitnodigingen", Figure(page, "beheer-leden"));
    }

    [Fact]
    public async Task TenantHome_Assessor_SaysWhatTheRoleWillDoAndWhomToAsk()
    {
        await SignInAsync("assessor@zorgkantoor-amsterdam.demo", "zorgkantoor-amsterdam");

        var page = Render();

        // The DOS work (issue 11) gives the assessor cards: received applications and the budget with the label register.
        Assert.Equal(["card-ontvangen-aanvragen", "card-dos-budget"], page.FindAll("[data-testid^=card-]").Select(c => c.GetAttribute("data-testid")));
        var awaiting = await App.ScalarAsync<long>("SELECT count(*) FROM dos_applications a JOIN tenants t ON t.id = a.zorgkantoor_tenant_id WHERE t.slug = @p0 AND a.status IN ('Submitted', 'Resubmitted')", "zorgkantoor-amsterdam");
        var labels = await App.ScalarAsync<long>("SELECT count(*) FROM dos_labels l JOIN tenants t ON t.id = l.tenant_id WHERE t.slug = @p0", "zorgkantoor-amsterdam");
        Assert.Equal(awaiting == 1 ? "1 aanvraag wacht op een besluit" : $"{awaiting} aanvragen wachten op een besluit", Figure(page, "ontvangen-aanvragen"));
        Assert.Equal(labels == 1 ? "1 Plusflat-label toegekend" : $"{labels} Plusflat-labels toegekend", Figure(page, "dos-budget"));
        Assert.StartsWith("Als beoordelaar beoordeel je de DOS-aanvragen", page.Find("[data-testid=role-purpose]").TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal("Vragen over je rol of toegang? Vraag het de beheerder van deze omgeving: Demo Beheerder.", page.Find("[data-testid=whom-to-ask]").TextContent.Trim());
    }

    [Fact]
    public async Task TenantHome_FlatTeamMember_SaysWhatTheRoleWillDoAndShowsWhatItMayRead()
    {
        await SignInAsync("team@lltf-amsterdam.demo", Amsterdam);

        var page = Render();

        Assert.StartsWith("Als flatteamlid werk je per wooncomplex met het flatteam", page.Find("[data-testid=role-purpose]").TextContent.Trim(), StringComparison.Ordinal);
        Assert.NotEmpty(page.FindAll("[data-testid=card-complexen]"));
        Assert.Empty(page.FindAll("[data-testid=card-beheer-leden]"));
        Assert.Contains("Demo Beheerder", page.Find("[data-testid=whom-to-ask]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Root_MemberOfSeveralTenants_ChoosesATenantFromCards()
    {
        await SignInAsync("admin@plusflat.demo", Amsterdam);

        var page = RenderWithProviders<Plusflat.Web.Features.Home.Index>();

        var cards = page.FindAll("[data-testid=tenant-card]");
        Assert.Equal(3, cards.Count);
        Assert.Contains(cards, c => c.QuerySelector("a")!.GetAttribute("href") == "/zorgkantoor-amsterdam");
    }

    [Fact]
    public async Task Root_MemberOfOneTenant_GoesStraightToIt()
    {
        await SignInAsync("lead@lltf-amsterdam.demo", Amsterdam);

        RenderWithProviders<Plusflat.Web.Features.Home.Index>();

        Assert.Equal($"http://localhost/{Amsterdam}", Navigation.Uri);
    }

    private IRenderedComponent<TenantHome> Render()
    {
        var page = RenderWithProviders<TenantHome>(p => p.Add(x => x.Tenant, "unused"));
        page.WaitForAssertion(() => page.Find("[data-testid=whom-to-ask]"), Wait);
        return page;
    }

    private static string Figure(IRenderedComponent<TenantHome> page, string card) =>
        page.Find($"[data-testid=card-{card}] [data-testid=figure]").TextContent.Trim();
}
