using Npgsql;
using Plusflat.Domain.Tenancy;
using Plusflat.Infrastructure;
using Plusflat.Infrastructure.Database;
using Plusflat.Infrastructure.Identity;
using Plusflat.Infrastructure.Persistence;
using Plusflat.Infrastructure.Tenancy;

namespace Plusflat.Web.Tests.Tenancy;

/// <summary>The rows one tenant got in a <see cref="TwoTenantDatabase"/>.</summary>
/// <param name="RowIds">One row id per tenant table (table name → id), for tests that loop over every tenant table.</param>
public sealed record TenantRows(
    Guid TenantId, IReadOnlyList<Guid> UserIds, IReadOnlyList<Guid> MembershipIds, IReadOnlyList<Guid> InvitationIds,
    Guid OrganisationId, Guid CatalogueId, Guid ChecklistItemId, Guid ComplexId, IReadOnlyDictionary<string, Guid> RowIds);

/// <summary>
/// A migrated database (no portal, no demo data) with two tenants A and B, each with at least one row in
/// every table that has a <c>tenant_id</c> (users, memberships, invitations, and an organisation, a phase
/// catalogue with an item, a complex with a tick and a transition, an ambition), inserted as the superuser
/// (who is not bound by row-level security). User 0 of tenant A is also a member of tenant B
/// (<see cref="CrossTenantUserId"/>). Tests read it through the application role; they must not change
/// the rows they count (write inside a transaction that is rolled back).
/// </summary>
public sealed class TwoTenantDatabase : IAsyncLifetime
{
    public const int UsersPerTenant = 3;
    public const int InvitationsPerTenant = 2;

    public TestDatabase Database { get; private set; } = default!;

    public string SuperuserConnectionString { get; private set; } = default!;

    public TenantRows A { get; private set; } = default!;

    public TenantRows B { get; private set; } = default!;

    /// <summary>A user of tenant A (its user 0) who also has a membership in tenant B: the tenant switcher's case.</summary>
    public Guid CrossTenantUserId => A.UserIds[0];

    /// <summary>The user of tenant A on the flat team of A's seeded complex (role FlatTeamMember): the one who sees A's signal rows.</summary>
    public Guid TeamUserId => A.UserIds[1];

    /// <summary>The membership of <see cref="CrossTenantUserId"/> in tenant B (role Observer); part of <c>B.MembershipIds</c>.</summary>
    public Guid CrossTenantMembershipId { get; private set; }

    public async Task InitializeAsync()
    {
        Database = await PostgresCluster.CreateDatabaseAsync();
        SuperuserConnectionString = new NpgsqlConnectionStringBuilder(await PostgresCluster.SuperuserConnectionStringAsync(Database.Name))
        {
            Pooling = false,
        }.ConnectionString;
        A = await AddTenantAsync("tenant-a");
        B = await AddTenantAsync("tenant-b");

        CrossTenantMembershipId = Guid.CreateVersion7();
        await using (var connection = await SuperuserConnectionAsync())
        {
            await ExecuteAsync(connection, "INSERT INTO tenant_memberships (id, tenant_id, user_id, role) VALUES ($1, $2, $3, 'Observer')",
                CrossTenantMembershipId, B.TenantId, CrossTenantUserId);
        }

        B = B with { MembershipIds = [.. B.MembershipIds, CrossTenantMembershipId] };
        await SeedDosRowsAsync();
    }

    /// <summary>The zorgkantoor both tenants' seeded DOS applications are addressed to (kind Zorgkantoor, no rows of its own).</summary>
    public Guid ZorgkantoorId { get; private set; }

