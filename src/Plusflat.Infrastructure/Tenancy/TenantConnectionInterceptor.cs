using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Plusflat.Infrastructure.Persistence;

namespace Plusflat.Infrastructure.Tenancy;

/// <summary>
/// Hands the current tenant and user to PostgreSQL every time EF Core opens (leases) a connection,
/// always overwriting both settings — empty when there is none — so nothing a previous user of a
/// pooled connection set can survive. Npgsql also resets session state when the connection goes
/// back to its pool (no <c>No Reset On Close</c>, no multiplexing), so this is belt and braces.
/// Row-level security policies read the settings with <c>current_setting('app.tenant_id', true)</c>
/// and fail closed when they are empty.
/// </summary>
public sealed class TenantConnectionInterceptor : DbConnectionInterceptor
{
    public const string SetSql = "SELECT set_config('app.tenant_id', @tenant, false), set_config('app.user_id', @user, false)";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = CreateCommand(connection, eventData);
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(
        DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = CreateCommand(connection, eventData);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static DbCommand CreateCommand(DbConnection connection, ConnectionEndEventData eventData)
    {
        var context = eventData.Context as PlusflatDbContext;
        var command = connection.CreateCommand();
        command.CommandText = SetSql;
        AddParameter(command, "tenant", context?.CurrentTenantId?.ToString() ?? "");
        AddParameter(command, "user", context?.CurrentUserId?.ToString() ?? "");
        return command;
    }

    private static void AddParameter(DbCommand command, string name, string value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
