using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Plusflat.Domain.Organisations;
using Plusflat.Domain.Tenancy;
using Plusflat.Web.Features.Shared;
using Plusflat.Web.Tenancy;

namespace Plusflat.Web.Features.Organisations;

/// <summary>
/// The body of <c>POST /organisations</c> and <c>PUT /organisations/{id}</c>. A POST may leave optional fields out;
/// a PUT replaces all details and must send every field (null to clear one), or it answers 400 naming what is missing.
/// </summary>
/// <param name="Kind">HousingCorporation, CareProvider, WelfareParty, Municipality, Zorgkantoor or Other.</param>
/// <param name="Version">Required for PUT: the <c>version</c> from the last read; a stale version answers 409. Ignored for POST.</param>
/// <param name="CareProviderFacts">Only for a care provider; leave out (<c>null</c>) when not assessed yet or for another kind.</param>
public sealed record OrganisationRequest(
    string? Name,
    [property: JsonConverter(typeof(JsonStringEnumConverter<OrganisationKind>))] OrganisationKind? Kind,
    uint? Version = null,
    string? ContactName = null,
    string? ContactEmail = null,
    string? ContactPhone = null,
    string? Notes = null,
    CareProviderFactsInput? CareProviderFacts = null)
{
    public OrganisationInput ToInput() => new()
    {
        Name = Name ?? "",
        Kind = Kind,
        ContactName = ContactName,
        ContactEmail = ContactEmail,
        ContactPhone = ContactPhone,
        Notes = Notes,
        CareProviderFacts = CareProviderFacts,
        Version = Version.GetValueOrDefault(),
    };
}

/// <summary>JSON API for the partner organisation register: /api/v1/{tenant}/organisations.</summary>
/// <remarks>
/// The same use-case handlers as the pages, so the same rules and messages; the tenant middleware checks
/// membership (404) and the permission in each endpoint's metadata (403), and each handler checks it again.
/// </remarks>
public static class OrganisationApi
{

    private static readonly string UnknownKind =
        "Onbekend soort organisatie. Kies uit: " + string.Join(", ", Enum.GetNames<OrganisationKind>()) + ".";

    public static RouteGroupBuilder Map(RouteGroupBuilder api)
    {
        var organisations = api.MapGroup("/organisations").WithTags("Organisaties");

        organisations.MapGet("", ListAsync)
            .WithName("ListOrganisations")
            .WithSummary("Lists the programme's partner organisations by name, optionally searched (q: name, contact person or e-mail) and filtered by kind.")
            .WithMetadata(new RequirePermissionAttribute(Permission.ViewProgramme))
            .Produces<IReadOnlyList<OrganisationDetails>>()
            .ProducesValidationProblem();

        organisations.MapGet("/{id:guid}", GetAsync)
            .WithName("GetOrganisation")
            .WithSummary("Reads one partner organisation, with its care-provider assessment and version.")
            .WithMetadata(new RequirePermissionAttribute(Permission.ViewProgramme))
            .Produces<OrganisationDetails>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        organisations.MapPost("", CreateAsync)
            .WithName("CreateOrganisation")
            .WithSummary("Adds a partner organisation to the programme.")
            .WithMetadata(new RequirePermissionAttribute(Permission.EditProgramme))
            .Accepts<OrganisationRequest>("application/json")
            .Produces<OrganisationDetails>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        organisations.MapPut("/{id:guid}", UpdateAsync)
            .WithName("UpdateOrganisation")
            .WithSummary("Changes a partner organisation; send every field (null clears one; a missing field answers 400) and the version you read (a stale version answers 409).")
            .WithMetadata(new RequirePermissionAttribute(Permission.EditProgramme))
            .Accepts<OrganisationRequest>("application/json")
            .Produces<OrganisationDetails>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        return api;
    }

    private static async Task<IResult> ListAsync(
        [FromQuery] string? q, [FromQuery] string? kind, ListOrganisationsHandler handler, CancellationToken ct)
    {
        var query = new QueryValues();
        var search = query.Text("q", q);
        if (query.HasErrors)
        {
            return query.Problem();
        }

        return OrganisationKindNames.TryParse(kind, out var parsedKind)
            ? Results.Ok(await handler.ListAsync(new OrganisationListQuery(search, parsedKind), ct))
            : Invalid("kind", UnknownKind);
    }

    private static async Task<IResult> GetAsync(Guid id, GetOrganisationHandler handler, CancellationToken ct) =>
        await handler.GetAsync(id, ct) is { } organisation
            ? Results.Ok(organisation)
            : ApiResults.From(HandlerResult.NotFound(), Results.NoContent);

    private static async Task<IResult> CreateAsync(
        HttpRequest request, SaveOrganisationHandler handler, GetOrganisationHandler get, CurrentTenant tenant, CancellationToken ct)
    {
        var (body, problem) = await ReadAsync<OrganisationRequest>(request, ct);
        if (body is null)
        {
            return problem!;
        }

        var result = await handler.CreateAsync(body.ToInput(), ct);
        if (!result.Succeeded)
        {
            return ApiResults.From(result, Results.NoContent);
        }

        var created = await get.GetAsync(result.Id!.Value, ct);
        return Results.Created($"/api/v1/{tenant.Slug}/organisations/{result.Id}", created);
    }

    private static async Task<IResult> UpdateAsync(
        Guid id, HttpRequest request, SaveOrganisationHandler handler, GetOrganisationHandler get, CancellationToken ct)
    {
        var (body, problem) = await ReadAsync<OrganisationRequest>(request, ct);
        if (body is null)
        {
            return problem!;
        }

        if (body.Version is null)
        {
            return Invalid("version", "Stuur de versie mee die je het laatst hebt gelezen.");
        }

        var result = await handler.UpdateAsync(id, body.ToInput(), ct);
        if (result.Kind == ResultKind.Conflict && await get.GetAsync(id, ct) is { } current)
        {
            return ApiResults.Conflict(current);
        }

        if (!result.Succeeded)
        {
            return ApiResults.From(result, Results.NoContent);
        }

        return Results.Ok(await get.GetAsync(id, ct));
    }

    private static Task<(T? Body, IResult? Problem)> ReadAsync<T>(HttpRequest request, CancellationToken ct)
        where T : class => ApiBody.ReadAsync<T>(request, ct, field => field == "kind" ? UnknownKind : null);

    private static IResult Invalid(string field, string message) => ApiBody.Invalid(field, message);
}
