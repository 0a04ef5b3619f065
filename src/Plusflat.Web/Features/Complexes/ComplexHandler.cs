using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Plusflat.Domain.Complexes;
using Plusflat.Domain.Organisations;
using Plusflat.Domain.Phases;
using Plusflat.Domain.Tenancy;
using Plusflat.Infrastructure.Persistence;
using Plusflat.Web.Features.Shared;
using Plusflat.Web.Tenancy;

namespace Plusflat.Web.Features.Complexes;

public sealed record ComplexRow(
    Guid Id, string Name, string Address, string Postcode, string Municipality, string? District,
    Guid? CorporationId, string? CorporationName, DwellingCount Dwellings, int CurrentPhase)
{
    public int DwellingCount => Dwellings.Value;
}

public sealed record ComplexListResult(IReadOnlyList<ComplexRow> Items, int TotalCount, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (int)Math.Ceiling(TotalCount / (double)PageSize));
}

public sealed record CorporationOption(Guid Id, string Name);

/// <summary>The organisations a complex can be linked to, by the role they play there.</summary>
public sealed record PartnerOptions(
    IReadOnlyList<CorporationOption> Corporations, IReadOnlyList<CorporationOption> CareProviders, IReadOnlyList<CorporationOption> WelfareParties)
{
    public string? NameOf(Guid? id) => id is null ? null
        : Corporations.Concat(CareProviders).Concat(WelfareParties).FirstOrDefault(o => o.Id == id)?.Name;
}

/// <summary>Lists, creates and edits complexes (wooncomplexen) of the current programme.</summary>
public sealed class ComplexHandler(PlusflatDbContext db, CurrentTenant tenant, IValidator<ComplexInput> validator, TimeProvider clock)
{
    public async Task<ComplexListResult> ListAsync(ComplexFilter filter, CancellationToken ct)
    {
        tenant.Demand(Permission.ViewProgramme);
        filter = filter.Normalised();
        var query = Filtered(filter);
        var total = await query.CountAsync(ct);
        var items = await Rows(Sorted(query, filter)
            .Skip((filter.Page - 1) * filter.PageSize).Take(filter.PageSize))
            .ToListAsync(ct);
        return new ComplexListResult(items, total, filter.Page, filter.PageSize);
    }

    /// <summary>Every complex matching the filter (no paging), for the CSV export.</summary>
    public async Task<IReadOnlyList<ComplexRow>> ExportRowsAsync(ComplexFilter filter, CancellationToken ct)
    {
        tenant.Demand(Permission.ViewProgramme);
        filter = filter.Normalised();
        return await Rows(Sorted(Filtered(filter), filter)).ToListAsync(ct);
    }

    public static byte[] ToCsv(IEnumerable<ComplexRow> rows)
    {
        using var stream = new MemoryStream();
        using (var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        using (var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.GetCultureInfo("nl-NL"))
        {
            Delimiter = ";",
            // A name like "=HYPERLINK(...)" must stay text in Excel, never become a formula.
            InjectionOptions = InjectionOptions.Escape,
        }))
        {
            foreach (var header in new[] { "Naam", "Adres", "Postcode", "Gemeente", "Wijk", "Woningcorporatie", "Woningen", "Fase", "Fasenaam" })
            {
                csv.WriteField(header);
            }

            csv.NextRecord();
            foreach (var row in rows)
            {
                csv.WriteField(row.Name);
                csv.WriteField(row.Address);
                csv.WriteField(row.Postcode);
                csv.WriteField(row.Municipality);
                csv.WriteField(row.District ?? "");
                csv.WriteField(row.CorporationName ?? "");
                csv.WriteField(row.DwellingCount);
                csv.WriteField(row.CurrentPhase);
                csv.WriteField(PhaseNames.Of(row.CurrentPhase));
                csv.NextRecord();
            }
        }

