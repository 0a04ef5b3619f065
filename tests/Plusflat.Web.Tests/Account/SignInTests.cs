using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Plusflat.Infrastructure.Identity;

namespace Plusflat.Web.Tests.Account;

public sealed class SignInTests(PlusflatApp app) : IClassFixture<PlusflatApp>
{
    private const string WrongCredentials = "E-mailadres of wachtwoord klopt niet. Na vijf mislukte pogingen wordt een account een kwartier geblokkeerd; kies dan ‘Wachtwoord vergeten?’ of probeer het later opnieuw.";

    [Fact]
    public async Task SignIn_WrongPassword_ShowsDutchErrorAndKeepsEmail()
    {
        var client = app.Client();

        var response = await PlusflatApp.SignInAsync(client, "lead@lltf-amsterdam.demo", "Verkeerd-wachtwoord-1");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(WrongCredentials, WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Equal("lead@lltf-amsterdam.demo", Forms.InputValue(html, "Input.Email"));
        Assert.Equal("", Forms.InputValue(html, "Input.Password"));
        Assert.DoesNotContain(Forms.SetCookies(response), c => c.StartsWith("plusflat.auth=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SignIn_FiveWrongPasswords_LocksOutEvenTheCorrectPassword()
    {
        const string password = "Juist-wachtwoord-2026";
        var email = await CreateUserAsync(password);
        var client = app.Client();

        for (var attempt = 0; attempt < 5; attempt++)
        {
            await PlusflatApp.SignInAsync(client, email, "Fout-wachtwoord-" + attempt);
        }

        var response = await PlusflatApp.SignInAsync(client, email, password);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(WrongCredentials, FormMessage(html));
        Assert.DoesNotContain(Forms.SetCookies(response), c => c.StartsWith("plusflat.auth=", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/account/wachtwoord")).StatusCode);
    }

    [Fact]
    public async Task SignIn_LockedOutAccountAndUnknownAddress_AnswerWithTheSameMessage()
    {
        var email = await CreateUserAsync("Juist-wachtwoord-2026");
        var unknown = $"niemand-{Guid.NewGuid():N}@example.test";
        var answers = new Dictionary<string, List<string>> { [email] = [], [unknown] = [] };

        foreach (var address in answers.Keys)
        {
            for (var attempt = 0; attempt < 7; attempt++)
            {
                var response = await PlusflatApp.SignInAsync(app.Client(), address, "Fout-wachtwoord-" + attempt);
                answers[address].Add(FormMessage(WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync())));
            }
        }

        // The sixth and seventh attempts hit the lockout of the existing account: they must read as any other refusal.
        Assert.All(answers[email], message => Assert.Equal(WrongCredentials, message));
        Assert.Equal(answers[unknown], answers[email]);
    }

    [Fact]
    public async Task SignIn_EmptyFieldsInEnglish_ShowsTheValidatorsMessagesInEnglishAtTheFields()
    {
        var client = app.Client();
        await client.GetAsync("/cultuur?taal=en&terug=/account/inloggen");

        var response = await Forms.PostAsync(client, "/account/inloggen", "inloggen", new Dictionary<string, string>
        {
            ["Input.Email"] = "",
            ["Input.Password"] = "",
        });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal("Enter your e-mail address.", Forms.FieldError(html, "email"));
        Assert.Equal("Enter your password.", Forms.FieldError(html, "wachtwoord"));
    }

    [Fact]
    public async Task SignIn_WrongPasswordInEnglish_ShowsTheRefusalInEnglish()
    {
        var client = app.Client();
        await client.GetAsync("/cultuur?taal=en&terug=/account/inloggen");

        var response = await PlusflatApp.SignInAsync(client, "lead@lltf-amsterdam.demo", "Verkeerd-wachtwoord-1");

        Assert.StartsWith("E-mail address or password is incorrect.", FormMessage(WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync())), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_FourWrongPasswords_CorrectPasswordStillWorks()
    {
        const string password = "Juist-wachtwoord-2026";
        var email = await CreateUserAsync(password);
        var client = app.Client();

        for (var attempt = 0; attempt < 4; attempt++)
        {
            await PlusflatApp.SignInAsync(client, email, "Fout-wachtwoord-" + attempt);
        }

        var response = await PlusflatApp.SignInAsync(client, email, password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task SignIn_CorrectPassword_SetsHttpOnlyLaxAuthCookie()
    {
        var response = await PlusflatApp.SignInAsync(app.Client(), "lead@lltf-amsterdam.demo", PlusflatApp.DemoPassword);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = Assert.Single(Forms.SetCookies(response), c => c.StartsWith("plusflat.auth=", StringComparison.Ordinal));
        var attributes = cookie.Split(';').Skip(1).Select(a => a.Trim().ToLowerInvariant()).ToList();
        Assert.Contains("httponly", attributes);
        Assert.Contains("samesite=lax", attributes);
    }

    [Theory]
    [InlineData("//evil.example")]
    [InlineData("//evil.example/lltf-amsterdam")]
    [InlineData("https://evil.example/")]
    [InlineData("/\\evil.example")]
    [InlineData("/\t/evil.example")]
    public async Task SignIn_ReturnUrlToAnotherHost_IsNotFollowed(string returnUrl)
    {
        var client = app.Client();
        var page = await client.GetStringAsync("/account/inloggen?ReturnUrl=" + Uri.EscapeDataString(returnUrl));
        Assert.Equal(returnUrl, Forms.InputValue(page, "Input.ReturnUrl"));

        var response = await Forms.PostWithTokenAsync(client, "/account/inloggen", "inloggen", PlusflatApp.AntiforgeryToken(page),
            new Dictionary<string, string>
            {
                ["Input.Email"] = "lead@lltf-amsterdam.demo",
                ["Input.Password"] = PlusflatApp.DemoPassword,
                ["Input.ReturnUrl"] = returnUrl,
            });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.DoesNotContain("evil", location.OriginalString, StringComparison.OrdinalIgnoreCase);
        var target = new Uri(new Uri("http://localhost/"), location);
        Assert.Equal("localhost", target.Host);
    }

    [Fact]
    public async Task SignIn_LocalReturnUrl_IsFollowed()
    {
        var client = app.Client();
        var page = await client.GetStringAsync("/account/inloggen?ReturnUrl=" + Uri.EscapeDataString("/lltf-amsterdam"));

        var response = await Forms.PostWithTokenAsync(client, "/account/inloggen", "inloggen", PlusflatApp.AntiforgeryToken(page),
            new Dictionary<string, string>
            {
                ["Input.Email"] = "lead@lltf-amsterdam.demo",
                ["Input.Password"] = PlusflatApp.DemoPassword,
                ["Input.ReturnUrl"] = Forms.InputValue(page, "Input.ReturnUrl")!,
            });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var target = new Uri(new Uri("http://localhost/"), response.Headers.Location!);
        Assert.Equal("localhost", target.Host);
        Assert.Equal("/lltf-amsterdam", target.PathAndQuery);
    }

    [Theory]
    [InlineData("//evil.example", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("/\t/evil.example", "/")]
    [InlineData("/\n/evil.example", "/")]
    [InlineData("/account/inloggen?ReturnUrl=%2Flltf-amsterdam", "/account/inloggen?ReturnUrl=%2Flltf-amsterdam")]
    public async Task CultureSwitch_ReturnUrl_OnlyLocalIsFollowed(string returnUrl, string expected)
    {
        var response = await app.Client().GetAsync("/cultuur?taal=en&terug=" + Uri.EscapeDataString(returnUrl));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location!.OriginalString);
        Assert.Contains(Forms.SetCookies(response), c => c.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SignOut_PostWithAntiforgeryToken_TenantPageAsksToSignInAgain()
    {
        var client = await app.SignedInClientAsync("lead@lltf-amsterdam.demo");
        // The sign-out form lives in the interactive user menu now; a static page with a form gives the same token.
        var token = await Forms.TokenFromAsync(client, "/account/wachtwoord");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/lltf-amsterdam")).StatusCode);

        var response = await client.PostAsync("/account/uitloggen",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/inloggen", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Contains(Forms.SetCookies(response), c => c.StartsWith("plusflat.auth=;", StringComparison.Ordinal));
        var after = await client.GetAsync("/lltf-amsterdam");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/account/inloggen", after.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignOut_PostWithoutAntiforgeryToken_IsRefusedAndKeepsUserSignedIn()
    {
        var client = await app.SignedInClientAsync("lead@lltf-amsterdam.demo");

        var response = await client.PostAsync("/account/uitloggen", new FormUrlEncodedContent(new Dictionary<string, string>()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        // The stamp is validated (and the cookie re-issued) on every request; what must not come is a deleted cookie.
        Assert.DoesNotContain(Forms.SetCookies(response), c => c.StartsWith("plusflat.auth=;", StringComparison.Ordinal)
                                                             || c.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/lltf-amsterdam")).StatusCode);
    }

    [Fact]
    public async Task ChangePassword_CorrectCurrentPassword_NewPasswordSignsInAndOldDoesNot()
    {
        const string oldPassword = "Oud-wachtwoord-2026";
        const string newPassword = "Nieuw-wachtwoord-2027";
        var email = await CreateUserAsync(oldPassword);
        var client = await app.SignedInClientAsync(email, oldPassword);

        var response = await Forms.PostAsync(client, "/account/wachtwoord", "wachtwoord", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = oldPassword,
            ["Input.NewPassword"] = newPassword,
            ["Input.ConfirmPassword"] = newPassword,
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/wachtwoord?klaar=true", response.Headers.Location!.PathAndQuery);
        Assert.Contains("Je wachtwoord is gewijzigd.", await client.GetStringAsync("/account/wachtwoord?klaar=true"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await PlusflatApp.SignInAsync(app.Client(), email, newPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PlusflatApp.SignInAsync(app.Client(), email, oldPassword)).StatusCode);
    }

    [Fact]
    public async Task ChangePassword_WrongCurrentPassword_ShowsFieldErrorAndKeepsPassword()
    {
        const string password = "Huidig-wachtwoord-2026";
        var email = await CreateUserAsync(password);
        var client = await app.SignedInClientAsync(email, password);

        var response = await Forms.PostAsync(client, "/account/wachtwoord", "wachtwoord", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = "Niet-het-wachtwoord-1",
            ["Input.NewPassword"] = "Nieuw-wachtwoord-2027",
            ["Input.ConfirmPassword"] = "Nieuw-wachtwoord-2027",
        });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Het huidige wachtwoord klopt niet.", Forms.FieldError(html, "huidig"));
        Assert.Equal(HttpStatusCode.Redirect, (await PlusflatApp.SignInAsync(app.Client(), email, password)).StatusCode);
    }

    [Fact]
    public async Task ChangePassword_ConfirmationDiffers_ShowsFieldError()
    {
        const string password = "Huidig-wachtwoord-2026";
        var email = await CreateUserAsync(password);
        var client = await app.SignedInClientAsync(email, password);

        var response = await Forms.PostAsync(client, "/account/wachtwoord", "wachtwoord", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = password,
            ["Input.NewPassword"] = "Nieuw-wachtwoord-2027",
            ["Input.ConfirmPassword"] = "Ander-wachtwoord-2027",
        });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("De twee wachtwoorden zijn niet gelijk.", Forms.FieldError(html, "herhaal"));
        Assert.Equal(HttpStatusCode.Redirect, (await PlusflatApp.SignInAsync(app.Client(), email, password)).StatusCode);
    }

    [Fact]
    public async Task ChangePassword_Anonymous_RedirectsToSignIn()
    {
        var response = await app.Client().GetAsync("/account/wachtwoord");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/inloggen", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    /// <summary>The message above the sign-in form (the first paragraph of its error alert).</summary>
    private static string FormMessage(string html)
    {
        var match = System.Text.RegularExpressions.Regex.Match(html, "<div class=\"pf-alert pf-alert--error\" role=\"alert\">\\s*<p>(.*?)</p>",
            System.Text.RegularExpressions.RegexOptions.Singleline);
        Assert.True(match.Success, "No form message on the sign-in page.");
        return WebUtility.HtmlDecode(match.Groups[1].Value).Trim();
    }

    /// <summary>A fresh account without memberships, so lockouts and password changes touch no shared demo account.</summary>
    private async Task<string> CreateUserAsync(string password)
    {
        var email = $"test-{Guid.NewGuid():N}@example.test";
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PlusflatUser>>();
        var result = await users.CreateAsync(
            new PlusflatUser { Email = email, UserName = email, DisplayName = "Test Gebruiker", EmailConfirmed = true }, password);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        return email;
    }
}
