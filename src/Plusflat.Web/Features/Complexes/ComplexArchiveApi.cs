using Plusflat.Domain.Tenancy;
using Plusflat.Web.Features.Shared;
using Plusflat.Web.Tenancy;

namespace Plusflat.Web.Features.Complexes;

public sealed record ArchiveRequest(string? Reason, uint? Version);

public sealed record RestoreRequest(uint? Version);

public sealed record ChecklistMoveRequest(uint? Version);

/// <summary>A likely duplicate in a 409 answer, with a link to it in the portal and in the API.</summary>
public sealed record DuplicateResponse(
    Guid Id, string Name, string Address, string Postcode, string Municipality, bool Archived, IReadOnlyList<string> Reasons, string Href, string Url);

/// <summary>
/// The complex's history, archive and checklist-version endpoints under /complexes/{id}, and the duplicate answer of
/// POST and PUT. Same handlers and permissions as the pages: editing a complex's facts (<see cref="Permission.EditProgramme"/>).
/// </summary>
public static class ComplexArchiveApi
{
    public const string DuplicateDescription =
        "A complex that looks like one already there (the same postcode and house number, or the same name in the same municipality, "
        + "ignoring case and spaces; archived complexes included) is not saved: the answer is 409 with `duplicates` listing them "
        + "(id, name, address, reasons `SameAddress` / `SameNameInMunicipality`, links). Send the request again with `?allowDuplicate=true` "
        + "to save it anyway.";

    public static RouteGroupBuilder Map(RouteGroupBuilder complexes)
    {
        complexes.MapGet("/{id:guid}/history", async (Guid id, ComplexDetailsHandler details, CancellationToken ct) =>
                await details.GetAsync(id, ct) is { } view
                    ? Results.Ok(view.Timeline)
                    : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Niet gevonden"))
            .WithName("GetComplexHistory")
            .WithSummary("The complex's timeline, newest first: creation, fact and partner changes (field, old and new value), ticks, phase moves, archiving, checklist moves.")
            .WithDescription("Values are invariant text (numbers with a point, `true`/`false`); partner fields carry the organisation's name.")
            .WithMetadata(new RequirePermissionAttribute(Permission.ViewProgramme))
            .Produces<IReadOnlyList<TimelineItem>>().ProducesProblem(StatusCodes.Status404NotFound);

        complexes.MapPost("/{id:guid}/archive", async (Guid id, HttpRequest http, ArchiveComplexHandler handler, CancellationToken ct) =>
            {
                var (request, problem) = await ApiBody.ReadAsync<ArchiveRequest>(http, ct);
                if (request is null)
                {
                    return problem!;
                }

                if (request.Version is null)
                {
                    return ApiBody.MissingVersion();
                }

                var result = await handler.ArchiveAsync(id, new ArchiveInput { ArchiveReason = request.Reason, Version = request.Version.Value }, ct);
                return ApiResults.From(Renamed(result, nameof(ArchiveInput.ArchiveReason), nameof(ArchiveRequest.Reason)), Results.NoContent);
            })
            .WithName("ArchiveComplex")
            .WithSummary("Archives a complex with a reason: it leaves lists, counts and the overview; nothing is deleted; it is on the timeline.")
            .WithMetadata(new RequirePermissionAttribute(Permission.EditProgramme))
            .Accepts<ArchiveRequest>("application/json")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status404NotFound);

        complexes.MapPost("/{id:guid}/restore", async (Guid id, HttpRequest http, ArchiveComplexHandler handler, CancellationToken ct) =>
            {
                var (request, problem) = await ApiBody.ReadAsync<RestoreRequest>(http, ct);
                if (request is null)
                {
                    return problem!;
                }

                if (request.Version is null)
                {
                    return ApiBody.MissingVersion();
                }

                return ApiResults.From(await handler.RestoreAsync(id, new RestoreInput { Version = request.Version.Value }, ct), Results.NoContent);
            })
            .WithName("RestoreComplex").WithSummary("Takes an archived complex back into the lists, as it was; it is on the timeline.")
            .WithMetadata(new RequirePermissionAttribute(Permission.EditProgramme))
            .Accepts<RestoreRequest>("application/json")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status404NotFound);

        complexes.MapPost("/{id:guid}/checklist-version", async (Guid id, HttpRequest http, MoveComplexChecklistHandler handler, CancellationToken ct) =>
            {
                var (request, problem) = await ApiBody.ReadAsync<ChecklistMoveRequest>(http, ct);
                if (request is null)
                {
                    return problem!;
                }

                if (request.Version is null)
                {
                    return ApiBody.MissingVersion();
                }

                var (result, move) = await handler.MoveAsync(id, request.Version.Value, ct);
                return ApiResults.From(result, () => Results.Ok(move));
            })
            .WithName("MoveComplexToNewestChecklist")
            .WithSummary("Moves the complex to the programme's newest checklist version: ticks of items with the same code carry over, the others are listed in `notCarriedOver` (and stay on record).")
            .WithMetadata(new RequirePermissionAttribute(Permission.EditProgramme))
            .Accepts<ChecklistMoveRequest>("application/json")
            .Produces<ChecklistMoveView>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status404NotFound);
        return complexes;
    }

    /// <summary>The handler refused a save because the complex looks like one already there.</summary>
    public static bool IsDuplicate(HandlerResult result) =>
        result.Kind == ResultKind.Conflict && result.Errors is [{ Field: EditComplexHandler.DuplicateField }];

    public static IResult Duplicates(IReadOnlyList<DuplicateCandidate> candidates, string tenantSlug) => Results.Problem(
        statusCode: StatusCodes.Status409Conflict,
        title: "Mogelijk dubbel",
        detail: "Dit lijkt op een wooncomplex dat er al is (zie 'duplicates'). Stuur het verzoek opnieuw met ?allowDuplicate=true om toch op te slaan.",
        extensions: new Dictionary<string, object?>
        {
            ["duplicates"] = candidates.Select(c => new DuplicateResponse(
                c.Id, c.Name, c.Address, c.Postcode, c.Municipality, c.Archived, [.. c.Reasons.Select(r => r.ToString())],
                $"/{tenantSlug}/complexen/{c.Id}", $"/api/v1/{tenantSlug}/complexes/{c.Id}")).ToList(),
        });

    /// <summary>The API body names the reason "reason"; the input (and the domain) "ArchiveReason".</summary>
    private static HandlerResult Renamed(HandlerResult result, string from, string to) =>
        result with { Errors = [.. result.Errors.Select(e => e.Field == from ? e with { Field = to } : e)] };
}
