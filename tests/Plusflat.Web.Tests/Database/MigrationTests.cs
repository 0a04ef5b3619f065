using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Plusflat.Infrastructure;
using Plusflat.Infrastructure.Database;
using Plusflat.Infrastructure.Persistence;
using Plusflat.Infrastructure.Tenancy;

namespace Plusflat.Web.Tests.Database;

/// <summary>
/// The SQL migrations against the EF model (no drift), and the migrator's guarantees: each script
/// once, all or nothing, in order, safe to start twice at the same time, and loud about edited history.
/// </summary>
public sealed partial class MigrationTests
{
    private static Migrator MigratorFor(TestDatabase database) =>
        new(database.OwnerConnectionString, DatabaseSetup.AppRole, NullLogger.Instance);

    [Fact]
    public async Task Migrations_ComparedWithEfModel_HaveNoDrift()
    {
        var migratedTask = PostgresCluster.CreateEmptyDatabaseAsync();
        var createdTask = PostgresCluster.CreateEmptyDatabaseAsync();
        var (migrated, created) = (await migratedTask, await createdTask);

        await MigratorFor(migrated).MigrateAsync();
        await using (var db = new PlusflatDbContext(DependencyInjection.OptionsFor(created.OwnerConnectionString), new TenantScope()))
        {
            Assert.True(await db.Database.EnsureCreatedAsync());
        }

        var fromMigrations = await SchemaAsync(migrated.OwnerConnectionString);
        var fromModel = await SchemaAsync(created.OwnerConnectionString);

        Assert.Contains("table tenants", fromModel.Keys);
        Assert.Contains("table invitations", fromModel.Keys);
        var diff = Diff(fromMigrations, fromModel);
        Assert.True(diff.Length == 0,
            "The migrations in src/Plusflat.Infrastructure/Migrations/ and the EF model differ " +
            "(add a migration; `dotnet run --project src/Plusflat.Web -- schema-script` prints the model's SQL):" +
            Environment.NewLine + diff);
    }

