using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Plusflat.Infrastructure.Database;

namespace Plusflat.Web.Tests.Database;

public sealed class EmbeddedPostgresTests
{
    [Fact]
    public async Task StopAndStartAgain_ReusesTheClusterAndKeepsTheData()
    {
        var folder = Path.Combine(Path.GetTempPath(), "plusflat-tests-" + Environment.ProcessId + "-embedded-" + Guid.NewGuid().ToString("N")[..6]);
        var cluster = new EmbeddedPostgres(Path.Combine(folder, "cluster"), EmbeddedPostgres.FreePort(), NullLogger.Instance);
        try
        {
            await cluster.StartAsync();
            await cluster.EnsureRolesAndDatabaseAsync("plusflat", DatabaseSetup.OwnerRole, DatabaseSetup.AppRole);
            await ExecuteAsync(cluster, "CREATE TABLE kept (id int); INSERT INTO kept VALUES (42);");
            await cluster.StopAsync();

            await cluster.StartAsync();
            await cluster.StartAsync(); // a second start of a running cluster is a no-op
            await cluster.EnsureRolesAndDatabaseAsync("plusflat", DatabaseSetup.OwnerRole, DatabaseSetup.AppRole);

            Assert.Equal(42, await ScalarAsync(cluster, "SELECT id FROM kept"));
        }
        finally
        {
            await cluster.StopAsync();
            NpgsqlConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task ExecuteAsync(EmbeddedPostgres cluster, string sql)
    {
        await using var connection = new NpgsqlConnection(cluster.ConnectionString("plusflat") + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<int> ScalarAsync(EmbeddedPostgres cluster, string sql)
    {
        await using var connection = new NpgsqlConnection(cluster.ConnectionString("plusflat") + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (int)(await command.ExecuteScalarAsync())!;
    }
}
