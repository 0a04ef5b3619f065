using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Plusflat.Infrastructure.Database;

/// <summary>
/// A private PostgreSQL cluster started from the machine's PostgreSQL binaries (initdb, pg_ctl),
/// used by the portal's embedded default and by the test suite. PostgreSQL refuses to run as
/// root, so when this process is root the binaries run as the user <c>postgres</c>.
/// Authentication is <c>trust</c> on 127.0.0.1 only: it is a developer's and a test run's cluster,
/// never a production server.
/// </summary>
public sealed class EmbeddedPostgres
{
    public const string Superuser = "postgres";

    private readonly ILogger _log;

    public EmbeddedPostgres(string dataDirectory, int port, ILogger logger)
    {
        DataDirectory = Path.GetFullPath(dataDirectory);
        Port = port;
        _log = logger;
    }

    public string DataDirectory { get; }

    public int Port { get; }

    /// <summary>Whether this process started the cluster (rather than finding it running): only then may a failed start stop it again.</summary>
    public bool StartedByThisProcess { get; private set; }

    public string LogFile => Path.Combine(DataDirectory, "..", "postgres.log");

    public string ConnectionString(string database, string user = Superuser) =>
        new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = Port,
            Database = database,
            Username = user,
            Pooling = true,
        }.ConnectionString;

    /// <summary>Creates the cluster when missing and starts it unless it already runs. Idempotent.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        var binDirectory = FindBinDirectory();
        var parent = Directory.GetParent(DataDirectory)!.FullName;
        Directory.CreateDirectory(parent);
        GiveToPostgresUser(parent);

        if (!File.Exists(Path.Combine(DataDirectory, "PG_VERSION")))
        {
            _log.LogInformation("Creating a private PostgreSQL cluster in {DataDirectory}", DataDirectory);
            await RunAsync(Path.Combine(binDirectory, "initdb"),
                ["-D", DataDirectory, "-U", Superuser, "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"],
                cancellationToken);
        }

        if (await IsRunningAsync(binDirectory, cancellationToken))
        {
            _log.LogInformation("Private PostgreSQL already runs on port {Port}", Port);
        }
        else
        {
            var options = $"-p {Port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c fsync=off " +
                          "-c max_connections=200 -c shared_buffers=128MB";
            await RunAsync(Path.Combine(binDirectory, "pg_ctl"),
                ["-D", DataDirectory, "-l", LogFile, "-o", options, "-w", "-t", "60", "start"],
                cancellationToken);
            StartedByThisProcess = true;
            _log.LogInformation("Started private PostgreSQL on port {Port}", Port);
        }

        await WaitUntilAcceptingAsync(cancellationToken);
    }

    public async Task StopAsync()
    {
        var binDirectory = FindBinDirectory();
        if (await IsRunningAsync(binDirectory, CancellationToken.None))
        {
            await RunAsync(Path.Combine(binDirectory, "pg_ctl"), ["-D", DataDirectory, "-m", "fast", "-w", "stop"],
                CancellationToken.None);
            _log.LogInformation("Stopped private PostgreSQL on port {Port}", Port);
        }
    }

    /// <summary>
    /// Creates the two roles the portal needs, idempotently: an owner that runs migrations and the
    /// application role the portal uses at run time, which owns nothing and cannot bypass row-level security.
    /// </summary>
    public async Task EnsureRolesAndDatabaseAsync(string database, string ownerRole, string appRole)
    {
        // Unpooled: a pooled connection would outlive a restart of the cluster and fail on next use.
        await using var connection = new NpgsqlConnection(ConnectionString("postgres") + ";Pooling=false");
        await connection.OpenAsync();
        foreach (var (role, createDb) in new[] { (ownerRole, true), (appRole, false) })
        {
            await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_roles WHERE rolname = $1", connection)
            {
                Parameters = { new() { Value = role } },
            };
            if (await exists.ExecuteScalarAsync() is null)
            {
                var rights = createDb ? "CREATEDB" : "NOCREATEDB";
                await using var create = new NpgsqlCommand(
                    $"CREATE ROLE {Quote(role)} LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEROLE {rights}", connection);
                await create.ExecuteNonQueryAsync();
            }
        }

        await using var dbExists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection)
        {
            Parameters = { new() { Value = database } },
        };
        if (await dbExists.ExecuteScalarAsync() is null)
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE {Quote(database)} OWNER {Quote(ownerRole)}", connection);
            await create.ExecuteNonQueryAsync();
        }
    }

    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static string FindBinDirectory()
    {
        var candidates = new List<string>();
        var fromEnvironment = Environment.GetEnvironmentVariable("PLUSFLAT_PG_BIN");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            candidates.Add(fromEnvironment);
        }

        if (Directory.Exists("/usr/lib/postgresql"))
        {
            candidates.AddRange(Directory.GetDirectories("/usr/lib/postgresql")
                .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0)
                .Select(d => Path.Combine(d, "bin")));
        }

        candidates.AddRange(["/usr/local/bin", "/usr/bin", "/opt/homebrew/bin"]);
        return candidates.FirstOrDefault(d => File.Exists(Path.Combine(d, "pg_ctl")) && File.Exists(Path.Combine(d, "initdb")))
               ?? throw new InvalidOperationException(
                   "PostgreSQL server binaries (initdb, pg_ctl) were not found. Install PostgreSQL 15 " +
                   "(Debian: apt-get install postgresql) or set PLUSFLAT_PG_BIN, or configure ConnectionStrings__Plusflat.");
    }

    private async Task<bool> IsRunningAsync(string binDirectory, CancellationToken cancellationToken)
    {
        if (!File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
        {
            return false;
        }

        var exitCode = await RunAsync(Path.Combine(binDirectory, "pg_ctl"), ["-D", DataDirectory, "status"],
            cancellationToken, throwOnError: false);
        return exitCode == 0;
    }

    private async Task WaitUntilAcceptingAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await using var connection = new NpgsqlConnection(ConnectionString("postgres") + ";Pooling=false");
                await connection.OpenAsync(cancellationToken);
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or SocketException && attempt < 50)
            {
                await Task.Delay(200, cancellationToken);
            }
        }
    }

    private static bool IsRoot => Environment.UserName == "root";

    /// <summary>
    /// When this process is root, PostgreSQL runs as <c>postgres</c>, which must be able to reach the folder
    /// (a checkout under /root, mode 700, is out of its reach). Always true when not root.
    /// </summary>
    public static bool PostgresUserCanReach(string directory)
    {
        if (!IsRoot)
        {
            return true;
        }

        var existing = new DirectoryInfo(Path.GetFullPath(directory));
        while (existing is { Exists: false })
        {
            existing = existing.Parent;
        }

        if (existing is null)
        {
            return false;
        }

        using var probe = Process.Start(new ProcessStartInfo("runuser", ["-u", "postgres", "--", "test", "-x", existing.FullName])
        {
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        probe.WaitForExit();
        return probe.ExitCode == 0;
    }

    private static void GiveToPostgresUser(string directory)
    {
        if (IsRoot)
        {
            using var chown = Process.Start("chown", ["-R", "postgres:postgres", directory]);
            chown.WaitForExit();
        }
    }

    private async Task<int> RunAsync(string program, string[] arguments, CancellationToken cancellationToken, bool throwOnError = true)
    {
        var start = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (IsRoot)
        {
            start.FileName = "runuser";
            start.ArgumentList.Add("-u");
            start.ArgumentList.Add("postgres");
            start.ArgumentList.Add("--");
            start.ArgumentList.Add(program);
        }
        else
        {
            start.FileName = program;
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        // pg_ctl start leaves the server running with inherited handles; read output without waiting for EOF.
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0 && throwOnError)
        {
            var logTail = File.Exists(LogFile) ? string.Join('\n', File.ReadLines(LogFile).TakeLast(20)) : "";
            throw new InvalidOperationException(
                $"{Path.GetFileName(program)} failed ({process.ExitCode}): {await SafeAsync(stderr)} {await SafeAsync(stdout)}\n{logTail}");
        }

        return process.ExitCode;
    }

    private static async Task<string> SafeAsync(Task<string> task)
    {
        var done = await Task.WhenAny(task, Task.Delay(1000));
        return done == task ? await task : "";
    }
}
