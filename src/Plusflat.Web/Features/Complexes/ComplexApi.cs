using System.Text.Json.Serialization;
using Plusflat.Domain.Phases;
using Plusflat.Domain.Standard;
using Plusflat.Web.Features.Partners;
using Plusflat.Web.Features.Standard;
using Plusflat.Domain.Tenancy;
using Plusflat.Web.Features.Shared;
using Plusflat.Web.Tenancy;

namespace Plusflat.Web.Features.Complexes;

/// <summary>A complex as the API reads and writes it (JSON numbers; phase read-only: it changes through /phase).</summary>
public sealed record ComplexRequest(
    string? Name, string? Address, string? Postcode, string? Municipality, string? District, Guid? HousingCorporationId,
    Guid? PreferredCareProviderId, Guid? WelfarePartyId,
    int? DwellingCount, decimal? ShareAged65Plus, int? ZeroStepDwellings, decimal? ShareSocialRent,
    bool HasCommonRoom, bool CommonRoomOpenToNeighbourhood, bool NearFacilities, bool HasWorkspaceForTeam,
    string? ClusterName, string? Notes, uint? Version)
{
    public ComplexInput ToInput() => new()
    {
        Name = Name ?? "",
        Address = Address ?? "",
        Postcode = Postcode ?? "",
        Municipality = Municipality ?? "",
        District = District,
        HousingCorporationId = HousingCorporationId,
        PreferredCareProviderId = PreferredCareProviderId,
        WelfarePartyId = WelfarePartyId,
        DwellingCount = DwellingCount,
        ShareAged65Plus = ShareAged65Plus,
        ZeroStepDwellings = ZeroStepDwellings,
        ShareSocialRent = ShareSocialRent,
        HasCommonRoom = HasCommonRoom,
        CommonRoomOpenToNeighbourhood = CommonRoomOpenToNeighbourhood,
        NearFacilities = NearFacilities,
        HasWorkspaceForTeam = HasWorkspaceForTeam,
        ClusterName = ClusterName,
        Notes = Notes,
        Version = Version ?? 0,
    };
}

public sealed record ComplexResponse(
    Guid Id, string Name, string Address, string Postcode, string Municipality, string? District, Guid? HousingCorporationId,
    Guid? PreferredCareProviderId, Guid? WelfarePartyId, int DwellingCount, decimal? ShareAged65Plus, int? ZeroStepDwellings, decimal? ShareSocialRent,
    bool HasCommonRoom, bool CommonRoomOpenToNeighbourhood, bool NearFacilities, bool HasWorkspaceForTeam,
    string? ClusterName, string? Notes, int CurrentPhase, string CurrentPhaseName, uint Version, DateTimeOffset? ArchivedAt = null);

/// <summary>
/// A complex of the list with its computed gate (<c>notAssessed</c> | <c>passed</c> | <c>failed</c>), standard
/// (<c>notAssessed</c> | <c>met</c> | <c>notMet</c>), label eligibility and re-assessment
/// (<c>notAssessed</c> | <c>current</c> | <c>due</c> | <c>overdue</c>, due on <c>reassessOn</c>).
/// </summary>
public sealed record ComplexListItem(Guid Id, string Name, string Municipality, string? District, Guid? HousingCorporationId,
    string? HousingCorporationName, int DwellingCount, int CurrentPhase,
    [property: JsonConverter(typeof(CamelCaseEnum<GateState>))] GateState Gate,
    IReadOnlyList<string> FailedThresholds,
    [property: JsonConverter(typeof(CamelCaseEnum<StandardState>))] StandardState Standard,
    IReadOnlyList<string> MissingMusts,
    IReadOnlyList<string> Exclusions,
    bool Eligible,
    [property: JsonConverter(typeof(CamelCaseEnum<AssessmentDue>))] AssessmentDue Reassessment,
    DateOnly? ReassessOn);

public sealed record ComplexListResponse(IReadOnlyList<ComplexListItem> Items, int TotalCount, int Page, int PageSize);

public sealed record PhaseItemResponse(Guid ItemId, int Phase, string Title, bool Ticked, DateOnly? TickedOn, string? TickedBy);

public sealed record PhaseResponse(Guid ComplexId, int CurrentPhase, string CurrentPhaseName, uint Version, IReadOnlyList<PhaseItemResponse> Items,
    IReadOnlyList<TimelineEntry> Timeline);

public sealed record PhaseTransitionRequest(int? ToPhase, string? Reason, uint? Version);

