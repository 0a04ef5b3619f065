using Microsoft.Playwright;

namespace Plusflat.Web.Tests.Browser;

public sealed class SignInFlowTests(PlusflatBrowserApp app) : BrowserTest(app)
{
    [Fact]
    public async Task ProgrammeLead_SignsInSwitchesLanguageAndSignsOutThroughTheUserMenu()
    {
        await Page.GotoAsync("/lltf-amsterdam");
        Assert.Contains("/account/inloggen", Page.Url, StringComparison.Ordinal);

        await SignInAsync("lead@lltf-amsterdam.demo");
        await WaitForCircuitAsync();

        Assert.EndsWith("/lltf-amsterdam", Page.Url, StringComparison.Ordinal);
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Lang Leven Thuisflats Amsterdam");
        await Assertions.Expect(Page.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdnavigatie" }).GetByRole(AriaRole.Link, new() { Name = "Wooncomplexen" })).ToBeVisibleAsync();
        await ScreenshotAsync("start-nl");

        // The language switch goes through /cultuur with a full load and comes back to the same page.
        await Page.GetByTestId("language-switch").ClickAsync();
        await Page.WaitForURLAsync(url => url.EndsWith("/lltf-amsterdam", StringComparison.Ordinal) && !url.Contains("cultuur", StringComparison.Ordinal));
        await Assertions.Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await WaitForCircuitAsync();
        await Assertions.Expect(Page.GetByTestId("language-switch")).ToHaveTextAsync("Nederlands");
        await Assertions.Expect(Page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" }).GetByRole(AriaRole.Link, new() { Name = "Complexes" })).ToBeVisibleAsync();
        await Page.GetByTestId("user-menu").Locator("button").First.ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        await Page.Keyboard.PressAsync("Escape");
        await ScreenshotAsync("start-en");

        await Page.GetByTestId("language-switch").ClickAsync();
        await Assertions.Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "nl");
        await WaitForCircuitAsync();

        await SignOutAsync();

        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Inloggen" })).ToBeVisibleAsync();
        await Page.GotoAsync("/lltf-amsterdam");
        Assert.Contains("/account/inloggen", Page.Url, StringComparison.Ordinal);
    }
}
