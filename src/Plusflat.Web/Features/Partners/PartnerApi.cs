using System.Text.Json;
using System.Text.Json.Serialization;
using Plusflat.Domain.Partners;
using Plusflat.Domain.Tenancy;
using Plusflat.Web.Features.Shared;
using Plusflat.Web.Tenancy;

namespace Plusflat.Web.Features.Partners;

/// <summary>Enums in the partner API as camelCase names ("knownInNeighbourhood").</summary>
public sealed class CamelCaseEnum<T>() : JsonStringEnumConverter<T>(JsonNamingPolicy.CamelCase, allowIntegerValues: false)
    where T : struct, Enum;

public sealed record ScoreRequest([property: JsonConverter(typeof(CamelCaseEnum<WeighingAspect>))] WeighingAspect Aspect, int? Score, string? Justification);

public sealed record CandidateRequest(Guid? OrganisationId, bool? CommittedToGoals, bool? CooperatesInHandover, List<ScoreRequest>? Scores);

public sealed record ResidentsRequest(DateOnly? ConsultedOn, string? How, string? Priorities, string? Objections, string? Answers);

public sealed record StepRequest([property: JsonConverter(typeof(CamelCaseEnum<SelectionStep>))] SelectionStep Step, DateOnly? DoneOn);

public sealed record OpenEntryRequest(Guid? OrganisationId, string? ContactPerson,
    [property: JsonConverter(typeof(CamelCaseEnumList<OpenEntryRule>))] List<OpenEntryRule>? AgreedRules);

/// <summary>A list of enums as camelCase names.</summary>
public sealed class CamelCaseEnumList<T> : JsonConverter<List<T>>
    where T : struct, Enum
{
    private static readonly JsonSerializerOptions Options = new() { Converters = { new CamelCaseEnum<T>() } };

    public override List<T>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        JsonSerializer.Deserialize<List<T>>(ref reader, Options);

    public override void Write(Utf8JsonWriter writer, List<T> value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value, Options);
}

public sealed record PartnerSelectionRequest(
    Guid? PreferredCareProviderId, Guid? WelfarePartyId, List<CandidateRequest>? Candidates, ResidentsRequest? Residents,
    List<StepRequest>? Steps, List<OpenEntryRequest>? OpenEntry, [property: OptionalInPut] uint? Version);

public sealed record NamedId(Guid Id, string Name);

public sealed record ScoreResponse(string Aspect, int? Score, string? Justification);

public sealed record CandidateResponse(Guid OrganisationId, string Name, bool CommittedToGoals, bool CooperatesInHandover,
    IReadOnlyList<ScoreResponse> Scores, int TotalScore, bool MayBeChosen, IReadOnlyList<string> FailingHardCriteria);

public sealed record StepResponse(string Step, DateOnly? DoneOn);

public sealed record OpenEntryResponse(Guid OrganisationId, string Name, string? ContactPerson, IReadOnlyList<string> AgreedRules);

public sealed record PartnerSelectionResponse(
    NamedId? PreferredCareProvider, NamedId? WelfareParty, IReadOnlyList<CandidateResponse> Candidates, ResidentsRequest Residents,
    IReadOnlyList<StepResponse> Steps, IReadOnlyList<OpenEntryResponse> OpenEntry, uint? Version);

