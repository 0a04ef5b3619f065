using System.Text.Json;
using Plusflat.Domain.Standard;
using Plusflat.Domain.Tenancy;
using Plusflat.Web.Features.Shared;
using Plusflat.Web.Tenancy;

namespace Plusflat.Web.Features.Standard;

public sealed record StandardCatalogueItemResponse(string Key, string Domain, string Kind, string Text);

public sealed record StandardCatalogueResponse(int Version, string Name, IReadOnlyList<StandardCatalogueItemResponse> Items);

public sealed record StandardKeyText(string Key, string Text);

public sealed record StandardItemResponse(string Key, string Domain, string Kind, string Text, string? Status, string? Evidence);

public sealed record StandardResponse(
    bool Eligible, bool GatePassed, IReadOnlyList<StandardKeyText> MissingMusts, IReadOnlyList<StandardKeyText> Exclusions,
    IReadOnlyList<StandardKeyText> Accelerators, int CatalogueVersion, DateTimeOffset? AssessedAt, string? AssessedBy, DateOnly? DueAt,
    string Due, int? Version, IReadOnlyList<StandardItemResponse> Items);

public sealed record StandardItemRequest(string? Key, string? Status, string? Evidence);

/// <summary>A new version of the standard: every item with a stable key (kebab-case), domain, kind (must | should | not) and text.</summary>
public sealed record StandardVersionRequest(string? Name, int? BasedOnVersion, List<StandardCatalogueItemRequest?>? Items);

public sealed record StandardCatalogueItemRequest(string? Key, string? Domain, string? Kind, string? Text);

public sealed record StandardAssessmentRequest(List<StandardItemRequest?>? Items, [property: OptionalInPut] int? Version);

/// <summary>JSON API of the product standard: the catalogue, and a complex's assessment. Same handlers and permissions as the page.</summary>
public static class StandardApi
{
    public static RouteGroupBuilder Map(RouteGroupBuilder api)
    {
        api.MapGet("/standard-catalogue", async (GetStandardHandler handler, CancellationToken ct) =>
            {
                return Results.Ok(ToResponse(await handler.CatalogueAsync(ct)));
            })
            .WithTags("Standard").WithName("GetStandardCatalogue")
            .WithSummary("The newest version of the programme's product standard: per domain the must, should and not items, each with a stable key.")
            .WithMetadata(new RequirePermissionAttribute(Permission.ViewProgramme))
            .Produces<StandardCatalogueResponse>();

        api.MapPost("/standard-catalogue", async (HttpRequest http, AddStandardVersionHandler add, GetStandardHandler get, CurrentTenant current, CancellationToken ct) =>
            {
                var (request, problem) = await ApiBody.ReadAsync<StandardVersionRequest>(http, ct);
                if (request is null)
                {
                    return problem!;
                }

                if (ToInput(request, out var input) is { } invalid)
                {
                    return invalid;
                }

                var result = await add.AddAsync(input, ct);
                if (result.Kind == ResultKind.Conflict)
                {
                    return ApiResults.Conflict(ToResponse(await get.CatalogueAsync(ct)));
                }

                return result.Succeeded
                    ? Results.Created($"/api/v1/{current.Slug}/standard-catalogue", ToResponse(await get.CatalogueAsync(ct)))
                    : ApiResults.From(result, Results.NoContent);
            })
            .WithTags("Standard").WithName("AddStandardCatalogueVersion")
            .WithSummary("Adds a version of the programme's product standard (every item: `key`, `domain`, `kind`, `text`); `basedOnVersion` must be the newest version (409 with it otherwise). Earlier versions and their assessments stay; new assessments use this one.")
            .WithMetadata(new RequirePermissionAttribute(Permission.EditProgramme))
            .Accepts<StandardVersionRequest>("application/json")
            .Produces<StandardCatalogueResponse>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);