/// <summary>JSON API for complexes and their phases: /api/v1/{tenant}/complexes. Same handlers and permissions as the pages.</summary>
public static class ComplexApi
{
    public static RouteGroupBuilder Map(RouteGroupBuilder api)
    {
        var complexes = api.MapGroup("/complexes").WithTags("Complexes");

        complexes.MapGet("/", async (ListComplexesHandler handler, string? phase, string? municipality, string? district, string? corporationId,
                string? q, string? sort, string? descending, string? page, string? pageSize, string? archived,
                string? gate, string? standard, string? eligible, string? reassessment, CancellationToken ct) =>
            {
                var query = new QueryValues();
                var filter = ApiFilter(query, phase, municipality, district, corporationId, q, sort, descending) with
                {
                    Page = query.Int("page", page) ?? 1,
                    PageSize = query.Int("pageSize", pageSize) ?? ComplexFilter.DefaultPageSize,
                    Archived = query.Bool("archived", archived) ?? false,
                    Gate = query.Enum<GateState>("gate", gate),
                    Standard = query.Enum<StandardState>("standard", standard),
                    Eligible = query.Bool("eligible", eligible),
                    Reassessment = query.Enum<AssessmentDue>("reassessment", reassessment),
                };
                if (query.HasErrors)
                {
                    return query.Problem();
                }

                var result = await handler.ListAsync(filter, ct);
                return Results.Ok(new ComplexListResponse(
                    result.Items.Select(ToListItem).ToList(),
                    result.TotalCount, result.Page, result.PageSize));
            })
            .WithName("ListComplexes").WithSummary("Complexes of the programme, filtered, sorted and paged.")
            .WithDescription("Active complexes only; `archived=true` lists the archived ones instead. Each complex carries its admission gate, product "
                             + "standard and label eligibility as computed now; `gate` (notAssessed|passed|failed), `standard` (notAssessed|met|notMet), "
                             + "`eligible` (true|false) and `reassessment` (notAssessed|current|due|overdue) filter on them.")
            .WithMetadata(new RequirePermissionAttribute(Permission.ViewProgramme))
            .Produces<ComplexListResponse>();

        complexes.MapGet("/export.csv", async (ExportComplexesHandler handler, CurrentTenant current, string? phase, string? municipality, string? district,
                string? corporationId, string? q, string? sort, string? descending, CancellationToken ct) =>
            {
                var query = new QueryValues();
                var filter = ApiFilter(query, phase, municipality, district, corporationId, q, sort, descending);
                return query.HasErrors ? query.Problem()
                    : Results.File(await handler.CsvAsync(filter, ct), "text/csv; charset=utf-8", $"wooncomplexen-{current.Slug}.csv");
            })
            .WithName("ExportComplexesCsv")
            .WithSummary("Every complex of the filter (no paging) as CSV (semicolons, Dutch decimals): facts, partners, percentages, phase and since when, checklist progress.")
            .WithMetadata(new RequirePermissionAttribute(Permission.ViewProgramme))
            .Produces(StatusCodes.Status200OK, contentType: "text/csv").ProducesValidationProblem();

        complexes.MapGet("/export.xlsx", async (ExportComplexesHandler handler, CurrentTenant current, string? phase, string? municipality, string? district,
                string? corporationId, string? q, string? sort, string? descending, CancellationToken ct) =>
            {
                var query = new QueryValues();
                var filter = ApiFilter(query, phase, municipality, district, corporationId, q, sort, descending);
                return query.HasErrors ? query.Problem()
                    : Results.File(await handler.XlsxAsync(filter, ct), ExportComplexesHandler.XlsxContentType, $"wooncomplexen-{current.Slug}.xlsx");
            })
            .WithName("ExportComplexesXlsx")
            .WithSummary("The same selection and columns as the CSV, as an .xlsx workbook with number and date cells.")
            .WithMetadata(new RequirePermissionAttribute(Permission.ViewProgramme))
            .Produces(StatusCodes.Status200OK, contentType: ExportComplexesHandler.XlsxContentType).ProducesValidationProblem();

        complexes.MapGet("/{id:guid}", async (Guid id, EditComplexHandler handler, CancellationToken ct) =>
                await CurrentAsync(id, handler, ct) is { } complex
                    ? Results.Ok(complex)
                    : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Niet gevonden"))
            .WithName("GetComplex").WithSummary("One complex with its facts and current phase.")
            .WithMetadata(new RequirePermissionAttribute(Permission.ViewProgramme))
            .Produces<ComplexResponse>().ProducesProblem(StatusCodes.Status404NotFound);

        complexes.MapPost("/", async (HttpRequest http, EditComplexHandler handler, FindDuplicateComplexesHandler duplicates, CurrentTenant current,
                string? allowDuplicate, CancellationToken ct) =>
            {
                var flag = new QueryValues();
                var allow = flag.Bool("allowDuplicate", allowDuplicate) ?? false;
                if (flag.HasErrors)
                {
                    return flag.Problem();
                }

                var (request, problem) = await ApiBody.ReadAsync<ComplexRequest>(http, ct);
                if (request is null)
                {
                    return problem!;
                }

                var input = request.ToInput();
                var result = await handler.CreateAsync(input, allow, ct);
                if (ComplexArchiveApi.IsDuplicate(result))
                {
                    return ComplexArchiveApi.Duplicates(await duplicates.FindAsync(input, null, ct), current.Slug);
                }

                return ApiResults.From(result, () => Results.Created($"/api/v1/{current.Slug}/complexes/{result.Id}", new { id = result.Id }));
            })
            .WithName("CreateComplex").WithSummary("Adds a complex (it starts in phase 0).")
            .WithDescription(ComplexArchiveApi.DuplicateDescription)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithMetadata(new RequirePermissionAttribute(Permission.EditProgramme))
            .Accepts<ComplexRequest>("application/json")
            .ProducesValidationProblem();

        complexes.MapPut("/{id:guid}", async (Guid id, HttpRequest http, EditComplexHandler handler, FindDuplicateComplexesHandler duplicates,
                CurrentTenant current, string? allowDuplicate, CancellationToken ct) =>
            {
                var flag = new QueryValues();
                var allow = flag.Bool("allowDuplicate", allowDuplicate) ?? false;
                if (flag.HasErrors)
                {
                    return flag.Problem();
                }

                var (request, problem) = await ApiBody.ReadAsync<ComplexRequest>(http, ct);
                if (request is null)
                {
                    return problem!;
                }

                if (request.Version is null)
                {
                    return ApiBody.MissingVersion();
                }

                var input = request.ToInput();
                var result = await handler.UpdateAsync(id, input, allow, ct);
                if (ComplexArchiveApi.IsDuplicate(result))
                {
                    return ComplexArchiveApi.Duplicates(await duplicates.FindAsync(input, id, ct), current.Slug);
                }

                if (result.Kind == ResultKind.Conflict && await CurrentAsync(id, handler, ct) is { } stored)
                {
                    return ApiResults.Conflict(stored);
                }

                return ApiResults.From(result, Results.NoContent);
            })
            .WithName("UpdateComplex").WithSummary("Changes a complex's facts; send every field (null clears one; a missing field answers 400); `version` must be the one last read (409 with the current values otherwise).")
            .WithDescription("Every changed field is kept in the complex's history (who, when, old and new value). An archived complex cannot be changed (400). "
                             + ComplexArchiveApi.DuplicateDescription + " On a change, only a change of name, municipality, postcode or house number is checked.")
            .WithMetadata(new RequirePermissionAttribute(Permission.EditProgramme))
            .Accepts<ComplexRequest>("application/json")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status404NotFound);

        complexes.MapGet("/{id:guid}/phase", async (Guid id, PhaseHandler phases, CancellationToken ct) =>
                await phases.GetAsync(id, ct) is { } view
                    ? Results.Ok(new PhaseResponse(view.ComplexId, view.CurrentPhase, PhaseNames.Of(view.CurrentPhase), view.Version,
                        view.Items.Select(i => new PhaseItemResponse(i.ItemId, i.Phase, i.Title, i.Ticked, i.TickedOn, i.TickedBy)).ToList(),
                        view.Timeline))
                    : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Niet gevonden"))
            .WithName("GetComplexPhase").WithSummary("Current phase, its checklist and the timeline.")
            .WithMetadata(new RequirePermissionAttribute(Permission.ViewProgramme))
            .Produces<PhaseResponse>().ProducesProblem(StatusCodes.Status404NotFound);

        complexes.MapPost("/{id:guid}/phase", async (Guid id, HttpRequest http, PhaseHandler phases, CancellationToken ct) =>
            {
                var (request, problem) = await ApiBody.ReadAsync<PhaseTransitionRequest>(http, ct);
                if (request is null)
                {
                    return problem!;
                }

                if (request.Version is null)
                {
                    return ApiBody.MissingVersion();
                }

                var result = await phases.TransitionAsync(id, new TransitionInput { ToPhase = request.ToPhase, Reason = request.Reason, Version = request.Version.Value }, ct);
                if (result.Kind == ResultKind.Conflict && await phases.GetAsync(id, ct) is { } view)
                {
                    return ApiResults.Conflict(new { view.CurrentPhase, CurrentPhaseName = PhaseNames.Of(view.CurrentPhase), view.Version });
                }

                return ApiResults.From(result, Results.NoContent);
            })
            .WithName("TransitionComplexPhase")
            .WithSummary("Moves the complex one phase forward (all items ticked, or a programme lead's override with a reason) or one back (with a reason).")
            .WithMetadata(new RequirePermissionAttribute(Permission.EditProgramme))
            .Accepts<PhaseTransitionRequest>("application/json")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status404NotFound);
        ComplexArchiveApi.Map(complexes);
        return api;
    }

