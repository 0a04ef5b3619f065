using System.Globalization;
using Plusflat.Domain.Tenancy;
using Plusflat.Web.Features.Shared;
using Plusflat.Web.Tenancy;

namespace Plusflat.Web.Features.Signalling;

public sealed record SignallingSettingsRequest(int? RetentionMonths, [property: OptionalInPut] uint? Version);

public sealed record SignallingSettingsResponse(int RetentionMonths, uint Version);

/// <summary>
/// Counts-only endpoints of early signalling for leads and observers: the programme's signal counts per complex,
/// category and month (JSON, CSV, .xlsx), one complex's counts as .xlsx, the overdue-action counts, and the
/// programme's retention period. Never a resident code, description or action.
/// </summary>
public static class SignalCountsApi
{
    public static RouteGroupBuilder Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("").WithTags("Signalling");
        group.MapGet("/signal-counts", async (string? from, string? to, Guid? complexId, GetProgrammeSignalCountsHandler handler, TimeProvider clock, CancellationToken ct) =>
                Period(from, to, clock, out var start, out var end) is { } bad ? bad : Results.Ok(await handler.GetAsync(start, end, complexId, ct)))
            .WithName("GetProgrammeSignalCounts")
            .WithSummary("Signal counts per complex, month and category for the programme (default: the last 12 months). Counts 1 and 2 as \"< 3\" with count null. Never details.")
            .WithMetadata(new RequirePermissionAttribute(Permission.ViewSignalCounts)).Produces<ProgrammeSignalCountsView>().ProducesValidationProblem();

        group.MapGet("/signal-counts.csv", async (string? from, string? to, Guid? complexId, GetProgrammeSignalCountsHandler handler, TimeProvider clock, CancellationToken ct) =>
            {
                if (Period(from, to, clock, out var start, out var end) is { } bad)
                {
                    return bad;
                }

                var view = await handler.GetAsync(start, end, complexId, ct);
                return Results.File(GetProgrammeSignalCountsHandler.Csv(view.Rows), "text/csv; charset=utf-8", $"signalen-{view.From}-{view.To}.csv");
            })
            .WithName("ExportProgrammeSignalCountsCsv")
            .WithSummary("The programme's signal counts per complex, month and category as CSV (semicolon-separated; counts 1 and 2 as \"< 3\"). Counts only.")
            .WithMetadata(new RequirePermissionAttribute(Permission.ViewSignalCounts)).Produces(StatusCodes.Status200OK, contentType: "text/csv").ProducesValidationProblem();

        group.MapGet("/signal-counts.xlsx", async (string? from, string? to, Guid? complexId, GetProgrammeSignalCountsHandler handler, TimeProvider clock, CancellationToken ct) =>
            {
                if (Period(from, to, clock, out var start, out var end) is { } bad)
                {
                    return bad;
                }

                var view = await handler.GetAsync(start, end, complexId, ct);
                return Results.File(GetProgrammeSignalCountsHandler.Xlsx(view.Rows), GetProgrammeSignalCountsHandler.XlsxContentType, $"signalen-{view.From}-{view.To}.xlsx");
            })
            .WithName("ExportProgrammeSignalCountsXlsx")
            .WithSummary("The programme's signal counts per complex, month and category as .xlsx (a number cell, or the text \"< 3\"). Counts only.")
            .WithMetadata(new RequirePermissionAttribute(Permission.ViewSignalCounts))
            .Produces(StatusCodes.Status200OK, contentType: GetProgrammeSignalCountsHandler.XlsxContentType).ProducesValidationProblem();

