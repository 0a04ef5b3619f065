using System.Text.Json;
using Plusflat.Domain.BusinessCases;
using Plusflat.Domain.Tenancy;
using Plusflat.Web.Features.Shared;
using Plusflat.Web.Tenancy;

namespace Plusflat.Web.Features.BusinessCases;

public sealed record YearAmountDto(int? Year, decimal? Amount);

/// <summary>A line as the API reads and writes it: <c>kind</c> cost | benefit; <c>category</c> for costs, <c>domain</c> for benefits.</summary>
public sealed record BusinessCaseLineDto(
    Guid? Id, string? Kind, string? Name, string? Category, string? Domain, bool? Pm, decimal? Percentage, string? Note,
    List<YearAmountDto?>? Amounts, decimal? Total = null);

public sealed record PayerShareDto(string? Payer, int? Year, decimal? Percentage);

public sealed record PayerAmountResponse(string Payer, string Name, decimal Percentage, decimal Amount);

public sealed record DomainAmountResponse(string Domain, string Name, decimal Amount, decimal? Share);

public sealed record BusinessCaseYearResponse(
    int Index, int Year, decimal Costs, decimal Benefits, decimal Net, decimal CumulativeNet, decimal Capex, decimal? Ratio,
    decimal SharesTotal, decimal FinancingGap, int WmoClientsNeeded, IReadOnlyList<PayerAmountResponse> Payers, IReadOnlyList<DomainAmountResponse> BenefitsByDomain);

public sealed record PartyResponse(string Domain, string Name, decimal CostsCarried, decimal? CostShare, decimal BenefitsReceived, decimal? BenefitShare, decimal Balance);

public sealed record BusinessCaseVersionResponse(int Number, DateTimeOffset FrozenAt, string FrozenBy, string? Note);

/// <summary>The business case and everything computed from its lines (the shape, with a few more results).</summary>
public sealed record BusinessCaseResponse(
    int FirstYear,
    int NumberOfYears,
    IReadOnlyList<BusinessCaseYearResponse> Years,
    decimal TotalCosts,
    decimal TotalBenefits,
    decimal TotalNet,
    decimal TotalCapex,
    decimal? Ratio,
    int? BreakEvenYear,
    bool Positive,
    string Explanation,
    IReadOnlyList<string> PmItems,
    string? PmNote,
    decimal TotalFinancingGap,
    decimal WmoKeyPerWeek,
    IReadOnlyList<BusinessCaseLineDto> Lines,
    IReadOnlyList<PayerShareDto> PayerShares,
    IReadOnlyList<PartyResponse> Parties,
    PerDwelling? PerDwelling,
    uint Version,
    IReadOnlyList<BusinessCaseVersionResponse> FrozenVersions,
    int? Number = null,
    DateTimeOffset? FrozenAt = null,
    string? FrozenBy = null,
    string? Note = null);

public sealed record CreateBusinessCaseRequest(bool? FromTemplate, int? FirstYear, int? Years, int? BenefitStartYear);

/// <summary>PUT body: the same shape as GET's settings, lines and shares, with the version last read.</summary>
public sealed record BusinessCaseRequest(int? FirstYear, int? NumberOfYears, decimal? WmoKeyPerWeek, List<BusinessCaseLineDto?>? Lines, List<PayerShareDto?>? PayerShares, uint? Version);

public sealed record FreezeRequest(string? Note, uint? Version);

public sealed record FreezeResponse(int Number);

public sealed record YearComparisonResponse(int Year, decimal? From, decimal? To, decimal Difference);

public sealed record LineComparisonResponse(string Kind, string Name, string Change, string? Detail, IReadOnlyList<YearComparisonResponse> Years);

public sealed record ComparisonResponse(int From, int? To, IReadOnlyList<LineComparisonResponse> Lines, IReadOnlyList<LineComparisonResponse> Totals);

/// <summary>JSON API of a complex's business case: /api/v1/{tenant}/complexes/{id}/business-case. Same handlers and permissions as the page.</summary>
public static class BusinessCaseApi
{
    public static RouteGroupBuilder Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/complexes/{id:guid}/business-case").WithTags("BusinessCases");

