using Plusflat.Domain.Tenancy;
using Plusflat.Web.Startup;

namespace Plusflat.Web.Tests.Tenancy;

public sealed class AddTenantCommandTests(PlusflatApp app) : IClassFixture<PlusflatApp>
{
    [Fact]
    public async Task AddTenant_CreatesTenantWhoseFirstAdminJoinsThroughTheLink()
    {
        var slug = "zk-test-" + Guid.NewGuid().ToString("N")[..6];

        var link = await AdminCommands.CreateTenantWithAdminInvitationAsync(
            app.Services, slug, TenantKind.Zorgkantoor, "Zorgkantoor Test", $"beheer-{slug}@example.org", new Uri("http://localhost/"));
        var client = app.Client();
        var page = await client.GetAsync(link.PathAndQuery);
        var accept = await client.PostFormAsync(link.PathAndQuery, "uitnodiging", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Eerste Beheerder",
            ["Input.NewPassword"] = "Eerste-beheerder-1",
            ["Input.ConfirmPassword"] = "Eerste-beheerder-1",
        });
        var members = await client.GetAsync($"/{slug}/beheer/leden");

        Assert.Contains("Beheerder", await page.TextAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, accept.StatusCode);
        Assert.Equal(HttpStatusCode.OK, members.StatusCode);
    }

    [Fact]
    public async Task AddTenant_ReservedSlug_IsRefused()
    {
        await Assert.ThrowsAsync<Plusflat.Domain.Common.DomainException>(() => AdminCommands.CreateTenantWithAdminInvitationAsync(
            app.Services, "api", TenantKind.Programme, "Api", "x@example.org", new Uri("http://localhost/")));
    }
}