    /// <summary>The list's downloads (CSV and .xlsx) of the filtered list, with the page's Dutch query string (read leniently, like the page).</summary>
    public static IEndpointRouteBuilder MapExport(IEndpointRouteBuilder app)
    {
        app.MapGet("/{tenant}/complexen/export.csv", async (ExportComplexesHandler handler, CurrentTenant current, HttpRequest request, CancellationToken ct) =>
                Results.File(await handler.CsvAsync(ComplexQueryString.FromUri(request.QueryString.Value ?? ""), ct), "text/csv; charset=utf-8", $"wooncomplexen-{current.Slug}.csv"))
            .WithMetadata(new RequirePermissionAttribute(Permission.ViewProgramme))
            .ExcludeFromDescription();
        app.MapGet("/{tenant}/complexen/export.xlsx", async (ExportComplexesHandler handler, CurrentTenant current, HttpRequest request, CancellationToken ct) =>
                Results.File(await handler.XlsxAsync(ComplexQueryString.FromUri(request.QueryString.Value ?? ""), ct), ExportComplexesHandler.XlsxContentType, $"wooncomplexen-{current.Slug}.xlsx"))
            .WithMetadata(new RequirePermissionAttribute(Permission.ViewProgramme))
            .ExcludeFromDescription();
        return app;
    }

