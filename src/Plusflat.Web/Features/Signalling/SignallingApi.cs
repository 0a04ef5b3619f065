using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Plusflat.Domain.FlatTeams;
using Plusflat.Domain.Signalling;
using Plusflat.Domain.Tenancy;
using Plusflat.Web.Features.Partners;
using Plusflat.Web.Features.Shared;
using Plusflat.Web.Tenancy;

namespace Plusflat.Web.Features.Signalling;

public sealed record ActionRequest(Guid? OwnerId, DateOnly? Due, int? EscalationLevel, bool? WarmHandover);

public sealed record SignalRequest(string? ResidentCode,
    [property: JsonConverter(typeof(CamelCaseEnum<SignalCategory>))] SignalCategory? Category,
    [property: JsonConverter(typeof(CamelCaseEnum<NoticedBy>))] NoticedBy? NoticedBy,
    string? Description, List<ActionRequest>? Actions);

public sealed record MeetingRequest(DateOnly? Date, List<Guid>? AttendeeIds, List<SignalRequest>? Signals);

public sealed record CreatedResponse(Guid Id);

public sealed record TeamMemberRequest(Guid? Id, string? Name, string? Organisation,
    [property: JsonConverter(typeof(CamelCaseEnum<TeamRole>))] TeamRole? Role, string? Contact, DateOnly? StartsOn, DateOnly? EndsOn, Guid? UserId);

public sealed record EscalationLevelRequest(int? Level, string? Name, string? Criteria, string? Decides);

/// <param name="Version">The <c>version</c> last read; leave it out while the complex has no escalation lines yet. A stale version answers 409.</param>
public sealed record EscalationRequest(string? WhoSignals, string? WhoActs, string? WhoDecides, List<EscalationLevelRequest>? Levels, [property: OptionalInPut] uint? Version);

public sealed record TeamRequest(List<TeamMemberRequest>? Members, EscalationRequest? Escalation);

public sealed record SignalStatusRequest([property: JsonConverter(typeof(CamelCaseEnum<SignalStatus>))] SignalStatus? Status, uint? Version);

public sealed record ActionOutcomeRequest([property: JsonConverter(typeof(CamelCaseEnum<ActionStatus>))] ActionStatus? Status, string? Outcome, uint? Version);

public sealed record ResidentCodePatternRequest(string? Pattern, string? Example, [property: OptionalInPut] uint? Version);

public sealed record TeamTextRequest([property: JsonConverter(typeof(CamelCaseEnum<TeamTextKind>))] TeamTextKind? Kind, string? Text, DateOnly? DatedOn);

