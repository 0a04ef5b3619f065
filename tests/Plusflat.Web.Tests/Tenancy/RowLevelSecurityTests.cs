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
    /// <summary>Every table with a tenant_id. A migration adding one must add it here, seed it in <see cref="TwoTenantDatabase"/> and give it an INSERT below.</summary>
    private static readonly string[] KnownTenantTables =
    [
        "checklist_ticks", "complexes", "invitations", "organisations", "phase_catalogues", "phase_checklist_items",
        "partner_selections", "phase_transitions", "programme_ambitions", "standard_assessments", "standard_catalogues", "tenant_memberships",
        "member_history", "admission_assessments", "admission_settings", "complex_history", "organisation_history",
        "business_case_versions", "business_cases",
        "access_log", "flat_team_members", "signal_actions", "signal_meetings", "signal_tallies", "signals", "signalling_settings",
        "signal_meeting_drafts", "signal_draft_items", "escalation_lines", "team_agenda_entries", "resident_code_settings",
        "dos_applications", "dos_application_events", "dos_assessments", "dos_budgets", "dos_labels",
        "indicator_catalogues", "monitoring_baselines", "quarterly_indicator_values",
    ];

    /// <summary>Append-only (NEN 7513): the app role has no UPDATE or DELETE at all; proven in SignalRowLevelSecurityTests.</summary>
    private static readonly string[] AppendOnlyTables = ["access_log", "dos_application_events"];

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

        Assert.Equal(KnownTenantTables.Order(StringComparer.Ordinal), tables.Order(StringComparer.Ordinal));
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

    [Fact]
    public async Task Seed_EveryTenantTable_HasRowsOfBothTenants()
    {
        var problems = await data.SeedProblemsAsync();

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Select_NoTenantSet_AppRoleSeesNoRowOfAnyTenantTable(bool emptySetting)
    {
        var tables = await EverySeededTenantTableAsync();

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
        var tables = await EverySeededTenantTableAsync();
        await using var superuser = await data.SuperuserConnectionAsync();
        // The user on A's flat team: the signal tables are visible only to the complex's team (the rest needs only the tenant).
        await using var app = await data.AppConnectionAsync(data.A.TenantId, data.TeamUserId);

        Assert.Equal(0, await TwoTenantDatabase.CountAsync(app, "SELECT count(*) FROM invitations WHERE id = ANY($1)", data.B.InvitationIds.ToArray()));
        Assert.Equal(TwoTenantDatabase.InvitationsPerTenant, await TwoTenantDatabase.CountAsync(app, "SELECT count(*) FROM invitations"));
        Assert.Equal(data.A.MembershipIds.Count, await TwoTenantDatabase.CountAsync(app, "SELECT count(*) FROM tenant_memberships"));

        var problems = new List<string>();
        foreach (var table in tables)
        {
            var quoted = EmbeddedPostgres.Quote(table);
            var own = await TwoTenantDatabase.CountAsync(superuser, $"SELECT count(*) FROM {quoted} WHERE tenant_id = $1", data.A.TenantId);
            var visible = await TwoTenantDatabase.CountAsync(app, $"SELECT count(*) FROM {quoted}");
            var foreign = await TwoTenantDatabase.CountAsync(app, $"SELECT count(*) FROM {quoted} WHERE tenant_id IS DISTINCT FROM $1", data.A.TenantId);
            var foreignById = await TwoTenantDatabase.CountAsync(app, $"SELECT count(*) FROM {quoted} WHERE id = $1", data.B.RowIds[table]);
            if (visible != own)
            {
                problems.Add($"{table}: tenant A sees {visible} rows, it has {own}.");
            }

            if (foreign != 0 || foreignById != 0)
            {
                problems.Add($"{table}: {foreign} rows of another tenant visible under tenant A (B's seeded row by id: {foreignById}).");
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    public static TheoryData<string> TenantTables => [.. KnownTenantTables];

    [Theory]
    [MemberData(nameof(TenantTables))]
    public async Task Insert_OtherTenantsIdWhileTenantASet_FailsWithCheck(string table)
    {
        await EverySeededTenantTableAsync();
        await using var superuser = await data.SuperuserConnectionAsync();
        var countOfB = $"SELECT count(*) FROM {table} WHERE tenant_id = $1";
        var before = await TwoTenantDatabase.CountAsync(superuser, countOfB, data.B.TenantId);
        await using var app = await data.AppConnectionAsync(data.A.TenantId, data.TeamUserId);

        // Control: the same row for tenant A itself (its own references) is accepted, then rolled back, so only the tenant id decides.
        await using (var transaction = await app.BeginTransactionAsync())
        {
            if (table is "programme_ambitions" or "admission_settings" or "partner_selections" or "signalling_settings" or "signal_meeting_drafts" or "escalation_lines" or "resident_code_settings"
                or "monitoring_baselines")
            {
                // One ambition (one settings row) per tenant, one partner selection per complex: make room for the control row.
                await using var makeRoom = new NpgsqlCommand($"DELETE FROM {table}", app, transaction);
                Assert.Equal(1, await makeRoom.ExecuteNonQueryAsync());
            }

            if (table is "dos_assessments" or "dos_labels")
            {
                // One assessment and one label per application: make room for the control row on the same application.
                await using var makeRoom = new NpgsqlCommand($"DELETE FROM {table}", app, transaction);
                Assert.Equal(1, await makeRoom.ExecuteNonQueryAsync());
            }

            if (table == "business_cases")
            {
                // One business case per complex: make room for the control row.
                await using var makeRoom = new NpgsqlCommand("DELETE FROM business_cases", app, transaction);
                Assert.Equal(1, await makeRoom.ExecuteNonQueryAsync());
            }

            Assert.Equal(1, await InsertAsync(app, transaction, table, data.A));
            await transaction.RollbackAsync();
        }

        await using (var transaction = await app.BeginTransactionAsync())
        {
            var error = await Assert.ThrowsAsync<PostgresException>(() => InsertAsync(app, transaction, table, data.B));
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
            Assert.Contains("row-level security", error.MessageText, StringComparison.Ordinal);
        }

        Assert.Equal(before, await TwoTenantDatabase.CountAsync(superuser, countOfB, data.B.TenantId));
    }

    [Theory]
    [MemberData(nameof(TenantTables))]
    public async Task Update_MovingOwnRowToTenantB_FailsWithCheck(string table)
    {
        await EverySeededTenantTableAsync();
        await using var app = await data.AppConnectionAsync(data.A.TenantId, data.TeamUserId);
        await using var transaction = await app.BeginTransactionAsync();
        await using var command = new NpgsqlCommand($"UPDATE {table} SET tenant_id = $1 WHERE id = $2", app, transaction)
        {
            Parameters = { new() { Value = data.B.TenantId }, new() { Value = data.A.RowIds[table] } },
        };

        // A row that tenant A could not see would be "updated" zero times without an error: the throw proves the check ran.
        var error = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
        Assert.Contains(AppendOnlyTables.Contains(table) ? "permission denied" : "row-level security", error.MessageText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateAndDelete_TenantBRowsWhileTenantASet_AffectNothing()
    {
        var tables = await EverySeededTenantTableAsync();
        await using var superuser = await data.SuperuserConnectionAsync();
        await using var app = await data.AppConnectionAsync(data.A.TenantId, data.CrossTenantUserId);
        await using var transaction = await app.BeginTransactionAsync();

        var touched = new List<string>();
        foreach (var table in tables.Except(AppendOnlyTables))
        {
            var quoted = EmbeddedPostgres.Quote(table);
            await using var update = new NpgsqlCommand($"UPDATE {quoted} SET tenant_id = tenant_id WHERE tenant_id = $1", app, transaction)
            {
                Parameters = { new() { Value = data.B.TenantId } },
            };
            await using var delete = new NpgsqlCommand($"DELETE FROM {quoted} WHERE tenant_id = $1", app, transaction)
            {
                Parameters = { new() { Value = data.B.TenantId } },
            };
            var updated = await update.ExecuteNonQueryAsync();
            var deleted = await delete.ExecuteNonQueryAsync();
            if (updated != 0 || deleted != 0)
            {
                touched.Add($"{table}: {updated} updated, {deleted} deleted");
            }
        }

        await transaction.RollbackAsync();
        Assert.True(touched.Count == 0, "Tenant B rows changed while tenant A was set: " + string.Join(", ", touched));
        foreach (var table in tables)
        {
            Assert.Equal(1, await TwoTenantDatabase.CountAsync(superuser, $"SELECT count(*) FROM {EmbeddedPostgres.Quote(table)} WHERE id = $1", data.B.RowIds[table]));
        }
    }

    [Fact]
    public async Task Memberships_UserOfAAndBWithTenantASet_SeesOwnMembershipInBForTheTenantSwitcher()
    {
        await using var app = await data.AppConnectionAsync(data.A.TenantId, data.CrossTenantUserId);

        var ownTenants = await GuidsAsync(app, "SELECT tenant_id FROM tenant_memberships WHERE user_id = $1", data.CrossTenantUserId);
        var ofB = await GuidsAsync(app, "SELECT id FROM tenant_memberships WHERE tenant_id = $1", data.B.TenantId);

        Assert.Equal(new[] { data.A.TenantId, data.B.TenantId }.Order(), ownTenants.Order());
        Assert.Equal([data.CrossTenantMembershipId], ofB);
    }

    [Fact]
    public async Task Memberships_UpdateAndDeleteOwnMembershipInBWithTenantASet_AffectNothing()
    {
        await using var app = await data.AppConnectionAsync(data.A.TenantId, data.CrossTenantUserId);
        await using var transaction = await app.BeginTransactionAsync();

        // The row is readable (the switcher needs it) — so zero rows below is the policy per command at work, not invisibility.
        Assert.Equal(1, await TwoTenantDatabase.CountAsync(app, "SELECT count(*) FROM tenant_memberships WHERE id = $1", data.CrossTenantMembershipId));
        var promoted = await ExecuteAsync(app, transaction, "UPDATE tenant_memberships SET role = 'TenantAdmin' WHERE id = $1", data.CrossTenantMembershipId);
        var movedIntoA = await ExecuteAsync(app, transaction, "UPDATE tenant_memberships SET tenant_id = $2 WHERE id = $1", data.CrossTenantMembershipId, data.A.TenantId);
        var deleted = await ExecuteAsync(app, transaction, "DELETE FROM tenant_memberships WHERE id = $1", data.CrossTenantMembershipId);
        var deletedAllOwn = await ExecuteAsync(app, transaction, "DELETE FROM tenant_memberships WHERE user_id = $1 AND tenant_id = $2", data.CrossTenantUserId, data.B.TenantId);
        await transaction.RollbackAsync();

        Assert.Equal(0, promoted);
        Assert.Equal(0, movedIntoA);
        Assert.Equal(0, deleted);
        Assert.Equal(0, deletedAllOwn);
        await using var superuser = await data.SuperuserConnectionAsync();
        Assert.Equal(1, await TwoTenantDatabase.CountAsync(superuser,
            "SELECT count(*) FROM tenant_memberships WHERE id = $1 AND tenant_id = $2 AND role = 'Observer'", data.CrossTenantMembershipId, data.B.TenantId));
    }

    [Fact]
    public async Task Memberships_InsertForTenantBByUserOfBWithTenantASet_FailsWithCheck()
    {
        await using var app = await data.AppConnectionAsync(data.A.TenantId, data.CrossTenantUserId);
        await using var transaction = await app.BeginTransactionAsync();

        // The user may read their memberships in B; that must not let them add one there (e.g. make themselves admin).
        var error = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(app, transaction,
            "INSERT INTO tenant_memberships (id, tenant_id, user_id, role) VALUES (gen_random_uuid(), $1, $2, 'TenantAdmin')",
            data.B.TenantId, data.CrossTenantUserId));

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
        Assert.Contains("row-level security", error.MessageText, StringComparison.Ordinal);
    }

    private static async Task<int> ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, params object[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        return await command.ExecuteNonQueryAsync();
    }

    private static async Task<List<Guid>> GuidsAsync(NpgsqlConnection connection, string sql, Guid parameter)
    {
        await using var command = new NpgsqlCommand(sql, connection) { Parameters = { new() { Value = parameter } } };
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new List<Guid>();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids;
    }

    /// <summary>Every tenant table, after checking each has rows of both tenants: a check over an empty table proves nothing.</summary>
    private async Task<List<string>> EverySeededTenantTableAsync()
    {
        var problems = await data.SeedProblemsAsync();
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        await using var superuser = await data.SuperuserConnectionAsync();
        var tables = await TwoTenantDatabase.TenantTablesAsync(superuser);
        Assert.Equal(KnownTenantTables.Order(StringComparer.Ordinal), tables.Order(StringComparer.Ordinal));
        return tables;
    }

    /// <summary>
    /// Inserts one new row into <paramref name="table"/> for <paramref name="rows"/>' tenant, referencing only that tenant's
    /// rows and clashing with no unique index, so that under its own tenant the insert succeeds.
    /// </summary>
    private static async Task<int> InsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string table, TenantRows rows)
    {
        (string Sql, object[] Parameters) insert = table switch
        {
            "invitations" => ("""
                INSERT INTO invitations (id, tenant_id, email, role, token_hash, invited_by, created_at, expires_at)
                VALUES (gen_random_uuid(), $1, 'intruder@example.test', 'TenantAdmin', md5(random()::text), $2, now(), now() + interval '7 days')
                """, [rows.TenantId, rows.UserIds[0]]),
            "tenant_memberships" => ("""
                INSERT INTO tenant_memberships (id, tenant_id, user_id, role) VALUES (gen_random_uuid(), $1, $2, 'TenantAdmin')
                """, [rows.TenantId, rows.UserIds[0]]),
            "organisations" => ("""
                INSERT INTO organisations (id, tenant_id, name, kind) VALUES (gen_random_uuid(), $1, 'Indringer', 'Other')
                """, [rows.TenantId]),
            "phase_catalogues" => ("""
                INSERT INTO phase_catalogues (id, tenant_id, version, created_at) VALUES (gen_random_uuid(), $1, 99, now())
                """, [rows.TenantId]),
            "phase_checklist_items" => ("""
                INSERT INTO phase_checklist_items (id, tenant_id, catalogue_id, phase, code, title, sort_order)
                VALUES (gen_random_uuid(), $1, $2, 1, 'p1-' || md5(random()::text), 'Indringer', 20)
                """, [rows.TenantId, rows.CatalogueId]),
            "complexes" => ("""
                INSERT INTO complexes (id, tenant_id, name, address, postcode, municipality, housing_corporation_id, dwelling_count,
                                       has_common_room, common_room_open_to_neighbourhood, near_facilities, has_workspace_for_team,
                                       created_at, catalogue_id, current_phase, checklist_revision)
                VALUES (gen_random_uuid(), $1, 'Indringer', 'Straat 2', '1011 AB', 'Amsterdam', $2, 50, false, false, false, false, now(), $3, 0, 0)
                """, [rows.TenantId, rows.OrganisationId, rows.CatalogueId]),
            "checklist_ticks" => ("""
                INSERT INTO checklist_ticks (id, tenant_id, complex_id, item_id, phase, ticked_on, ticked_by, ticked_by_name, unticked_at)
                VALUES (gen_random_uuid(), $1, $2, $3, 0, current_date, $4, 'Indringer', now())
                """, [rows.TenantId, rows.ComplexId, rows.ChecklistItemId, rows.UserIds[0]]),
            "phase_transitions" => ("""
                INSERT INTO phase_transitions (id, tenant_id, complex_id, from_phase, to_phase, at, "by", by_name, was_override)
                VALUES (gen_random_uuid(), $1, $2, 1, 0, now(), $3, 'Indringer', false)
                """, [rows.TenantId, rows.ComplexId, rows.UserIds[0]]),
            "programme_ambitions" => ("""
                INSERT INTO programme_ambitions (id, tenant_id, target_count, target_year) VALUES (gen_random_uuid(), $1, 99, 2040)
                """, [rows.TenantId]),
            "flat_team_members" => ("""
                INSERT INTO flat_team_members (id, tenant_id, complex_id, name, organisation, role, starts_on) VALUES (gen_random_uuid(), $1, $2, 'X', 'Y', 'Other', current_date)
                """, [rows.TenantId, rows.ComplexId]),
            "signal_meetings" => ("""
                INSERT INTO signal_meetings (id, tenant_id, complex_id, held_on, attendee_ids, created_by, created_at)
                VALUES (gen_random_uuid(), $1, $2, current_date, '{}'::uuid[], $3, now())
                """, [rows.TenantId, rows.ComplexId, rows.UserIds[1]]),
            "signals" => ("""
                INSERT INTO signals (id, tenant_id, complex_id, meeting_id, resident_code, category, noticed_by, status)
                VALUES (gen_random_uuid(), $1, $2, $3, 'B-002', 'Other', 'Housing', 'NotPickedUp')
                """, [rows.TenantId, rows.ComplexId, rows.RowIds["signal_meetings"]]),
            "signal_actions" => ("""
                INSERT INTO signal_actions (id, tenant_id, complex_id, signal_id, owner_id, due, escalation_level, warm_handover, status)
                VALUES (gen_random_uuid(), $1, $2, $3, $4, current_date, 1, true, 'Open')
                """, [rows.TenantId, rows.ComplexId, rows.RowIds["signals"], rows.RowIds["flat_team_members"]]),
            "signal_tallies" => ("""
                INSERT INTO signal_tallies (id, tenant_id, complex_id, month, category) VALUES (gen_random_uuid(), $1, $2, date_trunc('month', now())::date, 'Other')
                """, [rows.TenantId, rows.ComplexId]),
            "signal_meeting_drafts" => ("""
                INSERT INTO signal_meeting_drafts (id, tenant_id, complex_id, held_on, attendee_ids, started_by, started_at, updated_by, updated_at)
                VALUES (gen_random_uuid(), $1, $2, current_date, '{}'::uuid[], $3, now(), $3, now())
                """, [rows.TenantId, rows.ComplexId, rows.UserIds[1]]),
            "signal_draft_items" => ("""
                INSERT INTO signal_draft_items (id, tenant_id, complex_id, draft_id, position, content, updated_by, updated_at)
                VALUES (gen_random_uuid(), $1, $2, $3, 9, '{}'::jsonb, $4, now())
                """, [rows.TenantId, rows.ComplexId, rows.RowIds["signal_meeting_drafts"], rows.UserIds[1]]),
            "escalation_lines" => ("""
                INSERT INTO escalation_lines (id, tenant_id, complex_id, content, updated_by, updated_at) VALUES (gen_random_uuid(), $1, $2, '{}'::jsonb, $3, now())
                """, [rows.TenantId, rows.ComplexId, rows.UserIds[0]]),
            "team_agenda_entries" => ("""
                INSERT INTO team_agenda_entries (id, tenant_id, complex_id, kind, text, dated_on, recorded_by, recorded_by_name, recorded_at)
                VALUES (gen_random_uuid(), $1, $2, 'WorkAgenda', 'Indringer', current_date, $3, 'Indringer', now())
                """, [rows.TenantId, rows.ComplexId, rows.UserIds[0]]),
            "resident_code_settings" => ("""
                INSERT INTO resident_code_settings (id, tenant_id, pattern, example) VALUES (gen_random_uuid(), $1, '[A-Z]-[0-9]', 'A-1')
                """, [rows.TenantId]),
            "access_log" => ("""
                INSERT INTO access_log (id, tenant_id, at, user_id, user_name, action) VALUES (gen_random_uuid(), $1, now(), $2, 'X', 'View')
                """, [rows.TenantId, rows.UserIds[1]]),
            "partner_selections" => ("""
                INSERT INTO partner_selections (id, tenant_id, complex_id, candidates, residents, steps, open_entry)
                VALUES (gen_random_uuid(), $1, $2, '[]'::jsonb, '{}'::jsonb, '{}'::jsonb, '[]'::jsonb)
                """, [rows.TenantId, rows.RowIds["complexes"]]),
            "standard_catalogues" => ("""
                INSERT INTO standard_catalogues (id, tenant_id, version, name, created_at, items) VALUES (gen_random_uuid(), $1, 99, 'Indringer', now(), '[]'::jsonb)
                """, [rows.TenantId]),
            "standard_assessments" => ("""
                INSERT INTO standard_assessments (id, tenant_id, complex_id, catalogue_id, catalogue_version, number, assessed_at, assessed_by, assessed_by_name, items)
                VALUES (gen_random_uuid(), $1, $2, $3, 1, 99, now(), $4, 'Indringer', '[]'::jsonb)
                """, [rows.TenantId, rows.ComplexId, rows.RowIds["standard_catalogues"], rows.UserIds[0]]),
            "member_history" => ("""
                INSERT INTO member_history (id, tenant_id, change, actor_id, actor_name, subject, to_role, at)
                VALUES (gen_random_uuid(), $1, 'Invited', $2, 'Indringer', 'intruder@example.test', 'TenantAdmin', now())
                """, [rows.TenantId, rows.UserIds[0]]),
            "admission_assessments" => ("""
                INSERT INTO admission_assessments (id, tenant_id, complex_id, sequence, assessed_at, assessed_by, assessed_by_name, shared_entrance,
                                                   grouped_with, core_functions_secured, mostly_self_sufficient, hardly_any_home_care)
                VALUES (gen_random_uuid(), $1, $2, 2 + floor(random() * 1000000)::int, now(), $3, 'Indringer', false, '{}', false, false, false)
                """, [rows.TenantId, rows.ComplexId, rows.UserIds[0]]),
            "admission_settings" => ("""
                INSERT INTO admission_settings (id, tenant_id, minimum_dwellings) VALUES (gen_random_uuid(), $1, 99)
                """, [rows.TenantId]),
            "signalling_settings" => ("""
                INSERT INTO signalling_settings (id, tenant_id, retention_months) VALUES (gen_random_uuid(), $1, 12)
                """, [rows.TenantId]),
            "complex_history" => ("""
                INSERT INTO complex_history (id, tenant_id, complex_id, kind, at, sequence, "by", by_name)
                VALUES (gen_random_uuid(), $1, $2, 'Restored', now(), 0, $3, 'Indringer')
                """, [rows.TenantId, rows.ComplexId, rows.UserIds[0]]),
            "organisation_history" => ("""
                INSERT INTO organisation_history (id, tenant_id, organisation_id, kind, at, sequence, "by", by_name)
                VALUES (gen_random_uuid(), $1, $2, 'Created', now(), 0, $3, 'Indringer')
                """, [rows.TenantId, rows.OrganisationId, rows.UserIds[0]]),
            "business_cases" => ("""
                INSERT INTO business_cases (id, tenant_id, complex_id, created_at, updated_at, updated_by, updated_by_name, frozen_versions, plan)
                VALUES (gen_random_uuid(), $1, $2, now(), now(), $3, 'Indringer', 0, '{}'::jsonb)
                """, [rows.TenantId, rows.ComplexId, rows.UserIds[0]]),
            "business_case_versions" => ("""
                INSERT INTO business_case_versions (id, tenant_id, complex_id, business_case_id, number, frozen_at, frozen_by, frozen_by_name, plan)
                VALUES (gen_random_uuid(), $1, $2, $3, 99, now(), $4, 'Indringer', '{}'::jsonb)
                """, [rows.TenantId, rows.ComplexId, rows.RowIds["business_cases"], rows.UserIds[0]]),
            "dos_applications" => ("""
                INSERT INTO dos_applications (id, tenant_id, zorgkantoor_tenant_id, programme_name, complex_id, details, snapshot, status, created_at, updated_at, updated_by)
                SELECT gen_random_uuid(), $1, t.id, 'Indringer', $2, '{}'::jsonb, '{}'::jsonb, 'Draft', now(), now(), 'Indringer' FROM tenants t WHERE t.slug = 'zorgkantoor-z'
                """, [rows.TenantId, rows.ComplexId]),
            "dos_application_events" => ("""
                INSERT INTO dos_application_events (id, tenant_id, zorgkantoor_tenant_id, application_id, kind, from_status, to_status, actor_tenant_id, actor_name, at)
                SELECT gen_random_uuid(), $1, t.id, $2, 'Withdrawn', 'Submitted', 'Withdrawn', $1, 'Indringer', now() FROM tenants t WHERE t.slug = 'zorgkantoor-z'
                """, [rows.TenantId, rows.RowIds["dos_applications"]]),
            "dos_assessments" => ("""
                INSERT INTO dos_assessments (id, tenant_id, application_id, catalogue_version, scores, updated_at, updated_by)
                VALUES (gen_random_uuid(), $1, $2, 1, '[]'::jsonb, now(), 'Indringer')
                """, [rows.TenantId, rows.RowIds["dos_helper_application"]]),
            "dos_budgets" => ("""
                INSERT INTO dos_budgets (id, tenant_id, year, total, updated_at) VALUES (gen_random_uuid(), $1, 2099, 1, now())
                """, [rows.TenantId]),
            "dos_labels" => ("""
                INSERT INTO dos_labels (id, tenant_id, application_id, number, programme_name, complex_name, municipality, first_year, last_year, amounts, granted_on, effective_on, review_on)
                VALUES (gen_random_uuid(), $1, $2, 'PF-2099-0001', 'X', 'Y', 'Z', 2027, 2027, '[]'::jsonb, current_date, current_date, current_date + 1)
                """, [rows.TenantId, rows.RowIds["dos_helper_application"]]),
            "indicator_catalogues" => ("""
                INSERT INTO indicator_catalogues (id, tenant_id, version, name, created_at, indicators) VALUES (gen_random_uuid(), $1, 99, 'Indringer', now(), '[]'::jsonb)
                """, [rows.TenantId]),
            "monitoring_baselines" => ("""
                INSERT INTO monitoring_baselines (id, tenant_id, complex_id, catalogue_id, catalogue_version, measured_on, values, updated_at, updated_by)
                VALUES (gen_random_uuid(), $1, $2, $3, 1, current_date, '[]'::jsonb, now(), 'Indringer')
                """, [rows.TenantId, rows.ComplexId, rows.RowIds["indicator_catalogues"]]),
            "quarterly_indicator_values" => ("""
                INSERT INTO quarterly_indicator_values (id, tenant_id, complex_id, quarter, values, updated_at, updated_by)
                VALUES (gen_random_uuid(), $1, $2, DATE '2027-07-01', '[]'::jsonb, now(), 'Indringer')
                """, [rows.TenantId, rows.ComplexId]),
            _ => throw new ArgumentOutOfRangeException(nameof(table), table, "No INSERT for this tenant table yet: add one here."),
        };
        await using var command = new NpgsqlCommand(insert.Sql, connection, transaction);
        foreach (var parameter in insert.Parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        return await command.ExecuteNonQueryAsync();
    }

    private static string ValueOrNull(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? "" : reader.GetString(ordinal);
}
