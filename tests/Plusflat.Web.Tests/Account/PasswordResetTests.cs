using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Plusflat.Infrastructure.Identity;

namespace Plusflat.Web.Tests.Account;

/// <summary>"Wachtwoord vergeten?" over HTTP: the outbox, the development mailbox and the reset page.</summary>
public sealed partial class PasswordResetTests(PlusflatApp app) : IClassFixture<PlusflatApp>
{
    [Fact]
    public async Task Forgot_KnownAndUnknownAddress_SameAnswerAndOnlyTheAccountGetsAMessage()
    {
        var known = await CreateUserAsync("Oud-wachtwoord-2026");
        var unknown = $"niemand-{Guid.NewGuid():N}@example.test";

        var forKnown = await ForgotAsync(app.Client(), known);
        var forUnknown = await ForgotAsync(app.Client(), unknown);

        Assert.Equal(HttpStatusCode.Redirect, forKnown.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, forUnknown.StatusCode);
        Assert.Equal(forKnown.Headers.Location, forUnknown.Headers.Location);
        Assert.Equal(Forms.SetCookies(forKnown).Select(CookieName), Forms.SetCookies(forUnknown).Select(CookieName));
        var answer = WebUtility.HtmlDecode(await app.Client().GetStringAsync(forKnown.Headers.Location!.OriginalString));
        Assert.Contains("Als er een account bij dit e-mailadres hoort, hebben we een link gestuurd", answer, StringComparison.Ordinal);
        Assert.Equal(1L, await app.ScalarAsync<long>("SELECT count(*) FROM outbox_messages WHERE recipient = @p0", known));
        Assert.Equal(0L, await app.ScalarAsync<long>("SELECT count(*) FROM outbox_messages WHERE recipient = @p0", unknown));
    }

    [Fact]
    public async Task Reset_LinkFromTheMailbox_NewPasswordSignsInAndTheOldOneNoLonger()
    {
        const string oldPassword = "Oud-wachtwoord-2026";
        const string newPassword = "Nieuw-wachtwoord-2027";
        var email = await CreateUserAsync(oldPassword);
        await ForgotAsync(app.Client(), email);

        var link = await LinkFromMailboxAsync(email);
        var response = await Forms.PostAsync(app.Client(), link.PathAndQuery, "nieuw-wachtwoord", new Dictionary<string, string>
        {
            ["Input.NewPassword"] = newPassword,
            ["Input.ConfirmPassword"] = newPassword,
            ["Input.UserId"] = QueryValue(link, "gebruiker"),
            ["Input.Code"] = QueryValue(link, "code"),
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/inloggen?hersteld=true", new Uri(new Uri("http://localhost/"), response.Headers.Location!).PathAndQuery);
        Assert.Contains("Je wachtwoord is gewijzigd. Log in met je nieuwe wachtwoord.", await app.Client().GetStringAsync("/account/inloggen?hersteld=true"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await PlusflatApp.SignInAsync(app.Client(), email, newPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PlusflatApp.SignInAsync(app.Client(), email, oldPassword)).StatusCode);
    }

    [Fact]
    public async Task Reset_LinkUsedTwice_SecondTimeIsRefused()
    {
        var email = await CreateUserAsync("Oud-wachtwoord-2026");
        await ForgotAsync(app.Client(), email);
        var link = await LinkFromMailboxAsync(email);
        Assert.Equal(HttpStatusCode.Redirect, (await ResetAsync(link, "Nieuw-wachtwoord-2027")).StatusCode);

        var again = await ResetAsync(link, "Ander-wachtwoord-2028");
        var html = WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("Deze link om je wachtwoord te herstellen is ongeldig of verlopen.", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await PlusflatApp.SignInAsync(app.Client(), email, "Ander-wachtwoord-2028")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PlusflatApp.SignInAsync(app.Client(), email, "Nieuw-wachtwoord-2027")).StatusCode);
    }

    [Fact]
    public async Task Reset_TamperedCode_ShowsInvalidLinkAndChangesNothing()
    {
        const string password = "Oud-wachtwoord-2026";
        var email = await CreateUserAsync(password);
        await ForgotAsync(app.Client(), email);
        var link = await LinkFromMailboxAsync(email);
        var tampered = new Uri(link.GetLeftPart(UriPartial.Path) + $"?gebruiker={QueryValue(link, "gebruiker")}&code=AAAA{QueryValue(link, "code")[4..]}");

        var response = await ResetAsync(tampered, "Nieuw-wachtwoord-2027");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Deze link om je wachtwoord te herstellen is ongeldig of verlopen.", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await PlusflatApp.SignInAsync(app.Client(), email, password)).StatusCode);
    }

    [Fact]
    public async Task Reset_PasswordsDiffer_MarksTheConfirmationField()
    {
        var email = await CreateUserAsync("Oud-wachtwoord-2026");
        await ForgotAsync(app.Client(), email);
        var link = await LinkFromMailboxAsync(email);

        var response = await Forms.PostAsync(app.Client(), link.PathAndQuery, "nieuw-wachtwoord", new Dictionary<string, string>
        {
            ["Input.NewPassword"] = "Nieuw-wachtwoord-2027",
            ["Input.ConfirmPassword"] = "Anders-wachtwoord-2027",
            ["Input.UserId"] = QueryValue(link, "gebruiker"),
            ["Input.Code"] = QueryValue(link, "code"),
        });

        Assert.Equal("De twee wachtwoorden zijn niet gelijk.", Forms.FieldError(await response.Content.ReadAsStringAsync(), "herhaal"));
    }

    [Fact]
    public async Task Reset_LockedOutAccount_IsUnlockedByTheNewPassword()
    {
        var email = await CreateUserAsync("Oud-wachtwoord-2026");
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await PlusflatApp.SignInAsync(app.Client(), email, "Fout-wachtwoord-" + attempt);
        }

        await ForgotAsync(app.Client(), email);
        Assert.Equal(HttpStatusCode.Redirect, (await ResetAsync(await LinkFromMailboxAsync(email), "Nieuw-wachtwoord-2027")).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await PlusflatApp.SignInAsync(app.Client(), email, "Nieuw-wachtwoord-2027")).StatusCode);
    }

