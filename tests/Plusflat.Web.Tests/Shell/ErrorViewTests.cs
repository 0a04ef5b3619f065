using Bunit;
using Plusflat.Web.Components.Shell;
using Plusflat.Web.Tests.Infrastructure;

namespace Plusflat.Web.Tests.Shell;

public sealed class ErrorViewTests(PlusflatApp app) : ComponentTest(app)
{
    [Fact]
    public async Task Forbidden_InsideATenant_ExplainsTheRoleAndLinksToTheTenantStart()
    {
        await SignInAsync("team@lltf-amsterdam.demo", "lltf-amsterdam");

        var view = RenderWithProviders<ErrorView>(p => p.Add(v => v.Status, 403));

        Assert.Equal("Geen toegang", view.Find("h1").TextContent.Trim());
        Assert.Equal("/lltf-amsterdam", view.Find("a").GetAttribute("href"));
    }
}
