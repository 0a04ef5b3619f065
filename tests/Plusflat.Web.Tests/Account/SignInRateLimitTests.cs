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
