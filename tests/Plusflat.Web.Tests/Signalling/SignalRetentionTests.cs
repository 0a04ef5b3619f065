using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Plusflat.Web.Features.Signalling;

namespace Plusflat.Web.Tests.Signalling;

/// <summary>
/// The retention job on real PostgreSQL as the portal's role: only signals closed longer ago than the programme's
/// period lose their resident code and description; open, recent and already-cleared signals are left alone; the
/// counts stay; every removal is logged once, also when two runs overlap.
/// </summary>
public sealed class SignalRetentionTests(PlusflatApp app) : IClassFixture<PlusflatApp>
{
    private const string Tenant = "lltf-amsterdam";

    [Fact]
    public async Task Run_OldAndNewClosedAndOpenSignals_RemovesExactlyTheOldClosedOnesAndKeepsTheCounts()
    {
        var (tenantId, seeded) = await SeedAsync();
        var talliesBefore = await TalliesAsync(tenantId);

        var removed = await app.Services.GetRequiredService<SignalRetention>().RunAsync(CancellationToken.None);

        Assert.Equal([seeded.OldClosed], removed.Where(r => seeded.All.Contains(r.SignalId)).Select(r => r.SignalId));
        Assert.True(await ClearedAsync(seeded.OldClosed));
        foreach (var kept in new[] { seeded.RecentClosed, seeded.OldOpen, seeded.JustInside })
        {
            Assert.False(await ClearedAsync(kept), $"signal {kept} kept its details");
        }

        Assert.Equal(talliesBefore, await TalliesAsync(tenantId));
        Assert.Equal(1L, await LogEntriesAsync(seeded.OldClosed));
        Assert.Equal(0L, await LogEntriesAsync(seeded.RecentClosed));
    }

    [Fact]
    public async Task Run_TwoRunsOverlapping_RemoveAndLogEachSignalOnce()
    {
        var (tenantId, seeded) = await SeedAsync();
        var retention = app.Services.GetRequiredService<SignalRetention>();

        // Hold the tenant's retention lock, start two runs (both wait on it), then let them go together.
        await using var holder = new NpgsqlConnection(await PostgresCluster.SuperuserConnectionStringAsync(app.Database.Name));
        await holder.OpenAsync();
        await using (var take = new NpgsqlCommand("SELECT pg_advisory_lock(hashtext('plusflat.signal_retention'), hashtext($1))", holder)
        {
            Parameters = { new() { Value = tenantId.ToString() } },
        })
        {
            await take.ExecuteNonQueryAsync();
        }

        var first = Task.Run(() => retention.RunForTenantAsync(tenantId, CancellationToken.None));
        var second = Task.Run(() => retention.RunForTenantAsync(tenantId, CancellationToken.None));
        await Task.Delay(500);
        Assert.False(first.IsCompleted || second.IsCompleted, "both runs wait for the lock");
        await using (var release = new NpgsqlCommand("SELECT pg_advisory_unlock_all()", holder))
        {
            await release.ExecuteNonQueryAsync();
        }

        var results = await Task.WhenAll(first, second);

        Assert.Equal(1, results.Sum(r => r.Count(x => x.SignalId == seeded.OldClosed)));
        Assert.True(await ClearedAsync(seeded.OldClosed));
        Assert.Equal(1L, await LogEntriesAsync(seeded.OldClosed));
        Assert.DoesNotContain(await retention.RunForTenantAsync(tenantId, CancellationToken.None), r => seeded.All.Contains(r.SignalId));
    }

