using Npgsql;
using Plusflat.Infrastructure.Database;

namespace Plusflat.Web.Tests.Tenancy;

/// <summary>
/// PostgreSQL's row-level security on its own, in raw SQL as the application role — the last line of
/// defence when the EF query filter is bypassed or forgotten. Tenant tables are discovered from the
/// catalog, so a new table is covered as soon as a migration adds it.
/// </summary>
public sealed class RowLevelSecurityTests(TwoTenantDatabase data) : IClassFixture<TwoTenantDatabase>
{
    private static readonly string[] KnownTenantTables = ["invitations", "tenant_memberships"];

    [Fact]
    public async Task Catalog_EveryTenantTable_HasForcedRowLevelSecurityAndATenantPolicy()
    {
        await using var connection = await data.AppConnectionAsync();
        var tables = await TwoTenantDatabase.TenantTablesAsync(connection);
        await using var command = new NpgsqlCommand("""
            SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity,
                   (SELECT count(*) FROM pg_policies p WHERE p.schemaname = 'public' AND p.tablename = c.relname),
                   (SELECT count(*) FROM pg_policies p WHERE p.schemaname = 'public' AND p.tablename = c.relname
                      AND p.permissive = 'PERMISSIVE'
                      AND ((p.cmd <> 'INSERT' AND (p.qual IS NULL
                                                   OR (p.qual NOT LIKE '%app.tenant_id%' AND p.qual NOT LIKE '%app.user_id%')))
                           OR (p.with_check IS NOT NULL AND p.with_check NOT LIKE '%app.tenant_id%')))
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND c.relname = ANY($1)
            ORDER BY c.relname
            """, connection)
        {
            Parameters = { new() { Value = tables.ToArray() } },
        };

        var problems = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                var table = reader.GetString(0);
                if (!reader.GetBoolean(1))
                {
                    problems.Add($"{table}: row-level security is not enabled");
                }

                if (!reader.GetBoolean(2))
                {
                    problems.Add($"{table}: row-level security is not forced (the owner bypasses it)");
                }

                if (reader.GetInt64(3) == 0)
                {
                    problems.Add($"{table}: no policy (nobody sees a row)");
                }

                if (reader.GetInt64(4) > 0)
                {
                    problems.Add($"{table}: a permissive policy does not compare with app.tenant_id/app.user_id");
                }
            }
        }

        Assert.Superset(KnownTenantTables.ToHashSet(), tables.ToHashSet());
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public async Task Catalog_AppRole_IsNoSuperuserCannotBypassAndOwnsNothing()
    {
        await using var connection = await data.AppConnectionAsync();
        await using var command = new NpgsqlCommand("""
            SELECT r.rolname, r.rolsuper, r.rolbypassrls,
                   (SELECT string_agg(c.relname || ' (' || c.relkind::text || ')', ', ') FROM pg_class c WHERE c.relowner = r.oid),
                   (SELECT string_agg(nspname, ', ') FROM pg_namespace WHERE nspowner = r.oid),
                   (SELECT string_agg(proname, ', ') FROM pg_proc WHERE proowner = r.oid),
                   (SELECT string_agg(DISTINCT o.rolname, ', ')
                      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_roles o ON o.oid = c.relowner
                      WHERE n.nspname = 'public' AND pg_has_role(r.oid, c.relowner, 'MEMBER')),
                   (SELECT d.datdba = r.oid FROM pg_database d WHERE d.datname = current_database())
            FROM pg_roles r WHERE r.rolname = current_user
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());

        Assert.Equal(DatabaseSetup.AppRole, reader.GetString(0));
        Assert.False(reader.GetBoolean(1), "The application role is a superuser.");
        Assert.False(reader.GetBoolean(2), "The application role has BYPASSRLS.");
        Assert.True(reader.IsDBNull(3), $"The application role owns relations: {ValueOrNull(reader, 3)}");
        Assert.True(reader.IsDBNull(4), $"The application role owns schemas: {ValueOrNull(reader, 4)}");
        Assert.True(reader.IsDBNull(5), $"The application role owns functions: {ValueOrNull(reader, 5)}");
        Assert.True(reader.IsDBNull(6), $"The application role is a member of the owner of tables: {ValueOrNull(reader, 6)}");
        Assert.False(reader.GetBoolean(7), "The application role owns the database.");
    }

    [Fact]
    public async Task Catalog_ViewsInPublicSchema_RunWithTheCallersRights()
    {
        await using var connection = await data.AppConnectionAsync();
        await using var command = new NpgsqlCommand("""
            SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND c.relkind IN ('v', 'm')
              AND NOT coalesce('security_invoker=true' = ANY(c.reloptions) OR 'security_invoker=on' = ANY(c.reloptions), false)
            """, connection);
        var views = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            views.Add(reader.GetString(0));
        }

        Assert.True(views.Count == 0,
            "Views skip row-level security unless created WITH (security_invoker = true): " + string.Join(", ", views));
    }

    [Fact]
    public async Task AppRole_TableOwnerCommand_IsRefused()
    {
        await using var connection = await data.AppConnectionAsync(data.A.TenantId);
        await using var command = new NpgsqlCommand("ALTER TABLE invitations DISABLE ROW LEVEL SECURITY", connection);

        var error = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Select_NoTenantSet_AppRoleSeesNoRowOfAnyTenantTable(bool emptySetting)
    {
        await using var superuser = await data.SuperuserConnectionAsync();
        var tables = await TwoTenantDatabase.TenantTablesAsync(superuser);
        Assert.Superset(KnownTenantTables.ToHashSet(), tables.ToHashSet());
        foreach (var known in KnownTenantTables)
        {
            Assert.True(await TwoTenantDatabase.CountAsync(superuser, $"SELECT count(*) FROM {known}") > 0, $"{known} has no rows to hide.");
        }

        // Empty is what the connection interceptor sets when there is no tenant; unset is a connection nobody prepared.
        await using var app = await data.AppConnectionAsync();
        if (emptySetting)
        {
            await using var clear = new NpgsqlCommand(
                "SELECT set_config('app.tenant_id', '', false), set_config('app.user_id', '', false)", app);
            await clear.ExecuteNonQueryAsync();
        }

        var visible = new List<string>();
        foreach (var table in tables)
        {
            var count = await TwoTenantDatabase.CountAsync(app, $"SELECT count(*) FROM {EmbeddedPostgres.Quote(table)}");
            if (count != 0)
            {
                visible.Add($"{table}: {count}");
            }
        }

        Assert.True(visible.Count == 0, "Rows visible without a tenant: " + string.Join(", ", visible));
    }

    [Fact]
    public async Task Select_OnlyUserSet_SeesOwnMembershipsAndNoInvitations()
    {
        var userId = data.A.UserIds[1];
        await using var app = await data.AppConnectionAsync(userId: userId);

        Assert.Equal(1, await TwoTenantDatabase.CountAsync(app, "SELECT count(*) FROM tenant_memberships"));
        Assert.Equal(1, await TwoTenantDatabase.CountAsync(app, "SELECT count(*) FROM tenant_memberships WHERE user_id = $1", userId));
        Assert.Equal(0, await TwoTenantDatabase.CountAsync(app, "SELECT count(*) FROM invitations"));
    }

    [Fact]
    public async Task Select_TenantASet_SeesOwnRowsAndNoneOfTenantB()
    {
        await using var app = await data.AppConnectionAsync(data.A.TenantId);

        Assert.Equal(0, await TwoTenantDatabase.CountAsync(app, "SELECT count(*) FROM invitations WHERE tenant_id = $1", data.B.TenantId));
        Assert.Equal(0, await TwoTenantDatabase.CountAsync(app, "SELECT count(*) FROM tenant_memberships WHERE tenant_id = $1", data.B.TenantId));
        Assert.Equal(0, await TwoTenantDatabase.CountAsync(app, "SELECT count(*) FROM invitations WHERE id = ANY($1)", data.B.InvitationIds.ToArray()));
        Assert.Equal(TwoTenantDatabase.InvitationsPerTenant, await TwoTenantDatabase.CountAsync(app, "SELECT count(*) FROM invitations"));
        Assert.Equal(TwoTenantDatabase.InvitationsPerTenant,
            await TwoTenantDatabase.CountAsync(app, "SELECT count(*) FROM invitations WHERE tenant_id = $1", data.A.TenantId));
        Assert.Equal(TwoTenantDatabase.UsersPerTenant, await TwoTenantDatabase.CountAsync(app, "SELECT count(*) FROM tenant_memberships"));

        foreach (var table in await TwoTenantDatabase.TenantTablesAsync(app))
        {
            var foreign = await TwoTenantDatabase.CountAsync(app,
                $"SELECT count(*) FROM {EmbeddedPostgres.Quote(table)} WHERE tenant_id IS DISTINCT FROM $1", data.A.TenantId);
            Assert.True(foreign == 0, $"{table}: {foreign} rows of another tenant visible under tenant A.");
        }
    }

    [Theory]
    [InlineData("invitations")]
    [InlineData("tenant_memberships")]
    public async Task Insert_OtherTenantsIdWhileTenantASet_FailsWithCheck(string table)
    {
        await using var app = await data.AppConnectionAsync(data.A.TenantId);

        // Control: the same row for tenant A itself is accepted (then rolled back), so only the tenant id decides.
        await using (var transaction = await app.BeginTransactionAsync())
        {
            Assert.Equal(1, await InsertAsync(app, transaction, table, data.A.TenantId));
            await transaction.RollbackAsync();
        }

        await using (var transaction = await app.BeginTransactionAsync())
        {
            var error = await Assert.ThrowsAsync<PostgresException>(() => InsertAsync(app, transaction, table, data.B.TenantId));
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
            Assert.Contains("row-level security", error.MessageText, StringComparison.Ordinal);
        }

        await using var superuser = await data.SuperuserConnectionAsync();
        Assert.Equal(table == "invitations" ? TwoTenantDatabase.InvitationsPerTenant : TwoTenantDatabase.UsersPerTenant,
            await TwoTenantDatabase.CountAsync(superuser, $"SELECT count(*) FROM {table} WHERE tenant_id = $1", data.B.TenantId));
    }

    [Theory]
    [InlineData("invitations")]
    [InlineData("tenant_memberships")]
    public async Task Update_MovingOwnRowToTenantB_FailsWithCheck(string table)
    {
        var rowId = table == "invitations" ? data.A.InvitationIds[0] : data.A.MembershipIds[0];
        await using var app = await data.AppConnectionAsync(data.A.TenantId);
        await using var transaction = await app.BeginTransactionAsync();
        await using var command = new NpgsqlCommand($"UPDATE {table} SET tenant_id = $1 WHERE id = $2", app, transaction)
        {
            Parameters = { new() { Value = data.B.TenantId }, new() { Value = rowId } },
        };

        var error = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
    }

    [Fact]
    public async Task UpdateAndDelete_TenantBRowsWhileTenantASet_AffectNothing()
    {
        await using var app = await data.AppConnectionAsync(data.A.TenantId);
        await using var transaction = await app.BeginTransactionAsync();

        await using var update = new NpgsqlCommand("UPDATE invitations SET email = 'stolen@example.test' WHERE tenant_id = $1", app, transaction)
        {
            Parameters = { new() { Value = data.B.TenantId } },
        };
        await using var delete = new NpgsqlCommand("DELETE FROM tenant_memberships WHERE tenant_id = $1", app, transaction)
        {
            Parameters = { new() { Value = data.B.TenantId } },
        };

        Assert.Equal(0, await update.ExecuteNonQueryAsync());
        Assert.Equal(0, await delete.ExecuteNonQueryAsync());
        await transaction.RollbackAsync();
    }

    private async Task<int> InsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string table, Guid tenantId)
    {
        var sql = table switch
        {
            "invitations" => """
                INSERT INTO invitations (id, tenant_id, email, role, token_hash, invited_by, created_at, expires_at)
                VALUES (gen_random_uuid(), $1, 'intruder@example.test', 'TenantAdmin', md5(random()::text), $2, now(), now() + interval '7 days')
                """,
            "tenant_memberships" => """
                INSERT INTO tenant_memberships (id, tenant_id, user_id, role) VALUES (gen_random_uuid(), $1, $2, 'TenantAdmin')
                """,
            _ => throw new ArgumentOutOfRangeException(nameof(table)),
        };
        await using var command = new NpgsqlCommand(sql, connection, transaction)
        {
            Parameters = { new() { Value = tenantId }, new() { Value = data.A.UserIds[0] } },
        };
        return await command.ExecuteNonQueryAsync();
    }

    private static string ValueOrNull(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? "" : reader.GetString(ordinal);
}
