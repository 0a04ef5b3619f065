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

public sealed record TeamRequest(List<TeamMemberRequest>? Members);

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
            .WithName("GetFlatTeam").WithSummary("The complex's flat team: members with organisation, role, contact, start and end, and linked account.")
            .WithMetadata(new RequirePermissionAttribute(Permission.ViewProgramme)).Produces<object>().ProducesProblem(StatusCodes.Status404NotFound);

        complex.MapPut("/team", async (Guid id, HttpRequest http, SaveTeamHandler save, CancellationToken ct) =>
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

                var result = await save.SaveAsync(id, [.. request.Members.Select(m => new TeamMemberInput
                {
                    Id = m.Id, Name = m.Name, Organisation = m.Organisation, Role = m.Role!.Value, Contact = m.Contact,
                    StartsOn = m.StartsOn?.ToDateTime(TimeOnly.MinValue), EndsOn = m.EndsOn?.ToDateTime(TimeOnly.MinValue), UserId = m.UserId,
                })], ct);
                return result.Kind == ResultKind.Invalid ? Invalid(result) : ApiResults.From(result, Results.NoContent);
            })
            .WithName("SaveFlatTeam").WithSummary("Replaces the flat team. Members left out are ended today, never deleted.")
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
        Members = team.Members.Select(m => new
        {
            m.Id, m.Name, m.Organisation, Role = JsonNamingPolicy.CamelCase.ConvertName(m.Role.ToString()), m.Contact, m.StartsOn, m.EndsOn, m.UserId, m.Active,
        }),
    };
}