/// <summary>
/// JSON API of flat teams and early signalling. Same handlers and rules as the pages: details only for the complex's
/// own flat team (403 without the flat-team role, 404 for another complex), every detail read logged, counts for leads.
/// </summary>
public static class SignallingApi
{
    public static RouteGroupBuilder Map(RouteGroupBuilder api)
    {
        var complex = api.MapGroup("/complexes/{id:guid}").WithTags("Signalling");
        complex.MapGet("/team", async (Guid id, GetTeamHandler handler, CancellationToken ct) =>
                await handler.GetAsync(id, ct) is { } team ? Results.Ok(ToResponse(team)) : NotFound())
            .WithName("GetFlatTeam").WithSummary("The complex's flat team: members with organisation, role, contact, start and end, and linked account; the escalation lines with their version; the ambition and work agenda with their history.")
            .WithMetadata(new RequirePermissionAttribute(Permission.ViewProgramme)).Produces<object>().ProducesProblem(StatusCodes.Status404NotFound);

        complex.MapPut("/team", async (Guid id, HttpRequest http, SaveTeamHandler save, GetTeamHandler current, CancellationToken ct) =>
            {
                var (request, problem) = await ApiBody.ReadAsync<TeamRequest>(http, ct);
                if (request is null)
                {
                    return problem!;
                }

                if (request.Members is null)
                {
                    return ApiBody.Invalid("members", "Stuur 'members' mee (een lege lijst mag).");
                }

                var missing = new Dictionary<string, string[]>();
                for (var i = 0; i < request.Members.Count; i++)
                {
                    if (request.Members[i]?.Role is null)
                    {
                        missing[$"members[{i}].role"] = ["Kies een rol."];
                    }
                }

                if (missing.Count > 0)
                {
                    return Results.ValidationProblem(missing, title: ApiBody.InvalidTitle);
                }

                if (request.Escalation is null)
                {
                    return ApiBody.Invalid("escalation", "Stuur 'escalation' mee (wie signaleert, wie schakelt, wie beslist en de niveaus; een lege lijst niveaus mag).");
                }

                var levels = request.Escalation.Levels ?? [];
                var result = await save.SaveAsync(id, [.. request.Members.Select(m => new TeamMemberInput
                {
                    Id = m.Id, Name = m.Name, Organisation = m.Organisation, Role = m.Role!.Value, Contact = m.Contact,
                    StartsOn = m.StartsOn?.ToDateTime(TimeOnly.MinValue), EndsOn = m.EndsOn?.ToDateTime(TimeOnly.MinValue), UserId = m.UserId,
                })], new EscalationInput(new EscalationContent(request.Escalation.WhoSignals, request.Escalation.WhoActs, request.Escalation.WhoDecides,
                    [.. levels.Select((l, i) => new EscalationLevel(l?.Level ?? -1, l?.Name ?? "", l?.Criteria ?? "", l?.Decides))]), request.Escalation.Version), ct);
                if (result.Kind == ResultKind.Conflict && await current.GetAsync(id, ct) is { } stored)
                {
                    return ApiResults.Conflict(ToResponse(stored));
                }

                return result.Kind == ResultKind.Invalid ? Invalid(result) : ApiResults.From(result, Results.NoContent);
            })
            .WithName("SaveFlatTeam").WithSummary("Replaces the flat team and its escalation lines (who signals, who acts, who decides; levels 0… with their criteria). Members left out are ended today, never deleted. A stale escalation version answers 409 with the current team.")
            .WithMetadata(new RequirePermissionAttribute(Permission.EditProgramme))
            .Accepts<TeamRequest>("application/json").ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        complex.MapGet("/meetings", async (Guid id, ListMeetingsHandler handler, CancellationToken ct) =>
                await handler.ListAsync(id, ct) is { } view ? Results.Ok(view) : NotFound())
            .WithName("ListSignalMeetings").WithSummary("The complex's early-signalling meetings, gap weeks and the open actions on the agenda. Flat team of this complex only; logged.")
            .WithMetadata(new RequirePermissionAttribute(Permission.ViewSignalDetails)).Produces<MeetingsView>().ProducesProblem(StatusCodes.Status404NotFound);

        complex.MapGet("/meetings/{meetingId:guid}", async (Guid id, Guid meetingId, GetMeetingHandler handler, CancellationToken ct) =>
                await handler.GetAsync(id, meetingId, ct) is { } view ? Results.Ok(view) : NotFound())
            .WithName("GetSignalMeeting").WithSummary("One meeting with its signals and actions. Flat team of this complex only; every read is logged.")
            .WithMetadata(new RequirePermissionAttribute(Permission.ViewSignalDetails)).Produces<MeetingView>().ProducesProblem(StatusCodes.Status404NotFound);

        complex.MapPost("/meetings", async (Guid id, HttpRequest http, HoldMeetingHandler hold, CancellationToken ct) =>
            {
                var (request, problem) = await ApiBody.ReadAsync<MeetingRequest>(http, ct);
                if (request is null)
                {
                    return problem!;
                }

                var missing = Missing(request);
                if (missing.Count > 0)
                {
                    return Results.ValidationProblem(missing, title: ApiBody.InvalidTitle);
                }

                var result = await hold.HoldAsync(id, ToInput(request), ct);
                return result.Kind switch
                {
                    ResultKind.Ok => Results.Created($"{http.PathBase}{http.Path}/{result.Id}", new CreatedResponse(result.Id!.Value)),
                    ResultKind.Invalid => Invalid(result),
                    _ => ApiResults.From(result, Results.NoContent),
                };
            })
            .WithName("HoldSignalMeeting").WithSummary("Records a meeting with its signals and actions. Identifying text is refused (400 naming the field, e.g. `signals[0].residentCode`).")
            .WithMetadata(new RequirePermissionAttribute(Permission.ViewSignalDetails))
            .Accepts<MeetingRequest>("application/json").Produces<CreatedResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        complex.MapGet("/signal-counts", async (Guid id, string? from, string? to, GetSignalCountsHandler handler, TimeProvider clock, CancellationToken ct) =>
            {
                var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
                if (!TryMonth(from, today.AddMonths(-11), out var start))
                {
                    return ApiBody.Invalid("from", "Geef een maand als JJJJ-MM.");
                }

                if (!TryMonth(to, today, out var end))
                {
                    return ApiBody.Invalid("to", "Geef een maand als JJJJ-MM.");
                }

                return await handler.GetAsync(id, start, end, ct) is { } view ? Results.Ok(view) : NotFound();
            })
            .WithName("GetSignalCounts").WithSummary("Signal counts per month and category (counts 1 and 2 shown as \"< 3\", count null). Never details.")
            .WithMetadata(new RequirePermissionAttribute(Permission.ViewSignalCounts)).Produces<SignalCountsView>().ProducesValidationProblem();

        complex.MapGet("/signal-counts.csv", async (Guid id, string? from, string? to, GetSignalCountsHandler handler, TimeProvider clock, CancellationToken ct) =>
            {
                var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
                if (!TryMonth(from, today.AddMonths(-11), out var start) || !TryMonth(to, today, out var end))
                {
                    return ApiBody.Invalid(TryMonth(from, today, out _) ? "to" : "from", "Geef een maand als JJJJ-MM.");
                }

                if (await handler.GetAsync(id, start, end, ct) is not { } view)
                {
                    return NotFound();
                }

                var csv = new System.Text.StringBuilder("complex;month;category;count\r\n");
                foreach (var row in view.Rows)
                {
                    csv.Append(Csv(view.ComplexName)).Append(';').Append(row.Month).Append(';')
                        .Append(JsonNamingPolicy.CamelCase.ConvertName(row.Category.ToString())).Append(';').Append(row.Shown).Append("\r\n");
                }

                return Results.File(System.Text.Encoding.UTF8.GetPreamble().Concat(System.Text.Encoding.UTF8.GetBytes(csv.ToString())).ToArray(),
                    "text/csv; charset=utf-8", $"signalen-{view.From}-{view.To}.csv");
            })
            .WithName("ExportSignalCounts").WithSummary("The signal counts as CSV (semicolon-separated; counts 1 and 2 as \"< 3\"). Counts only, never details.")
            .WithMetadata(new RequirePermissionAttribute(Permission.ViewSignalCounts)).Produces(StatusCodes.Status200OK, contentType: "text/csv");

        complex.MapPost("/team/texts", async (Guid id, HttpRequest http, RecordTeamTextHandler record, CancellationToken ct) =>
            {
                var (request, problem) = await ApiBody.ReadAsync<TeamTextRequest>(http, ct);
                if (request is null)
                {
                    return problem!;
                }

                if (request.Kind is null)
                {
                    return ApiBody.Invalid("kind", "Kies 'ambition' of 'workAgenda'.");
                }

                var result = await record.RecordAsync(id, request.Kind.Value, request.Text, request.DatedOn, ct);
                return result.Kind switch
                {
                    ResultKind.Ok => Results.Created($"{http.PathBase}{http.Path}/{result.Id}", new CreatedResponse(result.Id!.Value)),
                    ResultKind.Invalid => Invalid(result),
                    _ => ApiResults.From(result, Results.NoContent),
                };
            })
            .WithName("RecordTeamText").WithSummary("A new version of the team's ambition or work agenda (free text with the date it holds from); earlier versions stay in the history. Lead or the complex's own team.")
            .WithMetadata(new RequirePermissionAttribute(Permission.ViewProgramme))
            .Accepts<TeamTextRequest>("application/json").Produces<CreatedResponse>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        complex.MapPut("/signals/{signalId:guid}/status", async (Guid id, Guid signalId, HttpRequest http, FollowUpHandler followUp, CancellationToken ct) =>
            {
                var (request, problem) = await ApiBody.ReadAsync<SignalStatusRequest>(http, ct);
                if (request is null)
                {
                    return problem!;
                }

                if (request.Status is null)
                {
                    return ApiBody.Invalid("status", "Kies notPickedUp, pickedUp, monitoring of closed.");
                }

                if (request.Version is null)
                {
                    return ApiBody.MissingVersion();
                }

                var result = await followUp.SetSignalStatusAsync(id, signalId, request.Status.Value, request.Version.Value, ct);
                return result.Kind == ResultKind.Invalid ? Invalid(result) : ApiResults.From(result, Results.NoContent);
            })
            .WithName("SetSignalStatus").WithSummary("Moves a signal along: notPickedUp → pickedUp → monitoring → closed (closing needs every action finished). Flat team only; logged; a stale version answers 409.")
            .WithMetadata(new RequirePermissionAttribute(Permission.ViewSignalDetails))
            .Accepts<SignalStatusRequest>("application/json").ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        complex.MapPut("/actions/{actionId:guid}", async (Guid id, Guid actionId, HttpRequest http, FollowUpHandler followUp, CancellationToken ct) =>
            {
                var (request, problem) = await ApiBody.ReadAsync<ActionOutcomeRequest>(http, ct);
                if (request is null)
                {
                    return problem!;
                }

                if (request.Status is null)
                {
                    return ApiBody.Invalid("status", "Kies open, done of cancelled.");
                }

                if (request.Version is null)
                {
                    return ApiBody.MissingVersion();
                }

                var result = await followUp.FinishActionAsync(id, actionId, request.Status.Value, request.Outcome, request.Version.Value, ct);
                return result.Kind == ResultKind.Invalid ? Invalid(result) : ApiResults.From(result, Results.NoContent);
            })
            .WithName("FinishSignalAction").WithSummary("Finishes (done) or cancels an action with its outcome, or reopens it. Flat team only; logged; a stale version answers 409.")
            .WithMetadata(new RequirePermissionAttribute(Permission.ViewSignalDetails))
            .Accepts<ActionOutcomeRequest>("application/json").ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        api.MapGet("/settings/resident-code", async (ResidentCodeSettingsHandler settings, CancellationToken ct) => Results.Ok(await settings.GetAsync(ct)))
            .WithTags("Signalling").WithName("GetResidentCodePattern").WithSummary("The programme's resident-code pattern (default: one to three capitals, a hyphen and one to four digits).")
            .WithMetadata(new RequirePermissionAttribute(Permission.ViewProgramme)).Produces<ResidentCodeSettingsView>();

        api.MapPut("/settings/resident-code", async (HttpRequest http, ResidentCodeSettingsHandler settings, CancellationToken ct) =>
            {
                var (request, problem) = await ApiBody.ReadAsync<ResidentCodePatternRequest>(http, ct);
                if (request is null)
                {
                    return problem!;
                }

                var result = await settings.SaveAsync(request.Pattern, request.Example, request.Version, ct);
                return result.Kind == ResultKind.Conflict ? ApiResults.Conflict(await settings.GetAsync(ct)) : ApiResults.From(result, Results.NoContent);
            })
            .WithTags("Signalling").WithName("SaveResidentCodePattern").WithSummary("Sets the programme's resident-code pattern (a regular expression for the whole code) and an example. Refused when it could let a name, address or other identifying text through.")
            .WithMetadata(new RequirePermissionAttribute(Permission.EditProgramme))
            .Accepts<ResidentCodePatternRequest>("application/json").ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);

