using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Plusflat.Infrastructure.Database;

/// <summary>One versioned SQL file from <c>Migrations/</c>, e.g. <c>0001_initial.sql</c>.</summary>
public sealed record MigrationScript(string Version, string Name, string Sql)
{
    public string Checksum { get; } = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Sql.ReplaceLineEndings("\n"))));

    public static IReadOnlyList<MigrationScript> LoadEmbedded()
    {
        var assembly = typeof(Migrator).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("Migrations.", StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n =>
            {
                using var stream = assembly.GetManifestResourceStream(n)!;
                using var reader = new StreamReader(stream, Encoding.UTF8);
                var fileName = n["Migrations.".Length..^".sql".Length];
                var separator = fileName.IndexOf('_', StringComparison.Ordinal);
                var version = separator > 0 ? fileName[..separator] : fileName;
                return new MigrationScript(version, fileName, reader.ReadToEnd());
            })
            .OrderBy(s => s.Version, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Two files with one number would race for the same history row: refuse them before anything runs.</summary>
    public static void EnsureUniqueVersions(IReadOnlyList<MigrationScript> scripts)
    {
        var duplicate = scripts.GroupBy(s => s.Version, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException(
                $"Migrations {string.Join(" and ", duplicate.Select(s => s.Name))} share the number {duplicate.Key}: give the newer file the next free number.");
        }
    }
}

public sealed class MigrationChecksumException(string message) : Exception(message);

/// <summary>
/// Applies the versioned SQL files in order, each in its own transaction, recorded in
/// <c>schema_history</c>. A session-level advisory lock makes concurrent starts of several
/// instances safe: the second waits, then finds nothing left to do. A file that was applied and
/// later edited stops the migration with a clear error instead of silently diverging.
/// After migrating it grants the application role the rights it needs (and nothing it could own).
/// </summary>
public sealed class Migrator(string ownerConnectionString, string? appRole, ILogger logger)
{
    /// <summary>Arbitrary constant shared by every instance of the portal ("PLSF").</summary>
    private const long AdvisoryLockKey = 0x504C5346;

    public async Task<IReadOnlyList<string>> MigrateAsync(
        IReadOnlyList<MigrationScript>? scripts = null, CancellationToken cancellationToken = default)
    {
        scripts ??= MigrationScript.LoadEmbedded();
        MigrationScript.EnsureUniqueVersions(scripts);
        var applied = new List<string>();
        await using var connection = new NpgsqlConnection(ownerConnectionString);
        await connection.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, null, $"SELECT pg_advisory_lock({AdvisoryLockKey})", cancellationToken);
        try
        {
            await ExecuteAsync(connection, null, """
                CREATE TABLE IF NOT EXISTS schema_history (
                    version     text PRIMARY KEY,
                    name        text NOT NULL,
                    checksum    text NOT NULL,
                    applied_at  timestamptz NOT NULL DEFAULT now()
                )
                """, cancellationToken);

            var history = new Dictionary<string, (string Name, string Checksum)>(StringComparer.Ordinal);
            await using (var read = new NpgsqlCommand("SELECT version, name, checksum FROM schema_history", connection))
            await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    history[reader.GetString(0)] = (reader.GetString(1), reader.GetString(2));
                }
            }

            foreach (var script in scripts)
            {
                if (history.TryGetValue(script.Version, out var done))
                {
                    if (done.Checksum != script.Checksum)
                    {
                        throw new MigrationChecksumException(
                            $"Migration {script.Name} was already applied, but its file has changed since " +
                            $"(checksum {done.Checksum[..12]}… in the database, {script.Checksum[..12]}… now). " +
                            "Never edit an applied migration: add a new file instead.");
                    }

                    continue;
                }

                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await ExecuteAsync(connection, transaction, script.Sql, cancellationToken);
                await using (var record = new NpgsqlCommand(
                    "INSERT INTO schema_history (version, name, checksum) VALUES ($1, $2, $3)", connection, transaction))
                {
                    record.Parameters.Add(new() { Value = script.Version });
                    record.Parameters.Add(new() { Value = script.Name });
                    record.Parameters.Add(new() { Value = script.Checksum });
                    await record.ExecuteNonQueryAsync(cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
                applied.Add(script.Name);
                logger.LogInformation("Applied migration {Migration}", script.Name);
            }

            if (!string.IsNullOrEmpty(appRole))
            {
                await GrantAsync(connection, appRole, cancellationToken);
            }
        }
        finally
        {
            await ExecuteAsync(connection, null, $"SELECT pg_advisory_unlock({AdvisoryLockKey})", CancellationToken.None);
        }

        return applied;
    }

    private static async Task GrantAsync(NpgsqlConnection connection, string appRole, CancellationToken cancellationToken)
    {
        var role = EmbeddedPostgres.Quote(appRole);
        await ExecuteAsync(connection, null, $"""
            GRANT USAGE ON SCHEMA public TO {role};
            GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role};
            REVOKE ALL ON schema_history FROM {role};
            DO $do$ BEGIN IF to_regclass('public.access_log') IS NOT NULL THEN REVOKE UPDATE, DELETE, TRUNCATE ON access_log FROM {role}; END IF; END $do$;
            DO $do$ BEGIN IF to_regclass('public.dos_application_events') IS NOT NULL THEN REVOKE UPDATE, DELETE, TRUNCATE ON dos_application_events FROM {role}; END IF; END $do$;
            GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {role};
            DO $do$ BEGIN IF to_regprocedure('public.app_remove_expired_signal_details()') IS NOT NULL THEN
                GRANT EXECUTE ON FUNCTION app_remove_expired_signal_details(), app_overdue_action_counts() TO {role}; END IF; END $do$;
            """, cancellationToken);
    }

    private static async Task ExecuteAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
