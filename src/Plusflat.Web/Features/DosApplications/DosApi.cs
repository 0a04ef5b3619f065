using System.Globalization;
using System.Text.Json;
using Plusflat.Domain.DosApplications;
using Plusflat.Domain.Tenancy;
using Plusflat.Web.Features.Shared;
using Plusflat.Web.Tenancy;

namespace Plusflat.Web.Features.DosApplications;

public sealed record YearAmountDto(int? Year, decimal? Amount);

/// <summary><c>party</c>: municipality | housingCorporation | careProvider.</summary>
public sealed record CoalitionDto(string? Party, string? Organisation, string? AgreedBy, DateOnly? AgreedOn);

public sealed record EstablishmentDto(string? Body, DateOnly? Date, string? Reference);

/// <summary>POST/PUT body of an application; <c>zorgkantoor</c> is the addressed zorgkantoor's slug.</summary>
public sealed record DosApplicationRequest(
    Guid? ComplexId, string? Zorgkantoor, string? Submitter, List<CoalitionDto?>? Coalition, EstablishmentDto? Establishment,
    int? FirstYear, int? LastYear, List<YearAmountDto?>? Requested, int? BusinessCaseVersion, [property: OptionalInPut] uint? Version);

public sealed record DosCreatedResponse(Guid Id);

public sealed record DosListResponse(
    Guid Id, Guid ComplexId, string ComplexName, string Municipality, string Programme, string Zorgkantoor, string Status, int FirstYear, int LastYear,
    decimal RequestedTotal, DateTimeOffset? SubmittedAt, int? DaysSinceReceipt, DateOnly? DueOn, string? DueWhat, bool Overdue);

public sealed record DosTimelineResponse(DateTimeOffset At, string Kind, string From, string To, string By, string Side, string? Text);

public sealed record DosDecisionResponse(string Outcome, DateOnly DecidedOn, DateOnly? EffectiveOn, DateOnly? ReviewOn, DateOnly ObjectionDeadline,
    IReadOnlyList<YearAmount> Amounts, decimal Total, string Reasons, string DecidedBy, string? LabelNumber);

public sealed record BudgetResponse(int Year, decimal Total, decimal Committed, decimal Available, uint? Version = null);

public sealed record DosAssessmentResponse(int CatalogueVersion, IReadOnlyList<CriterionScore> Scores, string? Comments, bool Complete, int Total, int MaxTotal, bool Positive, uint? Version);

public sealed record DosApplicationResponse(
    Guid Id, Guid ComplexId, string Programme, string Zorgkantoor, string Status, string Submitter, IReadOnlyList<CoalitionDto> Coalition,
    EstablishmentDto? Establishment, int FirstYear, int LastYear, IReadOnlyList<YearAmount> Requested, decimal RequestedTotal, DosSnapshot Snapshot,
    DateTimeOffset? SubmittedAt, DateOnly? CompleteOn, string? OpenQuestion, DateOnly? DueOn, string? DueWhat, bool Overdue,
    IReadOnlyList<string> UnmetConditions, DosDecisionResponse? Decision, IReadOnlyList<DosTimelineResponse> Timeline, uint Version,
    DosAssessmentResponse? Assessment = null, IReadOnlyList<BudgetResponse>? Budgets = null);

public sealed record DosAnswerRequest(string? Answer, int? BusinessCaseVersion);

public sealed record DosWithdrawRequest(string? Reason);

public sealed record DosAssessmentRequest(int? CatalogueVersion, List<CriterionScore?>? Scores, string? Comments, [property: OptionalInPut] uint? Version);

public sealed record DosDecisionRequest(string? Outcome, List<YearAmountDto?>? Amounts, string? Reasons, DateOnly? DecidedOn, DateOnly? EffectiveOn, DateOnly? ReviewOn);

public sealed record BudgetRequest(decimal? Total, [property: OptionalInPut] uint? Version);

public sealed record DosCriteriaResponse(int Version, string Name, DateOnly ValidFrom, IReadOnlyList<DosCriterion> Criteria, int MaxScore);

