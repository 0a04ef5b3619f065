using Npgsql;
using Plusflat.Web.Tests.Tenancy;

namespace Plusflat.Web.Tests.Signalling;

/// <summary>
/// The signal tables in raw SQL as the application role: rows are visible only to an account on THAT complex's flat
/// team, whatever the tenant setting says; counts (signal_tallies) are tenant-wide; the access log is append-only.
/// </summary>
public sealed class SignalRowLevelSecurityTests(TwoTenantDatabase data) : IClassFixture<TwoTenantDatabase>
{
    private static readonly string[] DetailTables = ["signal_meetings", "signals", "signal_actions", "signal_meeting_drafts", "signal_draft_items"];

    [Fact]
    public async Task Select_TeamMemberOfTheComplex_SeesItsSignalRows()
    {
        await using var app = await data.AppConnectionAsync(data.A.TenantId, data.TeamUserId);

        foreach (var table in DetailTables)
        {
            Assert.Equal(1, await TwoTenantDatabase.CountAsync(app, $"SELECT count(*) FROM {table}"));
        }
    }

    [Fact]
    public async Task Select_SameTenantUserNotOnTheTeam_SeesNoSignalRowsButTheCounts()
    {
        // User 2 of A holds the flat-team role too, but is on no team.
        await using var app = await data.AppConnectionAsync(data.A.TenantId, data.A.UserIds[2]);

        foreach (var table in DetailTables)
        {
            Assert.Equal(0, await TwoTenantDatabase.CountAsync(app, $"SELECT count(*) FROM {table}"));
        }

        Assert.Equal(1, await TwoTenantDatabase.CountAsync(app, "SELECT count(*) FROM signal_tallies"));
    }

    [Fact]
    public async Task Select_TenantSetWithoutUser_SeesNoSignalRows()
    {
        await using var app = await data.AppConnectionAsync(data.A.TenantId);

        foreach (var table in DetailTables)
        {
            Assert.Equal(0, await TwoTenantDatabase.CountAsync(app, $"SELECT count(*) FROM {table}"));
        }
    }

    [Fact]
    public async Task Select_TeamUserWithTheOtherTenantSet_SeesNothingOfEither()
    {
        await using var app = await data.AppConnectionAsync(data.B.TenantId, data.TeamUserId);

        foreach (var table in DetailTables)
        {
            Assert.Equal(0, await TwoTenantDatabase.CountAsync(app, $"SELECT count(*) FROM {table}"));
        }
    }

    [Fact]
    public async Task Select_MembershipEnded_SeesNoSignalRows()
    {
        await using var superuser = await data.SuperuserConnectionAsync();
        await using var app = await data.AppConnectionAsync(data.A.TenantId, data.TeamUserId);
        await using var transaction = await superuser.BeginTransactionAsync();
        await using (var end = new NpgsqlCommand("UPDATE flat_team_members SET ends_on = current_date - 1 WHERE id = $1", superuser, transaction)
        {
            Parameters = { new() { Value = data.A.RowIds["flat_team_members"] } },
        })
        {
            Assert.Equal(1, await end.ExecuteNonQueryAsync());
        }

        // The app connection does not see the uncommitted end; check inside the same transaction as the app role instead.
        await using (var role = new NpgsqlCommand($"SET LOCAL ROLE {Plusflat.Infrastructure.Database.DatabaseSetup.AppRole}", superuser, transaction))
        {
            await role.ExecuteNonQueryAsync();
        }

        await using (var settings = new NpgsqlCommand("SELECT set_config('app.tenant_id', $1, true), set_config('app.user_id', $2, true)", superuser, transaction)
        {
            Parameters = { new() { Value = data.A.TenantId.ToString() }, new() { Value = data.TeamUserId.ToString() } },
        })
        {
            await settings.ExecuteNonQueryAsync();
        }

        await using var count = new NpgsqlCommand("SELECT count(*) FROM signals", superuser, transaction);
        Assert.Equal(0L, (long)(await count.ExecuteScalarAsync())!);
        await transaction.RollbackAsync();
        Assert.Equal(1, await TwoTenantDatabase.CountAsync(app, "SELECT count(*) FROM signals"));
    }

    [Fact]
    public async Task Insert_SignalByUserNotOnTheTeam_FailsWithCheck()
    {
        await using var app = await data.AppConnectionAsync(data.A.TenantId, data.A.UserIds[2]);
        await using var command = new NpgsqlCommand("""
            INSERT INTO signal_meetings (id, tenant_id, complex_id, held_on, attendee_ids, created_by, created_at)
            VALUES (gen_random_uuid(), $1, $2, current_date, '{}'::uuid[], $3, now())
            """, app)
        {
            Parameters = { new() { Value = data.A.TenantId }, new() { Value = data.A.ComplexId }, new() { Value = data.A.UserIds[2] } },
        };

        var error = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
    }

    [Theory]
    [InlineData("UPDATE access_log SET address = 'x'")]
    [InlineData("DELETE FROM access_log")]
    [InlineData("TRUNCATE access_log")]
    public async Task AccessLog_AppRoleChangesOrDeletes_IsRefusedByGrants(string sql)
    {
        await using var app = await data.AppConnectionAsync(data.A.TenantId, data.TeamUserId);
        await using var command = new NpgsqlCommand(sql, app);

        var error = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
        Assert.Contains("permission denied", error.MessageText, StringComparison.Ordinal);
        await using var superuser = await data.SuperuserConnectionAsync();
        Assert.Equal(1, await TwoTenantDatabase.CountAsync(superuser, "SELECT count(*) FROM access_log WHERE id = $1", data.A.RowIds["access_log"]));
    }

    [Fact]
    public async Task AccessLog_AppRoleInsertsAndReadsItsOwnEntries()
    {
        await using var app = await data.AppConnectionAsync(data.A.TenantId, data.TeamUserId);
        await using var transaction = await app.BeginTransactionAsync();
        await using var insert = new NpgsqlCommand("INSERT INTO access_log (id, tenant_id, at, user_id, user_name, action) VALUES (gen_random_uuid(), $1, now(), $2, 'X', 'View')", app, transaction)
        {
            Parameters = { new() { Value = data.A.TenantId }, new() { Value = data.TeamUserId } },
        };
        Assert.Equal(1, await insert.ExecuteNonQueryAsync());
        await using var forged = new NpgsqlCommand("INSERT INTO access_log (id, tenant_id, at, user_id, user_name, action) VALUES (gen_random_uuid(), $1, now(), $2, 'X', 'View')", app, transaction)
        {
            Parameters = { new() { Value = data.A.TenantId }, new() { Value = data.A.UserIds[2] } },
        };

        // An entry in someone else's name is refused.
        var error = await Assert.ThrowsAsync<PostgresException>(() => forged.ExecuteNonQueryAsync());
        Assert.Contains("row-level security", error.MessageText, StringComparison.Ordinal);
        await transaction.RollbackAsync();
    }
}
