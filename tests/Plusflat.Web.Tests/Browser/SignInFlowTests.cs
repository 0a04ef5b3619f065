using Microsoft.Playwright;

namespace Plusflat.Web.Tests.Browser;

public sealed class SignInFlowTests(PlusflatBrowserApp app) : BrowserTest(app)
{
    [Fact]
    public async Task ProgrammeLead_SignsInSwitchesLanguageAndSignsOut()
    {
        await Page.GotoAsync("/lltf-amsterdam");
        Assert.Contains("/account/inloggen", Page.Url, StringComparison.Ordinal);

        await SignInAsync("lead@lltf-amsterdam.demo");

        Assert.EndsWith("/lltf-amsterdam", Page.Url, StringComparison.Ordinal);
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Lang Leven Thuisflats Amsterdam");
        await Assertions.Expect(Page.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdnavigatie" }).GetByRole(AriaRole.Link, new() { Name = "Wooncomplexen" })).ToBeVisibleAsync();
        await ScreenshotAsync("start-nl");

        await Page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        await Assertions.Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        Assert.EndsWith("/lltf-amsterdam", Page.Url, StringComparison.Ordinal);
        await ScreenshotAsync("start-en");

        await Page.GetByRole(AriaRole.Link, new() { Name = "Nederlands" }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Uitloggen" }).ClickAsync();

        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Inloggen" })).ToBeVisibleAsync();
        await Page.GotoAsync("/lltf-amsterdam");
        Assert.Contains("/account/inloggen", Page.Url, StringComparison.Ordinal);
    }
}
