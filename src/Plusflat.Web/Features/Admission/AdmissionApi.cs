using System.Text.Json;
using System.Text.Json.Serialization;
using Plusflat.Domain.Admission;
using Plusflat.Domain.Tenancy;
using Plusflat.Web.Features.Shared;
using Plusflat.Web.Tenancy;

namespace Plusflat.Web.Features.Admission;

/// <summary>Threshold 1 facts. <c>groupedWith</c>: ids of the programme's complexes this one shares capacity with (the light route).</summary>
public sealed record ConcentrationBody(bool SharedEntrance, IReadOnlyList<Guid>? GroupedWith, bool CoreFunctionsSecured, string? Evidence);

/// <summary>Threshold 2 facts: each need is a short evidence note, <c>null</c> when it does not apply.</summary>
public sealed record NeedBody(
    string? Loneliness, string? LiveabilityPressure, string? MissedEarlySignalling, string? CareConcentration,
    bool MostlySelfSufficient, bool HardlyAnyHomeCare);

/// <summary>One party's agreement. <c>party</c>: municipality, corporation or careProvider; <c>agreedOn</c> as yyyy-MM-dd (a future date is kept but does not count yet).</summary>
public sealed record AgreementBody(
    [property: JsonConverter(typeof(GovernancePartyJsonConverter))] GovernanceParty? Party, string? AgreedBy, DateOnly? AgreedOn, string? Reference);

/// <summary>The body of <c>PUT /complexes/{id}/admission</c>: all facts (what is left out is cleared).</summary>
/// <param name="Version">The <c>version</c> last read; leave it out when the complex has no assessment yet. A stale version answers 409.</param>
public sealed record AdmissionRequest(ConcentrationBody? Concentration, NeedBody? Need, IReadOnlyList<AgreementBody>? Governance, [property: OptionalInPut] int? Version);

/// <summary>One threshold's outcome: <c>key</c> is concentration, need or governance; the reasons say in Dutch which fact decided it.</summary>
public sealed record ThresholdResponse(string Key, bool Passed, IReadOnlyList<string> Reasons);

/// <summary>
/// The gate's outcome, computed when read from the latest facts, the programme's lower bound and the dwellings as they
/// are. <c>version</c> and <c>assessedAt</c> are null while nothing is recorded; <c>facts</c> are the latest recorded facts.
/// </summary>
public sealed record AdmissionResponse(
    bool Passed, IReadOnlyList<ThresholdResponse> Thresholds, DateTimeOffset? AssessedAt, string? AssessedBy, int? Version,
    int MinimumDwellings, AdmissionRequest Facts);

/// <summary>The programme's admission settings. <c>version</c>: leave out on the first save; a stale one answers 409.</summary>
public sealed record AdmissionSettingsBody(int? MinimumDwellings, [property: OptionalInPut] uint? Version);

/// <summary>One complex in the gate overview; <c>failedThresholds</c> holds the keys of the thresholds not passed.</summary>
public sealed record GateOutcomeItem(Guid ComplexId, string Name, int Dwellings, bool? Passed, IReadOnlyList<string> FailedThresholds, DateTimeOffset? AssessedAt);

public sealed record GateOutcomeListResponse(IReadOnlyList<GateOutcomeItem> Items, int MinimumDwellings, int PassedCount, int FailedCount, int NotAssessedCount);

/// <summary>municipality | corporation | careProvider.</summary>
public sealed class GovernancePartyJsonConverter() : JsonStringEnumConverter<GovernanceParty>(JsonNamingPolicy.CamelCase, allowIntegerValues: false);

