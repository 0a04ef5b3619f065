namespace Plusflat.Web.Tests.Account;

/// <summary>The portal behind a TLS proxy on the same machine (loopback is a known proxy).</summary>
public sealed class ProxiedApp : PlusflatApp
{
    public ProxiedApp()
    {
        UseRealServer = true;
        Set("ForwardedHeaders:Enabled", "true");
        Set("RateLimit:SignInPerMinute", "2");
    }
}

public sealed class ForwardedHeadersTests(ProxiedApp app) : IClassFixture<ProxiedApp>
{
    [Fact]
    public async Task SignInRateLimit_BehindProxy_CountsEachForwardedClientSeparately()
    {
        using var http = new HttpClient { BaseAddress = app.ServerAddress };

        var clientA = new[] { await PostAsync(http, "203.0.113.10"), await PostAsync(http, "203.0.113.10") };
        var clientB = new[] { await PostAsync(http, "203.0.113.20"), await PostAsync(http, "203.0.113.20") };
        var clientAThird = await PostAsync(http, "203.0.113.10");

        Assert.All(clientA.Concat(clientB), status => Assert.NotEqual(HttpStatusCode.TooManyRequests, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, clientAThird);
    }

    private static async Task<HttpStatusCode> PostAsync(HttpClient http, string forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/inloggen")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["_handler"] = "inloggen", ["Input.Email"] = "x@example.org" }),
        };
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        request.Headers.Add("X-Forwarded-Proto", "https");
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }
}
