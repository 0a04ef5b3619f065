using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using Plusflat.Domain.Organisations;
using Plusflat.Domain.Tenancy;
using Plusflat.Web.Features.Shared;
using Plusflat.Web.Tenancy;

namespace Plusflat.Web.Features.Organisations;

/// <summary>The body of <c>POST /organisations</c>.</summary>
/// <param name="Kind">HousingCorporation, CareProvider, WelfareParty, Municipality, Zorgkantoor or Other.</param>
/// <param name="CareProviderFacts">Only for a care provider; leave out (<c>null</c>) when not assessed yet or for another kind.</param>
public sealed record CreateOrganisationRequest(
    string? Name,
    [property: JsonConverter(typeof(JsonStringEnumConverter<OrganisationKind>))] OrganisationKind? Kind,
    string? ContactName,
    string? ContactEmail,
    string? ContactPhone,
    string? Notes,
    CareProviderFactsInput? CareProviderFacts)
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
    };
}

/// <summary>The body of <c>PUT /organisations/{id}</c>: all details, plus the version they were read at.</summary>
/// <param name="CareProviderFacts">Only for a care provider; <c>null</c> clears them.</param>
/// <param name="Version">The <c>version</c> from the last read; a stale version answers 409.</param>
public sealed record UpdateOrganisationRequest(
    string? Name,
    [property: JsonConverter(typeof(JsonStringEnumConverter<OrganisationKind>))] OrganisationKind? Kind,
    string? ContactName,
    string? ContactEmail,
    string? ContactPhone,
    string? Notes,
    CareProviderFactsInput? CareProviderFacts,
    uint? Version)
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
/// <remarks>The same handler as the pages, so the same rules and messages; the tenant middleware checks membership and permission.</remarks>
public static class OrganisationApi
{
    public static RouteGroupBuilder Map(RouteGroupBuilder api)
    {
        var organisations = api.MapGroup("/organisations").WithTags("Organisaties");

        organisations.MapGet("", ListAsync)
            .WithName("ListOrganisations")
            .WithSummary("Lists the programme's partner organisations by name, optionally searched (q) and filtered by kind.")
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
            .Produces<OrganisationDetails>(StatusCodes.Status201Created)
            .ProducesValidationProblem();

        organisations.MapPut("/{id:guid}", UpdateAsync)
            .WithName("UpdateOrganisation")
            .WithSummary("Changes a partner organisation; send the version you read, a stale version answers 409.")
            .WithMetadata(new RequirePermissionAttribute(Permission.EditProgramme))
            .Produces<OrganisationDetails>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        return api;
    }

    private static async Task<IResult> ListAsync(
        [FromQuery] string? q, [FromQuery] string? kind, OrganisationHandler handler, CancellationToken ct)
    {
        if (!OrganisationKindNames.TryParse(kind, out var parsedKind))
        {
            return Results.ValidationProblem(
                new Dictionary<string, string[]> { ["kind"] = ["Onbekend soort organisatie. Kies uit: " + string.Join(", ", Enum.GetNames<OrganisationKind>()) + "."] },
                title: "De invoer is niet geldig.");
        }

        return Results.Ok(await handler.ListAsync(q, parsedKind, ct));
    }

    private static async Task<IResult> GetAsync(Guid id, OrganisationHandler handler, CancellationToken ct) =>
        await handler.GetAsync(id, ct) is { } organisation
            ? Results.Ok(organisation)
            : ApiResults.From(HandlerResult.NotFound(), Results.NoContent);

    private static async Task<IResult> CreateAsync(
        CreateOrganisationRequest body, OrganisationHandler handler, CurrentTenant tenant, CancellationToken ct)
    {
        var result = await handler.CreateAsync(body.ToInput(), ct);
        if (!result.Succeeded)
        {
            return ApiResults.From(result, Results.NoContent);
        }

        var created = await handler.GetAsync(result.Id!.Value, ct);
        return Results.Created($"/api/v1/{tenant.Slug}/organisations/{result.Id}", created);
    }

    private static async Task<IResult> UpdateAsync(
        Guid id, UpdateOrganisationRequest body, OrganisationHandler handler, CancellationToken ct)
    {
        if (body.Version is null)
        {
            return Results.ValidationProblem(
                new Dictionary<string, string[]> { ["version"] = ["Stuur de versie mee die je het laatst hebt gelezen."] },
                title: "De invoer is niet geldig.");
        }

        var result = await handler.UpdateAsync(id, body.ToInput(), ct);
        if (!result.Succeeded)
        {
            return ApiResults.From(result, Results.NoContent);
        }

        return Results.Ok(await handler.GetAsync(id, ct));
    }
}