        group.MapGet("/complexes/{id:guid}/signal-counts.xlsx", async (Guid id, string? from, string? to, GetSignalCountsHandler handler, TimeProvider clock, CancellationToken ct) =>
            {
                if (Period(from, to, clock, out var start, out var end) is { } bad)
                {
                    return bad;
                }

                if (await handler.GetAsync(id, start, end, ct) is not { } view)
                {
                    return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Niet gevonden");
                }

                var rows = view.Rows.Select(r => new ComplexCountRow(view.ComplexId, view.ComplexName, r.Month, r.Category, r.Count, r.Shown));
                return Results.File(GetProgrammeSignalCountsHandler.Xlsx(rows), GetProgrammeSignalCountsHandler.XlsxContentType, $"signalen-{view.From}-{view.To}.xlsx");
            })
            .WithName("ExportSignalCountsXlsx")
            .WithSummary("One complex's signal counts per month and category as .xlsx (counts 1 and 2 as \"< 3\"). Counts only.")
            .WithMetadata(new RequirePermissionAttribute(Permission.ViewSignalCounts))
            .Produces(StatusCodes.Status200OK, contentType: GetProgrammeSignalCountsHandler.XlsxContentType).ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/overdue-actions", async (GetOverdueCountsHandler handler, CancellationToken ct) =>
                Results.Ok(await handler.ProgrammeAsync(ct)))
            .WithName("GetOverdueActionCounts")
            .WithSummary("How many open actions are past their due date per complex (counts 1 and 2 as \"< 3\", count null; the total adds only shown counts). Counts only.")
            .WithMetadata(new RequirePermissionAttribute(Permission.ViewSignalCounts)).Produces<OverdueCounts>();

        group.MapGet("/signalling-settings", async (GetSignallingSettingsHandler handler, CancellationToken ct) =>
            {
                var settings = await handler.GetAsync(ct);
                return Results.Ok(new SignallingSettingsResponse(settings.RetentionMonths!.Value, settings.Version));
            })
            .WithName("GetSignallingSettings").WithSummary("The programme's retention period: months after closing that a signal's code and description are kept (default 24).")
            .WithMetadata(new RequirePermissionAttribute(Permission.ViewProgramme)).Produces<SignallingSettingsResponse>();

        group.MapPut("/signalling-settings", async (HttpRequest http, SaveSignallingSettingsHandler save, GetSignallingSettingsHandler get, CancellationToken ct) =>
            {
                var (request, problem) = await ApiBody.ReadAsync<SignallingSettingsRequest>(http, ct);
                if (request is null)
                {
                    return problem!;
                }

                var result = await save.SaveAsync(new SignallingSettingsInput { RetentionMonths = request.RetentionMonths, Version = request.Version ?? 0 }, ct);
                if (result.Kind == ResultKind.Conflict)
                {
                    var current = await get.GetAsync(ct);
                    return Results.Conflict(new SignallingSettingsResponse(current.RetentionMonths!.Value, current.Version));
                }

                return ApiResults.From(result, Results.NoContent);
            })
            .WithName("SaveSignallingSettings").WithSummary("Sets the retention period (6–120 months). A stale version is a 409 with the stored value.")
            .WithMetadata(new RequirePermissionAttribute(Permission.EditProgramme))
            .Accepts<SignallingSettingsRequest>("application/json").ProducesValidationProblem().Produces<SignallingSettingsResponse>(StatusCodes.Status409Conflict);
        return api;
    }

    /// <summary>The period from JJJJ-MM query values; the last 12 months by default. Null when both are fine, else the 400.</summary>
    private static IResult? Period(string? from, string? to, TimeProvider clock, out DateOnly start, out DateOnly end)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var errors = new Dictionary<string, string[]>();
        if (!TryMonth(from, today.AddMonths(-11), out start))
        {
            errors["from"] = ["Geef een maand als JJJJ-MM."];
        }

        if (!TryMonth(to, today, out end))
        {
            errors["to"] = ["Geef een maand als JJJJ-MM."];
        }

        return errors.Count > 0 ? Results.ValidationProblem(errors, title: ApiBody.InvalidTitle) : null;
    }

    public static bool TryMonth(string? value, DateOnly fallback, out DateOnly month)
    {
        if (string.IsNullOrEmpty(value))
        {
            month = new DateOnly(fallback.Year, fallback.Month, 1);
            return true;
        }

        return DateOnly.TryParseExact(value + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out month);
    }
}