    /// <summary>
    /// The DOS tables (migration 0018). Each tenant gets its own submitted application addressed to a third tenant (a zorgkantoor) with one
    /// history entry, and, as a receiving side, a budget plus an assessment and a label on a draft application the OTHER tenant
    /// addressed to it (a draft stays invisible to its addressee, so no row of the other tenant becomes visible).
    /// </summary>
    private async Task SeedDosRowsAsync()
    {
        await using (var db = new PlusflatDbContext(DependencyInjection.OptionsFor(SuperuserConnectionString), new TenantScope()))
        {
            var zorgkantoor = new Tenant("zorgkantoor-z", "Zorgkantoor Z", TenantKind.Zorgkantoor);
            db.Tenants.Add(zorgkantoor);
            await db.SaveChangesAsync();
            ZorgkantoorId = zorgkantoor.Id;
        }

        await using var connection = await SuperuserConnectionAsync();
        var ids = new Dictionary<Guid, Dictionary<string, Guid>>();
        foreach (var rows in new[] { A, B })
        {
            ids[rows.TenantId] = new Dictionary<string, Guid>
            {
                ["dos_applications"] = Guid.CreateVersion7(),
                ["dos_helper_application"] = Guid.CreateVersion7(),
                ["dos_application_events"] = Guid.CreateVersion7(),
                ["dos_assessments"] = Guid.CreateVersion7(),
                ["dos_budgets"] = Guid.CreateVersion7(),
                ["dos_labels"] = Guid.CreateVersion7(),
            };
        }

        const string application = """
            INSERT INTO dos_applications (id, tenant_id, zorgkantoor_tenant_id, programme_name, complex_id, details, snapshot, status, created_at, updated_at, updated_by)
            VALUES ($1, $2, $3, 'Programma', $4, '{}'::jsonb, '{}'::jsonb, $5, now(), now(), 'Seeder')
            """;
        foreach (var (rows, other) in new[] { (A, B), (B, A) })
        {
            var own = ids[rows.TenantId];
            await ExecuteAsync(connection, application, own["dos_applications"], rows.TenantId, ZorgkantoorId, rows.ComplexId, "Submitted");
            // Owned by the other tenant, addressed to this one, still a draft: what this tenant's assessment and label refer to.
            await ExecuteAsync(connection, application, own["dos_helper_application"], other.TenantId, rows.TenantId, other.ComplexId, "Draft");
            await ExecuteAsync(connection, """
                INSERT INTO dos_application_events (id, tenant_id, zorgkantoor_tenant_id, application_id, kind, from_status, to_status, actor_tenant_id, actor_name, at)
                VALUES ($1, $2, $3, $4, 'Submitted', 'Draft', 'Submitted', $2, 'Seeder', now())
                """, own["dos_application_events"], rows.TenantId, ZorgkantoorId, own["dos_applications"]);
            await ExecuteAsync(connection, """
                INSERT INTO dos_assessments (id, tenant_id, application_id, catalogue_version, scores, updated_at, updated_by)
                VALUES ($1, $2, $3, 1, '[]'::jsonb, now(), 'Seeder')
                """, own["dos_assessments"], rows.TenantId, own["dos_helper_application"]);
            await ExecuteAsync(connection, "INSERT INTO dos_budgets (id, tenant_id, year, total, updated_at) VALUES ($1, $2, 2027, 1000000, now())",
                own["dos_budgets"], rows.TenantId);
            await ExecuteAsync(connection, """
                INSERT INTO dos_labels (id, tenant_id, application_id, number, programme_name, complex_name, municipality, first_year, last_year, amounts, granted_on, effective_on, review_on)
                VALUES ($1, $2, $3, 'PF-2027-0001', 'Programma', 'Flat', 'Amsterdam', 2027, 2029, '[]'::jsonb, current_date, current_date, current_date + 365)
                """, own["dos_labels"], rows.TenantId, own["dos_helper_application"]);
        }

        A = A with { RowIds = new Dictionary<string, Guid>(A.RowIds.Concat(ids[A.TenantId])) };
        B = B with { RowIds = new Dictionary<string, Guid>(B.RowIds.Concat(ids[B.TenantId])) };
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>A connection as the application role, with the tenant (and user) set for the session when given.</summary>
    public async Task<NpgsqlConnection> AppConnectionAsync(Guid? tenantId = null, Guid? userId = null)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Database.AppConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        if (tenantId is not null || userId is not null)
        {
            await using var set = new NpgsqlCommand(
                "SELECT set_config('app.tenant_id', $1, false), set_config('app.user_id', $2, false)", connection)
            {
                Parameters = { new() { Value = tenantId?.ToString() ?? "" }, new() { Value = userId?.ToString() ?? "" } },
            };
            await set.ExecuteNonQueryAsync();
        }

        return connection;
    }