/// <summary>JSON API of the admission gate and its settings; the same handlers and permissions as the pages.</summary>
public static class AdmissionApi
{
    public static RouteGroupBuilder Map(RouteGroupBuilder api)
    {
        var admission = api.MapGroup("").WithTags("Admission");

        admission.MapGet("/complexes/{id:guid}/admission", async (Guid id, GetAdmissionHandler handler, CancellationToken ct) =>
                await handler.GetAsync(id, ct) is { } view
                    ? Results.Ok(ToResponse(view))
                    : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Niet gevonden"))
            .WithName("GetComplexAdmission")
            .WithSummary("The admission gate of a complex: passed or not, per threshold with the reasons in words, and the latest facts.")
            .WithMetadata(new RequirePermissionAttribute(Permission.ViewProgramme))
            .Produces<AdmissionResponse>().ProducesProblem(StatusCodes.Status404NotFound);

        admission.MapPut("/complexes/{id:guid}/admission", async (Guid id, HttpRequest http, RecordAdmissionHandler record, GetAdmissionHandler get, CancellationToken ct) =>
            {
                var (request, problem) = await ApiBody.ReadAsync<AdmissionRequest>(http, ct, PartyMessage);
                if (request is null)
                {
                    return problem!;
                }

                var (input, errors) = ToInput(request);
                if (errors.Count > 0)
                {
                    return Results.ValidationProblem(errors, title: ApiBody.InvalidTitle);
                }

                var result = await record.RecordAsync(id, input, ct);
                if (result.Kind == ResultKind.Conflict && await get.GetAsync(id, ct) is { } stored)
                {
                    return ApiResults.Conflict(ToResponse(stored));
                }

                if (!result.Succeeded)
                {
                    return ApiResults.From(result with { Errors = [.. result.Errors.Select(e => e with { Field = JsonPath(e.Field, request) })] }, Results.NoContent);
                }

                return Results.Ok(ToResponse((await get.GetAsync(id, ct))!));
            })
            .WithName("RecordComplexAdmission")
            .WithSummary("Records the admission facts as a new assessment (earlier ones are kept) and answers the new outcome.")
            .WithMetadata(new RequirePermissionAttribute(Permission.RecordAdmission))
            .Accepts<AdmissionRequest>("application/json")
            .Produces<AdmissionResponse>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status404NotFound);

        admission.MapGet("/admission", async (ListAdmissionOutcomesHandler handler, string? outcome, CancellationToken ct) =>
            {
                var query = new QueryValues();
                var filter = query.Enum<GateOutcomeFilter>("outcome", outcome) ?? GateOutcomeFilter.All;
                if (query.HasErrors)
                {
                    return query.Problem();
                }

                var list = await handler.ListAsync(filter, ct);
                return Results.Ok(new GateOutcomeListResponse(
                    [.. list.Rows.Select(r => new GateOutcomeItem(r.ComplexId, r.Name, r.Dwellings, r.Passed, r.FailedThresholds, r.AssessedAt))],
                    list.MinimumDwellings, list.PassedCount, list.FailedCount, list.NotAssessedCount));
            })
            .WithName("ListAdmissionOutcomes")
            .WithSummary("Every complex with its gate outcome (`passed` null while nothing is recorded); `outcome` = all, passed, failed or notAssessed.")
            .WithMetadata(new RequirePermissionAttribute(Permission.ViewProgramme))
            .Produces<GateOutcomeListResponse>().ProducesValidationProblem();

        admission.MapGet("/settings/admission", async (GetAdmissionSettingsHandler handler, CancellationToken ct) =>
                Results.Ok(ToBody(await handler.GetAsync(ct))))
            .WithName("GetAdmissionSettings").WithSummary("The programme's lower bound of dwellings for the concentration threshold (default 100).")
            .WithMetadata(new RequirePermissionAttribute(Permission.ViewProgramme))
            .Produces<AdmissionSettingsBody>();

        admission.MapPut("/settings/admission", async (HttpRequest http, SaveAdmissionSettingsHandler save, GetAdmissionSettingsHandler get, CancellationToken ct) =>
            {
                var (request, problem) = await ApiBody.ReadAsync<AdmissionSettingsBody>(http, ct);
                if (request is null)
                {
                    return problem!;
                }

                var result = await save.SaveAsync(new AdmissionSettingsInput { MinimumDwellings = request.MinimumDwellings, Version = request.Version ?? 0 }, ct);
                if (result.Kind == ResultKind.Conflict)
                {
                    return ApiResults.Conflict(ToBody(await get.GetAsync(ct)));
                }

                if (!result.Succeeded)
                {
                    return ApiResults.From(result, Results.NoContent);
                }

                return Results.Ok(ToBody(await get.GetAsync(ct)));
            })
            .WithName("SaveAdmissionSettings")
            .WithSummary("Sets the programme's lower bound of dwellings; `version` must be the one last read (leave it out on the first save).")
            .WithMetadata(new RequirePermissionAttribute(Permission.RecordAdmission))
            .Accepts<AdmissionSettingsBody>("application/json")
            .Produces<AdmissionSettingsBody>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static AdmissionSettingsBody ToBody(AdmissionSettingsInput settings) => new(settings.MinimumDwellings, settings.Version);

    private static string? PartyMessage(string field) =>
        field.EndsWith(".party", StringComparison.Ordinal) ? "Kies municipality, corporation of careProvider." : null;

    /// <summary>The nested body as the flat form input, with the errors only the body's shape can have (a party missing or twice).</summary>
    private static (AdmissionInput Input, Dictionary<string, string[]> Errors) ToInput(AdmissionRequest request)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var concentration = request.Concentration ?? new ConcentrationBody(false, [], false, null);
        var need = request.Need ?? new NeedBody(null, null, null, null, false, false);
        var input = new AdmissionInput
        {
            SharedEntrance = concentration.SharedEntrance,
            GroupedWith = [.. concentration.GroupedWith ?? []],
            CoreFunctionsSecured = concentration.CoreFunctionsSecured,
            ConcentrationEvidence = concentration.Evidence,
            Loneliness = need.Loneliness,
            LiveabilityPressure = need.LiveabilityPressure,
            MissedEarlySignalling = need.MissedEarlySignalling,
            CareConcentration = need.CareConcentration,
            MostlySelfSufficient = need.MostlySelfSufficient,
            HardlyAnyHomeCare = need.HardlyAnyHomeCare,
            Version = request.Version ?? 0,
        };
        var seen = new HashSet<GovernanceParty>();
        var governance = request.Governance ?? [];
        for (var i = 0; i < governance.Count; i++)
        {
            var agreement = governance[i];
            if (agreement?.Party is not { } party)
            {
                errors[$"governance[{i}].party"] = ["Kies municipality, corporation of careProvider."];
                continue;
            }

            if (!seen.Add(party))
            {
                errors[$"governance[{i}].party"] = ["Deze partij staat er al in; leg per partij één instemming vast."];
                continue;
            }

            input.SetAgreement(party, agreement.AgreedBy ?? "", agreement.AgreedOn?.ToDateTime(TimeOnly.MinValue), agreement.Reference ?? "");
            if (agreement.AgreedOn is null)
            {
                errors[$"governance[{i}].agreedOn"] = [$"Vul de datum in waarop {AdmissionFacts.PartyName(party)} instemde (jjjj-mm-dd)."];
            }
        }

        return (input, errors);
    }