/// <summary>JSON API of a complex's partner choice: /api/v1/{tenant}/complexes/{id}/partner-selection. Same handlers and permissions as the page.</summary>
public static class PartnerApi
{
    public static RouteGroupBuilder Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/complexes/{id:guid}/partner-selection").WithTags("Partners");
        group.MapGet("/", async (Guid id, GetPartnerSelectionHandler handler, CancellationToken ct) =>
                await handler.GetAsync(id, ct) is { } view
                    ? Results.Ok(ToResponse(view))
                    : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Niet gevonden"))
            .WithName("GetPartnerSelection")
            .WithSummary("How the complex chose its preferred care provider and welfare party: candidates side by side with the hard criteria they fail, the residents' voice, the four steps, open entry.")
            .WithMetadata(new RequirePermissionAttribute(Permission.ViewProgramme))
            .Produces<PartnerSelectionResponse>().ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPut("/", async (Guid id, HttpRequest http, SavePartnerSelectionHandler save, GetPartnerSelectionHandler get, CancellationToken ct) =>
            {
                var (request, problem) = await ApiBody.ReadAsync<PartnerSelectionRequest>(http, ct);
                if (request is null)
                {
                    return problem!;
                }

                var missing = Missing(request);
                if (missing.Count > 0)
                {
                    return Results.ValidationProblem(missing, title: ApiBody.InvalidTitle);
                }

                var result = await save.SaveAsync(id, ToInput(request), ct);
                if (result.Kind == ResultKind.Conflict && await get.GetAsync(id, ct) is { } stored)
                {
                    return ApiResults.Conflict(ToResponse(stored));
                }

                return ApiResults.From(result, Results.NoContent);
            })
            .WithName("SavePartnerSelection")
            .WithSummary("Records the partner choice. A newly chosen preferred care provider must meet every hard criterion (400 naming each one it fails). `version`: the one last read, omitted when nothing is recorded yet (409 with the current values otherwise).")
            .WithMetadata(new RequirePermissionAttribute(Permission.EditProgramme))
            .Accepts<PartnerSelectionRequest>("application/json")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    /// <summary>A PUT replaces the whole choice, so every part must be sent (an empty list is fine): a left-out part is named, never wiped.</summary>
    private static Dictionary<string, string[]> Missing(PartnerSelectionRequest request)
    {
        var missing = new Dictionary<string, string[]>();
        void Need(object? value, string field)
        {
            if (value is null)
            {
                missing[field] = [$"Stuur '{field}' mee (een lege lijst of null als waarde mag, weglaten niet)."];
            }
        }

        Need(request.Candidates, "candidates");
        Need(request.Residents, "residents");
        Need(request.Steps, "steps");
        Need(request.OpenEntry, "openEntry");
        for (var i = 0; i < (request.Candidates?.Count ?? 0); i++)
        {
            var candidate = request.Candidates![i];
            Need(candidate?.OrganisationId, $"candidates[{i}].organisationId");
            Need(candidate?.CommittedToGoals, $"candidates[{i}].committedToGoals");
            Need(candidate?.CooperatesInHandover, $"candidates[{i}].cooperatesInHandover");
        }

        for (var i = 0; i < (request.OpenEntry?.Count ?? 0); i++)
        {
            Need(request.OpenEntry![i]?.OrganisationId, $"openEntry[{i}].organisationId");
        }

        return missing;
    }

    private static PartnerSelectionInput ToInput(PartnerSelectionRequest request) => new()
    {
        PreferredCareProviderId = request.PreferredCareProviderId,
        WelfarePartyId = request.WelfarePartyId,
        Candidates = [.. request.Candidates!.Select(c => new CandidateInput
        {
            OrganisationId = c.OrganisationId!.Value,
            CommittedToGoals = c.CommittedToGoals!.Value,
            CooperatesInHandover = c.CooperatesInHandover!.Value,
            Scores = [.. (c.Scores ?? []).Select(s => new ScoreInput { Aspect = s.Aspect, Score = s.Score, Justification = s.Justification })],
        })],
        Residents = new ResidentsInput
        {
            ConsultedOn = request.Residents!.ConsultedOn?.ToDateTime(TimeOnly.MinValue),
            How = request.Residents.How,
            Priorities = request.Residents.Priorities,
            Objections = request.Residents.Objections,
            Answers = request.Residents.Answers,
        },
        Steps = [.. request.Steps!.Select(s => new StepInput { Step = s.Step, DoneOn = s.DoneOn?.ToDateTime(TimeOnly.MinValue) })],
        OpenEntry = [.. request.OpenEntry!.Select(o => new OpenEntryInput { OrganisationId = o.OrganisationId!.Value, ContactPerson = o.ContactPerson, AgreedRules = o.AgreedRules ?? [] })],
        Version = request.Version,
    };

    private static PartnerSelectionResponse ToResponse(PartnerSelectionView view)
    {
        var input = view.Input;
        return new PartnerSelectionResponse(
            input.PreferredCareProviderId is { } p ? new NamedId(p, view.PreferredCareProviderName ?? "") : null,
            input.WelfarePartyId is { } w ? new NamedId(w, view.WelfarePartyName ?? "") : null,
            [.. input.Candidates.Select(c =>
            {
                var stored = view.Candidates.First(x => x.OrganisationId == c.OrganisationId);
                return new CandidateResponse(c.OrganisationId, stored.Name, c.CommittedToGoals, c.CooperatesInHandover,
                    [.. c.Scores.Select(s => new ScoreResponse(Camel(s.Aspect), s.Score, s.Justification))],
                    stored.TotalScore, stored.Failing.Count == 0, stored.Failing);
            })],
            new ResidentsRequest(input.Residents.ConsultedOn is { } d ? DateOnly.FromDateTime(d) : null,
                input.Residents.How, input.Residents.Priorities, input.Residents.Objections, input.Residents.Answers),
            [.. input.Steps.Select(s => new StepResponse(Camel(s.Step), s.DoneOn is { } d ? DateOnly.FromDateTime(d) : null))],
            [.. input.OpenEntry.Select(o => new OpenEntryResponse(o.OrganisationId, view.NameOf(o.OrganisationId), o.ContactPerson, [.. o.AgreedRules.Select(r => Camel(r))]))],
            input.Version);
    }

    private static string Camel<T>(T value) where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}