    public async Task<NpgsqlConnection> SuperuserConnectionAsync()
    {
        var connection = new NpgsqlConnection(SuperuserConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    public static async Task<long> CountAsync(NpgsqlConnection connection, string sql, params object[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// What is missing for tests over every tenant table to mean something: each discovered table must hold
    /// rows of both tenants (a check on an empty table passes vacuously) and have a row id in <see cref="TenantRows.RowIds"/>.
    /// Empty when all is well; otherwise one line per problem, saying what to seed.
    /// </summary>
    public async Task<List<string>> SeedProblemsAsync()
    {
        await using var superuser = await SuperuserConnectionAsync();
        var problems = new List<string>();
        foreach (var table in await TenantTablesAsync(superuser))
        {
            foreach (var (label, rows) in new[] { ("A", A), ("B", B) })
            {
                var count = await CountAsync(superuser, $"SELECT count(*) FROM {EmbeddedPostgres.Quote(table)} WHERE tenant_id = $1", rows.TenantId);
                if (count == 0)
                {
                    problems.Add($"{table}: no row of tenant {label}. Seed one for both tenants in {nameof(TwoTenantDatabase)}.{nameof(SeedProgrammeRowsAsync)}, "
                                 + "or the row-level security checks of this table pass without testing anything.");
                }

                if (!rows.RowIds.ContainsKey(table))
                {
                    problems.Add($"{table}: no row id of tenant {label} in {nameof(TenantRows)}.{nameof(TenantRows.RowIds)}; add the seeded row's id there.");
                }
            }
        }

        return problems;
    }

    /// <summary>The tables in schema public with a <c>tenant_id</c> column, discovered from the catalog.</summary>
    public static async Task<List<string>> TenantTablesAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand("""
            SELECT c.relname
            FROM pg_class c
            JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
              AND EXISTS (SELECT 1 FROM pg_attribute a
                          WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND a.attnum > 0 AND NOT a.attisdropped)
            ORDER BY c.relname
            """, connection);
        var tables = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }

    private async Task<TenantRows> AddTenantAsync(string slug)
    {
        await using var db = new PlusflatDbContext(DependencyInjection.OptionsFor(SuperuserConnectionString), new TenantScope());
        var tenant = new Tenant(slug, "Tenant " + slug, TenantKind.Programme);
        db.Tenants.Add(tenant);
        await db.SaveChangesAsync();
        var users = Enumerable.Range(0, UsersPerTenant)
            .Select(i => new PlusflatUser
            {
                Email = $"user{i}@{slug}.test",
                UserName = $"user{i}@{slug}.test",
                NormalizedEmail = $"USER{i}@{slug.ToUpperInvariant()}.TEST",
                NormalizedUserName = $"USER{i}@{slug.ToUpperInvariant()}.TEST",
                DisplayName = $"User {i} of {slug}",
            })
            .ToList();
        db.Users.AddRange(users);
        await db.SaveChangesAsync();
        var memberships = users.Select(u => new TenantMembership(tenant.Id, u.Id, TenantRole.FlatTeamMember)).ToList();
        db.Memberships.AddRange(memberships);
        var invitations = Enumerable.Range(0, InvitationsPerTenant)
            .Select(i => new Invitation(tenant.Id, $"invitee{i}@{slug}.test", TenantRole.Observer, $"hash-{slug}-{i}", users[0].Id, DateTimeOffset.UtcNow))
            .ToList();
        db.Invitations.AddRange(invitations);
        await db.SaveChangesAsync();

        var programme = await SeedProgrammeRowsAsync(tenant.Id, users[0].Id, users[1].Id);
        var rowIds = new Dictionary<string, Guid>(programme.RowIds)
        {
            ["tenant_memberships"] = memberships[0].Id,
            ["invitations"] = invitations[0].Id,
        };
        return new TenantRows(tenant.Id, users.Select(u => u.Id).ToList(), memberships.Select(m => m.Id).ToList(), invitations.Select(i => i.Id).ToList(),
            programme.OrganisationId, programme.CatalogueId, programme.ChecklistItemId, programme.ComplexId, rowIds);
    }

    /// <summary>
    /// One row in each programme table of the tenant, in plain SQL as the superuser, every reference inside the
    /// tenant (the composite (tenant_id, id) keys of 0003 would refuse anything else). A migration that adds a
    /// tenant table must add its row here (see <see cref="SeedProblemsAsync"/>).
    /// </summary>
    private async Task<(Guid OrganisationId, Guid CatalogueId, Guid ChecklistItemId, Guid ComplexId, Dictionary<string, Guid> RowIds)> SeedProgrammeRowsAsync(
        Guid tenantId, Guid userId, Guid teamUserId)
    {
        var ids = new Dictionary<string, Guid>
        {
            ["organisations"] = Guid.CreateVersion7(),
            ["phase_catalogues"] = Guid.CreateVersion7(),
            ["phase_checklist_items"] = Guid.CreateVersion7(),
            ["complexes"] = Guid.CreateVersion7(),
            ["checklist_ticks"] = Guid.CreateVersion7(),
            ["phase_transitions"] = Guid.CreateVersion7(),
            ["programme_ambitions"] = Guid.CreateVersion7(),
            ["standard_catalogues"] = Guid.CreateVersion7(),
            ["standard_assessments"] = Guid.CreateVersion7(),
            ["partner_selections"] = Guid.CreateVersion7(),
            ["member_history"] = Guid.CreateVersion7(),
            ["admission_assessments"] = Guid.CreateVersion7(),
            ["admission_settings"] = Guid.CreateVersion7(),
            ["signalling_settings"] = Guid.CreateVersion7(),
            ["complex_history"] = Guid.CreateVersion7(),
            ["organisation_history"] = Guid.CreateVersion7(),
            ["business_cases"] = Guid.CreateVersion7(),
            ["business_case_versions"] = Guid.CreateVersion7(),
            ["flat_team_members"] = Guid.CreateVersion7(),
            ["signal_meetings"] = Guid.CreateVersion7(),
            ["signals"] = Guid.CreateVersion7(),
            ["signal_actions"] = Guid.CreateVersion7(),
            ["access_log"] = Guid.CreateVersion7(),
            ["signal_meeting_drafts"] = Guid.CreateVersion7(),
            ["signal_draft_items"] = Guid.CreateVersion7(),
            ["escalation_lines"] = Guid.CreateVersion7(),
            ["team_agenda_entries"] = Guid.CreateVersion7(),
            ["resident_code_settings"] = Guid.CreateVersion7(),
            ["indicator_catalogues"] = Guid.CreateVersion7(),
            ["monitoring_baselines"] = Guid.CreateVersion7(),
            ["quarterly_indicator_values"] = Guid.CreateVersion7(),
        };
        ids["signal_tallies"] = ids["signals"]; // written by the trigger on signals, with the signal's id
        await using var connection = await SuperuserConnectionAsync();
        await ExecuteAsync(connection, "INSERT INTO organisations (id, tenant_id, name, kind) VALUES ($1, $2, 'Woonstichting', 'HousingCorporation')",
            ids["organisations"], tenantId);
        await ExecuteAsync(connection, "INSERT INTO phase_catalogues (id, tenant_id, version, created_at) VALUES ($1, $2, 1, now())",
            ids["phase_catalogues"], tenantId);
        await ExecuteAsync(connection, """
            INSERT INTO phase_checklist_items (id, tenant_id, catalogue_id, phase, code, title, sort_order)
            VALUES ($1, $2, $3, 0, 'p0-start', 'Start', 10)
            """, ids["phase_checklist_items"], tenantId, ids["phase_catalogues"]);
        await ExecuteAsync(connection, """
            INSERT INTO complexes (id, tenant_id, name, address, postcode, municipality, housing_corporation_id, dwelling_count,
                                   has_common_room, common_room_open_to_neighbourhood, near_facilities, has_workspace_for_team,
                                   created_at, catalogue_id, current_phase, checklist_revision)
            VALUES ($1, $2, 'Flat', 'Straat 1', '1011 AB', 'Amsterdam', $3, 100, false, false, false, false, now(), $4, 0, 1)
            """, ids["complexes"], tenantId, ids["organisations"], ids["phase_catalogues"]);
        await ExecuteAsync(connection, """
            INSERT INTO checklist_ticks (id, tenant_id, complex_id, item_id, phase, ticked_on, ticked_by, ticked_by_name)
            VALUES ($1, $2, $3, $4, 0, current_date, $5, 'Seeder')
            """, ids["checklist_ticks"], tenantId, ids["complexes"], ids["phase_checklist_items"], userId);
        await ExecuteAsync(connection, """
            INSERT INTO phase_transitions (id, tenant_id, complex_id, from_phase, to_phase, at, "by", by_name, reason, was_override)
            VALUES ($1, $2, $3, 0, 1, now(), $4, 'Seeder', 'Seed', true)
            """, ids["phase_transitions"], tenantId, ids["complexes"], userId);
        await ExecuteAsync(connection, "INSERT INTO programme_ambitions (id, tenant_id, target_count, target_year) VALUES ($1, $2, 30, 2030)",
            ids["programme_ambitions"], tenantId);
        await ExecuteAsync(connection, "INSERT INTO standard_catalogues (id, tenant_id, version, name, created_at, items) VALUES ($1, $2, 1, 'Seed', now(), '[]'::jsonb)",
            ids["standard_catalogues"], tenantId);
        await ExecuteAsync(connection, """
            INSERT INTO standard_assessments (id, tenant_id, complex_id, catalogue_id, catalogue_version, number, assessed_at, assessed_by, assessed_by_name, items)
            VALUES ($1, $2, $3, $4, 1, 1, now(), $5, 'Seeder', '[]'::jsonb)
            """, ids["standard_assessments"], tenantId, ids["complexes"], ids["standard_catalogues"], userId);
        await ExecuteAsync(connection, """
            INSERT INTO partner_selections (id, tenant_id, complex_id, candidates, residents, steps, open_entry)
            VALUES ($1, $2, $3, '[]'::jsonb, '{}'::jsonb, '{}'::jsonb, '[]'::jsonb)
            """, ids["partner_selections"], tenantId, ids["complexes"]);
        await ExecuteAsync(connection, """
            INSERT INTO member_history (id, tenant_id, change, actor_id, actor_name, subject, to_role, at)
            VALUES ($1, $2, 'Invited', $3, 'Seeder', 'invitee@example.test', 'Observer', now())
            """, ids["member_history"], tenantId, userId);
        await ExecuteAsync(connection, """
            INSERT INTO admission_assessments (id, tenant_id, complex_id, sequence, assessed_at, assessed_by, assessed_by_name, shared_entrance,
                                               grouped_with, core_functions_secured, mostly_self_sufficient, hardly_any_home_care)
            VALUES ($1, $2, $3, 1, now(), $4, 'Seeder', true, '{}', false, false, false)
            """, ids["admission_assessments"], tenantId, ids["complexes"], userId);
        await ExecuteAsync(connection, "INSERT INTO admission_settings (id, tenant_id, minimum_dwellings) VALUES ($1, $2, 100)",
            ids["admission_settings"], tenantId);
        await ExecuteAsync(connection, "INSERT INTO signalling_settings (id, tenant_id, retention_months) VALUES ($1, $2, 24)",
            ids["signalling_settings"], tenantId);
        await ExecuteAsync(connection, """
            INSERT INTO complex_history (id, tenant_id, complex_id, kind, at, sequence, "by", by_name)
            VALUES ($1, $2, $3, 'Created', now(), 0, $4, 'Seeder')
            """, ids["complex_history"], tenantId, ids["complexes"], userId);
        await ExecuteAsync(connection, """
            INSERT INTO organisation_history (id, tenant_id, organisation_id, kind, at, sequence, "by", by_name)
            VALUES ($1, $2, $3, 'Created', now(), 0, $4, 'Seeder')
            """, ids["organisation_history"], tenantId, ids["organisations"], userId);
        await ExecuteAsync(connection, """
            INSERT INTO business_cases (id, tenant_id, complex_id, created_at, updated_at, updated_by, updated_by_name, frozen_versions, plan)
            VALUES ($1, $2, $3, now(), now(), $4, 'Seeder', 1, '{}'::jsonb)
            """, ids["business_cases"], tenantId, ids["complexes"], userId);
        await ExecuteAsync(connection, """
            INSERT INTO business_case_versions (id, tenant_id, complex_id, business_case_id, number, frozen_at, frozen_by, frozen_by_name, plan)
            VALUES ($1, $2, $3, $4, 1, now(), $5, 'Seeder', '{}'::jsonb)
            """, ids["business_case_versions"], tenantId, ids["complexes"], ids["business_cases"], userId);
        // The complex's flat team: user 1 of the tenant (role FlatTeamMember) is on it, so signal rows are visible to them only.
        await ExecuteAsync(connection, """
            INSERT INTO flat_team_members (id, tenant_id, complex_id, name, organisation, role, starts_on, user_id)
            VALUES ($1, $2, $3, 'Teamlid', 'Welzijn', 'FlatCoach', current_date - 30, $4)
            """, ids["flat_team_members"], tenantId, ids["complexes"], teamUserId);
        await ExecuteAsync(connection, """
            INSERT INTO signal_meetings (id, tenant_id, complex_id, held_on, attendee_ids, created_by, created_at)
            VALUES ($1, $2, $3, current_date - 7, ARRAY[$4]::uuid[], $5, now())
            """, ids["signal_meetings"], tenantId, ids["complexes"], ids["flat_team_members"], teamUserId);
        await ExecuteAsync(connection, """
            INSERT INTO signals (id, tenant_id, complex_id, meeting_id, resident_code, category, noticed_by, description, status)
            VALUES ($1, $2, $3, $4, 'B-001', 'Falls', 'Care', 'Twee keer gevallen', 'PickedUp')
            """, ids["signals"], tenantId, ids["complexes"], ids["signal_meetings"]);
        await ExecuteAsync(connection, """
            INSERT INTO signal_actions (id, tenant_id, complex_id, signal_id, owner_id, due, escalation_level, warm_handover, status)
            VALUES ($1, $2, $3, $4, $5, current_date + 7, 0, false, 'Open')
            """, ids["signal_actions"], tenantId, ids["complexes"], ids["signals"], ids["flat_team_members"]);
        await ExecuteAsync(connection, """
            INSERT INTO access_log (id, tenant_id, at, user_id, user_name, complex_id, meeting_id, action, address)
            VALUES ($1, $2, now(), $3, 'Teamlid', $4, $5, 'View', '127.0.0.1')
            """, ids["access_log"], tenantId, teamUserId, ids["complexes"], ids["signal_meetings"]);
        // The meeting being entered (a draft) with one typed signal: flat team only, like the signals.
        await ExecuteAsync(connection, """
            INSERT INTO signal_meeting_drafts (id, tenant_id, complex_id, held_on, attendee_ids, started_by, started_at, updated_by, updated_at)
            VALUES ($1, $2, $3, current_date, ARRAY[$4]::uuid[], $5, now(), $5, now())
            """, ids["signal_meeting_drafts"], tenantId, ids["complexes"], ids["flat_team_members"], teamUserId);
        await ExecuteAsync(connection, """
            INSERT INTO signal_draft_items (id, tenant_id, complex_id, draft_id, position, content, updated_by, updated_at)
            VALUES ($1, $2, $3, $4, 0, '{"residentCode":"B-003","category":"Falls","noticedBy":"Care","description":"Half getypt","actions":[]}'::jsonb, $5, now())
            """, ids["signal_draft_items"], tenantId, ids["complexes"], ids["signal_meeting_drafts"], teamUserId);
        await ExecuteAsync(connection, """
            INSERT INTO escalation_lines (id, tenant_id, complex_id, content, updated_by, updated_at)
            VALUES ($1, $2, $3, '{"whoSignals":"Iedereen","whoActs":"Flatcoach","whoDecides":"Projectleider","levels":[]}'::jsonb, $4, now())
            """, ids["escalation_lines"], tenantId, ids["complexes"], userId);
        await ExecuteAsync(connection, """
            INSERT INTO team_agenda_entries (id, tenant_id, complex_id, kind, text, dated_on, recorded_by, recorded_by_name, recorded_at)
            VALUES ($1, $2, $3, 'Ambition', 'Samen ouder worden in de flat', current_date, $4, 'Seeder', now())
            """, ids["team_agenda_entries"], tenantId, ids["complexes"], userId);
        await ExecuteAsync(connection, "INSERT INTO resident_code_settings (id, tenant_id, pattern, example) VALUES ($1, $2, '[A-Z]{1,3}-[0-9]{1,4}', 'B-017')",
            ids["resident_code_settings"], tenantId);
        // Monitoring (issue 12): a dataset version, the complex's baseline and one quarter's values.
        await ExecuteAsync(connection, "INSERT INTO indicator_catalogues (id, tenant_id, version, name, created_at, indicators) VALUES ($1, $2, 1, 'Seed', now(), '[]'::jsonb)",
            ids["indicator_catalogues"], tenantId);
        await ExecuteAsync(connection, """
            INSERT INTO monitoring_baselines (id, tenant_id, complex_id, catalogue_id, catalogue_version, measured_on, values, updated_at, updated_by)
            VALUES ($1, $2, $3, $4, 1, DATE '2027-01-15', '[{"key":"wlz-instroom","value":4}]'::jsonb, now(), 'Seeder')
            """, ids["monitoring_baselines"], tenantId, ids["complexes"], ids["indicator_catalogues"]);
        await ExecuteAsync(connection, """
            INSERT INTO quarterly_indicator_values (id, tenant_id, complex_id, quarter, values, updated_at, updated_by)
            VALUES ($1, $2, $3, DATE '2027-04-01', '[{"key":"wlz-instroom","value":3}]'::jsonb, now(), 'Seeder')
            """, ids["quarterly_indicator_values"], tenantId, ids["complexes"]);
        return (ids["organisations"], ids["phase_catalogues"], ids["phase_checklist_items"], ids["complexes"], ids);
    }

    public static async Task<int> ExecuteAsync(NpgsqlConnection connection, string sql, params object[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        return await command.ExecuteNonQueryAsync();
    }
}