        return stream.ToArray();
    }

    public async Task<(IReadOnlyList<string> Municipalities, IReadOnlyList<string> Districts)> FilterOptionsAsync(CancellationToken ct)
    {
        var municipalities = await db.Complexes.Select(c => c.Municipality).Distinct().OrderBy(m => m).ToListAsync(ct);
        var districts = await db.Complexes.Where(c => c.District != null).Select(c => c.District!).Distinct().OrderBy(d => d).ToListAsync(ct);
        return (municipalities, districts);
    }

    public async Task<IReadOnlyList<CorporationOption>> CorporationsAsync(CancellationToken ct) =>
        (await PartnerOptionsAsync(ct)).Corporations;

    public async Task<PartnerOptions> PartnerOptionsAsync(CancellationToken ct)
    {
        var kinds = new[] { OrganisationKind.HousingCorporation, OrganisationKind.CareProvider, OrganisationKind.WelfareParty };
        var all = await db.Organisations.Where(o => kinds.Contains(o.Kind)).OrderBy(o => o.Name)
            .Select(o => new { o.Id, o.Name, o.Kind }).ToListAsync(ct);
        List<CorporationOption> Of(OrganisationKind kind) => all.Where(o => o.Kind == kind).Select(o => new CorporationOption(o.Id, o.Name)).ToList();
        return new PartnerOptions(Of(OrganisationKind.HousingCorporation), Of(OrganisationKind.CareProvider), Of(OrganisationKind.WelfareParty));
    }

    public async Task<(ComplexInput Input, string Name, int CurrentPhase)?> GetForEditAsync(Guid id, CancellationToken ct)
    {
        var complex = await db.Complexes.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        return complex is null ? null : (ComplexInput.From(complex.ToFacts(), complex.Version), complex.Name, complex.CurrentPhase);
    }

    public async Task<HandlerResult> CreateAsync(ComplexInput input, CancellationToken ct)
    {
        tenant.Demand(Permission.EditProgramme);
        return await HandlerExecution.SaveAsync(db, async () =>
        {
            if (await ErrorsAsync(input, ct) is { Count: > 0 } errors)
            {
                return HandlerResult.Invalid([.. errors]);
            }

            var catalogue = await CurrentCatalogueAsync(ct);
            var complex = new Complex(tenant.Id, input.ToFacts(), catalogue, clock.GetUtcNow());
            db.Complexes.Add(complex);
            return HandlerResult.Ok(complex.Id);
        }, ct);
    }

    public async Task<HandlerResult> UpdateAsync(Guid id, ComplexInput input, CancellationToken ct)
    {
        tenant.Demand(Permission.EditProgramme);
        return await HandlerExecution.SaveAsync(db, async () =>
        {
            if (await ErrorsAsync(input, ct) is { Count: > 0 } errors)
            {
                return HandlerResult.Invalid([.. errors]);
            }

            var complex = await db.Complexes.FirstOrDefaultAsync(c => c.Id == id, ct);
            if (complex is null)
            {
                return HandlerResult.NotFound();
            }

            // Optimistic concurrency: the version the user loaded must still be the stored one.
            db.Entry(complex).Property(c => c.Version).OriginalValue = input.Version;
            complex.UpdateFacts(input.ToFacts());
            return HandlerResult.Ok(complex.Id);
        }, ct);
    }

    /// <summary>
    /// Every problem with the input at once: its shape (validator), the domain's rules for the fields the
    /// validator had no complaint about, and the chosen partners — so a user fixes all fields in one go.
    /// Runs inside the save's transaction, with the chosen organisations locked FOR SHARE: someone changing
    /// such an organisation's kind at the same moment (which locks it FOR UPDATE) either finishes first — and
    /// the check sees the new kind — or waits until this link is committed and then sees it.
    /// </summary>
    private async Task<List<FieldError>> ErrorsAsync(ComplexInput input, CancellationToken ct)
    {
        var errors = (await validator.ValidateAsync(input, ct)).Errors
            .Select(e => new FieldError(e.PropertyName, e.ErrorMessage)).ToList();
        var reported = errors.Select(e => e.Field).ToHashSet(StringComparer.Ordinal);
        errors.AddRange(Complex.Check(input.ToFacts())
            .Where(e => e.Field is null || !reported.Contains(e.Field))
            .Select(e => new FieldError(e.Field, e.Message)));
        errors.AddRange(await PartnerErrorsAsync(input, ct));
        return errors;
    }

    /// <summary>The catalogue version new complexes use: the programme's newest, created from the default on first use.</summary>
    private async Task<PhaseCatalogue> CurrentCatalogueAsync(CancellationToken ct)
    {
        var catalogue = await db.PhaseCatalogues.OrderByDescending(c => c.Version).FirstOrDefaultAsync(ct);
        if (catalogue is null)
        {
            catalogue = PhaseCatalogue.CreateDefault(tenant.Id, clock.GetUtcNow());
            db.PhaseCatalogues.Add(catalogue);
        }

        return catalogue;
    }

    /// <summary>Each chosen partner must be an organisation of this programme of the right kind.</summary>
    private async Task<List<FieldError>> PartnerErrorsAsync(ComplexInput input, CancellationToken ct)
    {
        var wanted = new (Guid? Id, OrganisationKind Kind, string Field, string Message)[]
        {
            (input.HousingCorporationId, OrganisationKind.HousingCorporation, nameof(ComplexInput.HousingCorporationId), "Kies een woningcorporatie uit het register van organisaties."),
            (input.PreferredCareProviderId, OrganisationKind.CareProvider, nameof(ComplexInput.PreferredCareProviderId), "Kies een zorgaanbieder uit het register van organisaties."),
            (input.WelfarePartyId, OrganisationKind.WelfareParty, nameof(ComplexInput.WelfarePartyId), "Kies een welzijnspartij uit het register van organisaties."),
        };
        var ids = wanted.Where(w => w.Id is not null).Select(w => w.Id!.Value).Distinct().ToArray();
        if (ids.Length > 0)
        {
            await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM organisations WHERE id = ANY({ids}) FOR SHARE", ct);
        }

        var kinds = ids.Length == 0
            ? []
            : await db.Organisations.Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Kind, ct);
        return wanted
            .Where(w => w.Id is { } id && (!kinds.TryGetValue(id, out var kind) || kind != w.Kind))
            .Select(w => new FieldError(w.Field, w.Message))
            .ToList();
    }

    private IQueryable<Complex> Filtered(ComplexFilter filter)
    {
        var complexes = db.Complexes.AsNoTracking();
        if (filter.Phase is { } phase)
        {
            complexes = complexes.Where(c => c.CurrentPhase == phase);
        }

        if (filter.Municipality is { } municipality)
        {
            complexes = complexes.Where(c => c.Municipality == municipality);
        }

        if (filter.District is { } district)
        {
            complexes = complexes.Where(c => c.District == district);
        }

        if (filter.CorporationId is { } corporation)
        {
            complexes = complexes.Where(c => c.HousingCorporationId == corporation);
        }

        if (filter.Text is { } text)
        {
            var pattern = "%" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
            complexes = complexes.Where(c => EF.Functions.ILike(c.Name, pattern) || EF.Functions.ILike(c.Address, pattern)
                                             || EF.Functions.ILike(c.Postcode, pattern) || EF.Functions.ILike(c.Municipality, pattern)
                                             || (c.District != null && EF.Functions.ILike(c.District, pattern)));
        }

        return complexes;
    }

    /// <summary>Rows in the order of the query: the corporation's name comes from a scalar subquery, so paging and sorting stay intact.</summary>
    private IQueryable<ComplexRow> Rows(IQueryable<Complex> complexes) =>
        complexes.Select(c => new ComplexRow(c.Id, c.Name, c.Address, c.Postcode, c.Municipality, c.District,
            c.HousingCorporationId,
            db.Organisations.Where(o => o.Id == c.HousingCorporationId).Select(o => o.Name).FirstOrDefault(),
            c.DwellingCount, c.CurrentPhase));

    private static IQueryable<Complex> Sorted(IQueryable<Complex> rows, ComplexFilter filter) => (filter.Sort, filter.Descending) switch
    {
        (ComplexSort.Municipality, false) => rows.OrderBy(r => r.Municipality).ThenBy(r => r.Name).ThenBy(r => r.Id),
        (ComplexSort.Municipality, true) => rows.OrderByDescending(r => r.Municipality).ThenBy(r => r.Name).ThenBy(r => r.Id),
        (ComplexSort.District, false) => rows.OrderBy(r => r.District).ThenBy(r => r.Name).ThenBy(r => r.Id),
        (ComplexSort.District, true) => rows.OrderByDescending(r => r.District).ThenBy(r => r.Name).ThenBy(r => r.Id),
        (ComplexSort.Dwellings, false) => rows.OrderBy(r => r.DwellingCount).ThenBy(r => r.Name).ThenBy(r => r.Id),
        (ComplexSort.Dwellings, true) => rows.OrderByDescending(r => r.DwellingCount).ThenBy(r => r.Name).ThenBy(r => r.Id),
        (ComplexSort.Phase, false) => rows.OrderBy(r => r.CurrentPhase).ThenBy(r => r.Name).ThenBy(r => r.Id),
        (ComplexSort.Phase, true) => rows.OrderByDescending(r => r.CurrentPhase).ThenBy(r => r.Name).ThenBy(r => r.Id),
        (_, true) => rows.OrderByDescending(r => r.Name).ThenBy(r => r.Id),
        _ => rows.OrderBy(r => r.Name).ThenBy(r => r.Id),
    };
}
