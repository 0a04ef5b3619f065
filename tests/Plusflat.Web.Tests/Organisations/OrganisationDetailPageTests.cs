using System.Net;
using Bunit;
using Plusflat.Web.Features.Organisations;
using static Plusflat.Web.Tests.Organisations.OrganisationForms;

namespace Plusflat.Web.Tests.Organisations;

/// <summary>The organisation page: its facts, the complexes it is a partner of and in which role, its history; read-only roles see it without the edit button.</summary>
public sealed class OrganisationDetailPageTests(PlusflatApp app) : ComponentTest(app)
{
    private const string Lead = "lead@lltf-amsterdam.demo";

    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Page_DemoCorporation_ListsEveryComplexItIsPartnerOfWithItsRole_ComputedFromTheComplexes()
    {
        var id = await App.ScalarAsync<Guid>("""
            SELECT o.id FROM organisations o JOIN tenants t ON t.id = o.tenant_id
            WHERE t.slug = @p0 AND EXISTS (SELECT 1 FROM complexes c WHERE c.housing_corporation_id = o.id AND c.archived_at IS NULL)
            ORDER BY o.name LIMIT 1
            """, Amsterdam);
        var expected = await App.ScalarAsync<string>("""
            SELECT string_agg(c.name || ' | ' || concat_ws(', ',
                       CASE WHEN c.housing_corporation_id = @p0 THEN 'Woningcorporatie' END,
                       CASE WHEN c.preferred_care_provider_id = @p0 THEN 'Voorkeurszorgaanbieder' END,
                       CASE WHEN c.welfare_party_id = @p0 THEN 'Welzijnspartij' END), ';' ORDER BY c.name)
            FROM complexes c
            WHERE c.archived_at IS NULL AND @p0 IN (c.housing_corporation_id, c.preferred_care_provider_id, c.welfare_party_id)
            """, id);
        await SignInAsync(Lead, Amsterdam);

        var page = RenderPage(id);

        var rows = page.FindAll("[data-testid=linked-complex]")
            .Select(r => r.QuerySelector("td")!.TextContent.Trim() + " | " + r.QuerySelector("[data-testid=linked-complex-roles]")!.TextContent.Trim());
        Assert.Equal(expected!.Split(';').Order(StringComparer.Ordinal), rows.Order(StringComparer.Ordinal));
        Assert.Equal("Woningcorporatie", page.Find("[data-testid=organisation-kind]").TextContent.Trim());
        Assert.Equal(EditUrl(id), page.Find("a[data-testid=edit-organisation]").GetAttribute("href"));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=organisation-history], [data-testid=organisation-history-empty]")), Wait);
    }

    [Fact]
    public async Task Page_NewOrganisation_SaysItIsNoPartnerYet_AndAReadOnlyRoleSeesNoEditButton()
    {
        var client = await App.SignedInClientAsync(Lead);
        var name = UniqueName("Buurtwerk Oost");
        var (id, _) = await CreateViaApiAsync(client, new { name, kind = "WelfareParty", contactName = "Mo Yilmaz" });
        await SignInAsync("team@lltf-amsterdam.demo", Amsterdam);

        var page = RenderPage(id);

        Assert.Equal(name, page.Find("[data-testid=organisation-title]").TextContent.Trim());
        Assert.Contains("Mo Yilmaz", page.Find("[data-testid=organisation-facts]").TextContent, StringComparison.Ordinal);
        Assert.StartsWith("Deze organisatie is nog bij geen wooncomplex partner.", page.Find("[data-testid=linked-complexes-empty]").TextContent.Trim(), StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=edit-organisation]"));
    }

    [Fact]
    public async Task Page_UnknownOrOtherTenantsOrganisation_Answers404()
    {
        var rotterdam = await App.SignedInClientAsync("lead@thuisplusflat-rotterdam.demo");
        var name = UniqueName("Rotterdamse Woningen");
        var (foreign, _) = await CreateViaApiAsync(rotterdam, new { name, kind = "HousingCorporation" }, Rotterdam);
        var client = await App.SignedInClientAsync(Lead);

        var unknown = await client.GetAsync($"/{Amsterdam}/organisaties/{Guid.NewGuid()}");
        var foreignHere = await client.GetAsync($"/{Amsterdam}/organisaties/{foreign}");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, foreignHere.StatusCode);
        Assert.DoesNotContain(name, await foreignHere.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public void Roles_OfAnOrganisationThatIsCorporationAndWelfareParty_AreBoth()
    {
        var id = Guid.NewGuid();

        Assert.Equal([ComplexPartnerRole.HousingCorporation, ComplexPartnerRole.WelfareParty], GetOrganisationPageHandler.RolesOf(id, id, Guid.NewGuid(), id));
        Assert.Empty(GetOrganisationPageHandler.RolesOf(id, null, null, Guid.NewGuid()));
    }

    private IRenderedComponent<OrganisationPage> RenderPage(Guid id)
    {
        var cut = RenderWithProviders<OrganisationPage>(p => p.Add(x => x.Tenant, Amsterdam).Add(x => x.Id, id));
        cut.WaitForAssertion(() => cut.Find("[data-testid=organisation-title]"), Wait);
        return cut;
    }
}