        group.MapPost("/", async (Guid id, HttpRequest http, CreateBusinessCaseHandler create, GetBusinessCaseHandler get, CurrentTenant current, CancellationToken ct) =>
            {
                var (request, problem) = await ApiBody.ReadAsync<CreateBusinessCaseRequest>(http, ct);
                if (request is null)
                {
                    return problem!;
                }

                var result = await create.CreateAsync(id, new CreateBusinessCaseInput
                {
                    FromTemplate = request.FromTemplate ?? true, FirstYear = request.FirstYear, Years = request.Years ?? BusinessCasePlan.DefaultYears,
                    BenefitStartYear = request.BenefitStartYear,
                }, ct);
                if (result.Kind == ResultKind.Conflict && await get.GetAsync(id, ct) is { Exists: true } existing)
                {
                    return ApiResults.Conflict(ToResponse(existing));
                }

                return result.Succeeded && await get.GetAsync(id, ct) is { Exists: true } created
                    ? Results.Created($"/api/v1/{current.Slug}/complexes/{id}/business-case", ToResponse(created))
                    : ApiResults.From(result, Results.NoContent);
            })
            .WithName("CreateBusinessCase")
            .WithSummary("Starts the complex's business case: `fromTemplate` (default true) fills it with the reference cost lines and the Rotterdam benefits from `benefitStartYear` (default the second year); `firstYear`, `years` (default 4). 409 when the complex has one.")
            .WithMetadata(new RequirePermissionAttribute(Permission.EditProgramme))
            .Accepts<CreateBusinessCaseRequest>("application/json")
            .Produces<BusinessCaseResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/", async (Guid id, GetBusinessCaseHandler get, CancellationToken ct) =>
                await get.GetAsync(id, ct) is { Exists: true } view
                    ? Results.Ok(ToResponse(view))
                    : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Niet gevonden"))
            .WithName("GetBusinessCase")
            .WithSummary("The working copy: its lines and everything computed from them per year and in total (costs exclude capex and PM lines; `pmNote` says how many PM items are not counted).")
            .WithMetadata(new RequirePermissionAttribute(Permission.ViewProgramme))
            .Produces<BusinessCaseResponse>().ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPut("/", async (Guid id, HttpRequest http, SaveBusinessCaseHandler save, GetBusinessCaseHandler get, CancellationToken ct) =>
            {
                var (request, problem) = await ApiBody.ReadAsync<BusinessCaseRequest>(http, ct);
                if (request is null)
                {
                    return problem!;
                }

                if (request.Version is null)
                {
                    return ApiBody.MissingVersion();
                }

                var (input, costIndex, benefitIndex, invalid) = ToInput(request);
                if (invalid is not null)
                {
                    return invalid;
                }

                var result = await save.SaveAsync(id, input, ct);
                if (result.Kind == ResultKind.Conflict && await get.GetAsync(id, ct) is { Exists: true } stored)
                {
                    return ApiResults.Conflict(ToResponse(stored));
                }

                if (result.Kind == ResultKind.Invalid)
                {
                    return ApiResults.From(result with { Errors = [.. result.Errors.Select(e => e with { Field = ApiField(e.Field, costIndex, benefitIndex) })] }, Results.NoContent);
                }

                return result.Succeeded && await get.GetAsync(id, ct) is { Exists: true } saved ? Results.Ok(ToResponse(saved)) : ApiResults.From(result, Results.NoContent);
            })
            .WithName("SaveBusinessCase")
            .WithSummary("Replaces settings, lines and shares as a whole (the GET shape: `firstYear`, `numberOfYears`, `wmoKeyPerWeek`, `lines`, `payerShares`) with the `version` last read; 409 with the current values when it is stale. Lines without an `id` are new; lines left out are removed.")
            .WithMetadata(new RequirePermissionAttribute(Permission.EditProgramme))
            .Accepts<BusinessCaseRequest>("application/json")
            .Produces<BusinessCaseResponse>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/versions", async (Guid id, HttpRequest http, FreezeBusinessCaseHandler freeze, GetBusinessCaseHandler get, CurrentTenant current, CancellationToken ct) =>
            {
                var (request, problem) = await ApiBody.ReadAsync<FreezeRequest>(http, ct);
                if (request is null)
                {
                    return problem!;
                }

                var frozen = await freeze.FreezeAsync(id, new FreezeBusinessCaseInput { Note = request.Note, Version = request.Version }, ct);
                if (frozen.Result.Kind == ResultKind.Conflict && await get.GetAsync(id, ct) is { Exists: true } stored)
                {
                    return ApiResults.Conflict(ToResponse(stored));
                }

                return ApiResults.From(frozen.Result,
                    () => Results.Created($"/api/v1/{current.Slug}/complexes/{id}/business-case/versions/{frozen.Number}", new FreezeResponse(frozen.Number!.Value)));
            })
            .WithName("FreezeBusinessCase")
            .WithSummary("Freezes the stored working copy as a new numbered version (who, when, `note`); answers its `number`. Optional `version`: the working copy's version you looked at (409 if it changed).")
            .WithMetadata(new RequirePermissionAttribute(Permission.EditProgramme))
            .Accepts<FreezeRequest>("application/json")
            .Produces<FreezeResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/versions/{number:int}", async (Guid id, int number, GetBusinessCaseHandler get, CancellationToken ct) =>
                await get.VersionAsync(id, number, ct) is { } version
                    ? Results.Ok(ToResponse(version))
                    : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Niet gevonden"))
            .WithName("GetBusinessCaseVersion")
            .WithSummary("A frozen version with its results, computed from its own lines, and who froze it when with which note.")
            .WithMetadata(new RequirePermissionAttribute(Permission.ViewProgramme))
            .Produces<BusinessCaseResponse>().ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/export.xlsx", async (Guid id, ExportBusinessCaseHandler export, CancellationToken ct) =>
                await export.XlsxAsync(id, ct) is { } xlsx
                    ? Results.File(xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"business-case-{id}.xlsx")
                    : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Niet gevonden"))
            .WithName("ExportBusinessCaseXlsx")
            .WithSummary("The working copy as an .xlsx sheet: one row per line, totals per year (costs, investments, benefits, net, cumulative net) and the ratio as Excel formulas over the line cells.")
            .WithMetadata(new RequirePermissionAttribute(Permission.ViewProgramme))
            .Produces(StatusCodes.Status200OK, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/versions/{number:int}/export.pdf", async (Guid id, int number, BusinessCaseReportHandler reports, CancellationToken ct) =>
                await reports.VersionPdfAsync(id, number, ct) is { } pdf
                    ? Results.File(pdf, "application/pdf", $"business-case-{id}-versie-{number}.pdf")
                    : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Niet gevonden"))
            .WithName("ExportBusinessCaseVersionPdf")
            .WithSummary("A frozen version as a printable PDF: the outcome in words, totals per year, every line, the PM items, who pays and who gains.")
            .WithMetadata(new RequirePermissionAttribute(Permission.ViewProgramme))
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf").ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/compare", async (Guid id, string? from, string? to, CompareBusinessCaseVersionsHandler compare, CancellationToken ct) =>
            {
                var query = new QueryValues();
                var left = query.Int("from", from);
                var right = query.Int("to", to);
                if (query.HasErrors)
                {
                    return query.Problem();
                }

                if (left is null)
                {
                    return ApiBody.Invalid("from", "Geef het nummer van de eerste versie ('from').");
                }

                return await compare.CompareAsync(id, left.Value, right, ct) is { } view
                    ? Results.Ok(ToResponse(view))
                    : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Niet gevonden");
            })
            .WithName("CompareBusinessCaseVersions")
            .WithSummary("Two versions line by line: `from` a frozen version's number, `to` another one (omitted: the working copy). Per line and per year both amounts and the difference, then the totals.")
            .WithMetadata(new RequirePermissionAttribute(Permission.ViewProgramme))
            .Produces<ComparisonResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static string Name<T>(T value) where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    private static bool TryParse<T>(string? text, out T value) where T : struct, Enum =>
        Enum.TryParse(text, ignoreCase: true, out value) && Enum.IsDefined(value) && !int.TryParse(text, out _);

    private static string Choices<T>() where T : struct, Enum => string.Join(", ", Enum.GetValues<T>().Select(Name));

    /// <summary>The request as the handler's input, or a 400 naming each unreadable field (unknown kind, category, domain or payer).</summary>
    private static (BusinessCaseInput Input, List<int> CostIndex, List<int> BenefitIndex, IResult? Problem) ToInput(BusinessCaseRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        var input = new BusinessCaseInput
        {
            FirstYear = request.FirstYear, Years = request.NumberOfYears, WmoKeyPerWeek = request.WmoKeyPerWeek ?? BusinessCasePlan.DefaultWmoKeyPerWeek, Version = request.Version,
        };
        var costIndex = new List<int>();
        var benefitIndex = new List<int>();
        foreach (var (line, i) in (request.Lines ?? []).Select((l, i) => (l, i)))
        {
            var field = $"lines[{i}]";
            if (line is null)
            {
                errors[field] = ["Een regel kan niet leeg zijn."];
                continue;
            }

            var amounts = (line.Amounts ?? []).Select(a => new YearAmountInput { Year = a?.Year, Amount = a?.Amount }).ToList();
            if (string.Equals(line.Kind, "cost", StringComparison.OrdinalIgnoreCase))
            {
                CostCategory? category = null;
                if (TryParse<CostCategory>(line.Category, out var parsed))
                {
                    category = parsed;
                }
                else
                {
                    errors[field + ".category"] = [$"Onbekende categorie '{line.Category}': kies uit {Choices<CostCategory>()}."];
                }

                costIndex.Add(i);
                input.CostLines.Add(new CostLineInput { Id = line.Id, Name = line.Name, Category = category, Pm = line.Pm ?? false, Percentage = line.Percentage, Note = line.Note, Amounts = amounts });
            }
            else if (string.Equals(line.Kind, "benefit", StringComparison.OrdinalIgnoreCase))
            {
                BenefitDomain? domain = null;
                if (TryParse<BenefitDomain>(line.Domain, out var parsed))
                {
                    domain = parsed;
                }
                else
                {
                    errors[field + ".domain"] = [$"Onbekend domein '{line.Domain}': kies uit {Choices<BenefitDomain>()}."];
                }

                if (line.Percentage is not null)
                {
                    errors[field + ".percentage"] = ["Een batenpost heeft geen percentage."];
                }

                benefitIndex.Add(i);
                input.BenefitLines.Add(new BenefitLineInput { Id = line.Id, Name = line.Name, Domain = domain, Pm = line.Pm ?? false, Note = line.Note, Amounts = amounts });
            }
            else
            {
                errors[field + ".kind"] = ["Geef 'kind': cost of benefit."];
            }
        }

        foreach (var (share, i) in (request.PayerShares ?? []).Select((s, i) => (s, i)))
        {
            Payer? payer = null;
            if (TryParse<Payer>(share?.Payer, out var parsed))
            {
                payer = parsed;
            }
            else
            {
                errors[$"payerShares[{i}].payer"] = [$"Onbekende betaler '{share?.Payer}': kies uit {Choices<Payer>()}."];
            }

            input.PayerShares.Add(new PayerShareInput { Payer = payer, Year = share?.Year, Percentage = share?.Percentage });
        }

        return (input, costIndex, benefitIndex, errors.Count > 0 ? Results.ValidationProblem(errors, title: ApiBody.InvalidTitle) : null);
    }

    /// <summary>The handler names cost and benefit lines apart (<c>CostLines[1]</c>); the API body has them in one list (<c>lines[4]</c>).</summary>
    private static string? ApiField(string? field, List<int> costIndex, List<int> benefitIndex)
    {
        if (field is null)
        {
            return null;
        }

        foreach (var (prefix, index) in new[] { ("CostLines[", costIndex), ("BenefitLines[", benefitIndex) })
        {
            if (field.StartsWith(prefix, StringComparison.Ordinal) && field.IndexOf(']', StringComparison.Ordinal) is var end and > 0
                && int.TryParse(field[prefix.Length..end], out var i) && i < index.Count)
            {
                return $"Lines[{index[i]}]" + field[(end + 1)..];
            }
        }

        return field == nameof(BusinessCaseInput.Years) ? "NumberOfYears" : field;
    }

    public static BusinessCaseResponse ToResponse(BusinessCaseView view) =>
        ToResponse(view.Input!, view.Result!, view.Version, [.. view.Versions.Select(v => new BusinessCaseVersionResponse(v.Number, v.FrozenAt, v.FrozenBy, v.Note))]);

    public static BusinessCaseResponse ToResponse(BusinessCaseVersionView view) =>
        ToResponse(view.Input, view.Result, 0, []) with { Number = view.Number, FrozenAt = view.FrozenAt, FrozenBy = view.FrozenBy, Note = view.Note };

    private static BusinessCaseResponse ToResponse(BusinessCaseInput input, BusinessCaseResult result, uint version, IReadOnlyList<BusinessCaseVersionResponse> versions)
    {
        var lines = input.CostLines.Select((l, i) => new BusinessCaseLineDto(l.Id, "cost", l.Name, Name(l.Category!.Value), null, l.Pm, l.Percentage, l.Note,
                [.. result.CostLines[i].Amounts.Select((a, j) => (YearAmountDto?)new YearAmountDto(result.FirstYear + j, l.Pm ? null : a))], l.Pm ? null : result.CostLines[i].Total))
            .Concat(input.BenefitLines.Select(l => new BusinessCaseLineDto(l.Id, "benefit", l.Name, null, Name(l.Domain!.Value), l.Pm, null, l.Note,
                [.. l.Amounts.Select(a => (YearAmountDto?)new YearAmountDto(a.Year, a.Amount))], l.Pm ? null : l.Amounts.Sum(a => a.Amount ?? 0m))))
            .ToList();
        return new BusinessCaseResponse(
            result.FirstYear,
            result.Years,
            [.. result.PerYear.Select(y => new BusinessCaseYearResponse(y.Index + 1, y.Year, y.Costs, y.Benefits, y.Net, y.CumulativeNet, y.Capex, y.Ratio,
                y.SharesTotal, y.FinancingGap, y.WmoClientsNeeded,
                [.. y.Payers.Select(p => new PayerAmountResponse(Name(p.Payer), BusinessCaseTerms.NameOf(p.Payer), p.Percentage, p.Amount))],
                [.. y.BenefitsByDomain.Select(d => new DomainAmountResponse(Name(d.Domain), BusinessCaseTerms.NameOf(d.Domain), d.Amount, d.Share))]))],
            result.TotalCosts,
            result.TotalBenefits,
            result.TotalNet,
            result.TotalCapex,
            result.Ratio,
            result.BreakEvenYear,
            result.Positive,
            result.Explanation,
            result.PmItems,
            result.PmNote,
            result.TotalFinancingGap,
            input.WmoKeyPerWeek ?? BusinessCasePlan.DefaultWmoKeyPerWeek,
            lines,
            [.. input.PayerShares.Where(s => s.Percentage is > 0).Select(s => new PayerShareDto(Name(s.Payer!.Value), s.Year, s.Percentage))],
            [.. result.Parties.Select(p => new PartyResponse(Name(p.Domain), BusinessCaseTerms.NameOf(p.Domain), p.CostsCarried, p.CostShare, p.BenefitsReceived, p.BenefitShare, p.Balance))],
            result.PerDwelling,
            version,
            versions);
    }

    private static ComparisonResponse ToResponse(BusinessCaseComparisonView view)
    {
        static LineComparisonResponse Line(LineComparison l) => new(l.Kind, l.Name, Name(l.Change), l.Detail,
            [.. l.Years.Select(y => new YearComparisonResponse(y.Year, y.Left, y.Right, y.Difference))]);
        return new ComparisonResponse(view.From, view.To, [.. view.Comparison.Lines.Select(Line)], [.. view.Comparison.Totals.Select(Line)]);
    }
}
