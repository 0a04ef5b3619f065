using Plusflat.Web.Features.Account;
using Plusflat.Web.Features.Admission;
using Plusflat.Web.Features.Complexes;
using Plusflat.Web.Features.Organisations;

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

        Plusflat.Web.Features.Signalling.SignallingRegistration.AddSignalling(services);
        return services;
    }

    /// <summary>The JSON API: every route names its tenant; the tenant middleware checks membership (404) and permissions (403).</summary>
    public static IEndpointRouteBuilder MapFeatureApis(this IEndpointRouteBuilder app)
    {
        // The API answers with problem details of its own; never re-run an HTML error page for it.
        var api = app.MapGroup("/api/v1/{tenant}").DisableAntiforgery().WithMetadata(new Plusflat.Web.Features.Shared.SkipHtmlStatusCodePages());
        OrganisationApi.Map(api);
        ComplexApi.Map(api);
        AdmissionApi.Map(api);
        ComplexApi.MapExport(app);
        Plusflat.Web.Features.Standard.StandardApi.Map(api);
        Plusflat.Web.Features.Standard.StandardApi.MapReport(app);
        Plusflat.Web.Features.Partners.PartnerApi.Map(api);
        Plusflat.Web.Features.BusinessCases.BusinessCaseApi.Map(api);
        Plusflat.Web.Features.Signalling.SignallingApi.Map(api);
        Plusflat.Web.Features.Signalling.SignalCountsApi.Map(api);
        Plusflat.Web.Features.DosApplications.DosApi.Map(api);
        Plusflat.Web.Features.DosApplications.DosApi.MapLetter(app);
        Plusflat.Web.Features.Monitoring.MonitoringApi.Map(api);
        Plusflat.Web.Features.Dashboard.DashboardApi.Map(api);
        Plusflat.Web.Features.Dashboard.DashboardApi.MapReport(app);
        return app;
    }

    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app) => AccountEndpoints.Map(app);
}
