using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Plusflat.Infrastructure.Database;

namespace Plusflat.Web.Tests.Startup;

/// <summary>
/// The portal started as its own process (as `dotnet run` does, Development, embedded database) on a port that
/// another process holds: one clear line instead of a stack trace, and the private PostgreSQL it had just started
/// is stopped again — but a cluster that was already running before is left alone.
/// </summary>
public sealed class PortInUseTests
{
    [Fact]
    public async Task Start_PortInUse_PrintsOneLineAndStopsTheClusterItStarted()
    {
        var folder = NewFolder();
        try
        {
            using var occupied = Occupy(out var port);

            var (exitCode, output) = await RunPortalAsync(folder, port);

            Assert.NotEqual(0, exitCode);
            var line = Assert.Single(output, l => l.Contains("in use", StringComparison.Ordinal));
            Assert.Equal($"Port {port} is in use; start with `--urls http://localhost:{port + 1}` (or set ASPNETCORE_URLS and add --no-launch-profile), or stop the other process on that port.", line);
            Assert.DoesNotContain(output, l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal));
            Assert.DoesNotContain(output, l => l.Contains("Exception", StringComparison.Ordinal));
            Assert.Contains(output, l => l.Contains("Started private PostgreSQL", StringComparison.Ordinal)); // it did start one
            Assert.Empty(PostgresProcessesOf(Path.Combine(folder, "cluster")));
            Assert.False(File.Exists(Path.Combine(folder, "cluster", "postmaster.pid")));
        }
        finally
        {
            await CleanUpAsync(folder);
        }
    }

    [Fact]
    public async Task Start_PortInUseWithTheClusterAlreadyRunning_LeavesThatClusterRunning()
    {
        var folder = NewFolder();
        var cluster = new EmbeddedPostgres(Path.Combine(folder, "cluster"), EmbeddedPostgres.FreePort(), NullLogger.Instance);
        try
        {
            await cluster.StartAsync();
            using var occupied = Occupy(out var port);

            var (exitCode, output) = await RunPortalAsync(folder, port, cluster.Port);

            Assert.NotEqual(0, exitCode);
            Assert.Single(output, l => l.Contains($"Port {port} is in use", StringComparison.Ordinal));
            Assert.NotEmpty(PostgresProcessesOf(Path.Combine(folder, "cluster")));
        }
        finally
        {
            await CleanUpAsync(folder);
        }
    }

    private static string NewFolder() =>
        Path.Combine(Path.GetTempPath(), "plusflat-tests-" + Environment.ProcessId + "-port-" + Guid.NewGuid().ToString("N")[..6]);

    private static TcpListener Occupy(out int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        port = ((IPEndPoint)listener.LocalEndpoint).Port;
        return listener;
    }

    /// <summary>Runs the built portal (Plusflat.Web.dll next to the tests) with its content root in src/Plusflat.Web, as `dotnet run` has it.</summary>
    private static async Task<(int ExitCode, List<string> Output)> RunPortalAsync(string folder, int port, int? clusterPort = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.Combine(Repository.Root, "src", "Plusflat.Web"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Plusflat.Web.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment.Remove("ASPNETCORE_URLS");
        start.Environment.Remove("ConnectionStrings__Plusflat");
        start.Environment.Remove("ConnectionStrings__PlusflatOwner");
        start.Environment["Embedded__DataDirectory"] = Path.Combine(folder, "cluster");
        start.Environment["Embedded__Port"] = (clusterPort ?? EmbeddedPostgres.FreePort()).ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["DOTNET_DbgEnableMiniDump"] = "0";

        using var process = Process.Start(start)!;
        var output = new List<string>();
        var stdout = ReadLinesAsync(process.StandardOutput, output);
        var stderr = ReadLinesAsync(process.StandardError, output);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("The portal did not stop by itself on an occupied port:\n" + string.Join('\n', output));
        }

        await Task.WhenAll(stdout, stderr);
        lock (output)
        {
            return (process.ExitCode, [.. output]);
        }
    }

    private static async Task ReadLinesAsync(StreamReader reader, List<string> lines)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            lock (lines)
            {
                lines.Add(line);
            }
        }
    }

    /// <summary>Process ids of postgres servers whose command line names this data directory.</summary>
    private static List<int> PostgresProcessesOf(string dataDirectory)
    {
        var found = new List<int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid))
            {
                continue;
            }

            try
            {
                var commandLine = File.ReadAllText(Path.Combine(directory, "cmdline")).Replace('\0', ' ');
                if (commandLine.Contains("postgres", StringComparison.Ordinal) && commandLine.Contains(dataDirectory, StringComparison.Ordinal))
                {
                    found.Add(pid);
                }
            }
            catch (IOException)
            {
                // the process ended meanwhile
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return found;
    }

    private static async Task CleanUpAsync(string folder)
    {
        var cluster = Path.Combine(folder, "cluster");
        if (File.Exists(Path.Combine(cluster, "PG_VERSION")))
        {
            await new EmbeddedPostgres(cluster, 0, NullLogger.Instance).StopAsync();
        }

        Npgsql.NpgsqlConnection.ClearAllPools();
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
