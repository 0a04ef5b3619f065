using Bunit;
using Plusflat.Web.Features.Signalling;

namespace Plusflat.Web.Tests.Signalling;

/// <summary>The access-log page (NEN 7513) for a tenant admin: the demo's signal views are listed, and a search by name narrows them to that person.</summary>
public sealed class AccessLogPageTests(PlusflatApp app) : ComponentTest(app)
{
    private const string Tenant = "lltf-amsterdam";

    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Admin_SearchesByName_SeesOnlyThatPersonsEntries()
    {
        // Someone else's view of the team's signals, so the unfiltered log holds more than one person.
        var team = await App.SignedInClientAsync("team@lltf-amsterdam.demo");
        var complex = await App.ScalarAsync<Guid>("SELECT c.id FROM complexes c JOIN tenants t ON t.id = c.tenant_id WHERE t.slug = @p0 AND c.name = 'De Klimop'", Tenant);
        Assert.True((await team.GetAsync($"/api/v1/{Tenant}/complexes/{complex}/meetings")).IsSuccessStatusCode);
        await SignInAsync("admin@plusflat.demo", Tenant);

        var page = RenderWithProviders<AccessLogPage>(p => p.Add(x => x.Tenant, Tenant));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=log-row]")), Wait);

        page.Find("[data-testid=search] input").Change("Thijs");
        page.Find("button[data-testid=apply]").Click();

        page.WaitForAssertion(() =>
        {
            var who = page.FindAll("[data-testid=log-row]").Select(r => r.QuerySelectorAll("td")[1].TextContent.Trim()).ToList();
            Assert.NotEmpty(who);
            Assert.All(who, name => Assert.Equal("Thijs Bakker", name));
        }, Wait);

        page.Find("[data-testid=search] input").Change("Niemand-met-deze-naam");
        page.Find("button[data-testid=apply]").Click();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=empty]")), Wait);
    }
}
