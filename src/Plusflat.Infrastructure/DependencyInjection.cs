using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Plusflat.Infrastructure.Persistence;
using Plusflat.Infrastructure.Tenancy;

namespace Plusflat.Infrastructure;

public static class DependencyInjection
{
    /// <summary>
    /// Registers the DbContext per scope (deliberately not pooled) on one Npgsql data source with the
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

        var dataSource = new NpgsqlDataSourceBuilder(appConnectionString).Build();
        services.AddSingleton(dataSource);
        services.AddSingleton<TenantConnectionInterceptor>();
        services.AddScoped<TenantScope>();
        services.AddDbContext<PlusflatDbContext>((provider, options) => options
            .UseNpgsql(provider.GetRequiredService<NpgsqlDataSource>())
            .UseSnakeCaseNamingConvention()
            .AddInterceptors(provider.GetRequiredService<TenantConnectionInterceptor>()));
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
