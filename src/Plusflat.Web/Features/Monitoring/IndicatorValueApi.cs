using Plusflat.Domain.Monitoring;
using Plusflat.Domain.Tenancy;
using Plusflat.Web.Features.Shared;
using Plusflat.Web.Tenancy;

namespace Plusflat.Web.Features.Monitoring;

/// <summary>The JSON API of the indicator-value files: import (with a dry run that answers the preview), export and template.</summary>
public static class IndicatorValueApi
{
    public static RouteGroupBuilder Map(RouteGroupBuilder group)
    {
        group.MapPost("/indicator-values/import", async (HttpRequest http, ImportIndicatorValuesHandler handler, bool? dryRun, CancellationToken ct) =>
            {
                var (file, problem) = await ReadFileAsync(http, ct);
                if (file is null)
                {
                    return problem!;
                }

                var report = dryRun == true ? await handler.PreviewAsync(file, ct) : await handler.ImportAsync(file, null, ct);
                if (report.Conflict)
                {
                    return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: ImportIndicatorValuesHandler.StaleMessage);
                }

                return report.Clean ? Results.Ok(report) : BadFile(report);
            })
            .WithName("ImportIndicatorValues")
            .WithSummary("Imports quarterly (and baseline) values from a CSV or .xlsx in the template's shape: columns Wooncomplex, Postcode (only when two complexes share a name), Indicator (key or name), Kwartaal (`2027Q1`, or `nulmeting`), Waarde; other columns and rows starting with `#` are ignored.")
            .WithDescription("Send the file as `multipart/form-data` (field `file`) or as the raw body (`text/csv`, the .xlsx content type or `application/octet-stream`). Every row is checked: unknown complex, "
                             + "unknown indicator, a quarter before the baseline or not begun, no baseline, a duplicate row, not a number, out of the indicator's range. Nothing is "
                             + "imported unless the whole file is clean (400 problem details listing each bad row under `errors[\"rows[n]\"]` and every row in `rows`); a clean file "
                             + "merges each value into its quarter (other indicators stay) in one transaction and answers the report. `dryRun=true` answers the same preview "
                             + "without writing. 409 when someone saved a touched quarter meanwhile.")
            .WithMetadata(new RequirePermissionAttribute(Permission.EditProgramme))
            // One Accepts: each call replaces the content types the route matches (another type is a 415).
            .Accepts<IFormFile>("multipart/form-data", "text/csv", IndicatorValueSheets.XlsxContentType, "application/octet-stream")
            .Produces<ImportReport>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

        group.MapGet("/indicator-values/export", async (ExportIndicatorValuesHandler handler, CurrentTenant current, string? format, CancellationToken ct) =>
                Format(format) is not { } kind ? ApiBody.Invalid("format", FormatMessage)
                : Results.File(await handler.ExportAsync(kind, ct), ContentType(kind), $"indicatorwaarden-{current.Slug}.{kind}"))
            .WithName("ExportIndicatorValues")
            .WithSummary("Every stored value (each baseline as `nulmeting`, then each quarter) of the complexes the user may see, as CSV (semicolons, decimal comma) or .xlsx (`format=csv|xlsx`), in the import's shape: an export re-imports unchanged.")
            .WithMetadata(new RequirePermissionAttribute(Permission.ViewProgramme))
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .Produces(StatusCodes.Status200OK, contentType: IndicatorValueSheets.XlsxContentType)
            .ProducesValidationProblem();

        group.MapGet("/indicator-values/template", async (ExportIndicatorValuesHandler handler, string? format, CancellationToken ct) =>
                Format(format) is not { } kind ? ApiBody.Invalid("format", FormatMessage)
                : Results.File(await handler.TemplateAsync(kind, ct), ContentType(kind), $"sjabloon-indicatorwaarden.{kind}"))
            .WithName("GetIndicatorValuesTemplate")
            .WithSummary("The empty import template (`format=csv|xlsx`): the header, instructions and an example as rows starting with `#`, and the dataset's indicator keys with their ranges.")
            .WithMetadata(new RequirePermissionAttribute(Permission.ViewProgramme))
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .Produces(StatusCodes.Status200OK, contentType: IndicatorValueSheets.XlsxContentType)
            .ProducesValidationProblem();
        return group;
    }

    private const string FormatMessage = "Kies het formaat csv of xlsx.";

    private static string? Format(string? format) => (format?.Trim().ToLowerInvariant() ?? "csv") switch
    {
        "csv" => "csv",
        "xlsx" => "xlsx",
        _ => null,
    };

    private static string ContentType(string format) => format == "xlsx" ? IndicatorValueSheets.XlsxContentType : IndicatorValueSheets.CsvContentType;

    /// <summary>The file from a multipart form (field "file", or the only file) or the raw body, at most <see cref="ImportIndicatorValuesHandler.MaximumBytes"/>.</summary>
    private static async Task<(byte[]? File, IResult? Problem)> ReadFileAsync(HttpRequest http, CancellationToken ct)
    {
        if (http.ContentLength > ImportIndicatorValuesHandler.MaximumBytes)
        {
            return (null, TooLarge());
        }

        Stream source;
        if (http.HasFormContentType)
        {
            var form = await http.ReadFormAsync(ct);
            var file = form.Files.GetFile("file") ?? (form.Files.Count == 1 ? form.Files[0] : null);
            if (file is null)
            {
                return (null, ApiBody.Invalid("file", "Stuur het bestand mee in het veld 'file'."));
            }

            if (file.Length > ImportIndicatorValuesHandler.MaximumBytes)
            {
                return (null, TooLarge());
            }

            source = file.OpenReadStream();
        }
        else
        {
            source = http.Body;
        }

        await using (source)
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await source.ReadAsync(chunk, ct)) > 0)
            {
                if (buffer.Length + read > ImportIndicatorValuesHandler.MaximumBytes)
                {
                    return (null, TooLarge());
                }

                buffer.Write(chunk, 0, read);
            }

            return buffer.Length == 0 ? (null, ApiBody.Invalid("file", "Het bestand is leeg.")) : (buffer.ToArray(), null);
        }
    }

    private static IResult TooLarge() =>
        Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: ImportIndicatorValuesHandler.TooLargeMessage);

    /// <summary>400: the file's own problems under "file", each bad row under "rows[n]" (column: reason), and every row for a preview.</summary>
    private static IResult BadFile(ImportReport report)
    {
        var errors = new Dictionary<string, string[]>();
        if (report.FileErrors.Count > 0)
        {
            errors["file"] = [.. report.FileErrors];
        }

        foreach (var row in report.Rows.Where(r => r.Effect == ImportRowEffect.Refused))
        {
            errors[$"rows[{row.Row}]"] = [.. row.Problems.Select(p => p.Column is null ? p.Message : $"{p.Column}: {p.Message}")];
        }

        return Results.ValidationProblem(errors, title: "Het bestand is niet geïmporteerd: los eerst de genoemde rijen op.",
            extensions: new Dictionary<string, object?> { ["dryRun"] = report.DryRun, ["rows"] = report.Rows });
    }
}
