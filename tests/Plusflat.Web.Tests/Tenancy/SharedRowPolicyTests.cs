using Npgsql;

namespace Plusflat.Web.Tests.Tenancy;

/// <summary>
/// The design for rows shared with one named second tenant (a DOS application addressed to a
/// zorgkantoor, ADR 0003), proven on a scratch table with the exact policy shape later tables use.
/// </summary>
public sealed class SharedRowPolicyTests
{
    private static readonly Guid Programme = Guid.CreateVersion7();
    private static readonly Guid Zorgkantoor = Guid.CreateVersion7();
    private static readonly Guid OtherZorgkantoor = Guid.CreateVersion7();

    [Fact]
    public async Task SharedRow_IsVisibleToOwnerAndAddresseeOnly_AndOnlyTheOwnerWrites()
    {
        var database = await PostgresCluster.CreateDatabaseAsync();
        await using (var owner = new NpgsqlConnection(database.OwnerConnectionString))
        {
            await owner.OpenAsync();
            await ExecuteAsync(owner, """
                CREATE TABLE shared_applications (id uuid PRIMARY KEY, tenant_id uuid NOT NULL, addressed_tenant_id uuid NOT NULL, title text NOT NULL);
                ALTER TABLE shared_applications ENABLE ROW LEVEL SECURITY;
                ALTER TABLE shared_applications FORCE ROW LEVEL SECURITY;
                CREATE POLICY shared_read ON shared_applications FOR SELECT
                    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid
                           OR addressed_tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
                CREATE POLICY owner_write ON shared_applications FOR ALL
                    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
                    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
                GRANT SELECT, INSERT, UPDATE, DELETE ON shared_applications TO plusflat_app;
                """);
        }

        await using var app = new NpgsqlConnection(database.AppConnectionString);
        await app.OpenAsync();
        await SetTenantAsync(app, Programme);
        await ExecuteAsync(app, $"INSERT INTO shared_applications VALUES ('{Guid.CreateVersion7()}', '{Programme}', '{Zorgkantoor}', 'DOS-aanvraag De Klimop')");

        Assert.Equal(1L, await CountAsync(app));
        await SetTenantAsync(app, Zorgkantoor);
        Assert.Equal(1L, await CountAsync(app));
        Assert.Equal(0, await ExecuteAsync(app, "UPDATE shared_applications SET title = 'gewijzigd door zorgkantoor'"));
        Assert.Equal(0, await ExecuteAsync(app, "DELETE FROM shared_applications"));
        await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(app,
            $"INSERT INTO shared_applications VALUES ('{Guid.CreateVersion7()}', '{Programme}', '{Zorgkantoor}', 'namens programma')"));
        await SetTenantAsync(app, OtherZorgkantoor);
        Assert.Equal(0L, await CountAsync(app));
        await SetTenantAsync(app, null);
        Assert.Equal(0L, await CountAsync(app));
    }

    private static Task SetTenantAsync(NpgsqlConnection connection, Guid? tenant) =>
        ExecuteAsync(connection, $"SELECT set_config('app.tenant_id', '{tenant}', false)");

    private static async Task<long> CountAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand("SELECT count(*) FROM shared_applications", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<int> ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteNonQueryAsync();
    }
}
