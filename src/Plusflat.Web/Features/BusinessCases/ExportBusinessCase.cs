using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using A = DocumentFormat.OpenXml.Drawing;
using C = DocumentFormat.OpenXml.Drawing.Charts;
using Xdr = DocumentFormat.OpenXml.Drawing.Spreadsheet;
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
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = SheetName }));

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

            // Who pays: each payer's share (%) per year as input cells, its amount and the uncovered rest as formulas over the
            // running costs; then where the benefits land, per domain, as sums of that domain's benefit rows.
            var sharesAt = ratioRow + 3;
            data.Append(new Row(Text("A" + sharesAt, "Wie betaalt: aandeel (%) in de lopende kosten")) { RowIndex = sharesAt });
            var payers = Enum.GetValues<Payer>();
            var shareRows = new List<uint>();
            foreach (var payer in payers)
            {
                var at = sharesAt + 1 + (uint)shareRows.Count;
                var r = new Row { RowIndex = at };
                r.Append(Text("A" + at, BusinessCaseTerms.NameOf(payer)), Text("B" + at, "Aandeel %"));
                for (var i = 0; i < years; i++)
                {
                    r.Append(Number(Col(i) + at, result.PerYear[i].Payers.FirstOrDefault(x => x.Payer == payer)?.Percentage ?? 0m));
                }

                data.Append(r);
                shareRows.Add(at);
            }

            var sharesTotalRow = sharesAt + 1 + (uint)payers.Length;
            var amountsAt = sharesTotalRow + 1;
            var gapRow = amountsAt + (uint)payers.Length;
            var payerRows = new List<(string Name, string Kind, uint At, Func<int, string> Formula, Func<int, decimal> Value, bool Total)>
            {
                ("Samen verdeeld (%)", "Totaal", sharesTotalRow, i => Sum(Col(i), shareRows), i => result.PerYear[i].SharesTotal, false),
            };
            for (var p = 0; p < payers.Length; p++)
            {
                var payer = payers[p];
                var shareRow = shareRows[p];
                payerRows.Add((BusinessCaseTerms.NameOf(payer), "Draagt", amountsAt + (uint)p, i => $"ROUND({Col(i)}{costsRow}*{Col(i)}{shareRow}/100,2)",
                    i => result.PerYear[i].Payers.FirstOrDefault(x => x.Payer == payer)?.Amount ?? 0m, true));
            }

            payerRows.Add(("Niet gedekt", "Totaal", gapRow, i => $"ROUND({Col(i)}{costsRow}*(100-{Col(i)}{sharesTotalRow})/100,2)", i => result.PerYear[i].FinancingGap, true));
            var domainsAt = gapRow + 1;
            var domains = Enum.GetValues<BenefitDomain>();
            for (var d = 0; d < domains.Length; d++)
            {
                var domain = domains[d];
                var rows = input.BenefitLines.Select((line, index) => (line, Row: (uint)(2 + result.CostLines.Count + index)))
                    .Where(x => !x.line.Pm && x.line.Domain == domain).Select(x => x.Row).ToList();
                payerRows.Add(("Baten bij " + BusinessCaseTerms.NameOf(domain), "Baten", domainsAt + (uint)d, i => Sum(Col(i), rows),
                    i => result.PerYear[i].BenefitsByDomain.FirstOrDefault(x => x.Domain == domain)?.Amount ?? 0m, true));
            }

            foreach (var line in payerRows)
            {
                var r = new Row { RowIndex = line.At };
                r.Append(Text("A" + line.At, line.Name), Text("B" + line.At, line.Kind));
                for (var i = 0; i < years; i++)
                {
                    r.Append(Formula(Col(i) + line.At, line.Formula(i), line.Value(i)));
                }

                if (line.Total)
                {
                    r.Append(Formula(totalCol + line.At, $"SUM({Col(0)}{line.At}:{Col(years - 1)}{line.At})", Enumerable.Range(0, years).Sum(line.Value)));
                }

                data.Append(r);
            }

            AddCumulativeChart(sheetPart, result, cumulativeRow, domainsAt + (uint)domains.Length + 2);
            workbook.Workbook.CalculationProperties = new CalculationProperties { FullCalculationOnLoad = true };
            workbook.Workbook.Save();
        }

        return stream.ToArray();
    }

    /// <summary>The sheet's own name as a formula reference needs it (quoted: it holds a space).</summary>
    public const string SheetName = "Business case";

    /// <summary>
    /// A column chart of the cumulative net per year, below the table, over the sheet's own cells: the years of the header
    /// row as categories and the cumulative-net formula row as values, so the chart follows when the reader tries other
    /// numbers. The cached values are the portal's.
    /// </summary>
    private static void AddCumulativeChart(WorksheetPart sheetPart, BusinessCaseResult result, uint cumulativeRow, uint anchorRow)
    {
        var years = result.Years;
        var last = ((char)('E' + years - 1)).ToString();
        var categories = $"'{SheetName}'!$E$1:${last}$1";
        var values = $"'{SheetName}'!$E${cumulativeRow}:${last}${cumulativeRow}";

        var drawings = sheetPart.AddNewPart<DrawingsPart>();
        sheetPart.Worksheet.Append(new Drawing { Id = sheetPart.GetIdOfPart(drawings) });
        var chartPart = drawings.AddNewPart<ChartPart>();

        C.NumberingCache Cache(string format, IEnumerable<decimal> points)
        {
            var cache = new C.NumberingCache(new C.FormatCode(format), new C.PointCount { Val = (uint)years });
            var i = 0u;
            foreach (var point in points)
            {
                cache.Append(new C.NumericPoint(new C.NumericValue(point.ToString(CultureInfo.InvariantCulture))) { Index = i++ });
            }

            return cache;
        }

        var series = new C.BarChartSeries(
            new C.Index { Val = 0 },
            new C.Order { Val = 0 },
            new C.SeriesText(new C.StringReference(new C.Formula($"'{SheetName}'!$A${cumulativeRow}"),
                new C.StringCache(new C.PointCount { Val = 1 }, new C.StringPoint(new C.NumericValue("Cumulatief saldo")) { Index = 0 }))),
            new C.InvertIfNegative { Val = false },
            new C.CategoryAxisData(new C.NumberReference(new C.Formula(categories), Cache("0", result.PerYear.Select(y => (decimal)y.Year)))),
            new C.Values(new C.NumberReference(new C.Formula(values), Cache("#,##0", result.PerYear.Select(y => y.CumulativeNet)))));
        chartPart.ChartSpace = new C.ChartSpace(
            new C.EditingLanguage { Val = "nl-NL" },
            new C.RoundedCorners { Val = false },
            new C.Chart(
                new C.Title(new C.ChartText(new C.RichText(new A.BodyProperties(), new A.ListStyle(),
                    new A.Paragraph(new A.Run(new A.RunProperties { Language = "nl-NL" }, new A.Text("Cumulatief saldo per jaar"))))),
                    new C.Overlay { Val = false }),
                new C.AutoTitleDeleted { Val = false },
                new C.PlotArea(
                    new C.Layout(),
                    new C.BarChart(
                        new C.BarDirection { Val = C.BarDirectionValues.Column },
                        new C.BarGrouping { Val = C.BarGroupingValues.Clustered },
                        new C.VaryColors { Val = false },
                        series,
                        new C.GapWidth { Val = 80 },
                        new C.AxisId { Val = 1 },
                        new C.AxisId { Val = 2 }),
                    new C.CategoryAxis(
                        new C.AxisId { Val = 1 },
                        new C.Scaling(new C.Orientation { Val = C.OrientationValues.MinMax }),
                        new C.Delete { Val = false },
                        new C.AxisPosition { Val = C.AxisPositionValues.Bottom },
                        new C.NumberingFormat { FormatCode = "0", SourceLinked = false },
                        new C.TickLabelPosition { Val = C.TickLabelPositionValues.Low },
                        new C.CrossingAxis { Val = 2 },
                        new C.Crosses { Val = C.CrossesValues.AutoZero },
                        new C.AutoLabeled { Val = true },
                        new C.LabelAlignment { Val = C.LabelAlignmentValues.Center },
                        new C.LabelOffset { Val = 100 }),
                    new C.ValueAxis(
                        new C.AxisId { Val = 2 },
                        new C.Scaling(new C.Orientation { Val = C.OrientationValues.MinMax }),
                        new C.Delete { Val = false },
                        new C.AxisPosition { Val = C.AxisPositionValues.Left },
                        new C.MajorGridlines(),
                        new C.NumberingFormat { FormatCode = "#,##0", SourceLinked = false },
                        new C.TickLabelPosition { Val = C.TickLabelPositionValues.NextTo },
                        new C.CrossingAxis { Val = 1 },
                        new C.Crosses { Val = C.CrossesValues.AutoZero },
                        new C.CrossBetween { Val = C.CrossBetweenValues.Between })),
                new C.PlotVisibleOnly { Val = true },
                new C.DisplayBlanksAs { Val = C.DisplayBlanksAsValues.Gap }));

        drawings.WorksheetDrawing = new Xdr.WorksheetDrawing(new Xdr.TwoCellAnchor(
            new Xdr.FromMarker(new Xdr.ColumnId("0"), new Xdr.ColumnOffset("0"), new Xdr.RowId((anchorRow - 1).ToString(CultureInfo.InvariantCulture)), new Xdr.RowOffset("0")),
            new Xdr.ToMarker(new Xdr.ColumnId((5 + years).ToString(CultureInfo.InvariantCulture)), new Xdr.ColumnOffset("0"),
                new Xdr.RowId((anchorRow + 17).ToString(CultureInfo.InvariantCulture)), new Xdr.RowOffset("0")),
            new Xdr.GraphicFrame(
                new Xdr.NonVisualGraphicFrameProperties(new Xdr.NonVisualDrawingProperties { Id = 2, Name = "Cumulatief saldo per jaar", Description = "Staafdiagram van het cumulatieve saldo per jaar" },
                    new Xdr.NonVisualGraphicFrameDrawingProperties()),
                new Xdr.Transform(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = 0, Cy = 0 }),
                new A.Graphic(new A.GraphicData(new C.ChartReference { Id = drawings.GetIdOfPart(chartPart) }) { Uri = "http://schemas.openxmlformats.org/drawingml/2006/chart" })) { Macro = "" },
            new Xdr.ClientData()));
    }

    private static string Sum(string col, List<uint> rows) => rows.Count == 0 ? "0" : $"SUM({string.Join(",", rows.Select(r => col + r))})";

    private static Cell Text(string reference, string text) =>
        new() { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(text)) };

    private static Cell Number(string reference, decimal value) =>
        new() { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(value) };

    private static Cell Formula(string reference, string formula, decimal cached) =>
        new() { CellReference = reference, CellFormula = new CellFormula(formula), CellValue = new CellValue(cached) };
}
