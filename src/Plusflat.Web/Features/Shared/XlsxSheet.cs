using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Plusflat.Web.Features.Shared;

/// <summary>
/// A one-sheet .xlsx (Open XML SDK) with typed cells: numbers as number cells, <see cref="DateOnly"/> as a date
/// serial with a date format (a real date in Excel: sortable, filterable), text as inline strings — never a formula,
/// so a name like "=HYPERLINK(...)" stays text. The header row is bold and frozen, with an autofilter.
/// </summary>
public static class XlsxSheet
{
    /// <summary>Style indexes in the stylesheet below.</summary>
    private const uint Header = 1, Date = 2, Decimal = 3;

    public static byte[] Write(string sheetName, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
            var sheet = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            data.Append(Row(1, headers.Select(h => Text(h, Header))));
            uint number = 1;
            foreach (var row in rows)
            {
                number++;
                data.Append(Row(number, row.Select(Cell)));
            }

            sheet.Worksheet = new Worksheet(
                new SheetViews(new SheetView(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen })
                {
                    WorkbookViewId = 0,
                }),
                new Columns(headers.Select((h, i) => new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = Math.Clamp(h.Length + 4, 10, 40), CustomWidth = true })),
                data,
                new AutoFilter { Reference = $"A1:{ColumnName(headers.Count)}{number}" });
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = sheetName }));
            workbook.Workbook.Save();
        }

        return stream.ToArray();
    }

    /// <summary>
    /// The first worksheet of an .xlsx as rows of cells (its own row numbers; columns from A): shared and inline strings
    /// as text, number cells as numbers, booleans as "1"/"0". Formulas count by their cached value, never run.
    /// </summary>
    /// <exception cref="InvalidDataException">The bytes are no readable .xlsx workbook.</exception>
    public static IReadOnlyList<(int Number, IReadOnlyList<(string? Text, double? Number)> Cells)> Read(Stream content)
    {
        try
        {
            using var document = SpreadsheetDocument.Open(content, isEditable: false);
            var workbook = document.WorkbookPart ?? throw new InvalidDataException("No workbook.");
            var first = workbook.Workbook?.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw new InvalidDataException("No sheet.");
            var sheet = (WorksheetPart)workbook.GetPartById(first.Id?.Value ?? throw new InvalidDataException("No sheet."));
            var shared = workbook.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
            var rows = new List<(int, IReadOnlyList<(string?, double?)>)>();
            var next = 1;
            foreach (var row in sheet.Worksheet.Descendants<Row>())
            {
                var number = row.RowIndex?.Value is { } index ? (int)index : next;
                next = number + 1;
                var cells = new List<(string?, double?)>();
                var column = 0;
                foreach (var cell in row.Elements<Cell>())
                {
                    column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : column + 1;
                    while (cells.Count < column - 1)
                    {
                        cells.Add((null, null));
                    }

                    cells.Add(ValueOf(cell, shared));
                }

                rows.Add((number, cells));
            }

            return rows;
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or FileFormatException or InvalidOperationException or XmlException or ArgumentException or KeyNotFoundException)
        {
            throw new InvalidDataException("Not a readable .xlsx workbook.", ex);
        }
    }

    private static (string? Text, double? Number) ValueOf(Cell cell, List<string> shared)
    {
        var raw = cell.CellValue?.Text;
        var type = cell.DataType?.Value;
        if (type == CellValues.InlineString)
        {
            return (cell.InlineString?.InnerText, null);
        }

        if (type == CellValues.SharedString)
        {
            return int.TryParse(raw, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var at) && at >= 0 && at < shared.Count
                ? (shared[at], null)
                : (null, null);
        }

        if (type == CellValues.String || type == CellValues.Boolean || type == CellValues.Error)
        {
            return (raw, null);
        }

        return raw is not null && double.TryParse(raw, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var number)
            ? (raw, number)
            : (raw, null);
    }

    /// <summary>"C7" → 3.</summary>
    private static int ColumnIndex(string reference)
    {
        var column = 0;
        foreach (var c in reference.TakeWhile(char.IsLetter))
        {
            column = (column * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
        }

        return column;
    }

    private static Row Row(uint index, IEnumerable<Cell> cells)
    {
        var row = new Row { RowIndex = index };
        var column = 0;
        foreach (var cell in cells)
        {
            column++;
            cell.CellReference = ColumnName(column) + index;
            row.Append(cell);
        }

        return row;
    }

    private static Cell Cell(object? value) => value switch
    {
        null => new Cell(),
        int i => Number(i.ToString(System.Globalization.CultureInfo.InvariantCulture), null),
        decimal d => Number(d.ToString(System.Globalization.CultureInfo.InvariantCulture), Decimal),
        DateOnly date => Number(date.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(System.Globalization.CultureInfo.InvariantCulture), Date),
        _ => Text(value.ToString() ?? "", null),
    };

    private static Cell Number(string value, uint? style) =>
        new() { DataType = CellValues.Number, CellValue = new CellValue(value), StyleIndex = style };

    private static Cell Text(string text, uint? style) =>
        new(new InlineString(new Text(XmlSafe(text)) { Space = SpaceProcessingModeValues.Preserve })) { DataType = CellValues.InlineString, StyleIndex = style };

    /// <summary>XML cannot carry most control characters; text stored before they were refused must not break the file.</summary>
    private static string XmlSafe(string text)
    {
        if (text.All(XmlConvert.IsXmlChar))
        {
            return text;
        }

        var safe = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i]))
            {
                safe.Append(text[i]);
            }
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                safe.Append(text[i]).Append(text[++i]);
            }
        }

        return safe.ToString();
    }

    public static string ColumnName(int column)
    {
        var name = "";
        for (; column > 0; column = (column - 1) / 26)
        {
            name = (char)('A' + ((column - 1) % 26)) + name;
        }

        return name;
    }

    private static Stylesheet Styles() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "dd-mm-yyyy" }) { Count = 1 },
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1, ApplyFont = true },
            new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 2, ApplyNumberFormat = true }) { Count = 4 });
}
