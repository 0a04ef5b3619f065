using FluentValidation;
using Plusflat.Infrastructure;
using Plusflat.Infrastructure.Database;
using Plusflat.Infrastructure.Demo;
using Plusflat.Infrastructure.Persistence;
using Plusflat.Web.Features.Account;
using Plusflat.Web.Features.Members;
using Plusflat.Web.Tenancy;

namespace Plusflat.Web.Startup;

/// <summary>The portal's services (by concern: <see cref="SecuritySetup"/>, <see cref="UiSetup"/>, features) and its database start-up.</summary>
public static class PlusflatStartup
{
    public static IServiceCollection AddPlusflat(
        this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment, DatabaseConnection database)
    {
        services.AddSingleton(database);
        services.AddSingleton(TimeProvider.System);
        services.AddPlusflatPersistence(database.AppConnectionString);
        services.AddPlusflatSecurity(configuration, environment);
        services.AddPlusflatUi(environment);
        services.AddAntiforgery(options => options.Cookie.Name = "plusflat.af");
        services.AddHttpContextAccessor();
        services.AddProblemDetails();
        services.AddOpenApi();
        services.AddHealthChecks().AddDbContextCheck<PlusflatDbContext>("database");
        services.AddScoped<CurrentTenant>();
        services.AddScoped<TenantResolver>();
        services.AddScoped<UserDirectory>();
        services.AddScoped<IInvitationSender, OutboxInvitationSender>();
        services.AddSingleton<IDemoTenantContent, DemoProgrammeContent>();
        services.AddSingleton<IDemoTenantContent, DemoAdmissionContent>(); // after the complexes it assesses
        services.AddSingleton<IDemoTenantContent, DemoStandardContent>(); // after the gates it builds on
        services.AddSingleton<IDemoTenantContent, Plusflat.Infrastructure.Demo.DemoBusinessCaseContent>();
        services.AddSingleton<IDemoTenantContent, DemoSignallingContent>();
        services.AddSingleton<IDemoTenantContent, Plusflat.Infrastructure.Demo.DemoDosContent>(); // last: DOS budgets of the zorgkantoren
        services.AddSingleton<IDemoTenantContent, Features.DosApplications.DemoDosApplications>(); // after the budgets: applications made by the handlers
        services.AddValidatorsFromAssemblyContaining<Program>(ServiceLifetime.Singleton, includeInternalTypes: true);
        services.AddFeatureHandlers();
        Plusflat.Web.Features.Signalling.SignalRetentionSetup.AddSignalRetention(services, configuration);
        services.AddPlusflatAccounts(configuration);
        return services;
    }

    public static async Task MigrateAsync(DatabaseConnection database, Microsoft.Extensions.Logging.ILogger logger)
    {
        if (database.OwnerConnectionString is null)
        {
            logger.LogWarning("ConnectionStrings:PlusflatOwner is not set: migrations are not applied by this instance.");
            return;
        }

        var migrator = new Migrator(database.OwnerConnectionString, DatabaseSetup.AppRoleOf(database.AppConnectionString), logger);
        await migrator.MigrateAsync();
    }

    public static async Task PreparePlusflatDatabaseAsync(this WebApplication app, DatabaseConnection database, Microsoft.Extensions.Logging.ILogger logger)
    {
        if (app.Configuration.GetValue("Database:MigrateOnStartup", true))
        {
            await MigrateAsync(database, logger);
        }

        // Demo data only outside Production, and only when asked for (Development and the embedded default ask).
        var seed = !app.Environment.IsProduction()
                   && (database.IsEmbedded || app.Configuration.GetValue("Demo:Seed", false));
        if (seed)
        {
            await DemoSeeder.SeedAsync(app.Services, logger);
        }
    }

    public static void PrintWelcome(this WebApplication app, DatabaseConnection database)
    {
        var url = app.Urls.FirstOrDefault() ?? "http://localhost:5080";
        var lines = new List<string>
        {
            "",
            $"  Plusflat portal runs on {url}",
            database.IsEmbedded ? $"  Database: embedded PostgreSQL in {database.Embedded!.DataDirectory} (port {database.Embedded.Port})" : "  Database: configured server",
        };
        if (!app.Environment.IsProduction() && database.IsEmbedded)
        {
            lines.Add($"  Demo accounts (password {DemoSeeder.DemoPassword}):");
            lines.AddRange(DemoSeeder.Accounts.Select(a => $"    {a.Email,-40} {a.Description}"));
        }

        lines.Add("  Stop with Ctrl+C.");
        Console.WriteLine(string.Join(Environment.NewLine, lines));
    }
}
