using Plusflat.Web.Features.Account;

namespace Plusflat.Web.Startup;

/// <summary>Each feature slice's handlers and API endpoints, registered in one visible place.</summary>
public static class FeatureRegistration
{
    public static IServiceCollection AddFeatureHandlers(this IServiceCollection services)
    {
        // Handlers are plain classes named *Handler in the feature folders; one instance per request.
        foreach (var type in typeof(FeatureRegistration).Assembly.GetTypes()
                     .Where(t => t is { IsClass: true, IsAbstract: false } && t.Name.EndsWith("Handler", StringComparison.Ordinal)
                                 && t.Namespace?.StartsWith("Plusflat.Web.Features", StringComparison.Ordinal) == true))
        {
            services.AddScoped(type);
        }

        return services;
    }

    public static IEndpointRouteBuilder MapFeatureApis(this IEndpointRouteBuilder app)
    {
        return app;
    }

    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app) => AccountEndpoints.Map(app);
}