        var standard = api.MapGroup("/complexes/{id:guid}/standard").WithTags("Standard");
        standard.MapGet("/", async (Guid id, GetStandardHandler handler, CancellationToken ct) =>
                await handler.GetAsync(id, ct) is { } view
                    ? Results.Ok(ToResponse(view))
                    : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Niet gevonden"))
            .WithName("GetComplexStandard")
            .WithSummary("The complex against the product standard, computed from its latest assessment: eligible for the label only when the admission gate passed, every must is met and no not-item applies.")
            .WithMetadata(new RequirePermissionAttribute(Permission.ViewProgramme))
            .Produces<StandardResponse>().ProducesProblem(StatusCodes.Status404NotFound);

        standard.MapPut("/", async (Guid id, HttpRequest http, SaveStandardAssessmentHandler save, GetStandardHandler get, CancellationToken ct) =>
            {
                var (request, problem) = await ApiBody.ReadAsync<StandardAssessmentRequest>(http, ct);
                if (request is null)
                {
                    return problem!;
                }

                if (ToInput(request, out var input) is { } invalid)
                {
                    return invalid;
                }

                var result = await save.SaveAsync(id, input, ct);
                if (result.Kind == ResultKind.Conflict && await get.GetAsync(id, ct) is { } stored)
                {
                    return ApiResults.Conflict(ToResponse(stored));
                }

                return ApiResults.From(result, Results.NoContent);
            })
            .WithName("AssessComplexStandard")
            .WithSummary("Records a new assessment against the newest version: every item with `status` (met | notMet | notApplicable for must and should, applies | doesNotApply for not) and `evidence` (required for met and applies). `version`: the latest assessment's, omitted when there is none (409 with the current values otherwise).")
            .WithMetadata(new RequirePermissionAttribute(Permission.EditProgramme))
            .Accepts<StandardAssessmentRequest>("application/json")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    /// <summary>The printable report, as a download next to the page (the page's own URL with a file name).</summary>
    public static IEndpointRouteBuilder MapReport(IEndpointRouteBuilder app)
    {
        app.MapGet("/{tenant}/complexen/{id:guid}/beoordelingsrapport.pdf", async (Guid id, StandardReportHandler reports, CancellationToken ct) =>
                await reports.PdfAsync(id, ct) is { } pdf
                    ? Results.File(pdf, "application/pdf", $"beoordelingsrapport-{id}.pdf")
                    : Results.NotFound())
            .WithMetadata(new RequirePermissionAttribute(Permission.ViewProgramme))
            .ExcludeFromDescription();
        return app;
    }

    private static StandardCatalogueResponse ToResponse(StandardCatalogue catalogue) => new(catalogue.Version, catalogue.Name,
        [.. catalogue.Items.Select(i => new StandardCatalogueItemResponse(i.Key, Name(i.Domain), Name(i.Kind), i.Text))]);

    private static IResult? ToInput(StandardVersionRequest request, out StandardVersionInput input)
    {
        input = new StandardVersionInput { Name = request.Name ?? "", BasedOnVersion = request.BasedOnVersion ?? 0 };
        var errors = new Dictionary<string, string[]>();
        if (request.BasedOnVersion is null)
        {
            errors["basedOnVersion"] = ["Geef de versie waarop deze versie voortbouwt ('basedOnVersion': de nieuwste)."];
        }

        if (request.Items is null)
        {
            errors["items"] = ["Stuur elk punt van de nieuwe versie mee in 'items'."];
        }

        foreach (var (item, index) in (request.Items ?? []).Select((item, index) => (item, index)))
        {
            var domain = Parse<StandardDomain>(item?.Domain);
            var kind = Parse<StandardItemKind>(item?.Kind);
            if (domain is null)
            {
                errors[$"items[{index}].domain"] = [$"Kies het domein uit: {string.Join(", ", Enum.GetValues<StandardDomain>().Select(Name))}."];
            }

            if (kind is null)
            {
                errors[$"items[{index}].kind"] = ["Kies de soort uit: must, should, not."];
            }

            if (domain is { } d && kind is { } k)
            {
                input.Items.Add(new StandardItem(item!.Key ?? "", d, k, item.Text ?? ""));
            }
        }

        return errors.Count > 0 ? Results.ValidationProblem(errors, title: ApiBody.InvalidTitle) : null;
    }

    private static T? Parse<T>(string? name) where T : struct, Enum =>
        Enum.GetValues<T>().Where(v => Name(v) == name).Select(v => (T?)v).FirstOrDefault();

    private static IResult? ToInput(StandardAssessmentRequest request, out StandardAssessmentInput input)
    {
        input = new StandardAssessmentInput { Version = request.Version };
        if (request.Items is null)
        {
            return ApiBody.Invalid("items", "Stuur de beoordeling van elk punt mee in 'items'.");
        }

        var errors = new Dictionary<string, string[]>();
        foreach (var (item, index) in request.Items.Select((item, index) => (item, index)))
        {
            if (item?.Key is not { Length: > 0 } key)
            {
                errors[$"items[{index}].key"] = ["Geef de sleutel ('key') van het punt."];
                continue;
            }

            StandardItemStatus? status = null;
            if (item.Status is not null)
            {
                if (Statuses.TryGetValue(item.Status, out var parsed))
                {
                    status = parsed;
                }
                else
                {
                    errors[ApiResults.JsonName(StandardAssessment.StatusField(key))] = [$"Onbekende status '{item.Status}': kies uit {string.Join(", ", Statuses.Keys)}."];
                }
            }

            input.Items.Add(new StandardItemInput { Key = key, Status = status, Evidence = item.Evidence });
        }

        return errors.Count > 0 ? Results.ValidationProblem(errors, title: ApiBody.InvalidTitle) : null;
    }

    private static readonly Dictionary<string, StandardItemStatus> Statuses =
        Enum.GetValues<StandardItemStatus>().ToDictionary(Name, s => s, StringComparer.Ordinal);

    private static StandardResponse ToResponse(StandardView view)
    {
        IReadOnlyList<StandardKeyText> Texts(IEnumerable<string> keys) => [.. keys.Select(k => new StandardKeyText(k, view.TextOf(k)))];
        return new StandardResponse(view.Eligible, view.GatePassed, Texts(view.MissingMusts), Texts(view.Exclusions), Texts(view.Accelerators),
            view.CatalogueVersion, view.AssessedAt, view.AssessedBy, view.DueOn, Name(view.Due), view.Version,
            [.. view.Items.Select(i => new StandardItemResponse(i.Key, Name(i.Domain), Name(i.Kind), i.Text, i.Status is { } s ? Name(s) : null, i.Evidence))]);
    }

    private static string Name<T>(T value) where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}
