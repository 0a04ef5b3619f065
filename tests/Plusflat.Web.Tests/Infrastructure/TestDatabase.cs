using DotNet.Testcontainers.Builders;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Plusflat.Infrastructure.Database;
using Testcontainers.PostgreSql;

namespace Plusflat.Web.Tests.Infrastructure;

/// <summary>Connection strings of one test database: the owner (migrations, setup) and the app role (subject to RLS).</summary>
public sealed record TestDatabase(string Name, string OwnerConnectionString, string AppConnectionString);

/// <summary>
/// One PostgreSQL server per test run, shared by every test, chosen in this order: the server in
/// PLUSFLAT_TEST_PG (a superuser connection string); a Testcontainers <c>postgres:15-alpine</c> container when a
/// Docker engine is reachable (as on GitHub Actions); otherwise a throwaway cluster started with the machine's
/// binaries (the same launcher the portal's embedded default uses). The same setup then runs on any of them:
/// the portal's roles are created, a template database is migrated once, and each test class gets its own
/// database copied from it. Which server ran is written to the test output (<see cref="Description"/>).
/// </summary>
public static class PostgresCluster
{
    private static readonly Lazy<Task<Cluster>> Instance = new(StartAsync);

    private sealed record Cluster(string SuperuserConnectionString, string TemplateName, string Description);

    public const string ContainerImage = "postgres:15-alpine";

    /// <summary>Which server this run uses, e.g. "Testcontainers postgres:15-alpine" or "throwaway cluster in /tmp/...".</summary>
    public static async Task<string> DescriptionAsync() => (await Instance.Value).Description;

    public static async Task<TestDatabase> CreateDatabaseAsync(string? template = null)
    {
        var cluster = await Instance.Value;
        var name = "t_" + Guid.NewGuid().ToString("N")[..20];
        await using (var connection = new NpgsqlConnection(cluster.SuperuserConnectionString))
        {
            await connection.OpenAsync();
            var source = template ?? cluster.TemplateName;
            await using var create = new NpgsqlCommand(
                $"CREATE DATABASE {name} TEMPLATE {source} OWNER {DatabaseSetup.OwnerRole}", connection);
            await create.ExecuteNonQueryAsync();
        }

        return ForDatabase(cluster.SuperuserConnectionString, name);
    }

    /// <summary>An empty database (no migrations), e.g. for migrator and drift tests.</summary>
    public static async Task<TestDatabase> CreateEmptyDatabaseAsync() => await CreateDatabaseAsync("template0");

    public static async Task<string> SuperuserConnectionStringAsync(string database)
    {
        var cluster = await Instance.Value;
        return new NpgsqlConnectionStringBuilder(cluster.SuperuserConnectionString) { Database = database }.ConnectionString;
    }

    /// <summary>
    /// The test host can be ended before its exit handler stops the cluster. Clusters whose test process
    /// is gone are stopped and deleted at the next run, so the temp folder does not fill up.
    /// </summary>
    private static void RemoveAbandonedClusters()
    {
        foreach (var directory in Directory.GetDirectories(Path.GetTempPath(), "plusflat-tests-*"))
        {
            var parts = Path.GetFileName(directory).Split('-');
            if (parts.Length < 3 || !int.TryParse(parts[2], out var pid) || IsAlive(pid))
            {
                continue;
            }

            try
            {
                var cluster = new EmbeddedPostgres(Path.Combine(directory, "cluster"), 0, NullLogger.Instance);
                cluster.StopAsync().GetAwaiter().GetResult();
                Directory.Delete(directory, recursive: true);
            }
            catch (Exception)
            {
                // Best effort: a folder that cannot be removed now is tried again next run.
            }
        }
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static TestDatabase ForDatabase(string superuser, string name)
    {
        var owner = new NpgsqlConnectionStringBuilder(superuser)
        {
            Database = name, Username = DatabaseSetup.OwnerRole, Password = TestPassword, Pooling = true,
        };
        var app = new NpgsqlConnectionStringBuilder(superuser)
        {
            Database = name, Username = DatabaseSetup.AppRole, Password = TestPassword, Pooling = true, MaxPoolSize = 20,
        };
        return new TestDatabase(name, owner.ConnectionString, app.ConnectionString);
    }

    private const string TestPassword = "plusflat-test";

    private static async Task<Cluster> StartAsync()
    {
        var (superuser, description) = await StartServerAsync();
        Report(description);
        await using (var connection = new NpgsqlConnection(superuser))
        {
            await connection.OpenAsync();
            foreach (var (role, extra) in new[] { (DatabaseSetup.OwnerRole, "CREATEDB"), (DatabaseSetup.AppRole, "NOCREATEDB") })
            {
                await using var exists = new NpgsqlCommand($"SELECT 1 FROM pg_roles WHERE rolname = '{role}'", connection);
                var sql = await exists.ExecuteScalarAsync() is null
                    ? $"CREATE ROLE {role} LOGIN NOSUPERUSER NOBYPASSRLS {extra} PASSWORD '{TestPassword}'"
                    : $"ALTER ROLE {role} LOGIN NOSUPERUSER NOBYPASSRLS {extra} PASSWORD '{TestPassword}'";
                await using var command = new NpgsqlCommand(sql, connection);
                await command.ExecuteNonQueryAsync();
            }
        }

        var template = "plusflat_tpl_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(superuser))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {template} OWNER {DatabaseSetup.OwnerRole}", connection);
            await create.ExecuteNonQueryAsync();
        }

