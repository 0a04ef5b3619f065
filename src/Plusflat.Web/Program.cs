using Plusflat.Infrastructure.Database;
using Plusflat.Web.Startup;
using Serilog;

var builder = WebApplication.CreateBuilder(args);
// MudBlazor's and Blazor's files come from their packages; outside Development (tests, benchmark, Staging from
// `dotnet run`) they are found through the static web assets manifest too. A published app has no such manifest
// (its files are in wwwroot), and then this does nothing.
builder.WebHost.UseStaticWebAssets();
builder.ConfigurePlusflatLogging();

if (args.Contains("schema-script"))
{
    // Prints the EF model as SQL: a starting point for the next file in Migrations/ (EF Core Design is not available).
    Console.WriteLine(SchemaScript.FromModel());
    return 0;
}

using var startupLogger = new Serilog.Extensions.Logging.SerilogLoggerFactory(Log.Logger);
var logger = startupLogger.CreateLogger("Plusflat.Startup");
var database = await DatabaseSetup.ResolveAsync(
    builder.Configuration, builder.Environment.IsProduction(), builder.Environment.ContentRootPath, logger);

if (args.Contains("migrate"))
{
    // `dotnet run --project src/Plusflat.Web -- migrate`: apply migrations and stop (for deployments).
    await PlusflatStartup.MigrateAsync(database, logger);
    if (database.Embedded is not null)
    {
        await database.Embedded.StopAsync();
    }

    return 0;
}

builder.Services.AddPlusflat(builder.Configuration, builder.Environment, database);

var app = builder.Build();
await app.PreparePlusflatDatabaseAsync(database, logger);

if (args.Length > 0 && args[0] == "add-tenant")
{
    // `dotnet Plusflat.Web.dll add-tenant <slug> <kind> <name> <admin e-mail> <base url>`: the first tenant and admin of a fresh install.
    var exitCode = await AdminCommands.AddTenantAsync(app.Services, args[1..]);
    if (database.Embedded is not null)
    {
        await database.Embedded.StopAsync();
    }

    return exitCode;
}

if (args.Length > 0 && args[0] == "retention")
{
    // `dotnet run --project src/Plusflat.Web -- retention`: remove expired signal details now (the job runs daily anyway).
    var exitCode = await Plusflat.Web.Features.Signalling.SignalRetentionSetup.RunCommandAsync(app.Services);
    if (database.Embedded is not null)
    {
        await database.Embedded.StopAsync();
    }

    return exitCode;
}

app.UsePlusflat();
app.Lifetime.ApplicationStarted.Register(() => app.PrintWelcome(database));
if (database.Embedded is { } embedded)
{
    // Stopping the portal stops its private cluster; the next start reuses the data.
    app.Lifetime.ApplicationStopped.Register(() => embedded.StopAsync().GetAwaiter().GetResult());
}

// Read before running: a failed start disposes the app (and app.Urls with it).
var configuredUrls = (app.Configuration["urls"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries);
try
{
    await app.RunAsync();
}
catch (Exception ex) when (PortInUse.Is(ex))
{
    // One clear line instead of a stack trace, and the private cluster this start began is stopped again.
    Console.Error.WriteLine(PortInUse.Message(ex, configuredUrls));
    if (database.Embedded is { StartedByThisProcess: true } started)
    {
        await started.StopAsync();
    }

    return 1;
}

return 0;

/// <summary>Entry point, public so the test host (WebApplicationFactory) can start it.</summary>
public partial class Program;
