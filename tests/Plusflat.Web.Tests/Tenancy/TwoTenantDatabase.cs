using Npgsql;
using Plusflat.Domain.Tenancy;
using Plusflat.Infrastructure;
using Plusflat.Infrastructure.Identity;
using Plusflat.Infrastructure.Persistence;
using Plusflat.Infrastructure.Tenancy;

namespace Plusflat.Web.Tests.Tenancy;

/// <summary>The rows one tenant got in a <see cref="TwoTenantDatabase"/>.</summary>
public sealed record TenantRows(Guid TenantId, IReadOnlyList<Guid> UserIds, IReadOnlyList<Guid> MembershipIds, IReadOnlyList<Guid> InvitationIds);

/// <summary>
/// A migrated database (no portal, no demo data) with two tenants A and B, each with its own users,
/// memberships and invitations, inserted as the superuser (who is not bound by row-level security).
/// Tests read it through the application role; they must not change the rows they count.
/// </summary>
public sealed class TwoTenantDatabase : IAsyncLifetime
{
    public const int UsersPerTenant = 3;
    public const int InvitationsPerTenant = 2;

    public TestDatabase Database { get; private set; } = default!;

    public string SuperuserConnectionString { get; private set; } = default!;

    public TenantRows A { get; private set; } = default!;

    public TenantRows B { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        Database = await PostgresCluster.CreateDatabaseAsync();
        SuperuserConnectionString = new NpgsqlConnectionStringBuilder(await PostgresCluster.SuperuserConnectionStringAsync(Database.Name))
        {
            Pooling = false,
        }.ConnectionString;
        A = await AddTenantAsync("tenant-a");
        B = await AddTenantAsync("tenant-b");
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
        return new TenantRows(tenant.Id, users.Select(u => u.Id).ToList(), memberships.Select(m => m.Id).ToList(), invitations.Select(i => i.Id).ToList());
    }
}