    [Fact]
    public async Task Outbox_QueuedMessage_IsSentThroughTheLogSender()
    {
        var email = await CreateUserAsync("Oud-wachtwoord-2026");
        await ForgotAsync(app.Client(), email);

        var deadline = DateTime.UtcNow.AddSeconds(20);
        DateTimeOffset? sent = null;
        while (sent is null && DateTime.UtcNow < deadline)
        {
            sent = await app.ScalarAsync<DateTime?>("SELECT sent_at FROM outbox_messages WHERE recipient = @p0", email);
            await Task.Delay(200);
        }

        Assert.NotNull(sent);
    }

    [Fact]
    public async Task SignInPage_LinksToForgotPassword()
    {
        var html = await app.Client().GetStringAsync("/account/inloggen");

        Assert.Matches("<a href=\"/account/wachtwoord-vergeten\"[^>]*>Wachtwoord vergeten\\?</a>", html);
    }

    private async Task<HttpResponseMessage> ResetAsync(Uri link, string password) =>
        await Forms.PostAsync(app.Client(), link.PathAndQuery, "nieuw-wachtwoord", new Dictionary<string, string>
        {
            ["Input.NewPassword"] = password,
            ["Input.ConfirmPassword"] = password,
            ["Input.UserId"] = QueryValue(link, "gebruiker"),
            ["Input.Code"] = QueryValue(link, "code"),
        });

    private static Task<HttpResponseMessage> ForgotAsync(HttpClient client, string email) =>
        Forms.PostAsync(client, "/account/wachtwoord-vergeten", "wachtwoord-vergeten", new Dictionary<string, string> { ["Input.Email"] = email });

    /// <summary>The reset link as the development mailbox page shows it for this address.</summary>
    private async Task<Uri> LinkFromMailboxAsync(string email)
    {
        var page = await app.Client().GetAsync("/account/postvak?aan=" + Uri.EscapeDataString(email));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var links = MailLink().Matches(await page.Content.ReadAsStringAsync());
        var link = Assert.Single(links);
        return new Uri(WebUtility.HtmlDecode(link.Groups[1].Value));
    }

    private static string QueryValue(Uri link, string name) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(link.Query)[name].ToString();

    private static string CookieName(string setCookie) => setCookie.Split('=')[0];

    private async Task<string> CreateUserAsync(string password)
    {
        var email = $"reset-{Guid.NewGuid():N}@example.test";
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PlusflatUser>>();
        var result = await users.CreateAsync(
            new PlusflatUser { Email = email, UserName = email, DisplayName = "Reset Gebruiker", EmailConfirmed = true }, password);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        return email;
    }

    [GeneratedRegex("<a href=\"([^\"]+)\"[^>]*data-testid=\"mail-link\"")]
    private static partial Regex MailLink();
}

/// <summary>The portal with an SMTP server configured: the development mailbox does not exist then.</summary>
public sealed class SmtpConfiguredApp : PlusflatApp
{
    public SmtpConfiguredApp()
    {
        Set("Mail:Smtp:Host", "127.0.0.1");
        Set("Mail:Smtp:Port", "1");
    }
}

public sealed class DevelopmentMailboxTests(SmtpConfiguredApp app) : IClassFixture<SmtpConfiguredApp>
{
    [Fact]
    public async Task Mailbox_SmtpConfigured_IsNotFound() =>
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client().GetAsync("/account/postvak")).StatusCode);

    [Fact]
    public async Task Mailbox_Production_IsNotFound()
    {
        await using var production = new PlusflatApp { EnvironmentName = "Production" };
        production.UseDatabase(app.Database);
        await production.InitializeAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await production.Client().GetAsync("/account/postvak")).StatusCode);
    }

    [Fact]
    public async Task Mailbox_Staging_IsNotFound()
    {
        await using var staging = new PlusflatApp { EnvironmentName = "Staging" };
        staging.UseDatabase(app.Database);
        await staging.InitializeAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await staging.Client().GetAsync("/account/postvak")).StatusCode);
    }
}
