using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Plusflat.Infrastructure.Database;

/// <summary>Where the portal's data lives, resolved once at start-up.</summary>
/// <param name="AppConnectionString">The run-time role: owns nothing, subject to row-level security.</param>
/// <param name="OwnerConnectionString">The owner that runs migrations; null when migrations are run elsewhere.</param>
/// <param name="Embedded">The private cluster the portal started itself, if any.</param>
public sealed record DatabaseConnection(string AppConnectionString, string? OwnerConnectionString, EmbeddedPostgres? Embedded)
{
    public bool IsEmbedded => Embedded is not null;
}

public static class DatabaseSetup
{
    public const string AppConnectionName = "Plusflat";
    public const string OwnerConnectionName = "PlusflatOwner";
    public const string OwnerRole = "plusflat_owner";
    public const string AppRole = "plusflat_app";
    public const string DatabaseName = "plusflat";

    /// <summary>
    /// Uses <c>ConnectionStrings:Plusflat</c> (and <c>ConnectionStrings:PlusflatOwner</c> for migrations) when
    /// configured. Otherwise — never in Production — starts the embedded default: a private cluster under
    /// <c>.data/</c> at the repository root, with both roles and the database created.
    /// </summary>
    public static async Task<DatabaseConnection> ResolveAsync(
        IConfiguration configuration, bool isProduction, string contentRoot, ILogger logger, CancellationToken cancellationToken = default)
    {
        var app = configuration.GetConnectionString(AppConnectionName);
        var owner = configuration.GetConnectionString(OwnerConnectionName);
        if (!string.IsNullOrWhiteSpace(app))
        {
            return new DatabaseConnection(app, string.IsNullOrWhiteSpace(owner) ? null : owner, null);
        }

        if (isProduction)
        {
            throw new InvalidOperationException(
                "No database configured. In Production set ConnectionStrings__Plusflat (the application role) and " +
                "ConnectionStrings__PlusflatOwner (the owner that runs migrations); the embedded database is for development only.");
        }

        var dataDirectory = configuration["Embedded:DataDirectory"] is { Length: > 0 } configured
            ? Path.GetFullPath(configured, contentRoot)
            : Path.Combine(FindRepositoryRoot(contentRoot), ".data", "postgres", "cluster");
        if (!EmbeddedPostgres.PostgresUserCanReach(Path.GetDirectoryName(dataDirectory)!))
        {
            // Running as root from a folder the postgres user cannot enter (e.g. under /root): keep the cluster
            // in a folder under /var/lib, which only root can create in — so no other user can plant a cluster there.
            var hash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(dataDirectory)))[..12];
            var fallback = Path.Combine("/var/lib/plusflat", hash.ToLowerInvariant(), "cluster");
            logger.LogWarning("The postgres user cannot reach {DataDirectory}; using {Fallback} for the embedded database", dataDirectory, fallback);
            dataDirectory = fallback;
        }

        var port = configuration.GetValue("Embedded:Port", 54329);
        var embedded = new EmbeddedPostgres(dataDirectory, port, logger);
        await embedded.StartAsync(cancellationToken);
        await embedded.EnsureRolesAndDatabaseAsync(DatabaseName, OwnerRole, AppRole);
        return new DatabaseConnection(
            embedded.ConnectionString(DatabaseName, AppRole),
            embedded.ConnectionString(DatabaseName, OwnerRole),
            embedded);
    }

    /// <summary>The application role's name, taken from its connection string: the migrator grants it its rights.</summary>
    public static string AppRoleOf(string appConnectionString) =>
        new NpgsqlConnectionStringBuilder(appConnectionString).Username ?? AppRole;

    private static string FindRepositoryRoot(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Plusflat.sln")))
            {
                return directory.FullName;
            }
        }

        return start;
    }
}
