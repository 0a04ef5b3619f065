using Plusflat.Domain.Monitoring;
using Plusflat.Domain.Tenancy;
using Plusflat.Web.Features.Shared;
using Plusflat.Web.Tenancy;

namespace Plusflat.Web.Features.Monitoring;

/// <summary>The baseline: <c>values</c> maps an indicator key to its value (leave a key out, or null, when it was not measured).</summary>
public sealed record BaselineRequest(DateOnly? MeasuredOn, Dictionary<string, decimal?>? Values, string? Notes, [property: OptionalInPut] uint? Version);

/// <summary>A quarter's values by indicator key; <c>version</c> the stored quarter's (left out when the quarter has none yet).</summary>
public sealed record QuarterRequest(Dictionary<string, decimal?>? Values, [property: OptionalInPut] uint? Version);

/// <summary>JSON API of monitoring: the dataset, a complex's baseline and quarterly values, its whole monitoring. Same handlers and rights as the pages.</summary>
public static class MonitoringApi
{
    public static RouteGroupBuilder Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("").WithTags("Monitoring");
        group.MapGet("/indicators", async (GetMonitoringHandler handler, CancellationToken ct) => Results.Ok(await handler.CatalogueAsync(ct)))
            .WithName("GetIndicators")
            .WithSummary("The programme's minimal dataset (annex A unless the programme made its own version): per indicator a stable key, name, unit, direction (lowerIsBetter | higherIsBetter), definition, source and allowed range.")
            .WithMetadata(new RequirePermissionAttribute(Permission.ViewProgramme)).Produces<CatalogueView>();

        group.MapGet("/complexes/{id:guid}/monitoring", async (Guid id, GetMonitoringHandler handler, CancellationToken ct) =>
                await handler.GetAsync(id, ct) is { } view ? Results.Ok(view) : NotFound())
            .WithName("GetComplexMonitoring")
            .WithSummary("A complex's monitoring: the baseline, every quarter from the baseline's to today's (newest first) with each indicator against the baseline and the quarter before, the early-signalling counts per category per quarter (1 and 2 as \"< 3\"), and the review rhythm.")
            .WithMetadata(new RequirePermissionAttribute(Permission.ViewProgramme)).Produces<MonitoringView>().ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/complexes/{id:guid}/baseline", async (Guid id, GetMonitoringHandler handler, CancellationToken ct) =>
                await handler.GetAsync(id, ct) is { Baseline: { } baseline } ? Results.Ok(baseline) : NotFound())
            .WithName("GetBaseline")
            .WithSummary("The complex's baseline (nulmeting): date, values by indicator key, notes, version. 404 when the complex has none yet.")
            .WithMetadata(new RequirePermissionAttribute(Permission.ViewProgramme)).Produces<BaselineView>().ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPut("/complexes/{id:guid}/baseline", async (Guid id, HttpRequest http, SaveMonitoringHandler save, GetMonitoringHandler get, CancellationToken ct) =>
            {
                var (request, problem) = await ApiBody.ReadAsync<BaselineRequest>(http, ct);
                if (request is null)
                {
                    return problem!;
                }

                var input = new BaselineInput { MeasuredOn = request.MeasuredOn, Values = new(request.Values ?? [], StringComparer.Ordinal), Notes = request.Notes, Version = request.Version };
                var result = await save.SaveBaselineAsync(id, input, ct);
                if (result.Kind == ResultKind.Conflict && await get.GetAsync(id, ct) is { } stored)
                {
                    return ApiResults.Conflict(stored.Baseline!);
                }

                return ApiResults.From(result, Results.NoContent);
            })
            .WithName("SaveBaseline")
            .WithSummary("Records or corrects the baseline: `measuredOn` (not in the future, not after a quarter that has values), `values` by indicator key within each indicator's range, `notes`. `version`: the stored baseline's, left out for the first (409 with the stored one otherwise).")
            .WithMetadata(new RequirePermissionAttribute(Permission.EditProgramme))
            .Accepts<BaselineRequest>("application/json").ProducesValidationProblem().Produces<BaselineView>(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/complexes/{id:guid}/indicator-values/{quarter}", async (Guid id, string quarter, GetMonitoringHandler handler, CancellationToken ct) =>
            {
                if (Quarter.TryParse(quarter) is not { } q)
                {
                    return ApiBody.Invalid("quarter", Quarter.FormatMessage);
                }

                return await handler.GetAsync(id, ct) is { } view && view.Find(q.ToString()) is { Recorded: true } values ? Results.Ok(values) : NotFound();
            })
            .WithName("GetIndicatorValues")
            .WithSummary("One quarter's values (quarter as `2027Q1`) with each indicator against the baseline and the quarter before, and the signal counts of that quarter. 404 when the quarter has no values.")
            .WithMetadata(new RequirePermissionAttribute(Permission.ViewProgramme)).Produces<QuarterView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPut("/complexes/{id:guid}/indicator-values/{quarter}", async (Guid id, string quarter, HttpRequest http, SaveMonitoringHandler save, GetMonitoringHandler get, CancellationToken ct) =>
            {
                if (Quarter.TryParse(quarter) is not { } q)
                {
                    return ApiBody.Invalid("quarter", Quarter.FormatMessage);
                }

                var (request, problem) = await ApiBody.ReadAsync<QuarterRequest>(http, ct);
                if (request is null)
                {
                    return problem!;
                }

                var result = await save.SaveQuarterAsync(id, q, new QuarterInput { Values = new(request.Values ?? [], StringComparer.Ordinal), Version = request.Version }, ct);
                if (result.Kind == ResultKind.Conflict && await get.GetAsync(id, ct) is { } stored)
                {
                    return ApiResults.Conflict(stored.Find(q.ToString())?.Recorded == true ? stored.Find(q.ToString())! : new { quarter = q.ToString(), recorded = false });
                }

                return ApiResults.From(result, Results.NoContent);
            })
            .WithName("SaveIndicatorValues")
            .WithSummary("Records or replaces one quarter's values (quarter as `2027Q1`, not before the baseline's quarter, not one that has not begun): `values` by indicator key within range. `version`: the stored quarter's, left out for a new one (409 with the stored values otherwise).")
            .WithMetadata(new RequirePermissionAttribute(Permission.EditProgramme))
            .Accepts<QuarterRequest>("application/json").ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status404NotFound);
        IndicatorValueApi.Map(group);
        return api;
    }

    private static IResult NotFound() => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Niet gevonden");
}
