using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Plusflat.Infrastructure.Database;

namespace Plusflat.Web.Tests.Tenancy;

public sealed class DeploymentTests(PlusflatApp app) : IClassFixture<PlusflatApp>
{
    [Fact]
    public async Task TwoInstancesOnOneDatabase_ShareTheSignInCookie()
    {
        await using var second = new PlusflatApp();
        second.UseDatabase(app.Database);
        await second.InitializeAsync();
        var signIn = await PlusflatApp.SignInAsync(app.Client(), "lead@lltf-amsterdam.demo", PlusflatApp.DemoPassword);
        var cookie = signIn.Headers.GetValues("Set-Cookie").First(c => c.StartsWith("plusflat.auth=", StringComparison.Ordinal)).Split(';')[0];

        using var request = new HttpRequestMessage(HttpMethod.Get, "/lltf-amsterdam");
        request.Headers.Add("Cookie", cookie);
        var response = await second.Client().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Lang Leven Thuisflats Amsterdam", await response.TextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_WithDemoSeedAsked_NeverCreatesDemoAccounts()
    {
        var database = await PostgresCluster.CreateDatabaseAsync();
        await using (var production = new PlusflatApp { EnvironmentName = "Production" })
        {
            production.UseDatabase(database);
            await production.InitializeAsync();
            var health = await production.Client().GetAsync("/health");
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        }

        await using var connection = new NpgsqlConnection(database.OwnerConnectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM users", connection);
        Assert.Equal(0L, await count.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Production_WithoutConnectionString_RefusesToStartAnEmbeddedDatabase()
    {
        var configuration = new ConfigurationBuilder().Build();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            DatabaseSetup.ResolveAsync(configuration, isProduction: true, Path.GetTempPath(), NullLogger.Instance));

        Assert.Contains("ConnectionStrings__Plusflat", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownPage_ShowsFriendlyDutchPageWithoutDetails()
    {
        var client = await app.SignedInClientAsync("lead@lltf-amsterdam.demo");

        var response = await client.GetAsync("/lltf-amsterdam/bestaat/echt/niet");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.TextAsync();
        Assert.Contains("Pagina niet gevonden", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
    }
}
