using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Plusflat.Infrastructure.Database;

namespace Plusflat.Web.Tests.Database;

/// <summary>Migration 0005 on a database that already has complexes and ticks: nothing is lost and the history starts complete.</summary>
public sealed class HistoryMigrationTests
{
    [Fact]
    public async Task Migration0005_ExistingData_TicksGetTheMomentOfTheirIdAndComplexesTheirCreation()
    {
        var database = await PostgresCluster.CreateEmptyDatabaseAsync();
        var migrator = new Migrator(database.OwnerConnectionString, DatabaseSetup.AppRole, NullLogger.Instance);
        var scripts = MigrationScript.LoadEmbedded();
        await migrator.MigrateAsync([.. scripts.Where(s => string.CompareOrdinal(s.Version, "0005") < 0)]);
        var (tenant, catalogue, item, complex) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        var tick = Guid.Parse("01a234a1-4109-76e9-825e-b037e34cba9b"); // version 7, made 2026-12-02 02:41:52.905 UTC
        var oldTick = Guid.Parse("3f2504e0-4f89-41d3-9a0c-0305e82c3301"); // version 4: no moment inside
        await using (var connection = new NpgsqlConnection(await PostgresCluster.SuperuserConnectionStringAsync(database.Name)))
        {
            await connection.OpenAsync();
            await using var seed = new NpgsqlCommand("""
                INSERT INTO tenants (id, slug, name, kind) VALUES (@t, 'oud', 'Oud programma', 'Programme');
                INSERT INTO phase_catalogues (id, tenant_id, version, created_at) VALUES (@c, @t, 1, now());
                INSERT INTO phase_checklist_items (id, tenant_id, catalogue_id, phase, code, title, sort_order) VALUES (@i, @t, @c, 0, 'p0-a', 'A', 10);
                INSERT INTO complexes (id, tenant_id, name, address, postcode, municipality, dwelling_count, has_common_room,
                                       common_room_open_to_neighbourhood, near_facilities, has_workspace_for_team, created_at, catalogue_id,
                                       current_phase, checklist_revision)
                VALUES (@x, @t, 'Oud', 'Straat 1', '1011 AB', 'Amsterdam', 100, false, false, false, false, '2025-03-01 09:00+00', @c, 0, 2);
                INSERT INTO checklist_ticks (id, tenant_id, complex_id, item_id, phase, ticked_on, ticked_by, ticked_by_name, unticked_at)
                VALUES (@k, @t, @x, @i, 0, '2026-11-30', @t, 'Iemand', now()),
                       (@o, @t, @x, @i, 0, '2025-06-15', @t, 'Iemand', NULL);
                """, connection);
            seed.Parameters.AddWithValue("t", tenant);
            seed.Parameters.AddWithValue("c", catalogue);
            seed.Parameters.AddWithValue("i", item);
            seed.Parameters.AddWithValue("x", complex);
            seed.Parameters.AddWithValue("k", tick);
            seed.Parameters.AddWithValue("o", oldTick);
            await seed.ExecuteNonQueryAsync();
        }

        await migrator.MigrateAsync(scripts);

        await using var check = new NpgsqlConnection(await PostgresCluster.SuperuserConnectionStringAsync(database.Name));
        await check.OpenAsync();
        async Task<object?> ScalarAsync(string sql)
        {
            await using var command = new NpgsqlCommand(sql, check);
            return await command.ExecuteScalarAsync();
        }

        Assert.Equal(new DateTimeOffset(2026, 12, 2, 2, 41, 52, 905, TimeSpan.Zero),
            new DateTimeOffset((DateTime)(await ScalarAsync($"SELECT recorded_at FROM checklist_ticks WHERE id = '{tick}'"))!, TimeSpan.Zero));
        Assert.Equal(new DateTimeOffset(2025, 6, 14, 22, 0, 0, TimeSpan.Zero),
            new DateTimeOffset((DateTime)(await ScalarAsync($"SELECT recorded_at FROM checklist_ticks WHERE id = '{oldTick}'"))!, TimeSpan.Zero));
        Assert.Equal("Created|2025-03-01 09:00:00+00|",
            await ScalarAsync($"SELECT kind || '|' || to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') || '+00|' || by_name FROM complex_history WHERE complex_id = '{complex}'"));
        Assert.Equal(1L, await ScalarAsync("SELECT count(*) FROM complex_history"));
    }
}
