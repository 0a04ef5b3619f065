using System.Net;
using Plusflat.Web.Tests.Infrastructure;

namespace Plusflat.Web.Tests.Shell;

/// <summary>HTTP error pages render inside the layout; a 403 keeps the tenant's navigation.</summary>
public sealed class ErrorPageTests(PlusflatApp app) : IClassFixture<PlusflatApp>
{
    [Fact]
    public async Task Forbidden_PageOfTheTenant_Answers403InsideTheLayoutWithTheTenantsNavigation()
    {
        var client = await app.SignedInClientAsync("team@lltf-amsterdam.demo");

        var response = await client.GetAsync("/lltf-amsterdam/beheer/leden");
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("Geen toegang", document.QuerySelector("h1")?.TextContent.Trim());
        var navigation = document.QuerySelector("nav[aria-label='Hoofdnavigatie']");
        Assert.NotNull(navigation);
        Assert.Contains(navigation.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/lltf-amsterdam/complexen");
        Assert.DoesNotContain(navigation.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/lltf-amsterdam/beheer/leden");
    }

    [Fact]
    public async Task NotFound_TenantOfSomeoneElse_Answers404WithoutThatTenantsNavigation()
    {
        var client = await app.SignedInClientAsync("lead@thuisplusflat-rotterdam.demo");

        var response = await client.GetAsync("/lltf-amsterdam/complexen");
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Pagina niet gevonden", document.QuerySelector("h1")?.TextContent.Trim());
        Assert.DoesNotContain(document.QuerySelectorAll("a"), a => a.GetAttribute("href")?.StartsWith("/lltf-amsterdam", StringComparison.Ordinal) == true);
    }
}
