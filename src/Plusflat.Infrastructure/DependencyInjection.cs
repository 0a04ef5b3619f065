using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Plusflat.Infrastructure.Persistence;
using Plusflat.Infrastructure.Tenancy;

namespace Plusflat.Infrastructure;

public static class DependencyInjection
{
    /// <summary>
    /// Registers the DbContext factory per scope (deliberately not pooled) on one Npgsql data source with the
    /// tenant connection interceptor. Multiplexing stays off and Npgsql's reset on close stays on:
    /// both would let a connection carry one tenant's setting into the next lease.
    /// </summary>
    public static IServiceCollection AddPlusflatPersistence(this IServiceCollection services, string appConnectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(appConnectionString);
        if (builder.Multiplexing || builder.NoResetOnClose)
        {
            throw new InvalidOperationException(
                "Multiplexing and No Reset On Close must be off: they would carry a tenant across connection leases.");
        }

        // Made by the container (not handed to it as an instance), so the container disposes it with the host and its
        // pooled connections close: an instance registered ready-made is never disposed, and each test host left its pool open.
        services.AddSingleton(_ => new NpgsqlDataSourceBuilder(appConnectionString).Build());
        services.AddSingleton<TenantConnectionInterceptor>();
        services.AddScoped<TenantScope>();
        // A scoped factory (not EF's default singleton): each context it makes is built in the caller's scope,
        // so it takes that scope's TenantScope. Features create one context per operation with it; the scoped
        // PlusflatDbContext stays for ASP.NET Core Identity, data protection and the health check.
        services.AddDbContextFactory<PlusflatDbContext>(
            (provider, options) => options
                .UseNpgsql(provider.GetRequiredService<NpgsqlDataSource>())
                .UseSnakeCaseNamingConvention()
                .AddInterceptors(provider.GetRequiredService<TenantConnectionInterceptor>()),
            ServiceLifetime.Scoped);
        services.AddScoped(provider => provider.GetRequiredService<IDbContextFactory<PlusflatDbContext>>().CreateDbContext());
        return services;
    }

    /// <summary>Options for a context on another connection string (owner, tests) with the same model.</summary>
    public static DbContextOptions<PlusflatDbContext> OptionsFor(string connectionString) =>
        new DbContextOptionsBuilder<PlusflatDbContext>()
            .UseNpgsql(connectionString)
            .UseSnakeCaseNamingConvention()
            .AddInterceptors(new TenantConnectionInterceptor())
            .Options;
}