        api.MapGet("/access-log", async (string? search, Guid? complexId, DateOnly? from, DateOnly? to, ListAccessLogHandler handler, CancellationToken ct) =>
                Results.Ok(await handler.ListAsync(new AccessLogQuery(search, complexId, from, to), ct)))
            .WithTags("Signalling").WithName("ListAccessLog").WithSummary("The NEN 7513 access log of signal details, newest first (tenant admins).")
            .WithMetadata(new RequirePermissionAttribute(Permission.ViewAccessLog)).Produces<IReadOnlyList<AccessLogRow>>();
        return api;
    }

    private static string Csv(string value) => value.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;

    private static IResult NotFound() => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Niet gevonden");

    private static bool TryMonth(string? value, DateOnly fallback, out DateOnly month)
    {
        if (string.IsNullOrEmpty(value))
        {
            month = new DateOnly(fallback.Year, fallback.Month, 1);
            return true;
        }

        return DateOnly.TryParseExact(value + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out month);
    }

    private static Dictionary<string, string[]> Missing(MeetingRequest request)
    {
        var missing = new Dictionary<string, string[]>();
        if (request.Date is null)
        {
            missing["date"] = ["Vul de datum van het overleg in (JJJJ-MM-DD)."];
        }

        if (request.AttendeeIds is null)
        {
            missing["attendeeIds"] = ["Stuur 'attendeeIds' mee."];
        }

        for (var i = 0; i < (request.Signals?.Count ?? 0); i++)
        {
            var signal = request.Signals![i];
            if (signal?.Category is null)
            {
                missing[$"signals[{i}].category"] = ["Kies een categorie."];
            }

            if (signal?.NoticedBy is null)
            {
                missing[$"signals[{i}].noticedBy"] = ["Kies wie het signaal opmerkte."];
            }

            for (var a = 0; a < (signal?.Actions?.Count ?? 0); a++)
            {
                if (signal!.Actions![a]?.OwnerId is null)
                {
                    missing[$"signals[{i}].actions[{a}].ownerId"] = ["Kies wie de actie oppakt."];
                }

                if (signal.Actions[a]?.Due is null)
                {
                    missing[$"signals[{i}].actions[{a}].due"] = ["Vul in wanneer de actie klaar moet zijn."];
                }
            }
        }

        return missing;
    }

    private static MeetingInput ToInput(MeetingRequest request) => new()
    {
        HeldOn = request.Date!.Value.ToDateTime(TimeOnly.MinValue),
        AttendeeIds = request.AttendeeIds!,
        Signals = [.. (request.Signals ?? []).Select(s => new SignalInput
        {
            ResidentCode = s.ResidentCode, Category = s.Category!.Value, NoticedBy = s.NoticedBy!.Value, Description = s.Description,
            Actions = [.. (s.Actions ?? []).Select(a => new ActionInput
            {
                OwnerId = a.OwnerId, Due = a.Due?.ToDateTime(TimeOnly.MinValue), EscalationLevel = a.EscalationLevel ?? 0, WarmHandover = a.WarmHandover ?? false,
            })],
        })],
    };

    /// <summary>400 with the handler's fields as the API names them: <c>Signals[0].ResidentCode</c> → <c>signals[0].residentCode</c>, <c>HeldOn</c> → <c>date</c>.</summary>
    private static IResult Invalid(HandlerResult result) => Results.ValidationProblem(
        result.Errors.GroupBy(e => ApiField(e.Field)).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
        title: ApiBody.InvalidTitle);

    public static string ApiField(string? field) => field switch
    {
        null => "",
        nameof(MeetingInput.HeldOn) => "date",
        _ => string.Join('.', field.Split('.').Select(part => JsonNamingPolicy.CamelCase.ConvertName(part))),
    };

    private static object ToResponse(TeamView team) => new
    {
        team.ComplexId,
        team.ComplexName,
        Escalation = new
        {
            team.Escalation.WhoSignals, team.Escalation.WhoActs, team.Escalation.WhoDecides,
            Levels = team.Escalation.Levels.Select(l => new { l.Level, l.Name, l.Criteria, l.Decides }),
            Version = team.EscalationVersion,
        },
        Ambition = Text(team.Ambition),
        WorkAgenda = Text(team.WorkAgenda),
        History = team.History.Select(Text),
        Members = team.Members.Select(m => new
        {
            m.Id, m.Name, m.Organisation, Role = JsonNamingPolicy.CamelCase.ConvertName(m.Role.ToString()), m.Contact, m.StartsOn, m.EndsOn, m.UserId, m.Active,
        }),
    };

    private static object? Text(TeamTextView? text) => text is null ? null : new
    {
        text.Id, Kind = JsonNamingPolicy.CamelCase.ConvertName(text.Kind.ToString()), text.Text, text.DatedOn, text.RecordedByName, text.RecordedAt,
    };
}
