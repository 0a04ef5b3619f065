using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Plusflat.Domain.BusinessCases;

namespace Plusflat.Web.Features.BusinessCases;

/// <summary>
/// The working copy as an .xlsx sheet whose totals are Excel formulas over the line cells, so a reader can try other numbers:
/// one row per line (a percentage overhead as a formula over the other running lines), then costs, investments, benefits,
/// net and cumulative net per year, and the ratio. Each formula cell also carries the value the portal computed.
/// </summary>
public sealed class ExportBusinessCaseHandler(GetBusinessCaseHandler cases)
{
    public async Task<byte[]?> XlsxAsync(Guid complexId, CancellationToken ct)
    {
        var view = await cases.GetAsync(complexId, ct);
        return view is { Input: not null, Result: not null } ? Build(view.ComplexName, view.Input, view.Result) : null;
    }

    public static byte[] Build(string complexName, BusinessCaseInput input, BusinessCaseResult result)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(result);
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            sheetPart.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "Business case" }));

            var years = result.Years;
            string Col(int i) => ((char)('E' + i)).ToString(); // years start in column E
            var totalCol = Col(years);
            var row = 1u;
            var header = new Row { RowIndex = row };
            foreach (var (text, col) in new[] { (complexName, "A"), ("Soort", "B"), ("Categorie / domein", "C"), ("PM", "D") })
            {
                header.Append(Text(col + row, text));
            }

            for (var i = 0; i < years; i++)
            {
                header.Append(Number(Col(i) + row, result.FirstYear + i));
            }

            header.Append(Text(totalCol + row, "Totaal"));
            data.Append(header);

            var running = new List<uint>();
            var capex = new List<uint>();
            var benefits = new List<uint>();
            var percentage = new List<(uint Row, decimal Pct)>();
            for (var l = 0; l < result.CostLines.Count; l++)
            {
                var line = result.CostLines[l];
                row++;
                var r = new Row { RowIndex = row };
                r.Append(Text("A" + row, line.Name), Text("B" + row, "Kosten"), Text("C" + row, BusinessCaseTerms.NameOf(line.Category)), Text("D" + row, line.Pm ? "PM" : ""));
                if (line.Percentage is { } p)
                {
                    percentage.Add((row, p));
                }
                else if (!line.Pm)
                {
                    for (var i = 0; i < years; i++)
                    {
                        r.Append(Number(Col(i) + row, line.Amounts[i]));
                    }

                    r.Append(Formula(totalCol + row, $"SUM({Col(0)}{row}:{Col(years - 1)}{row})", line.Total));
                    (line.IsCapex ? capex : running).Add(row);
                }

                data.Append(r);
            }

            // A percentage overhead is a share of the other running lines of its column: a formula, so it follows them.
            foreach (var (at, pct) in percentage)
            {
                var r = data.Elements<Row>().First(x => x.RowIndex! == at);
                var line = result.CostLines[(int)at - 2];
                for (var i = 0; i < years; i++)
                {
                    r.Append(Formula(Col(i) + at, $"ROUND({Sum(Col(i), running)}*{pct.ToString(CultureInfo.InvariantCulture)}/100,2)", line.Amounts[i]));
                }

                r.Append(Formula(totalCol + at, $"SUM({Col(0)}{at}:{Col(years - 1)}{at})", line.Total));
            }

            running.AddRange(percentage.Select(p => p.Row));
            foreach (var line in input.BenefitLines)
            {
                row++;
                var r = new Row { RowIndex = row };
                r.Append(Text("A" + row, line.Name ?? ""), Text("B" + row, "Baten"), Text("C" + row, BusinessCaseTerms.NameOf(line.Domain!.Value)), Text("D" + row, line.Pm ? "PM" : ""));
                if (!line.Pm)
                {
                    for (var i = 0; i < years; i++)
                    {
                        r.Append(Number(Col(i) + row, line.Amounts.ElementAtOrDefault(i)?.Amount ?? 0m));
                    }

                    r.Append(Formula(totalCol + row, $"SUM({Col(0)}{row}:{Col(years - 1)}{row})", line.Amounts.Sum(a => a.Amount ?? 0m)));
                    benefits.Add(row);
                }

                data.Append(r);
            }

            row++;
            var costsRow = row;
            var benefitsRow = row + 2;
            var netRow = row + 3;
            var cumulativeRow = row + 4;
            var totals = new (string Name, uint At, Func<int, string> Formula, Func<int, decimal> Value, string? Total, decimal TotalValue)[]
            {
                ("Kosten plus-laag", costsRow, i => Sum(Col(i), running), i => result.PerYear[i].Costs, $"SUM({Col(0)}{costsRow}:{Col(years - 1)}{costsRow})", result.TotalCosts),
                ("Investeringen (apart)", costsRow + 1, i => Sum(Col(i), capex), i => result.PerYear[i].Capex, $"SUM({Col(0)}{costsRow + 1}:{Col(years - 1)}{costsRow + 1})", result.TotalCapex),
                ("Baten", benefitsRow, i => Sum(Col(i), benefits), i => result.PerYear[i].Benefits, $"SUM({Col(0)}{benefitsRow}:{Col(years - 1)}{benefitsRow})", result.TotalBenefits),
                ("Saldo", netRow, i => $"{Col(i)}{benefitsRow}-{Col(i)}{costsRow}", i => result.PerYear[i].Net, $"{totalCol}{benefitsRow}-{totalCol}{costsRow}", result.TotalNet),
                ("Cumulatief saldo", cumulativeRow, i => i == 0 ? $"{Col(0)}{netRow}" : $"{Col(i - 1)}{cumulativeRow}+{Col(i)}{netRow}", i => result.PerYear[i].CumulativeNet, null, 0m),
            };
            foreach (var total in totals)
            {
                var r = new Row { RowIndex = total.At };
                r.Append(Text("A" + total.At, total.Name), Text("B" + total.At, "Totaal"));
                for (var i = 0; i < years; i++)
                {
                    r.Append(Formula(Col(i) + total.At, total.Formula(i), total.Value(i)));
                }

                if (total.Total is not null)
                {
                    r.Append(Formula(totalCol + total.At, total.Total, total.TotalValue));
                }

                data.Append(r);
            }

            var ratioRow = cumulativeRow + 1;
            data.Append(new Row(Text("A" + ratioRow, "Baten/kosten"), Text("B" + ratioRow, "Totaal"),
                    Formula(totalCol + ratioRow, $"IF({totalCol}{costsRow}=0,0,ROUND({totalCol}{benefitsRow}/{totalCol}{costsRow},2))", result.Ratio ?? 0m))
                { RowIndex = ratioRow });
            if (result.PmNote is { } note)
            {
                data.Append(new Row(Text("A" + (ratioRow + 1), "Alle totalen " + note + ": " + string.Join("; ", result.PmItems))) { RowIndex = ratioRow + 1 });
            }

            workbook.Workbook.CalculationProperties = new CalculationProperties { FullCalculationOnLoad = true };
            workbook.Workbook.Save();
        }

        return stream.ToArray();
    }

    private static string Sum(string col, List<uint> rows) => rows.Count == 0 ? "0" : $"SUM({string.Join(",", rows.Select(r => col + r))})";

    private static Cell Text(string reference, string text) =>
        new() { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(text)) };

    private static Cell Number(string reference, decimal value) =>
        new() { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(value) };

    private static Cell Formula(string reference, string formula, decimal cached) =>
        new() { CellReference = reference, CellFormula = new CellFormula(formula), CellValue = new CellValue(cached) };
}
