using Plusflat.Domain.Tenancy;
using Plusflat.Web.Tenancy;

namespace Plusflat.Web.Features.Monitoring;

/// <summary>JSON API of the zorgkantoor's benchmark: the same handler and right as the page.</summary>
public static class BenchmarkApi
{
    public static RouteGroupBuilder Map(RouteGroupBuilder api)
    {
        api.MapGet("/benchmark", async (GetBenchmarkHandler handler, CancellationToken ct) => Results.Ok(await handler.GetAsync(ct)))
            .WithTags("Benchmark")
            .WithName("GetBenchmark")
            .WithSummary("For a zorgkantoor: the complexes of the Plusflat labels it granted (label, programme, municipality) and, per indicator of the minimal dataset, each complex side by side: its baseline, the newest quarter with a value (`2027Q1`), that value and the change against the baseline read with the indicator's direction (better | unchanged | worse | unknown). Nothing else of the programmes. 403 for a programme.")
            .WithMetadata(new RequirePermissionAttribute(Permission.ViewReceivedApplications))
            .Produces<BenchmarkView>().ProducesProblem(StatusCodes.Status403Forbidden);
        return api;
    }
}
