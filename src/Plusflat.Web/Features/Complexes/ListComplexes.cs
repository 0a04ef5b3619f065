using Microsoft.EntityFrameworkCore;
using Plusflat.Domain.Complexes;
using Plusflat.Domain.Organisations;
using Plusflat.Domain.Tenancy;
using Plusflat.Infrastructure.Persistence;
using Plusflat.Web.Features.Standard;
using Plusflat.Web.Tenancy;

namespace Plusflat.Web.Features.Complexes;

/// <summary>One line of the complex list (plain values: it is persisted from the prerender to the circuit as JSON).</summary>
public sealed record ComplexRow(
    Guid Id, string Name, string Address, string Postcode, string Municipality, string? District,
    Guid? CorporationId, string? CorporationName, int DwellingCount, int CurrentPhase, ComplexStanding? Standing);

public sealed record ComplexListResult(IReadOnlyList<ComplexRow> Items, int TotalCount, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (int)Math.Ceiling(TotalCount / (double)PageSize));
}

/// <summary>The values the list's filters offer: the programme's municipalities, districts and housing corporations.</summary>
public sealed record ComplexFilterOptions(IReadOnlyList<string> Municipalities, IReadOnlyList<string> Districts, IReadOnlyList<CorporationOption> Corporations);

/// <summary>The complex list (wooncomplexen): filtered, sorted and paged in the database, for the page and the API.</summary>
public sealed class ListComplexesHandler(IDbContextFactory<PlusflatDbContext> contexts, CurrentTenant tenant, TimeProvider clock)
{
    public async Task<ComplexListResult> ListAsync(ComplexFilter filter, CancellationToken ct)
    {
        tenant.Demand(Permission.ViewProgramme);
        filter = filter.Normalised();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var query = ComplexQuery.Filtered(db, filter);
        IReadOnlyDictionary<Guid, ComplexStanding>? standings = null;
        if (filter.FiltersOnStanding)
        {
            // Filtering on a computed standing needs every complex's; otherwise only the page's rows need one (below).
            standings = await ProgrammeEligibility.ReadAsync(db, clock, ct);
            query = ComplexQuery.OnStanding(query, standings, filter);
        }

        var total = await query.CountAsync(ct);
        // A page past the end (an old bookmark, a hand-edited URL, the last row deleted) shows the last page.
        var lastPage = Math.Max(1, (int)Math.Ceiling(total / (double)filter.PageSize));
        if (filter.Page > lastPage)
        {
            filter = filter with { Page = lastPage };
        }

        var items = await ComplexQuery.Rows(db, ComplexQuery.Sorted(query, filter)
            .Skip((filter.Page - 1) * filter.PageSize).Take(filter.PageSize))
            .ToListAsync(ct);
        if (items.Count == 0)
        {
            return new ComplexListResult(items, total, filter.Page, filter.PageSize);
        }

        standings ??= await ProgrammeEligibility.ReadAsync(db, clock, ct, [.. items.Select(i => i.Id)]);
        items = [.. items.Select(i => i with { Standing = standings.GetValueOrDefault(i.Id, ComplexStanding.NotAssessed) })];
        return new ComplexListResult(items, total, filter.Page, filter.PageSize);
    }

    public async Task<ComplexFilterOptions> FilterOptionsAsync(CancellationToken ct)
    {
        tenant.Demand(Permission.ViewProgramme);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var municipalities = await db.Complexes.Select(c => c.Municipality).Distinct().OrderBy(m => m).ToListAsync(ct);
        var districts = await db.Complexes.Where(c => c.District != null).Select(c => c.District!).Distinct().OrderBy(d => d).ToListAsync(ct);
        var corporations = await db.Organisations.Where(o => o.Kind == OrganisationKind.HousingCorporation).OrderBy(o => o.Name)
            .Select(o => new CorporationOption(o.Id, o.Name)).ToListAsync(ct);
        return new ComplexFilterOptions(municipalities, districts, corporations);
    }
}

/// <summary>The list's query, shared by the list and the CSV export so both show the same selection in the same order.</summary>
internal static class ComplexQuery
{
    public static IQueryable<Complex> Filtered(PlusflatDbContext db, ComplexFilter filter)
    {
        var complexes = filter.Archived
            ? db.Complexes.AsNoTracking().Where(c => c.ArchivedAt != null)
            : db.Complexes.AsNoTracking().Where(c => c.ArchivedAt == null);
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

    /// <summary>
    /// The list's query with the filters on gate, standard, label and re-assessment too: those are computed for the whole
    /// programme in a few queries (<see cref="ProgrammeEligibility"/>) and become a filter on ids, so counting, sorting and
    /// paging stay in the database. The standings come back for the rows.
    /// </summary>
    public static async Task<(IQueryable<Complex> Query, IReadOnlyDictionary<Guid, ComplexStanding> Standings)> FilteredAsync(
        PlusflatDbContext db, ComplexFilter filter, TimeProvider clock, CancellationToken ct)
    {
        var standings = await ProgrammeEligibility.ReadAsync(db, clock, ct);
        return (OnStanding(Filtered(db, filter), standings, filter), standings);
    }

    /// <summary>The filters on gate, standard, label and re-assessment as a filter on ids (none set: the query as it is).</summary>
    public static IQueryable<Complex> OnStanding(IQueryable<Complex> query, IReadOnlyDictionary<Guid, ComplexStanding> standings, ComplexFilter filter)
    {
        if (!filter.FiltersOnStanding)
        {
            return query;
        }

        var ids = standings.Where(s => ProgrammeEligibility.Matches(s.Value, filter.Gate, filter.Standard, filter.Eligible, filter.Reassessment))
            .Select(s => s.Key).ToList();
        return query.Where(c => ids.Contains(c.Id));
    }

    /// <summary>Rows in the order of the query: the corporation's name comes from a scalar subquery, so paging and sorting stay intact.</summary>
    public static IQueryable<ComplexRow> Rows(PlusflatDbContext db, IQueryable<Complex> complexes) =>
        complexes.Select(c => new ComplexRow(c.Id, c.Name, c.Address, c.Postcode, c.Municipality, c.District,
            c.HousingCorporationId,
            db.Organisations.Where(o => o.Id == c.HousingCorporationId).Select(o => o.Name).FirstOrDefault(),
            c.DwellingCount.Value, c.CurrentPhase, null));

    public static IQueryable<Complex> Sorted(IQueryable<Complex> rows, ComplexFilter filter) => (filter.Sort, filter.Descending) switch
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

/// <summary>A page of the list with the filter it was read for (persisted from the prerender to the circuit).</summary>
public sealed record ComplexListPage(ComplexFilter Filter, ComplexListResult Result);
