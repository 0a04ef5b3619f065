using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Plusflat.Domain.Signalling;
using Plusflat.Domain.Tenancy;
using Plusflat.Infrastructure.Persistence;
using Plusflat.Web.Features.Shared;
using Plusflat.Web.Tenancy;

namespace Plusflat.Web.Features.Signalling;

/// <summary>One complex's count of one category in one month; <see cref="Count"/> is null when it is 1 or 2 (shown as "&lt; 3").</summary>
public sealed record ComplexCountRow(Guid ComplexId, string ComplexName, string Month, SignalCategory Category, int? Count, string Shown);

public sealed record CountComplexOption(Guid Id, string Name);

/// <summary>
/// Signal counts per complex, category and month for the whole programme (or the complexes a flat-team member is on).
/// Counts only, from <c>signal_tallies</c>; small counts suppressed per cell.
/// </summary>
public sealed record ProgrammeSignalCountsView(string From, string To, IReadOnlyList<string> Months, IReadOnlyList<CountComplexOption> Complexes,
    IReadOnlyList<ComplexCountRow> Rows)
{
    /// <summary>
    /// The trend per category and month over the selected complexes: the sum of the SHOWN counts (a suppressed cell adds
    /// 0), so no total can be used to work out a suppressed cell by subtraction.
    /// </summary>
    public int ShownSum(string month, SignalCategory category, Guid? complexId = null) =>
        Rows.Where(r => r.Month == month && r.Category == category && (complexId is null || r.ComplexId == complexId)).Sum(r => r.Count ?? 0);

    public bool AnySuppressed(string month, SignalCategory category, Guid? complexId = null) =>
        Rows.Any(r => r.Month == month && r.Category == category && (complexId is null || r.ComplexId == complexId) && r.Count is null);
}

public sealed class GetProgrammeSignalCountsHandler(IDbContextFactory<PlusflatDbContext> contexts, CurrentTenant tenant, SignallingGate gate)
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public async Task<ProgrammeSignalCountsView> GetAsync(DateOnly from, DateOnly to, Guid? complexId, CancellationToken ct)
    {
        tenant.Demand(Permission.ViewSignalCounts);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var first = new DateOnly(from.Year, from.Month, 1);
        var last = new DateOnly(to.Year, to.Month, 1);
        if (last < first)
        {
            (first, last) = (last, first);
        }

        var complexes = db.Complexes.AsNoTracking();
        if (!gate.SeesProgrammeWide)
        {
            // A flat-team member counts only the complexes whose team they are on today.
            var user = tenant.UserId;
            var today = gate.Today;
            var mine = db.FlatTeamMembers.Where(m => m.UserId == user && m.StartsOn <= today && (m.EndsOn == null || m.EndsOn >= today)).Select(m => m.ComplexId);
            complexes = complexes.Where(c => mine.Contains(c.Id));
        }

        var options = await complexes.OrderBy(c => c.Name).Select(c => new CountComplexOption(c.Id, c.Name)).ToListAsync(ct);
        var visible = options.Select(o => o.Id).ToList();
        if (complexId is { } only)
        {
            visible = visible.Where(id => id == only).ToList();
        }

        var counts = await db.SignalTallies.Where(t => visible.Contains(t.ComplexId) && t.Month >= first && t.Month <= last)
            .GroupBy(t => new { t.ComplexId, t.Month, t.Category }).Select(g => new { g.Key.ComplexId, g.Key.Month, g.Key.Category, Count = g.Count() })
            .ToListAsync(ct);
        var names = options.ToDictionary(o => o.Id, o => o.Name);
        var rows = counts.Select(c => (c.ComplexId, c.Month, Category: Enum.Parse<SignalCategory>(c.Category), c.Count))
            .OrderBy(c => names[c.ComplexId], StringComparer.CurrentCulture).ThenBy(c => c.Month).ThenBy(c => c.Category)
            .Select(c => new ComplexCountRow(c.ComplexId, names[c.ComplexId], Month(c.Month), c.Category, SmallCount.Value(c.Count), SmallCount.Show(c.Count)))
            .ToList();
        var months = new List<string>();
        for (var m = first; m <= last; m = m.AddMonths(1))
        {
            months.Add(Month(m));
        }

        return new ProgrammeSignalCountsView(Month(first), Month(last), months, options, rows);
    }

    public static string Month(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public static string CategoryKey(SignalCategory category) => JsonNamingPolicy.CamelCase.ConvertName(category.ToString());

    /// <summary>Semicolon-separated with a BOM (Excel in Dutch settings opens it in columns); "&lt; 3" for small counts.</summary>
    public static byte[] Csv(IEnumerable<ComplexCountRow> rows)
    {
        var csv = new StringBuilder("complex;month;category;count\r\n");
        foreach (var row in rows)
        {
            csv.Append(CsvText(row.ComplexName)).Append(';').Append(row.Month).Append(';').Append(CategoryKey(row.Category)).Append(';')
                .Append(row.Shown).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    /// <summary>One sheet: complex, month (JJJJ-MM), category, count — a number cell, or the text "&lt; 3".</summary>
    public static byte[] Xlsx(IEnumerable<ComplexCountRow> rows) => XlsxSheet.Write("Signalen", ["Complex", "Maand", "Categorie", "Aantal"],
        rows.Select(r => (IReadOnlyList<object?>)[r.ComplexName, r.Month, CategoryKey(r.Category), r.Count is { } n ? n : r.Shown]));

    private static string CsvText(string value) =>
        value.IndexOfAny([';', '"', '\n', '\r']) >= 0 || value.StartsWith('=') || value.StartsWith('+') || value.StartsWith('-') || value.StartsWith('@')
            ? "\"" + (value.StartsWith('=') || value.StartsWith('+') || value.StartsWith('-') || value.StartsWith('@') ? "'" : "") + value.Replace("\"", "\"\"") + "\""
            : value;
}