    [Fact]
    public async Task Run_ProgrammeSetsAShorterPeriod_RemovesWhatIsPastIt()
    {
        var (tenantId, seeded) = await SeedAsync();
        await app.ExecuteAsync("""
            INSERT INTO signalling_settings (id, tenant_id, retention_months) VALUES (gen_random_uuid(), @p0, 12)
            ON CONFLICT (tenant_id) DO UPDATE SET retention_months = 12
            """, tenantId);
        try
        {
            var removed = await app.Services.GetRequiredService<SignalRetention>().RunForTenantAsync(tenantId, CancellationToken.None);

            Assert.Contains(removed, r => r.SignalId == seeded.JustInside && r.RetentionMonths == 12);
            Assert.True(await ClearedAsync(seeded.JustInside));
            Assert.False(await ClearedAsync(seeded.RecentClosed));
        }
        finally
        {
            await app.ExecuteAsync("DELETE FROM signalling_settings WHERE tenant_id = @p0", tenantId);
        }
    }

    [Fact]
    public async Task AppRole_CannotMoveTheCutOffOrReadDetailsThroughTheFunction()
    {
        await using var connection = new NpgsqlConnection(app.Database.AppConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT p.pronargs, pg_get_function_result(p.oid) FROM pg_proc p WHERE p.proname = 'app_remove_expired_signal_details'", connection);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());

        Assert.Equal(0, reader.GetInt16(0)); // no parameters: no cut-off or tenant list to hand in
        Assert.DoesNotContain("description", reader.GetString(1), StringComparison.Ordinal);
        Assert.DoesNotContain("resident_code", reader.GetString(1), StringComparison.Ordinal);
    }

    private sealed record Seeded(Guid OldClosed, Guid RecentClosed, Guid OldOpen, Guid JustInside)
    {
        public Guid[] All => [OldClosed, RecentClosed, OldOpen, JustInside];
    }

    /// <summary>A meeting three years ago in De Klimop with: closed 30 months ago, closed last month, still open, closed 18 months ago.</summary>
    private async Task<(Guid TenantId, Seeded Signals)> SeedAsync()
    {
        var tenantId = (await app.ScalarAsync<Guid>("SELECT id FROM tenants WHERE slug = @p0", Tenant))!;
        var complexId = await app.ScalarAsync<Guid>("SELECT id FROM complexes WHERE tenant_id = @p0 AND name = 'De Klimop'", tenantId);
        var meetingId = Guid.CreateVersion7();
        await app.ExecuteAsync("""
            INSERT INTO signal_meetings (id, tenant_id, complex_id, held_on, attendee_ids, created_by, created_at)
            VALUES (@p0, @p1, @p2, current_date - interval '36 months', '{}'::uuid[], @p1, now())
            """, meetingId, tenantId, complexId);
        var seeded = new Seeded(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        foreach (var (id, status, closed) in new (Guid, string, string?)[]
                 {
                     (seeded.OldClosed, "Closed", "30 months"), (seeded.RecentClosed, "Closed", "1 month"),
                     (seeded.OldOpen, "Monitoring", null), (seeded.JustInside, "Closed", "18 months"),
                 })
        {
            await app.ExecuteAsync($"""
                INSERT INTO signals (id, tenant_id, complex_id, meeting_id, resident_code, category, noticed_by, description, status, closed_on)
                VALUES (@p0, @p1, @p2, @p3, 'K-777', 'Falls', 'Care', 'Valt vaker', @p4, {(closed is null ? "NULL" : $"(current_date - interval '{closed}')::date")})
                """, id, tenantId, complexId, meetingId, status);
        }

        return (tenantId, seeded);
    }

    private async Task<bool> ClearedAsync(Guid signalId) =>
        await app.ScalarAsync<bool>("SELECT resident_code IS NULL AND description IS NULL AND details_removed_at IS NOT NULL FROM signals WHERE id = @p0", signalId);

    private async Task<long> TalliesAsync(Guid tenantId) =>
        await app.ScalarAsync<long>("SELECT count(*) FROM signal_tallies WHERE tenant_id = @p0", tenantId);

    private async Task<long> LogEntriesAsync(Guid signalId) =>
        await app.ScalarAsync<long>("SELECT count(*) FROM access_log WHERE signal_id = @p0 AND action = 'Remove' AND user_id = '00000000-0000-0000-0000-000000000000'", signalId);
}
