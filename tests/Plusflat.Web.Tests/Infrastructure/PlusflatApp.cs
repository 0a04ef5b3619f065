using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Plusflat.Infrastructure.Persistence;
using Plusflat.Infrastructure.Tenancy;

namespace Plusflat.Web.Tests.Infrastructure;

/// <summary>
/// The real portal on its own test database (copied from the migrated template), with the demo data
/// seeded. Used as a class fixture: the tests of one class share it and create their own tenants
/// and data where they change something.
/// </summary>
public class PlusflatApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly Dictionary<string, string?> _settings = new()
    {
        ["Demo:Seed"] = "true",
        ["RateLimit:SignInPerMinute"] = "1000",
    };

    public TestDatabase Database { get; private set; } = default!;

    /// <summary>The hosting environment; "Testing" unless a test needs another (e.g. Production).</summary>
    public string EnvironmentName { get; set; } = "Testing";

    /// <summary>Runs this instance on another instance's database (several portal instances, one database).</summary>
    public void UseDatabase(TestDatabase database) => Database = database;

    protected bool UseRealServer { get; init; }

    public Uri ServerAddress { get; private set; } = default!;

    public void Set(string key, string? value) => _settings[key] = value;

    public async Task InitializeAsync()
    {
        Database ??= await PostgresCluster.CreateDatabaseAsync();
        if (UseRealServer)
        {
            UseKestrel(0);
            StartServer();
            var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
            ServerAddress = new Uri(addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal));
        }
        else
        {
            StartServer();
            ServerAddress = new Uri("http://localhost");
        }
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    /// <summary>
    /// Also closes the idle pooled connections of the superuser/owner connection strings (one pool per test database,
    /// kept for minutes otherwise): with a fixture per test class they would fill the cluster's max_connections.
    /// </summary>
    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Npgsql.NpgsqlConnection.ClearAllPools();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);

        // Outside Development the host does not read the static web assets manifest by itself, so the files of
        // packages (_content/MudBlazor/...) and the framework's blazor.web.js would be missing from the test server.
        builder.UseStaticWebAssets();
        builder.UseSetting("ConnectionStrings:Plusflat", Database.AppConnectionString);
        builder.UseSetting("ConnectionStrings:PlusflatOwner", Database.OwnerConnectionString);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(ConfigureTestServices);
    }

    /// <summary>Services a subclass adds or replaces after the portal's own (e.g. an EF Core interceptor that records commands).</summary>
    protected virtual void ConfigureTestServices(IServiceCollection services)
    {
    }

    /// <summary>A client with its own cookies, not following redirects (so tests see 302s).</summary>
    public HttpClient Client() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Signs a client in through the real sign-in form.</summary>
    public async Task<HttpClient> SignedInClientAsync(string email, string password = DemoPassword)
    {
        var client = Client();
        var response = await SignInAsync(client, email, password);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in of {email} failed: {(int)response.StatusCode}");
        }

        return client;
    }

    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password)
    {
        var form = await client.GetStringAsync("/account/inloggen");
        return await client.PostAsync("/account/inloggen", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "inloggen",
            ["__RequestVerificationToken"] = AntiforgeryToken(form),
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }));
    }

    public static string AntiforgeryToken(string html) =>
        Regex.Match(html, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;

    public const string DemoPassword = "Plusflat-demo-2026!";

    /// <summary>
    /// Runs SQL on this app's database as the superuser (past row-level security): to look up ids a test needs,
    /// or to change data behind the portal's back. Parameters are named @p0, @p1, ...
    /// </summary>
    public async Task<T?> ScalarAsync<T>(string sql, params object[] parameters)
    {
        await using var connection = new Npgsql.NpgsqlConnection(await PostgresCluster.SuperuserConnectionStringAsync(Database.Name));
        await connection.OpenAsync();
        await using var command = Command(connection, sql, parameters);
        var value = await command.ExecuteScalarAsync();
        return value is null or DBNull ? default : (T)value;
    }

    /// <inheritdoc cref="ScalarAsync{T}"/>
    public async Task<int> ExecuteAsync(string sql, params object[] parameters)
    {
        await using var connection = new Npgsql.NpgsqlConnection(await PostgresCluster.SuperuserConnectionStringAsync(Database.Name));
        await connection.OpenAsync();
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteNonQueryAsync();
    }

    private static Npgsql.NpgsqlCommand Command(Npgsql.NpgsqlConnection connection, string sql, object[] parameters)
    {
        var command = new Npgsql.NpgsqlCommand(sql, connection);
        for (var i = 0; i < parameters.Length; i++)
        {
            command.Parameters.AddWithValue("p" + i, parameters[i]);
        }

        return command;
    }

    /// <summary>A DbContext on the app role inside one tenant, as a request would have it.</summary>
    public (IServiceScope Scope, PlusflatDbContext Db) TenantDb(Guid tenantId, Guid? userId = null)
    {
        var scope = Services.CreateScope();
        var tenantScope = scope.ServiceProvider.GetRequiredService<TenantScope>();
        tenantScope.EnterTenant(tenantId);
        if (userId is { } u)
        {
            tenantScope.SetUser(u);
        }

        return (scope, scope.ServiceProvider.GetRequiredService<PlusflatDbContext>());
    }
}

/// <summary>The portal on a real Kestrel port, for Chromium. Subclass it to give a test class its own settings.</summary>
public class PlusflatBrowserApp : PlusflatApp
{
    public PlusflatBrowserApp()
    {
        UseRealServer = true;
    }
}