    /// <summary>The API's filter parameters (also of the exports); a bad value is collected in <paramref name="query"/> for a 400 naming it.</summary>
    private static ComplexFilter ApiFilter(QueryValues query, string? phase, string? municipality, string? district, string? corporationId,
        string? q, string? sort, string? descending) => new()
    {
        Phase = query.Int("phase", phase),
        Municipality = query.Text("municipality", municipality),
        District = query.Text("district", district),
        CorporationId = query.Guid("corporationId", corporationId),
        Text = query.Text("q", q),
        Sort = query.Enum<ComplexSort>("sort", sort) ?? ComplexSort.Name,
        Descending = query.Bool("descending", descending) ?? false,
    };

    private static ComplexListItem ToListItem(ComplexRow r)
    {
        var s = r.Standing ?? ComplexStanding.NotAssessed;
        return new ComplexListItem(r.Id, r.Name, r.Municipality, r.District, r.CorporationId, r.CorporationName, r.DwellingCount, r.CurrentPhase,
            s.Gate, s.FailedThresholds, s.Standard, s.MissingMusts, s.Exclusions, s.Eligible, s.Reassessment, s.ReassessOn);
    }

    private static async Task<ComplexResponse?> CurrentAsync(Guid id, EditComplexHandler handler, CancellationToken ct) =>
        await handler.GetAsync(id, ct) is { } stored ? ToResponse(id, stored) : null;

    private static ComplexResponse ToResponse(Guid id, StoredComplex stored)
    {
        var i = stored.Input;
        return new ComplexResponse(id, i.Name, i.Address, i.Postcode, i.Municipality, i.District, i.HousingCorporationId,
            i.PreferredCareProviderId, i.WelfarePartyId, i.DwellingCount ?? 0, i.ShareAged65Plus, i.ZeroStepDwellings, i.ShareSocialRent, i.HasCommonRoom,
            i.CommonRoomOpenToNeighbourhood, i.NearFacilities, i.HasWorkspaceForTeam, i.ClusterName, i.Notes,
            stored.CurrentPhase, PhaseNames.Of(stored.CurrentPhase), i.Version, stored.ArchivedAt);
    }
}
