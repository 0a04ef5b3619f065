using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Plusflat.Domain.Phases;
using Plusflat.Domain.Tenancy;
using Microsoft.EntityFrameworkCore;
using Plusflat.Infrastructure.Persistence;
using Plusflat.Web.Tenancy;

namespace Plusflat.Web.Features.Complexes;

/// <summary>The CSV export of the complex list: every complex of the filter (no paging), in the list's order.</summary>
public sealed class ExportComplexesHandler(IDbContextFactory<PlusflatDbContext> contexts, CurrentTenant tenant)
{
    public async Task<byte[]> CsvAsync(ComplexFilter filter, CancellationToken ct)
    {
        tenant.Demand(Permission.ViewProgramme);
        filter = filter.Normalised();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = await ComplexQuery.Rows(db, ComplexQuery.Sorted(ComplexQuery.Filtered(db, filter), filter)).ToListAsync(ct);
        return ToCsv(rows);
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
}