    [Fact]
    public async Task Migrate_AppliedScriptChangedSince_ThrowsChecksumExceptionAndAppliesNothingLater()
    {
        var database = await PostgresCluster.CreateEmptyDatabaseAsync();
        await MigratorFor(database).MigrateAsync([new MigrationScript("0001", "0001_a", "CREATE TABLE a (id int)")]);

        var error = await Assert.ThrowsAsync<MigrationChecksumException>(() => MigratorFor(database).MigrateAsync(
        [
            new MigrationScript("0001", "0001_a", "CREATE TABLE a (id bigint)"),
            new MigrationScript("0002", "0002_b", "CREATE TABLE b (id int)"),
        ]));

        Assert.Contains("0001_a", error.Message, StringComparison.Ordinal);
        Assert.Contains("already applied", error.Message, StringComparison.Ordinal);
        Assert.Contains("add a new file", error.Message, StringComparison.Ordinal);
        Assert.False(await TableExistsAsync(database, "b"));
        Assert.Equal(["0001"], await HistoryAsync(database));

        // The advisory lock was released: a run with the original script goes ahead at once.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        Assert.Empty(await MigratorFor(database).MigrateAsync(
            [new MigrationScript("0001", "0001_a", "CREATE TABLE a (id int)")], timeout.Token));
    }

    [Fact]
    public async Task Migrate_ScriptWithOnlyLineEndingsChanged_IsNotAChecksumChange()
    {
        var database = await PostgresCluster.CreateEmptyDatabaseAsync();
        await MigratorFor(database).MigrateAsync([new MigrationScript("0001", "0001_a", "CREATE TABLE a (id int);\nCREATE TABLE c (id int);")]);

        var applied = await MigratorFor(database).MigrateAsync([new MigrationScript("0001", "0001_a", "CREATE TABLE a (id int);\r\nCREATE TABLE c (id int);")]);

        Assert.Empty(applied);
    }

    [Fact]
    public async Task Migrate_TwoMigratorsAtOnce_BothSucceedAndEachScriptIsAppliedOnce()
    {
        var database = await PostgresCluster.CreateEmptyDatabaseAsync();
        MigrationScript[] scripts =
        [
            new("0001", "0001_a", "CREATE TABLE a (id int); SELECT pg_sleep(0.3);"),
            new("0002", "0002_b", "CREATE TABLE b (id int); INSERT INTO b VALUES (1);"),
            new("0003", "0003_c", "CREATE TABLE c (id int);"),
        ];

        var first = Task.Run(() => MigratorFor(database).MigrateAsync(scripts));
        var second = Task.Run(() => MigratorFor(database).MigrateAsync(scripts));
        var applied = (await first).Concat(await second).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(["0001_a", "0002_b", "0003_c"], applied);
        Assert.Equal(["0001", "0002", "0003"], await HistoryAsync(database));
        await using var connection = await OpenAsync(database.OwnerConnectionString);
        await using var count = new NpgsqlCommand("SELECT count(*) FROM b", connection);
        Assert.Equal(1L, await count.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Migrate_ScriptFails_RollsBackThatScriptKeepsEarlierOnesAndContinuesAfterFix()
    {
        var database = await PostgresCluster.CreateEmptyDatabaseAsync();
        var first = new MigrationScript("0001", "0001_a", "CREATE TABLE a (id int);");
        var third = new MigrationScript("0003", "0003_d", "CREATE TABLE d (id int);");

        await Assert.ThrowsAsync<PostgresException>(() => MigratorFor(database).MigrateAsync(
        [
            first,
            new MigrationScript("0002", "0002_bc", "CREATE TABLE b (id int); CREATE TABLE c (id int); INSERT INTO does_not_exist VALUES (1);"),
            third,
        ]));

        Assert.True(await TableExistsAsync(database, "a"));
        Assert.False(await TableExistsAsync(database, "b"));
        Assert.False(await TableExistsAsync(database, "c"));
        Assert.False(await TableExistsAsync(database, "d"));
        Assert.Equal(["0001"], await HistoryAsync(database));

        var applied = await MigratorFor(database).MigrateAsync(
        [
            first,
            new MigrationScript("0002", "0002_bc", "CREATE TABLE b (id int); CREATE TABLE c (id int);"),
            third,
        ]);

        Assert.Equal(["0002_bc", "0003_d"], applied);
        Assert.Equal(["0001", "0002", "0003"], await HistoryAsync(database));
        Assert.True(await TableExistsAsync(database, "c"));
        Assert.True(await TableExistsAsync(database, "d"));
    }

    [Fact]
    public async Task Migrate_RunTwice_SecondRunIsANoOp()
    {
        var database = await PostgresCluster.CreateEmptyDatabaseAsync();
        var firstRun = await MigratorFor(database).MigrateAsync();
        var historyAfterFirst = await HistoryWithTimesAsync(database);
        var schemaAfterFirst = await SchemaAsync(database.OwnerConnectionString);

        var secondRun = await MigratorFor(database).MigrateAsync();

        Assert.Equal(MigrationScript.LoadEmbedded().Select(s => s.Name), firstRun);
        Assert.Empty(secondRun);
        Assert.Equal(historyAfterFirst, await HistoryWithTimesAsync(database));
        Assert.Equal("", Diff(schemaAfterFirst, await SchemaAsync(database.OwnerConnectionString)));
    }

    [Fact]
    public void EmbeddedScripts_VersionsAreUniqueAndNamesFollowTheConvention()
    {
        var scripts = MigrationScript.LoadEmbedded();

        Assert.NotEmpty(scripts);
        Assert.Equal(scripts.Count, scripts.Select(s => s.Version).Distinct(StringComparer.Ordinal).Count());
        Assert.All(scripts, s => Assert.Matches("^[0-9]{4}_[a-z0-9_]+$", s.Name));
        Assert.Equal("0001_foundation", scripts[0].Name);
    }

    private static async Task<NpgsqlConnection> OpenAsync(string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static async Task<bool> TableExistsAsync(TestDatabase database, string table)
    {
        await using var connection = await OpenAsync(database.OwnerConnectionString);
        await using var command = new NpgsqlCommand("SELECT to_regclass($1) IS NOT NULL", connection)
        {
            Parameters = { new() { Value = "public." + table } },
        };
        return (bool)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<List<string>> HistoryAsync(TestDatabase database) =>
        (await HistoryWithTimesAsync(database)).Select(h => h.Split(' ')[0]).ToList();

    private static async Task<List<string>> HistoryWithTimesAsync(TestDatabase database)
    {
        await using var connection = await OpenAsync(database.OwnerConnectionString);
        await using var command = new NpgsqlCommand(
            "SELECT version || ' ' || name || ' ' || checksum || ' ' || applied_at::text FROM schema_history ORDER BY version", connection);
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }

    /// <summary>
    /// The schema as comparable lines, keyed by what they describe: tables, columns (type with
    /// length/precision, nullability, identity, default), primary keys, foreign keys, unique
    /// constraints and indexes. Row-level security and <c>schema_history</c> are the migrations' own.
    /// </summary>
    private static async Task<SortedDictionary<string, string>> SchemaAsync(string connectionString)
    {
        var schema = new SortedDictionary<string, string>(StringComparer.Ordinal);
        await using var connection = await OpenAsync(connectionString);

        await ReadAsync(connection, """
            SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname <> 'schema_history'
            """, r => schema[$"table {r.GetString(0)}"] = "exists");

        await ReadAsync(connection, """
            SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
                   a.attidentity::text, a.attgenerated::text, coalesce(pg_get_expr(d.adbin, d.adrelid), '')
            FROM pg_attribute a
            JOIN pg_class c ON c.oid = a.attrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
            WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname <> 'schema_history'
              AND a.attnum > 0 AND NOT a.attisdropped
            """, r =>
        {
            var description = new StringBuilder(r.GetString(2));
            description.Append(r.GetBoolean(3) ? " NOT NULL" : " NULL");
            description.Append(r.GetString(4) switch
            {
                "a" => " GENERATED ALWAYS AS IDENTITY",
                "d" => " GENERATED BY DEFAULT AS IDENTITY",
                _ => "",
            });
            if (r.GetString(5) == "s")
            {
                description.Append(" GENERATED ALWAYS AS (" + r.GetString(6) + ") STORED");
            }
            else if (r.GetString(6).Length > 0)
            {
                description.Append(" DEFAULT " + r.GetString(6));
            }

            schema[$"column {r.GetString(0)}.{r.GetString(1)}"] = description.ToString();
        });

        await ReadAsync(connection, """
            SELECT c.relname, k.conname, k.contype::text, pg_get_constraintdef(k.oid)
            FROM pg_constraint k
            JOIN pg_class c ON c.oid = k.conrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND k.contype IN ('p', 'f', 'u') AND c.relname <> 'schema_history'
            """, r =>
        {
            var kind = r.GetString(2) switch { "p" => "primary key", "f" => "foreign key", _ => "unique constraint" };
            schema[$"{kind} {r.GetString(0)}.{r.GetString(1)}"] = Normalise(r.GetString(3));
        });

        await ReadAsync(connection, """
            SELECT tablename, indexname, indexdef FROM pg_indexes
            WHERE schemaname = 'public' AND tablename <> 'schema_history'
            """, r => schema[$"index {r.GetString(0)}.{r.GetString(1)}"] = Normalise(r.GetString(2)));

        return schema;
    }

    private static string Normalise(string sql) => PublicPrefix().Replace(sql, "");

    private static async Task ReadAsync(NpgsqlConnection connection, string sql, Action<NpgsqlDataReader> row)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            row(reader);
        }
    }

    /// <summary>One line per difference: what only the migrations have, what only the model has, and what differs.</summary>
    private static string Diff(IReadOnlyDictionary<string, string> migrations, IReadOnlyDictionary<string, string> model)
    {
        var lines = new List<string>();
        foreach (var key in migrations.Keys.Union(model.Keys).Order(StringComparer.Ordinal))
        {
            var inMigrations = migrations.TryGetValue(key, out var m);
            var inModel = model.TryGetValue(key, out var e);
            if (inMigrations && !inModel)
            {
                lines.Add($"  only in migrations: {key}: {m}");
            }
            else if (!inMigrations && inModel)
            {
                lines.Add($"  only in EF model:   {key}: {e}");
            }
            else if (m != e)
            {
                lines.Add($"  differs:            {key}{Environment.NewLine}      migrations: {m}{Environment.NewLine}      EF model:   {e}");
            }
        }

        return string.Join(Environment.NewLine, lines);
    }

    [GeneratedRegex("(?<![A-Za-z0-9_\"])(public|\"public\")\\.")]
    private static partial Regex PublicPrefix();
}
