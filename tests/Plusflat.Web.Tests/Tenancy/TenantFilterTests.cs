using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using Plusflat.Domain.Common;
using Plusflat.Infrastructure;
using Plusflat.Infrastructure.Persistence;
using Plusflat.Infrastructure.Tenancy;

namespace Plusflat.Web.Tests.Tenancy;

/// <summary>
/// The EF model's side of tenant isolation: every tenant-owned entity is filtered on the current
/// tenant, maps to a table PostgreSQL protects with row-level security, and nothing maps a
/// <c>tenant_id</c> column without being marked tenant-owned.
/// </summary>
public sealed class TenantFilterTests
{
    private static PlusflatDbContext Context(TenantScope? scope = null) =>
        new(DependencyInjection.OptionsFor("Host=localhost;Database=unused"), scope ?? new TenantScope());

    private static List<IEntityType> TenantOwnedEntityTypes(IModel model) =>
        model.GetEntityTypes().Where(t => typeof(ITenantOwned).IsAssignableFrom(t.ClrType)).ToList();

    [Fact]
    public void Model_TenantOwnedEntities_AreFoundAndMapTenantId()
    {
        using var db = Context();

        var tenantOwned = TenantOwnedEntityTypes(db.Model);
        var names = tenantOwned.Select(t => t.ClrType.Name).ToList();

        Assert.Contains("Invitation", names);
        Assert.Contains("TenantMembership", names);
        // The column test below looks for tenant_id by column name: every tenant-owned entity maps it so.
        Assert.All(tenantOwned, t => Assert.Contains(t.GetProperties(), p => p.GetColumnName() == "tenant_id"));
    }

    [Fact]
    public void Model_EveryTenantOwnedEntity_HasAQueryFilterOnTheCurrentTenant()
    {
        using var db = Context();

        var missing = new List<string>();
        foreach (var entityType in TenantOwnedEntityTypes(db.Model).Where(t => !t.IsOwned()))
        {
            // Filters live on the root of a hierarchy and apply to its derived types.
            var filters = entityType.GetRootType().GetDeclaredQueryFilters();
            if (!filters.Any(f => f.Expression?.ToString() is { } body
                                  && body.Contains(".TenantId", StringComparison.Ordinal)
                                  && body.Contains(nameof(PlusflatDbContext.CurrentTenantId), StringComparison.Ordinal)))
            {
                missing.Add($"{entityType.DisplayName()}: {(filters.Count == 0 ? "no query filter" : string.Join(" | ", filters.Select(f => f.Expression)))}");
            }
        }

        Assert.True(missing.Count == 0, "Tenant-owned entities without a filter on CurrentTenantId:" + Environment.NewLine + string.Join(Environment.NewLine, missing));
    }

    [Fact]
    public void Model_EntityMappingATenantIdColumn_ImplementsITenantOwned()
    {
        using var db = Context();

        var unmarked = db.Model.GetEntityTypes()
            .Where(t => !typeof(ITenantOwned).IsAssignableFrom(t.ClrType))
            .Where(t => t.GetProperties().Any(p => p.GetColumnName() == "tenant_id"))
            .Select(t => $"{t.DisplayName()} ({t.GetTableName()})")
            .ToList();

        Assert.True(unmarked.Count == 0,
            "These entities map a tenant_id column but do not implement ITenantOwned, so no query filter is applied: " + string.Join(", ", unmarked));
    }

    [Fact]
    public async Task Model_EveryTenantOwnedTable_HasForcedRowLevelSecurityWithAPolicy()
    {
        using var db = Context();
        var tables = TenantOwnedEntityTypes(db.Model)
            .Where(t => t.GetTableName() is not null)
            .Select(t => (Schema: t.GetSchema() ?? "public", Table: t.GetTableName()!, Entity: t.DisplayName()))
            .Distinct()
            .ToList();
        var database = await PostgresCluster.CreateDatabaseAsync();
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database.AppConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();

        var problems = new List<string>();
        foreach (var (schema, table, entity) in tables)
        {
            await using var command = new NpgsqlCommand("""
                SELECT c.relrowsecurity, c.relforcerowsecurity,
                       (SELECT count(*) FROM pg_policies p WHERE p.schemaname = n.nspname AND p.tablename = c.relname)
                FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = $1 AND c.relname = $2
                """, connection)
            {
                Parameters = { new() { Value = schema }, new() { Value = table } },
            };
            await using var reader = await command.ExecuteReaderAsync();
            if (!await reader.ReadAsync())
            {
                problems.Add($"{entity}: table {schema}.{table} does not exist after migrating");
            }
            else if (!reader.GetBoolean(0) || !reader.GetBoolean(1) || reader.GetInt64(2) == 0)
            {
                problems.Add($"{entity}: table {schema}.{table} has RLS enabled={reader.GetBoolean(0)}, forced={reader.GetBoolean(1)}, policies={reader.GetInt64(2)}");
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void QueryFilter_CurrentTenant_IsSentAsAParameterNotInlined()
    {
        var tenantA = Guid.NewGuid();
        var tenantB = Guid.NewGuid();
        var scopeA = new TenantScope();
        scopeA.EnterTenant(tenantA);
        var scopeB = new TenantScope();
        scopeB.EnterTenant(tenantB);
        using var dbA = Context(scopeA);
        using var dbB = Context(scopeB);

        var sqlA = dbA.Invitations.ToQueryString();
        var sqlB = dbB.Invitations.ToQueryString();

        // ToQueryString declares parameters as leading comment lines; the statement itself must be the same for both tenants.
        static string Statement(string sql) => string.Join('\n', sql.Split('\n').Where(l => !l.TrimStart().StartsWith("--", StringComparison.Ordinal)));
        Assert.Contains(tenantA.ToString(), sqlA, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(tenantA.ToString(), Statement(sqlA), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(Statement(sqlA), Statement(sqlB));
    }
}
