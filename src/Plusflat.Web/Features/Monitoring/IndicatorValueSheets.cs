using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Plusflat.Domain.Monitoring;
using Plusflat.Web.Features.Shared;

namespace Plusflat.Web.Features.Monitoring;

/// <summary>A file that is neither a CSV nor an .xlsx the import can read; the message is Dutch, for the user.</summary>
public sealed class UnreadableFileException(string message) : Exception(message);

/// <summary>
/// The files of <see cref="IndicatorValueFile"/>: reads a CSV (semicolon, comma or tab; UTF-8 or, as Excel saves
/// "CSV" on a Dutch Windows, Latin-1) or an .xlsx into rows, and writes both in the one shape of the export and the
/// template. The CSV is Dutch (semicolons, decimal comma), like the other exports.
/// </summary>
public static class IndicatorValueSheets
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public const string CsvContentType = "text/csv; charset=utf-8";

    public const string SheetName = "Indicatorwaarden";

    /// <summary>A row of the export: one value of a complex's baseline (<see cref="Quarter"/> null) or of a quarter.</summary>
    public sealed record Line(string Complex, string Postcode, string Indicator, string Quarter, decimal? Value, string IndicatorName, string Unit);

    public static IReadOnlyList<SheetRow> Read(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4)
        {
            try
            {
                using var stream = new MemoryStream(content, writable: false);
                return [.. XlsxSheet.Read(stream).Select(r => new SheetRow(r.Number, [.. r.Cells.Select(c => new SheetCell(c.Text, c.Number))]))];
            }
            catch (InvalidDataException)
            {
                throw new UnreadableFileException("Dit bestand kan niet worden gelezen als .xlsx. Sla het opnieuw op als Excel-werkmap (.xlsx) of als CSV.");
            }
        }

        if (content.Length >= 4 && content[0] == 0xD0 && content[1] == 0xCF && content[2] == 0x11 && content[3] == 0xE0)
        {
            throw new UnreadableFileException("Dit is een oud Excel-bestand (.xls). Sla het op als Excel-werkmap (.xlsx) of als CSV.");
        }

        if (Array.IndexOf(content, (byte)0) >= 0)
        {
            throw new UnreadableFileException("Dit bestand is geen CSV en geen .xlsx. Gebruik het sjabloon.");
        }

        return ReadCsv(Decode(content));
    }

    private static string Decode(byte[] content)
    {
        try
        {
            return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(content).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            return Encoding.Latin1.GetString(content);
        }
    }

    private static List<SheetRow> ReadCsv(string text)
    {
        var rows = new List<SheetRow>();
        using var reader = new StringReader(text);
        using var parser = new CsvParser(reader, new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = Delimiter(text),
            BadDataFound = null,
            HasHeaderRecord = false,
        });
        try
        {
            while (parser.Read())
            {
                rows.Add(new SheetRow(parser.Row, [.. (parser.Record ?? []).Select(f => new SheetCell(Unescape(f)))]));
            }
        }
        catch (CsvHelperException)
        {
            throw new UnreadableFileException("Dit CSV-bestand kan niet worden gelezen. Gebruik het sjabloon, of sla het bestand op als .xlsx.");
        }

        return rows;
    }

    /// <summary>
    /// The separator the header row uses (semicolon as a Dutch Excel saves, comma, or tab): the header alone decides, since
    /// the template's instruction rows are text with commas in them.
    /// </summary>
    private static string Delimiter(string text)
    {
        var header = text.Split('\n').FirstOrDefault(l => l.Trim().Length > 0) ?? "";
        return new[] { ";", ",", "\t" }.OrderByDescending(d => header.Count(c => c == d[0])).First();
    }

    /// <summary>The export writes "'=..." so a spreadsheet never runs a cell as a formula; the import reads the text back.</summary>
    private static string Unescape(string field) =>
        field.Length > 1 && field[0] == '\'' && "=+-@\t\r".Contains(field[1], StringComparison.Ordinal) ? field[1..] : field;

    public static byte[] Csv(IEnumerable<Line> lines, IEnumerable<string>? comments = null)
    {
        var dutch = CultureInfo.GetCultureInfo("nl-NL");
        using var stream = new MemoryStream();
        using (var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        using (var csv = new CsvWriter(writer, new CsvConfiguration(dutch) { Delimiter = ";", InjectionOptions = InjectionOptions.Escape }))
        {
            foreach (var column in IndicatorValueFile.Columns)
            {
                csv.WriteField(column);
            }

            csv.NextRecord();
            foreach (var comment in comments ?? [])
            {
                csv.WriteField(comment);
                csv.NextRecord();
            }

            foreach (var line in lines)
            {
                foreach (var field in Fields(line))
                {
                    csv.WriteField(field switch
                    {
                        null => "",
                        decimal number => number.ToString("0.##", dutch),
                        var text => text.ToString() ?? "",
                    });
                }

                csv.NextRecord();
            }
        }

        return stream.ToArray();
    }

    public static byte[] Xlsx(IEnumerable<Line> lines, IEnumerable<string>? comments = null) =>
        XlsxSheet.Write(SheetName, IndicatorValueFile.Columns,
            (comments ?? []).Select(c => (IReadOnlyList<object?>)[c]).Concat(lines.Select(l => (IReadOnlyList<object?>)Fields(l))));

    private static object?[] Fields(Line line) => [line.Complex, line.Postcode, line.Indicator, line.Quarter, line.Value, line.IndicatorName, line.Unit];
}
