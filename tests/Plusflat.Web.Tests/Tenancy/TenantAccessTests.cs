namespace Plusflat.Web.Tests.Tenancy;

public sealed class TenantAccessTests(PlusflatApp app) : IClassFixture<PlusflatApp>
{
    [Fact]
    public async Task TenantPage_Anonymous_RedirectsToSignIn()
    {
        var response = await app.Client().GetAsync("/lltf-amsterdam");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/inloggen", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TenantPage_Member_SeesTenant()
    {
        var client = await app.SignedInClientAsync("lead@lltf-amsterdam.demo");

        var html = await client.GetStringAsync("/lltf-amsterdam");

        Assert.Contains("Lang Leven Thuisflats Amsterdam", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/thuisplusflat-rotterdam")]
    [InlineData("/zorgkantoor-amsterdam")]
    [InlineData("/bestaat-niet")]
    [InlineData("/thuisplusflat-rotterdam/beheer/leden")]
    public async Task OtherTenantUrl_MemberOfAnotherTenant_Returns404(string url)
    {
        var client = await app.SignedInClientAsync("lead@lltf-amsterdam.demo");

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("Thuisplusflat Rotterdam", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MembersPage_FlatTeamMember_Returns403()
    {
        var client = await app.SignedInClientAsync("team@lltf-amsterdam.demo");

        var response = await client.GetAsync("/lltf-amsterdam/beheer/leden");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Health_ReportsHealthy()
    {
        var response = await app.Client().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}