/// <summary>JSON API of DOS applications: the programme's side, the zorgkantoor's side, the budget and the label register.</summary>
public static class DosApi
{
    public static RouteGroupBuilder Map(RouteGroupBuilder api)
    {
        var own = api.MapGroup("/dos-applications").WithTags("DosApplications");
        own.MapPost("/", async (HttpRequest http, SaveDosApplicationHandler save, GetDosApplicationsHandler get, CurrentTenant current, CancellationToken ct) =>
            {
                var (request, problem) = await ApiBody.ReadAsync<DosApplicationRequest>(http, ct);
                if (request is null)
                {
                    return problem!;
                }

                var (input, invalid) = await ToInputAsync(request, get, ct);
                if (invalid is not null)
                {
                    return invalid;
                }

                var result = await save.CreateAsync(input, ct);
                return ApiResults.From(result, () => Results.Created($"/api/v1/{current.Slug}/dos-applications/{result.Id}", new DosCreatedResponse(result.Id!.Value)));
            })
            .WithName("CreateDosApplication")
            .WithSummary("Creates a draft DOS application for a complex, addressed to one zorgkantoor (`zorgkantoor`: its slug), with frozen snapshots of the complex, the admission gate, the product standard and a frozen business-case version (`businessCaseVersion`, default the newest).")
            .WithMetadata(new RequirePermissionAttribute(Permission.SubmitApplications))
            .Accepts<DosApplicationRequest>("application/json")
            .Produces<DosCreatedResponse>(StatusCodes.Status201Created).ProducesValidationProblem();

        own.MapGet("/", async (string? status, Guid? complexId, GetDosApplicationsHandler get, CancellationToken ct) =>
                ParseStatus(status, out var parsed) is { } bad ? bad : Results.Ok((await get.ListAsync(parsed, null, null, complexId, ct)).Select(ToList)))
            .WithName("ListDosApplications").WithSummary("The programme's applications, newest change first; filter on `status` and `complexId`.")
            .WithMetadata(new RequirePermissionAttribute(Permission.ViewProgramme))
            .Produces<IReadOnlyList<DosListResponse>>();

        own.MapGet("/{id:guid}", async (Guid id, GetDosApplicationsHandler get, CancellationToken ct) =>
                await get.GetAsync(id, ct) is { } view ? Results.Ok(ToResponse(view)) : NotFound())
            .WithName("GetDosApplication").WithSummary("One application: details, snapshots, status, the open question, the decision and the timeline.")
            .WithMetadata(new RequirePermissionAttribute(Permission.ViewProgramme))
            .Produces<DosApplicationResponse>().ProducesProblem(StatusCodes.Status404NotFound);

        own.MapPut("/{id:guid}", async (Guid id, HttpRequest http, SaveDosApplicationHandler save, GetDosApplicationsHandler get, CancellationToken ct) =>
            {
                var (request, problem) = await ApiBody.ReadAsync<DosApplicationRequest>(http, ct);
                if (request is null)
                {
                    return problem!;
                }

                var (input, invalid) = await ToInputAsync(request, get, ct);
                if (invalid is not null)
                {
                    return invalid;
                }

                input.ComplexId ??= Guid.Empty;
                var result = await save.ReviseAsync(id, input, ct);
                if (result.Kind == ResultKind.Conflict && await get.GetAsync(id, ct) is { } stored)
                {
                    return ApiResults.Conflict(ToResponse(stored));
                }

                return ApiResults.From(result, Results.NoContent);
            })
            .WithName("ReviseDosApplication").WithSummary("Replaces a draft's details (or those of one with an open question) and takes fresh snapshots. `version` as last read (409 with the current values when stale).")
            .WithMetadata(new RequirePermissionAttribute(Permission.SubmitApplications))
            .Accepts<DosApplicationRequest>("application/json")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status404NotFound);