        var database = ForDatabase(superuser, template);
        await new Migrator(database.OwnerConnectionString, DatabaseSetup.AppRole, NullLogger.Instance).MigrateAsync();
        NpgsqlConnection.ClearAllPools();
        return new Cluster(superuser, template, description);
    }

    private static async Task<(string Superuser, string Description)> StartServerAsync()
    {
        var external = Environment.GetEnvironmentVariable("PLUSFLAT_TEST_PG");
        if (!string.IsNullOrWhiteSpace(external))
        {
            var builder = new NpgsqlConnectionStringBuilder(external);
            return (external, $"PLUSFLAT_TEST_PG ({builder.Host}:{builder.Port})");
        }

        if (await StartContainerAsync() is { } container)
        {
            return (container, "Testcontainers " + ContainerImage);
        }

        return await StartThrowawayClusterAsync();
    }

    /// <summary>
    /// A PostgreSQL container, or null when no Docker engine is reachable. Testcontainers' resource reaper removes
    /// the container when the test process ends, also when it is killed.
    /// </summary>
    private static async Task<string?> StartContainerAsync()
    {
        try
        {
            var container = new PostgreSqlBuilder(ContainerImage)
                .WithCommand("-c", "fsync=off", "-c", "max_connections=200", "-c", "shared_buffers=128MB")
                .Build();
            await container.StartAsync();
            return container.GetConnectionString();
        }
        catch (DockerUnavailableException)
        {
            return null;
        }
    }

    private static async Task<(string Superuser, string Description)> StartThrowawayClusterAsync()
    {
        RemoveAbandonedClusters();
        var tempDirectory = Path.Combine(Path.GetTempPath(), "plusflat-tests-" + Environment.ProcessId + "-" + Guid.NewGuid().ToString("N")[..6]);
        var embedded = new EmbeddedPostgres(Path.Combine(tempDirectory, "cluster"), EmbeddedPostgres.FreePort(), NullLogger.Instance);
        await embedded.StartAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                embedded.StopAsync().GetAwaiter().GetResult();
                Directory.Delete(tempDirectory, recursive: true);
            }
            catch (Exception)
            {
                // Best effort: a temp folder left behind is harmless.
            }
        };
        return (embedded.ConnectionString("postgres"), "throwaway cluster in " + tempDirectory);
    }

    /// <summary>
    /// One line saying which server runs the tests. The test host's standard output reaches `dotnet test`'s
    /// console only at detailed verbosity, so the line also goes to TestDatabase.txt in PLUSFLAT_TEST_RESULTS
    /// (set by <c>./plusflat test</c>, which prints it at the end) or else next to the test assembly.
    /// </summary>
    private static void Report(string description)
    {
        var line = "Test database: " + description;
        Console.WriteLine(line);
        try
        {
            var directory = Environment.GetEnvironmentVariable("PLUSFLAT_TEST_RESULTS") is { Length: > 0 } results ? results : AppContext.BaseDirectory;
            File.WriteAllText(Path.Combine(directory, "TestDatabase.txt"), line + Environment.NewLine);
        }
        catch (IOException)
        {
            // The console lines suffice.
        }
    }
}
