using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Plusflat.Infrastructure.Identity;

namespace Plusflat.Web.Tests.Browser;

public sealed class PasswordResetFlowTests(PlusflatBrowserApp app) : BrowserTest(app)
{
    [Fact]
    public async Task ForgotPassword_MailboxLinkNewPassword_SignsInWithTheNewPassword()
    {
        const string newPassword = "Nieuw-wachtwoord-2027";
        var email = $"vergeten-{Guid.NewGuid():N}@example.test";
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PlusflatUser>>();
            var created = await users.CreateAsync(new PlusflatUser { Email = email, UserName = email, DisplayName = "Vera Vergeten", EmailConfirmed = true }, "Oud-wachtwoord-2026");
            Assert.True(created.Succeeded);
        }

        await Page.GotoAsync("/account/inloggen");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Wachtwoord vergeten?" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Wachtwoord vergeten");
        await Page.GetByLabel("E-mailadres").FillAsync(email);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Link versturen" }).ClickAsync();
        await Assertions.Expect(Page.GetByTestId("reset-sent")).ToContainTextAsync("Als er een account bij dit e-mailadres hoort");

        await Page.GotoAsync("/account/postvak");
        var mail = Page.GetByTestId("mail").Filter(new() { Has = Page.GetByTestId("mail-to").GetByText(email, new() { Exact = true }) });
        await Assertions.Expect(mail).ToHaveCountAsync(1);
        await Assertions.Expect(mail.GetByRole(AriaRole.Heading)).ToHaveTextAsync("Je wachtwoord voor de Plusflat portal herstellen");
        await ScreenshotAsync("mailbox");
        await mail.GetByTestId("mail-link").ClickAsync();

        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Nieuw wachtwoord kiezen");
        await Page.Locator("#nieuw").FillAsync(newPassword);
        await Page.Locator("#herhaal").FillAsync(newPassword);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Wachtwoord opslaan" }).ClickAsync();
        // The redirect after the post may come as an enhanced navigation (no load event): assert the URL itself.
        await Assertions.Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/inloggen\\?hersteld=true$"));
        await Assertions.Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Je wachtwoord is gewijzigd. Log in met je nieuwe wachtwoord.");

        await Page.GetByLabel("E-mailadres").FillAsync(email);
        await Page.GetByLabel("Wachtwoord").FillAsync(newPassword);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
        await Page.WaitForURLAsync(url => !url.Contains("/account/inloggen", StringComparison.Ordinal));
        Assert.Empty(ConsoleErrors);
    }
}
