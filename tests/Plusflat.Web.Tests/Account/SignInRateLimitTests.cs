namespace Plusflat.Web.Tests.Account;

/// <summary>The portal with a low sign-in rate limit: 3 posts per minute.</summary>
public sealed class RateLimitedApp : PlusflatApp
{
    public RateLimitedApp()
    {
        Set("RateLimit:SignInPerMinute", "3");
    }
}

public sealed class SignInRateLimitTests(RateLimitedApp app) : IClassFixture<RateLimitedApp>
{
    [Fact]
    public async Task SignInPost_FourthWithinAMinute_Answers429()
    {
        var client = app.Client();
        var statuses = new List<HttpStatusCode>();

        for (var attempt = 0; attempt < 4; attempt++)
        {
            statuses.Add((await PlusflatApp.SignInAsync(client, "lead@lltf-amsterdam.demo", "Verkeerd-wachtwoord-1")).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/inloggen")).StatusCode);
    }
}

/// <summary>Own fixture: the rate limiter's window is per app, and the test above counts its posts exactly.</summary>
public sealed class TooManyAttemptsPageTests(RateLimitedApp app) : IClassFixture<RateLimitedApp>
{
    [Fact]
    public async Task SignInPost_RateLimited_ShowsTheTooManyAttemptsPageInThePortalsLook()
    {
        var client = app.Client();
        HttpResponseMessage response;
        do
        {
            response = await PlusflatApp.SignInAsync(client, "team@lltf-amsterdam.demo", "Verkeerd-wachtwoord-1");
        }
        while (response.StatusCode != HttpStatusCode.TooManyRequests);

        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Te veel pogingen", Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "<h1[^>]*>(.*?)</h1>")).Groups[1].Value.Trim());
        Assert.Contains("Wacht een minuut en probeer het dan opnieuw.", html, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"nl\"", html, StringComparison.Ordinal);
        Assert.Contains("MudBlazor.min", html, StringComparison.Ordinal); // the account layout's theme and styles, not a bare page
        Assert.Contains("class=\"pf-account-bar\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/account/wachtwoord-vergeten\"", html, StringComparison.Ordinal);
    }
}

public sealed class ForgotPasswordRateLimitTests(RateLimitedApp app) : IClassFixture<RateLimitedApp>
{
    [Fact]
    public async Task ForgotPasswordPost_BeyondTheLimit_Answers429()
    {
        var client = app.Client();
        var statuses = new List<HttpStatusCode>();

        for (var attempt = 0; attempt < 4; attempt++)
        {
            var response = await Forms.PostAsync(client, "/account/wachtwoord-vergeten", "wachtwoord-vergeten",
                new Dictionary<string, string> { ["Input.Email"] = $"iemand-{attempt}@example.test" });
            statuses.Add(response.StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }
}