    /// <summary>A form field's name as the body spells it, e.g. CorporationReference → governance[1].reference.</summary>
    private static string? JsonPath(string? field, AdmissionRequest request)
    {
        foreach (var party in Enum.GetValues<GovernanceParty>())
        {
            var suffix = field switch
            {
                _ when field == AdmissionFacts.Fields.AgreedBy(party) => "agreedBy",
                _ when field == AdmissionFacts.Fields.AgreedOn(party) => "agreedOn",
                _ when field == AdmissionFacts.Fields.Reference(party) => "reference",
                _ => null,
            };
            if (suffix is not null)
            {
                var index = (request.Governance ?? []).ToList().FindIndex(a => a?.Party == party);
                return $"governance[{index}].{suffix}";
            }
        }

        return field switch
        {
            AdmissionFacts.Fields.SharedEntrance => "concentration.sharedEntrance",
            AdmissionFacts.Fields.GroupedWith => "concentration.groupedWith",
            AdmissionFacts.Fields.CoreFunctionsSecured => "concentration.coreFunctionsSecured",
            AdmissionFacts.Fields.ConcentrationEvidence => "concentration.evidence",
            AdmissionFacts.Fields.Loneliness or AdmissionFacts.Fields.LiveabilityPressure or AdmissionFacts.Fields.MissedEarlySignalling
                or AdmissionFacts.Fields.CareConcentration => "need." + field,
            _ => field,
        };
    }

    private static AdmissionResponse ToResponse(AdmissionView view)
    {
        var i = view.Input;
        var facts = i.ToFacts();
        return new AdmissionResponse(
            view.Passed,
            [.. view.Thresholds.Select(t => new ThresholdResponse(t.Key, t.Passed, [.. t.Reasons.Select(r => r.Text)]))],
            view.AssessedAt,
            view.AssessedBy,
            view.AssessedAt is null ? null : view.Version,
            view.MinimumDwellings,
            new AdmissionRequest(
                new ConcentrationBody(i.SharedEntrance, i.GroupedWith, i.CoreFunctionsSecured, i.ConcentrationEvidence),
                new NeedBody(i.Loneliness, i.LiveabilityPressure, i.MissedEarlySignalling, i.CareConcentration, i.MostlySelfSufficient, i.HardlyAnyHomeCare),
                [.. facts.Governance.Select(a => new AgreementBody(a.Party, a.AgreedBy, a.AgreedOn, a.Reference))],
                view.AssessedAt is null ? null : view.Version));
    }
}
