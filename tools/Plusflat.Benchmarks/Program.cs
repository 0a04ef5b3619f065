using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Plusflat.Benchmarks;
using Plusflat.Infrastructure.Persistence;

// The page benchmark (issue 6): for the complexes list and a complex's detail page it measures SQL
// statements per page load, time to interactive, the round trip of a click over 20 concurrent browser
// pages (p50/p95) and managed memory per open circuit, and writes docs/benchmarks.md.
// Run: ./plusflat bench [--pages 20] [--clicks 10] [--out docs/benchmarks.md]
internal static class Bench
{
    public static async Task<int> Main(string[] args)
    {
        var pages = IntArg("--pages", 20);
        var clicks = IntArg("--clicks", 10);
        var output = StringArg("--out", Path.Combine(Bench.RepositoryRoot(), "docs", "benchmarks.md"));
        // --gcdump DIR: a heap dump (dotnet-gcdump) before and with the open circuits of each page, to see what they hold.
        var gcdumps = StringArg("--gcdump", "");
        var only = StringArg("--only", "");
        var chromium = Environment.GetEnvironmentVariable("PLUSFLAT_CHROMIUM") is { Length: > 0 } c ? c : "/usr/bin/chromium";
        const string Tenant = "lltf-amsterdam";
        const string Email = "lead@lltf-amsterdam.demo";
        const string Password = "Plusflat-demo-2026!";

        var dataDirectory = Path.Combine(Path.GetTempPath(), $"plusflat-bench-{Environment.ProcessId}");
        await using var app = new BenchmarkApp(dataDirectory);
        app.Start();
        Console.WriteLine($"Portal on {app.Address} (Release: {!IsDebug()}), embedded PostgreSQL in {dataDirectory}");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-timer-throttling", "--disable-renderer-backgrounding"],
        });

        // Sign in once; every page shares the cookie (each page still has its own circuit).
        var login = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.Address, Locale = "nl-NL" });
        var loginPage = await login.NewPageAsync();
        await loginPage.GotoAsync("/account/inloggen");
        await loginPage.GetByLabel("E-mailadres").FillAsync(Email);
        await loginPage.GetByLabel("Wachtwoord").FillAsync(Password);
        await loginPage.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
        await loginPage.WaitForURLAsync(u => !u.Contains("/account/inloggen", StringComparison.Ordinal));
        var storage = await login.StorageStateAsync();
        var complexes = JsonDocument.Parse(await (await loginPage.APIRequest.GetAsync($"/api/v1/{Tenant}/complexes?pageSize=1")).TextAsync());
        var complexId = complexes.RootElement.GetProperty("items")[0].GetProperty("id").GetString();
        await login.CloseAsync();

        var targets = new[]
        {
            // A reference: the lightest page (cards with a few figures), to set the others' memory against.
            new Target("Startpagina (referentie)", $"/{Tenant}",
                // Opening and closing the navigation drawer: an event and a render batch, no database.
                ClickSelector: "header .mud-icon-button", Settle: ".mud-drawer"),
            new Target("Wooncomplexen (lijst)", $"/{Tenant}/complexen",
                // Sorting by a column: an event, a query with a new order, a render batch.
                ClickSelector: "th .sortable-column-header", Settle: "main table tbody"),
            new Target("Wooncomplex (detail)", $"/{Tenant}/complexen/{complexId}",
                // Switching tabs: an event and a render batch.
                ClickSelector: ".mud-tabs .mud-tab:not(.mud-tab-active)", Settle: ".mud-tabs"),
        };

        var results = new List<Result>();
        foreach (var target in targets.Where(t => only.Length == 0 || t.Name.Contains(only, StringComparison.OrdinalIgnoreCase)))
        {
            Console.WriteLine($"== {target.Name} {target.Path}");
            var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.Address, Locale = "nl-NL", StorageState = storage });
            var page = await context.NewPageAsync();
            await LoadInteractiveAsync(page, target.Path); // warm-up: JIT, EF query compilation, static files cached

            // SQL statements of one page load: the HTTP request with its prerender, then the circuit starting.
            app.Sql.Clear();
            await LoadInteractiveAsync(page, target.Path);
            await page.WaitForTimeoutAsync(1500);
            var statements = app.Sql.Statements;
            var repeated = statements.GroupBy(s => s).Where(g => g.Count() > 1).Select(g => (Sql: g.Key, Count: g.Count())).ToList();

            // Time to interactive: navigation start until the circuit is up and the page rendered interactively.
            var tti = new List<double>();
            for (var i = 0; i < 5; i++)
            {
                var watch = Stopwatch.StartNew();
                await LoadInteractiveAsync(page, target.Path);
                tti.Add(watch.Elapsed.TotalMilliseconds);
            }

            await context.CloseAsync();

            Console.WriteLine($"   page load measured; opening {pages} pages");
    // Managed memory per open circuit, and the round trip of a click over N concurrent pages.
            var before = ManagedMemory();
            await GcDumpAsync(gcdumps, $"{Shape(target.Path).Trim('/').Replace('/', '-').Replace("{", "").Replace("}", "")}-before");
            var open = new List<(IBrowserContext Context, IPage Page)>();
            for (var i = 0; i < pages; i++)
            {
                var ctx = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.Address, Locale = "nl-NL", StorageState = storage });
                var p = await ctx.NewPageAsync();
                await LoadInteractiveAsync(p, target.Path);
                open.Add((ctx, p));
            }

            await Task.Delay(1000);
            var after = ManagedMemory();
            var perCircuit = (after - before) / (double)pages;
            await GcDumpAsync(gcdumps, $"{Shape(target.Path).Trim('/').Replace('/', '-').Replace("{", "").Replace("}", "")}-open");

            var roundTrips = (await Task.WhenAll(open.Select(o => ClickRoundTripsAsync(o.Page, target, clicks)))).SelectMany(x => x).ToList();
            foreach (var o in open)
            {
                await o.Context.CloseAsync();
            }

            results.Add(new Result(target, statements.Count, repeated, Median(tti), Percentile(roundTrips, 50), Percentile(roundTrips, 95), roundTrips.Count, perCircuit));
            Console.WriteLine($"   SQL statements: {statements.Count} (repeated: {repeated.Count}); TTI median {Median(tti):0} ms; click p50 {Percentile(roundTrips, 50):0.0} ms p95 {Percentile(roundTrips, 95):0.0} ms ({roundTrips.Count} clicks); memory per circuit {perCircuit / 1024:0} KB");
            foreach (var (sql, count) in repeated)
            {
                Console.WriteLine($"   repeated {count}x: {Shorten(sql)}");
            }
        }

        await File.WriteAllTextAsync(output, Report(results, pages, clicks, chromium));
        Console.WriteLine($"Wrote {output}");
        return 0;

        static async Task LoadInteractiveAsync(IPage page, string path)
        {
            await page.GotoAsync(path);
            await page.WaitForSelectorAsync("body[data-interactive='true']", new() { Timeout = 30_000 });
        }

        static async Task<List<double>> ClickRoundTripsAsync(IPage page, Target target, int clicks)
        {
            var times = new List<double>();
            for (var i = 0; i < clicks; i++)
            {
                // Measured in the browser: from the click until the server's render batch changes the DOM.
                var ms = await page.EvaluateAsync<double>(
                    """
                    async ([selector, settle]) => {
                      const target = document.querySelector(selector);
                      if (!target) throw new Error('no element for ' + selector);
                      const root = document.querySelector(settle) || document.body;
                      const started = performance.now();
                      const changed = new Promise(resolve => {
                        const observer = new MutationObserver(() => { observer.disconnect(); resolve(); });
                        observer.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
                      });
                      target.click();
                      await changed;
                      return performance.now() - started;
                    }
                    """, new[] { target.ClickSelector, target.Settle });
                times.Add(ms);
                await page.WaitForTimeoutAsync(50);
            }

            return times;
        }

        static async Task GcDumpAsync(string directory, string name)
        {
            if (directory.Length == 0)
            {
                return;
            }

            Directory.CreateDirectory(directory);
            var tool = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".dotnet", "tools", "dotnet-gcdump");
            using var process = Process.Start(new ProcessStartInfo(File.Exists(tool) ? tool : "dotnet-gcdump",
                $"collect -p {Environment.ProcessId} -o {Path.Combine(directory, name + ".gcdump")}") { RedirectStandardOutput = true })!;
            await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
        }

        static long ManagedMemory()
        {
            for (var i = 0; i < 3; i++)
            {
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
                GC.WaitForPendingFinalizers();
            }

            return GC.GetTotalMemory(forceFullCollection: true);
        }

        static double Median(List<double> values) => Percentile(values, 50);

        static double Percentile(List<double> values, double p)
        {
            if (values.Count == 0)
            {
                return double.NaN;
            }

            var sorted = values.Order().ToList();
            var rank = p / 100 * (sorted.Count - 1);
            var low = (int)Math.Floor(rank);
            var high = (int)Math.Ceiling(rank);
            return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
        }

        static string Shorten(string sql) => sql.Length > 160 ? sql[..160].Replace('\n', ' ') + "…" : sql.Replace('\n', ' ');

        string Report(List<Result> results, int pageCount, int clickCount, string chromiumPath)
        {
            var nl = CultureInfo.InvariantCulture;
            var text = new StringBuilder();
            text.AppendLine("# Benchmarks");
            text.AppendLine();
            text.AppendLine($"Written by `./plusflat bench` on {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC. Ratios and counts matter more than the absolute");
            text.AppendLine("times: these machines are shared and noisy. All figures come from one run.");
            text.AppendLine();
            text.AppendLine("## Machine");
            text.AppendLine();
            text.AppendLine($"- {Environment.ProcessorCount} cores ({CpuModel()}), {TotalMemoryGiB():0} GiB memory, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}");
            text.AppendLine($"- .NET {Environment.Version}, {(IsDebug() ? "Debug" : "Release")} build, server GC: {System.Runtime.GCSettings.IsServerGC}");
            text.AppendLine($"- {ChromiumVersion(chromiumPath)} (headless), PostgreSQL 15 embedded cluster on the same machine");
            text.AppendLine($"- Demo data of `lltf-amsterdam` (10 complexes), signed in as the programme lead");
            text.AppendLine();
            text.AppendLine("## Results");
            text.AppendLine();
            text.AppendLine($"| page | SQL statements per page load | of which repeated | time to interactive (median of 5) | click round trip p50 / p95 ({pageCount} concurrent pages, {pageCount * clickCount} clicks) | managed memory per open circuit |");
            text.AppendLine("| --- | --- | --- | --- | --- | --- |");
            foreach (var r in results)
            {
                text.AppendLine(string.Create(nl, $"| {r.Target.Name} (`{Shape(r.Target.Path)}`) | {r.Statements} | {r.Repeated.Count} | {r.Tti:0} ms | {r.P50:0.0} / {r.P95:0.0} ms | {r.MemoryPerCircuit / 1024:0} KB |"));
            }

            text.AppendLine();
            text.AppendLine("Targets (issue 6): no statement run twice in a page load; at most 0.5 MB (512 KB) managed memory per open circuit on the heaviest page.");
    text.AppendLine("Start page: drawer toggle (no database); list: sorting by a column (event, query, new rows); detail: switching tabs.");
            text.AppendLine();
            text.AppendLine("## How it is measured");
            text.AppendLine();
            text.AppendLine("- The portal runs in-process (WebApplicationFactory on a real Kestrel port) on a fresh embedded PostgreSQL with the demo data; Chromium is driven by Playwright.");
            text.AppendLine("- **SQL statements**: an EF Core command interceptor records every statement (text and parameter values) from the start of a page load — the HTTP request with its prerender, then the circuit starting — until 1.5 s after the page is interactive. \"Repeated\" counts statements sent more than once with the same text and values. The per-connection `set_config` of the tenant is not an EF command and not counted.");
            text.AppendLine("- **Time to interactive**: from `goto` until `<body data-interactive=\"true\">`, which the layout sets in its first interactive render (the circuit is up and handles events).");
            text.AppendLine($"- **Click round trip**: measured inside the page with `performance.now()`, from a click until a `MutationObserver` sees the server's render batch change the DOM; {clickCount} clicks on each of {pageCount} concurrently open pages, each with its own circuit. List: sorting by a column (an event, a database query, a render); detail: switching to another tab.");
            text.AppendLine($"- **Memory per circuit**: managed heap (`GC.GetTotalMemory` after forced full collections) with {pageCount} open circuits of the page minus the heap before opening them, divided by {pageCount}. It includes Playwright's small client-side objects in the same process, so it overstates slightly.");
            foreach (var r in results.Where(r => r.Repeated.Count > 0))
            {
                text.AppendLine();
                text.AppendLine($"Repeated statements on {r.Target.Name}:");
                text.AppendLine();
                foreach (var (sql, count) in r.Repeated)
                {
                    text.AppendLine($"- {count}×: `{Shorten(sql).Replace("`", "'")}`");
                }
            }

            return text.ToString();
        }

        /// <summary>The page's route with ids and the tenant named by their role, for the report.</summary>
    static string Shape(string path) => string.Join('/', path.Split('/').Select((part, i) =>
        i == 1 ? "{tenant}" : Guid.TryParse(part, out _) ? "{id}" : part));

    static string CpuModel()
        {
            try
            {
                return File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU";
            }
            catch (IOException)
            {
                return "unknown CPU";
            }
        }

        static double TotalMemoryGiB() => GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1024.0 / 1024 / 1024;

        static string ChromiumVersion(string path)
        {
            try
            {
                using var process = Process.Start(new ProcessStartInfo(path, "--version") { RedirectStandardOutput = true })!;
                return process.StandardOutput.ReadToEnd().Trim();
            }
            catch (System.ComponentModel.Win32Exception)
            {
                return "Chromium";
            }
        }

        static bool IsDebug() =>
            typeof(SqlRecorder).Assembly.GetCustomAttributes(false).OfType<DebuggableAttribute>().Any(a => a.IsJITTrackingEnabled);

        int IntArg(string name, int fallback) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;

        string StringArg(string name, string fallback) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;

    }

    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Plusflat.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? Directory.GetCurrentDirectory();
    }
}

internal sealed record Target(string Name, string Path, string ClickSelector, string Settle);

internal sealed record Result(Target Target, int Statements, List<(string Sql, int Count)> Repeated, double Tti, double P50, double P95, int Clicks, double MemoryPerCircuit);

/// <summary>The portal in-process on a real port, on a fresh embedded cluster, with the SQL recorder added to its DbContexts.</summary>
internal sealed class BenchmarkApp(string dataDirectory) : WebApplicationFactory<Program>
{
    public SqlRecorder Sql { get; } = new();

    public string Address { get; private set; } = "";

    public void Start()
    {
        UseKestrel(0);
        StartServer();
        Address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()
            .Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Benchmark");
        builder.UseContentRoot(Path.Combine(Bench.RepositoryRoot(), "src", "Plusflat.Web"));
        builder.UseSetting("Embedded:DataDirectory", Path.Combine(dataDirectory, "cluster"));
        builder.UseSetting("Embedded:Port", FreePort().ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Demo:Seed", "true");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.ConfigureServices(services => services.ConfigureDbContext<PlusflatDbContext>(options => options.AddInterceptors(Sql)));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