        own.MapPost("/{id:guid}/submit", async (Guid id, SaveDosApplicationHandler save, GetDosApplicationsHandler get, CancellationToken ct) =>
            {
                var result = await save.SubmitAsync(id, ct);
                return result.Succeeded && await get.GetAsync(id, ct) is { } view ? Results.Ok(ToResponse(view)) : ApiResults.From(result, Results.NoContent);
            })
            .WithName("SubmitDosApplication").WithSummary("Submits the draft to its zorgkantoor with fresh snapshots. 400 lists every unmet condition at once (gate, standard, businessCase, coalition, establishment, requested).")
            .WithMetadata(new RequirePermissionAttribute(Permission.SubmitApplications))
            .Produces<DosApplicationResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        own.MapPost("/{id:guid}/answer", async (Guid id, HttpRequest http, SaveDosApplicationHandler save, GetDosApplicationsHandler get, CancellationToken ct) =>
            {
                var (request, problem) = await ApiBody.ReadAsync<DosAnswerRequest>(http, ct);
                if (request is null)
                {
                    return problem!;
                }

                var result = await save.AnswerAsync(id, request.Answer, request.BusinessCaseVersion, ct);
                return result.Succeeded && await get.GetAsync(id, ct) is { } view ? Results.Ok(ToResponse(view)) : ApiResults.From(result, Results.NoContent);
            })
            .WithName("AnswerDosApplication").WithSummary("Answers the zorgkantoor's question and resubmits with fresh snapshots.")
            .WithMetadata(new RequirePermissionAttribute(Permission.SubmitApplications))
            .Accepts<DosAnswerRequest>("application/json")
            .Produces<DosApplicationResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        own.MapPost("/{id:guid}/withdraw", async (Guid id, HttpRequest http, SaveDosApplicationHandler save, GetDosApplicationsHandler get, CancellationToken ct) =>
            {
                var (request, problem) = await ApiBody.ReadAsync<DosWithdrawRequest>(http, ct);
                if (request is null)
                {
                    return problem!;
                }

                var result = await save.WithdrawAsync(id, request.Reason, ct);
                return result.Succeeded && await get.GetAsync(id, ct) is { } view ? Results.Ok(ToResponse(view)) : ApiResults.From(result, Results.NoContent);
            })
            .WithName("WithdrawDosApplication").WithSummary("Withdraws an application that is not yet decided (409 when it is).")
            .WithMetadata(new RequirePermissionAttribute(Permission.SubmitApplications))
            .Accepts<DosWithdrawRequest>("application/json")
            .Produces<DosApplicationResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status404NotFound);

        var received = api.MapGroup("/received-applications").WithTags("ReceivedApplications");
        received.MapGet("/", async (string? status, string? programme, string? municipality, GetDosApplicationsHandler get, CancellationToken ct) =>
                ParseStatus(status, out var parsed) is { } bad ? bad : Results.Ok((await get.ListAsync(parsed, programme, municipality, null, ct)).Select(ToList)))
            .WithName("ListReceivedApplications").WithSummary("The applications addressed to this zorgkantoor (never drafts), with days since receipt and the next deadline; filter on `status`, `programme`, `municipality`.")
            .WithMetadata(new RequirePermissionAttribute(Permission.ViewReceivedApplications))
            .Produces<IReadOnlyList<DosListResponse>>();

        received.MapGet("/{id:guid}", async (Guid id, GetDosApplicationsHandler get, CancellationToken ct) =>
                await get.GetAsync(id, ct) is { } view ? Results.Ok(ToResponse(view)) : NotFound())
            .WithName("GetReceivedApplication").WithSummary("One received application with its snapshots, this zorgkantoor's assessment and the budget positions of its years.")
            .WithMetadata(new RequirePermissionAttribute(Permission.ViewReceivedApplications))
            .Produces<DosApplicationResponse>().ProducesProblem(StatusCodes.Status404NotFound);

        received.MapPut("/{id:guid}/assessment", async (Guid id, HttpRequest http, SaveDosAssessmentHandler save, GetDosApplicationsHandler get, CancellationToken ct) =>
            {
                var (request, problem) = await ApiBody.ReadAsync<DosAssessmentRequest>(http, ct);
                if (request is null)
                {
                    return problem!;
                }

                var result = await save.SaveAsync(id, new DosAssessmentInput
                {
                    CatalogueVersion = request.CatalogueVersion, Scores = [.. (request.Scores ?? []).OfType<CriterionScore>()], Comments = request.Comments, Version = request.Version,
                }, ct);
                if (result.Kind == ResultKind.Conflict && await get.GetAsync(id, ct) is { } stored)
                {
                    return ApiResults.Conflict(ToResponse(stored));
                }

                return ApiResults.From(result, Results.NoContent);
            })
            .WithName("AssessReceivedApplication").WithSummary("Scores the application against the national criteria (`scores`: key, score 0–3, justification) with comments. `version`: the assessment's, omitted for the first.")
            .WithMetadata(new RequirePermissionAttribute(Permission.AssessApplications))
            .Accepts<DosAssessmentRequest>("application/json")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status404NotFound);

        received.MapPost("/{id:guid}/decision", async (Guid id, HttpRequest http, DecideDosApplicationHandler decide, GetDosApplicationsHandler get, CancellationToken ct) =>
            {
                var (request, problem) = await ApiBody.ReadAsync<DosDecisionRequest>(http, ct);
                if (request is null)
                {
                    return problem!;
                }

                var amounts = request.Amounts ?? [];
                var missingYear = amounts.Select((a, i) => (a, i)).Where(x => x.a?.Year is null).Select(x => $"amounts[{x.i}].year").ToList();
                if (missingYear.Count > 0)
                {
                    return Results.ValidationProblem(missingYear.ToDictionary(f => f, _ => new[] { "Vul het jaar in." }), title: ApiBody.InvalidTitle);
                }

                var result = await decide.DecideAsync(id, new DosDecisionInput
                {
                    Outcome = request.Outcome, Reasons = request.Reasons, DecidedOn = request.DecidedOn, EffectiveOn = request.EffectiveOn, ReviewOn = request.ReviewOn,
                    Amounts = [.. amounts.Select(a => new YearAmountInput { Year = a!.Year!.Value, Amount = a.Amount })],
                }, ct);
                return result.Succeeded && await get.GetAsync(id, ct) is { } view ? Results.Ok(ToResponse(view)) : ApiResults.From(result, Results.NoContent);
            })
            .WithName("DecideReceivedApplication")
            .WithSummary("`outcome` grant (the label and `amounts` per year, default the requested amounts; needs a complete assessment) | reject (`reasons`) | moreInformation (`reasons` is the question). 409 when already decided, or when a grant would exceed a year's available budget.")
            .WithMetadata(new RequirePermissionAttribute(Permission.AssessApplications))
            .Accepts<DosDecisionRequest>("application/json")
            .Produces<DosApplicationResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/dos-budget/{year:int}", async (int year, DosBudgetHandler budgets, CancellationToken ct) =>
            {
                var (position, version) = await budgets.GetAsync(year, ct);
                return Results.Ok(new BudgetResponse(position.Year, position.Total, position.Committed, position.Available, version));
            })
            .WithTags("DosBudget").WithName("GetDosBudget").WithSummary("The zorgkantoor's DOS budget for a year: total, committed (granted labels) and available.")
            .WithMetadata(new RequirePermissionAttribute(Permission.ViewReceivedApplications))
            .Produces<BudgetResponse>();

        api.MapPut("/dos-budget/{year:int}", async (int year, HttpRequest http, DosBudgetHandler budgets, CancellationToken ct) =>
            {
                var (request, problem) = await ApiBody.ReadAsync<BudgetRequest>(http, ct);
                if (request is null)
                {
                    return problem!;
                }

                var result = await budgets.SetAsync(year, request.Total, request.Version, ct);
                if (result.Kind == ResultKind.Conflict)
                {
                    var (position, version) = await budgets.GetAsync(year, ct);
                    return ApiResults.Conflict(new BudgetResponse(position.Year, position.Total, position.Committed, position.Available, version));
                }

                if (!result.Succeeded)
                {
                    return ApiResults.From(result, Results.NoContent);
                }

                var (stored, storedVersion) = await budgets.GetAsync(year, ct);
                return Results.Ok(new BudgetResponse(stored.Year, stored.Total, stored.Committed, stored.Available, storedVersion));
            })
            .WithTags("DosBudget").WithName("SetDosBudget").WithSummary("Sets the year's total (never below what is committed). `version` as last read; omitted for a new year.")
            .WithMetadata(new RequirePermissionAttribute(Permission.AssessApplications))
            .Accepts<BudgetRequest>("application/json")
            .Produces<BudgetResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);

        api.MapGet("/labels", async (DosBudgetHandler budgets, CancellationToken ct) => Results.Ok(await budgets.LabelsAsync(ct)))
            .WithTags("DosBudget").WithName("ListLabels").WithSummary("The label register: every Plusflat label this zorgkantoor granted, with complex, programme, period and amounts.")
            .WithMetadata(new RequirePermissionAttribute(Permission.ViewReceivedApplications))
            .Produces<IReadOnlyList<DosLabelRow>>();

        api.MapGet("/dos-criteria", (TimeProvider clock) =>
            {
                var c = DosCriteriaCatalogue.Current(Dates.Today(clock));
                return Results.Ok(new DosCriteriaResponse(c.Version, c.Name, c.ValidFrom, c.Criteria, DosCriteriaCatalogue.MaxScore));
            })
            .WithTags("ReceivedApplications").WithName("GetDosCriteria").WithSummary("The current version of the uniform national criteria, each with its weight.")
            .WithMetadata(new RequirePermissionAttribute(Permission.ViewTenant))
            .Produces<DosCriteriaResponse>();
        return api;
    }

    /// <summary>The decision letter, a download next to the pages (for both sides).</summary>
    public static IEndpointRouteBuilder MapLetter(IEndpointRouteBuilder app)
    {
        app.MapGet("/{tenant}/dos/{id:guid}/besluitbrief.pdf", async (Guid id, DosLetterHandler letters, CancellationToken ct) =>
                await letters.PdfAsync(id, ct) is { } pdf ? Results.File(pdf, "application/pdf", $"besluitbrief-{id}.pdf") : Results.NotFound())
            .WithMetadata(new RequirePermissionAttribute(Permission.ViewTenant))
            .ExcludeFromDescription();
        return app;
    }

    private static async Task<(DosApplicationInput Input, IResult? Problem)> ToInputAsync(DosApplicationRequest request, GetDosApplicationsHandler get, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var input = new DosApplicationInput
        {
            ComplexId = request.ComplexId, Submitter = request.Submitter, FirstYear = request.FirstYear, LastYear = request.LastYear,
            BusinessCaseVersion = request.BusinessCaseVersion, Version = request.Version,
            EstablishmentBody = request.Establishment?.Body, EstablishmentOn = request.Establishment?.Date, EstablishmentReference = request.Establishment?.Reference,
        };
        if (request.Zorgkantoor is { Length: > 0 } slug)
        {
            var match = (await get.ZorgkantorenAsync(ct)).FirstOrDefault(z => z.Slug == slug);
            if (match is null)
            {
                errors["zorgkantoor"] = [$"'{slug}' is geen zorgkantoor in het portaal."];
            }

            input.ZorgkantoorTenantId = match?.Id;
        }

        foreach (var (entry, index) in (request.Coalition ?? []).Select((c, i) => (c, i)))
        {
            if (entry is null || !Parties.TryGetValue(entry.Party ?? "", out var party))
            {
                errors[$"coalition[{index}].party"] = [$"Kies uit {string.Join(", ", Parties.Keys)}."];
                continue;
            }

            input.Coalition.Add(new CoalitionInput { Party = party, Organisation = entry.Organisation, AgreedBy = entry.AgreedBy, AgreedOn = entry.AgreedOn });
        }

        foreach (var (entry, index) in (request.Requested ?? []).Select((r, i) => (r, i)))
        {
            if (entry?.Year is null)
            {
                errors[$"requested[{index}].year"] = ["Vul het jaar in."];
                continue;
            }

            input.Requested.Add(new YearAmountInput { Year = entry.Year.Value, Amount = entry.Amount });
        }

        return (input, errors.Count > 0 ? Results.ValidationProblem(errors, title: ApiBody.InvalidTitle) : null);
    }

    private static readonly Dictionary<string, CoalitionParty> Parties = Enum.GetValues<CoalitionParty>().ToDictionary(Name, p => p, StringComparer.Ordinal);

    private static readonly Dictionary<string, DosApplicationStatus> Statuses = Enum.GetValues<DosApplicationStatus>().ToDictionary(Name, s => s, StringComparer.Ordinal);

    private static IResult? ParseStatus(string? status, out DosApplicationStatus? parsed)
    {
        parsed = null;
        if (string.IsNullOrEmpty(status))
        {
            return null;
        }

        if (Statuses.TryGetValue(status, out var value))
        {
            parsed = value;
            return null;
        }

        return ApiBody.Invalid("status", $"Onbekende status '{status}': kies uit {string.Join(", ", Statuses.Keys)}.");
    }

    private static IResult NotFound() => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Niet gevonden");

    internal static string Name<T>(T value) where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    private static DosListResponse ToList(DosListItem i) => new(i.Id, i.ComplexId, i.ComplexName, i.Municipality, i.ProgrammeName, i.ZorgkantoorName, Name(i.Status),
        i.FirstYear, i.LastYear, i.RequestedTotal, i.SubmittedAt, i.DaysSinceReceipt, i.Deadline?.DueOn, i.Deadline?.What, i.Deadline?.Overdue == true);

    internal static DosApplicationResponse ToResponse(DosApplicationView v) => new(
        v.Id, v.ComplexId, v.ProgrammeName, v.ZorgkantoorName, Name(v.Status), v.Details.Submitter,
        [.. v.Details.Coalition.Select(c => new CoalitionDto(Name(c.Party), c.Organisation, c.AgreedBy, c.AgreedOn))],
        v.Details.Establishment is { } e ? new EstablishmentDto(e.Body, e.EstablishedOn, e.Reference) : null,
        v.Details.FirstYear, v.Details.LastYear, v.Details.Requested, v.Details.RequestedTotal, v.Snapshot, v.SubmittedAt, v.CompleteOn, v.OpenQuestion,
        v.Deadline?.DueOn, v.Deadline?.What, v.Deadline?.Overdue == true, v.UnmetConditions,
        v.Decision is { } d ? new DosDecisionResponse(d.Outcome == DosApplicationStatus.Granted ? "grant" : "reject", d.DecidedOn, d.EffectiveOn, d.ReviewOn, d.ObjectionDeadline,
            d.Amounts, d.Total, d.Reasons, d.DecidedBy, d.LabelNumber) : null,
        [.. v.Timeline.Select(t => new DosTimelineResponse(t.At, Name(t.Kind), Name(t.From), Name(t.To), t.By, t.ByZorgkantoor ? "zorgkantoor" : "programme", t.Text))],
        v.Version,
        v.Assessment is { } a ? new DosAssessmentResponse(a.CatalogueVersion, a.Scores, a.Comments, a.Scoring.Complete, a.Scoring.Total, a.Scoring.MaxTotal, a.Scoring.Positive, a.Version) : null,
        v.Assessment is null ? null : [.. v.Budgets.Select(b => new BudgetResponse(b.Year, b.Total, b.Committed, b.Available))]);

    internal static string Euro(decimal amount) => amount.ToString("C2", CultureInfo.GetCultureInfo("nl-NL"));
}
