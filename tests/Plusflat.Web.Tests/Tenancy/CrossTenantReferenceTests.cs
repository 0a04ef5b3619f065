using Npgsql;

namespace Plusflat.Web.Tests.Tenancy;

/// <summary>
/// Foreign keys are checked without row-level security, so a plain key on <c>id</c> would let a row of tenant A
/// point at a row of tenant B. Migration 0003 made the references (tenant_id, id) keys; these tests use the
/// application role with tenant A set — no superuser — as a request that bypasses the handlers' checks would.
/// </summary>
public sealed class CrossTenantReferenceTests(TwoTenantDatabase data) : IClassFixture<TwoTenantDatabase>
{
    private const string InsertComplex = """
        INSERT INTO complexes (id, tenant_id, name, address, postcode, municipality, housing_corporation_id, preferred_care_provider_id,
                               welfare_party_id, dwelling_count, has_common_room, common_room_open_to_neighbourhood, near_facilities,
                               has_workspace_for_team, created_at, catalogue_id, current_phase, checklist_revision)
        VALUES (gen_random_uuid(), $1, 'Verwijzing', 'Straat 3', '1011 AB', 'Amsterdam', $2, $3, $4, 80, false, false, false, false, now(), $5, 0, 0)
        """;

    private const string InsertTick = """
        INSERT INTO checklist_ticks (id, tenant_id, complex_id, item_id, phase, ticked_on, ticked_by, ticked_by_name, unticked_at)
        VALUES (gen_random_uuid(), $1, $2, $3, 0, current_date, $4, 'Verwijzing', now())
        """;

    [Theory]
    [InlineData("housing_corporation_id")]
    [InlineData("preferred_care_provider_id")]
    [InlineData("welfare_party_id")]
    [InlineData("catalogue_id")]
    public async Task InsertComplex_ReferenceToTenantBRowWhileTenantASet_FailsWithForeignKeyViolation(string column)
    {
        await AssertSeededAsync();
        await using var app = await data.AppConnectionAsync(data.A.TenantId);

        // Control: with tenant A's own organisation and catalogue the same row is accepted (and rolled back).
        await using (var transaction = await app.BeginTransactionAsync())
        {
            Assert.Equal(1, await ExecuteAsync(app, transaction, InsertComplex, ComplexParameters(column: null)));
            await transaction.RollbackAsync();
        }

        await using (var transaction = await app.BeginTransactionAsync())
        {
            var error = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(app, transaction, InsertComplex, ComplexParameters(column)));

            Assert.Equal(PostgresErrorCodes.ForeignKeyViolation, error.SqlState);
            Assert.Contains(column, error.ConstraintName, StringComparison.Ordinal);
            Assert.Contains("tenant_id", error.ConstraintName, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task InsertTick_ItemOfTenantBWhileTenantASet_FailsWithForeignKeyViolation()
    {
        await AssertSeededAsync();
        await using var app = await data.AppConnectionAsync(data.A.TenantId);

        await using (var transaction = await app.BeginTransactionAsync())
        {
            Assert.Equal(1, await ExecuteAsync(app, transaction, InsertTick, data.A.TenantId, data.A.ComplexId, data.A.ChecklistItemId, data.A.UserIds[0]));
            await transaction.RollbackAsync();
        }

        await using (var transaction = await app.BeginTransactionAsync())
        {
            var error = await Assert.ThrowsAsync<PostgresException>(() =>
                ExecuteAsync(app, transaction, InsertTick, data.A.TenantId, data.A.ComplexId, data.B.ChecklistItemId, data.A.UserIds[0]));

            Assert.Equal(PostgresErrorCodes.ForeignKeyViolation, error.SqlState);
            Assert.Contains("item_id", error.ConstraintName, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("tick")]
    [InlineData("transition")]
    [InlineData("item")]
    public async Task InsertChild_ParentOfTenantBWhileTenantASet_FailsWithForeignKeyViolation(string child)
    {
        await AssertSeededAsync();
        await using var app = await data.AppConnectionAsync(data.A.TenantId);
        var (sql, parameters, constraintPart) = child switch
        {
            "tick" => (InsertTick, new object[] { data.A.TenantId, data.B.ComplexId, data.A.ChecklistItemId, data.A.UserIds[0] }, "complex_id"),
            "transition" => ("""
                INSERT INTO phase_transitions (id, tenant_id, complex_id, from_phase, to_phase, at, by, by_name, was_override)
                VALUES (gen_random_uuid(), $1, $2, 0, 1, now(), $3, 'Verwijzing', false)
                """, new object[] { data.A.TenantId, data.B.ComplexId, data.A.UserIds[0] }, "complex_id"),
            _ => ("""
                INSERT INTO phase_checklist_items (id, tenant_id, catalogue_id, phase, code, title, sort_order)
                VALUES (gen_random_uuid(), $1, $2, 0, 'p0-verwijzing', 'Verwijzing', 99)
                """, new object[] { data.A.TenantId, data.B.CatalogueId }, "catalogue"),
        };
        await using var transaction = await app.BeginTransactionAsync();

        var error = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(app, transaction, sql, parameters));

        Assert.Equal(PostgresErrorCodes.ForeignKeyViolation, error.SqlState);
        Assert.Contains(constraintPart, error.ConstraintName, StringComparison.Ordinal);
        Assert.Contains("tenant_id", error.ConstraintName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateComplex_CorporationOfTenantBWhileTenantASet_FailsWithForeignKeyViolation()
    {
        await AssertSeededAsync();
        await using var app = await data.AppConnectionAsync(data.A.TenantId);
        await using var transaction = await app.BeginTransactionAsync();

        var error = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(app, transaction,
            "UPDATE complexes SET housing_corporation_id = $1 WHERE id = $2", data.B.OrganisationId, data.A.ComplexId));

        Assert.Equal(PostgresErrorCodes.ForeignKeyViolation, error.SqlState);
    }

    /// <summary>Tenant A's complex row; the reference in <paramref name="column"/> (if any) points at tenant B's row instead.</summary>
    private object[] ComplexParameters(string? column)
    {
        Guid Organisation(string name) => column == name ? data.B.OrganisationId : data.A.OrganisationId;
        return
        [
            data.A.TenantId,
            Organisation("housing_corporation_id"),
            Organisation("preferred_care_provider_id"),
            Organisation("welfare_party_id"),
            column == "catalogue_id" ? data.B.CatalogueId : data.A.CatalogueId,
        ];
    }

    private async Task AssertSeededAsync()
    {
        var problems = await data.SeedProblemsAsync();
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
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
}
