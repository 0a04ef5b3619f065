using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using C = DocumentFormat.OpenXml.Drawing.Charts;

namespace Plusflat.Web.Tests.BusinessCases;

/// <summary>
/// The three outputs of a business case — the print view, the .xlsx and the version PDF — say the API's numbers and carry the
/// chart of the cumulative net: the print view as an SVG with its series, the .xlsx as a chart over the cumulative-net
/// formula cells, the PDF as a drawn bar chart whose year labels and values read back as text.
/// </summary>
public sealed class BusinessCaseOutputTests(PlusflatApp app) : IClassFixture<PlusflatApp>
{
    private const string Lead = "lead@lltf-amsterdam.demo";
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    [Fact]
    public async Task PrintView_ShowsTheApisNumbersAndTheChart_ForTheWorkingCopyAndAFrozenVersion()
    {
        var client = await app.SignedInClientAsync(Lead);
        var (id, url) = await EditedCaseAsync(client);
        var api = await client.GetJsonAsync(url);

        var response = await client.GetAsync(PrintUrl(id));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<!--Blazor:{\"type\":\"server\"", html, StringComparison.Ordinal); // static: prints without a circuit
        var page = await new HtmlParser().ParseDocumentAsync(html);
        Assert.Null(page.QuerySelector(".mud-appbar, .mud-drawer, nav"));
        Assert.NotNull(page.QuerySelector("link[href*='css/print']"));
        AssertSameNumbers(api, page);
        Assert.Contains("werkversie", page.QuerySelector("[data-testid=print-meta]")!.TextContent, StringComparison.Ordinal);

        // A frozen version prints as frozen, even after the working copy changed.
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"{url}/versions", new { note = "Voor het zorgkantoor" })).StatusCode);
        var frozen = await client.GetJsonAsync($"{url}/versions/1");
        var body = JsonNode.Parse(await client.GetStringAsync(url))!.AsObject();
        body["numberOfYears"] = body["numberOfYears"]!.GetValue<int>();
        body["lines"]![0]!["amounts"]![0]!["amount"] = 1_000m;
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync(url, body)).StatusCode);

        var version = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync(PrintUrl(id) + "?versie=1"));
        AssertSameNumbers(frozen, version);
        Assert.Contains("Voor het zorgkantoor", version.QuerySelector("[data-testid=print-meta]")!.TextContent, StringComparison.Ordinal);
        AssertSameNumbers(await client.GetJsonAsync(url), await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync(PrintUrl(id))));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(PrintUrl(id) + "?versie=2")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(PrintUrl(Guid.NewGuid()))).StatusCode);
    }

    [Fact]
    public async Task PrintView_OfAnotherTenantsComplex_IsNotFound_AndAFlatTeamMemberMayReadIt()
    {
        var lead = await app.SignedInClientAsync(Lead);
        var (id, _) = await EditedCaseAsync(lead);

        var team = await app.SignedInClientAsync("team@lltf-amsterdam.demo");
        Assert.Equal(HttpStatusCode.OK, (await team.GetAsync(PrintUrl(id))).StatusCode);
        // Not a member of the other tenant: not found. A member there (the admin) does not see this tenant's complex either.
        Assert.Equal(HttpStatusCode.NotFound, (await lead.GetAsync($"/zorgkantoor-amsterdam/complexen/{id}/businesscase/afdruk")).StatusCode);
        var admin = await app.SignedInClientAsync("admin@plusflat.demo");
        var foreign = await admin.GetAsync($"/zorgkantoor-amsterdam/complexen/{id}/businesscase/afdruk");
        Assert.Contains(foreign.StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.Forbidden });
        Assert.DoesNotContain("print-per-year", await foreign.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Xlsx_HoldsAChartOverTheCumulativeNetFormulaCells_AndIsValid()
    {
        var client = await app.SignedInClientAsync(Lead);
        var (_, url) = await EditedCaseAsync(client);
        var api = await client.GetJsonAsync(url);

        using var document = SpreadsheetDocument.Open(new MemoryStream(await client.GetByteArrayAsync($"{url}/export.xlsx")), false);

        Assert.Empty(new OpenXmlValidator().Validate(document));
        var sheetPart = document.WorkbookPart!.WorksheetParts.Single();
        var cumulativeRow = sheetPart.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>()
            .Single(c => c.CellReference!.Value!.StartsWith('A') && c.InnerText == "Cumulatief saldo").CellReference!.Value![1..];
        var chart = sheetPart.DrawingsPart!.ChartParts.Single().ChartSpace;
        var series = chart.Descendants<C.BarChartSeries>().Single();
        Assert.Equal($"'Business case'!$E${cumulativeRow}:$H${cumulativeRow}", series.GetFirstChild<C.Values>()!.Descendants<C.Formula>().Single().Text);
        Assert.Equal("'Business case'!$E$1:$H$1", series.GetFirstChild<C.CategoryAxisData>()!.Descendants<C.Formula>().Single().Text);
        var years = api.GetProperty("years").EnumerateArray().ToList();
        Assert.Equal(years.Select(y => y.GetProperty("cumulativeNet").GetDecimal()),
            series.GetFirstChild<C.Values>()!.Descendants<C.NumericValue>().Select(v => decimal.Parse(v.Text, CultureInfo.InvariantCulture)));
        Assert.Equal(years.Select(y => y.GetProperty("year").GetInt32().ToString(CultureInfo.InvariantCulture)),
            series.GetFirstChild<C.CategoryAxisData>()!.Descendants<C.NumericValue>().Select(v => v.Text));
    }

    [Fact]
    public async Task VersionPdf_DrawsTheCumulativeNetChart_WithEveryYearAndValue()
    {
        var client = await app.SignedInClientAsync(Lead);
        var (_, url) = await EditedCaseAsync(client);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"{url}/versions", new { note = "Grafiek" })).StatusCode);
        var version = await client.GetJsonAsync($"{url}/versions/1");

        using var pdf = UglyToad.PdfPig.PdfDocument.Open(await client.GetByteArrayAsync($"{url}/versions/1/export.pdf"));

        static UglyToad.PdfPig.Content.Word? Heading(List<UglyToad.PdfPig.Content.Word> words) => words.Where((w, i) =>
            i + 3 < words.Count && w.Text == "Cumulatief" && words[i + 1].Text == "saldo" && words[i + 2].Text == "per" && words[i + 3].Text == "jaar").FirstOrDefault();
        var chartPage = pdf.GetPages().First(p => Heading([.. p.GetWords()]) is not null);
        var words = chartPage.GetWords().ToList();
        var heading = Heading(words)!;
        // The chart lies between its heading and the next heading ("Kosten") below it, if that is on the same page.
        var below = words.Where(w => w.Text == "Kosten" && w.BoundingBox.Bottom < heading.BoundingBox.Bottom).Select(w => w.BoundingBox.Top).DefaultIfEmpty(0).Max();
        var inChart = words.Where(w => w.BoundingBox.Bottom < heading.BoundingBox.Bottom && w.BoundingBox.Bottom > below).ToList();
        double Centre(UglyToad.PdfPig.Content.Word w) => (w.BoundingBox.Left + w.BoundingBox.Right) / 2;
        var zero = inChart.Where(w => w.Text == "0").MinBy(w => w.BoundingBox.Left)!; // the value axis' zero, left of the bars
        var years = version.GetProperty("years").EnumerateArray().ToList();
        Assert.Contains(years, y => y.GetProperty("cumulativeNet").GetDecimal() < 0); // the case has bars below the zero line
        foreach (var year in years)
        {
            // Under each bar its year; at the bar's end its value (above the zero line when positive, below it when negative).
            var label = inChart.Single(w => w.Text == year.GetProperty("year").GetInt32().ToString(CultureInfo.InvariantCulture));
            var amount = year.GetProperty("cumulativeNet").GetDecimal();
            var number = Euro(amount)[2..];
            var value = inChart.SingleOrDefault(w => w.Text == number && Math.Abs(Centre(w) - Centre(label)) < 30);
            Assert.True(value is not null, $"no {number} over {label.Text} in: {string.Join(" ", inChart.Select(w => w.Text))}");
            Assert.True(value.BoundingBox.Bottom > label.BoundingBox.Top, "the value stands above the year label");
            Assert.True(amount >= 0 ? value.BoundingBox.Bottom > zero.BoundingBox.Bottom : value.BoundingBox.Top < zero.BoundingBox.Top,
                $"{number} is on the wrong side of the zero line");
        }

        Assert.True(chartPage.Paths.Count(p => p.IsFilled) >= years.Count, "the bars are not drawn");
    }

    private static void AssertSameNumbers(JsonElement api, IDocument page)
    {
        string Cell(string row, int index) => page.QuerySelector($"[data-testid={row}]")!.QuerySelectorAll("td")[index].TextContent.Trim();
        var years = api.GetProperty("years").EnumerateArray().ToList();
        for (var i = 0; i < years.Count; i++)
        {
            Assert.Equal(Euro(years[i].GetProperty("costs").GetDecimal()), Cell("print-row-costs", i));
            Assert.Equal(Euro(years[i].GetProperty("benefits").GetDecimal()), Cell("print-row-benefits", i));
            Assert.Equal(Euro(years[i].GetProperty("net").GetDecimal()), Cell("print-row-net", i));
            Assert.Equal(Euro(years[i].GetProperty("cumulativeNet").GetDecimal()), Cell("print-row-cumulative", i));
            Assert.Equal(Euro(years[i].GetProperty("capex").GetDecimal()), Cell("print-row-capex", i));
        }

        Assert.StartsWith(Euro(api.GetProperty("totalCosts").GetDecimal()), page.QuerySelector("[data-testid=print-total-costs]")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.StartsWith(Euro(api.GetProperty("totalBenefits").GetDecimal()), page.QuerySelector("[data-testid=print-total-benefits]")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal(Euro(api.GetProperty("totalNet").GetDecimal()), page.QuerySelector("[data-testid=print-total-net]")!.TextContent.Trim());
        Assert.Equal(api.GetProperty("ratio").GetDecimal().ToString("0.00", Dutch), page.QuerySelector("[data-testid=print-ratio]")!.TextContent.Trim());
        Assert.Equal(api.GetProperty("breakEvenYear").ValueKind == JsonValueKind.Null ? "niet binnen de looptijd" : api.GetProperty("breakEvenYear").GetInt32().ToString(CultureInfo.InvariantCulture),
            page.QuerySelector("[data-testid=print-break-even]")!.TextContent.Trim());

        var chart = page.QuerySelector("svg[data-testid=print-chart]")!;
        Assert.Equal("img", chart.GetAttribute("role"));
        Assert.Equal(string.Join(";", years.Select(y => string.Create(CultureInfo.InvariantCulture, $"{y.GetProperty("year").GetInt32()}:{y.GetProperty("cumulativeNet").GetDecimal()}"))),
            chart.GetAttribute("data-series"));
        foreach (var year in years)
        {
            Assert.Contains($"{year.GetProperty("year").GetInt32()}: {Euro(year.GetProperty("cumulativeNet").GetDecimal())}", chart.GetAttribute("aria-label"), StringComparison.Ordinal);
        }

        var bars = chart.QuerySelectorAll("[data-testid=print-chart-bar]");
        Assert.Equal(years.Count, bars.Length);
        Assert.Equal(years.Select(y => Euro(y.GetProperty("cumulativeNet").GetDecimal())), bars.Select(b => b.QuerySelectorAll("text")[0].TextContent));
        Assert.NotNull(chart.QuerySelector("[data-testid=zero-line]"));
    }

    /// <summary>A case from the template with one amount changed (staff 2028 → 80,000), so its numbers are not the template's.</summary>
    private static async Task<(Guid Id, string Url)> EditedCaseAsync(HttpClient client)
    {
        var id = await BusinessCaseApiTests.NewComplexAsync(client);
        var url = BusinessCaseApiTests.Url(id);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync(url, new { fromTemplate = true, firstYear = 2027, years = 4 })).StatusCode);
        var body = JsonNode.Parse(await client.GetStringAsync(url))!.AsObject();
        body["numberOfYears"] = body["numberOfYears"]!.GetValue<int>();
        body["lines"]![0]!["amounts"]!.AsArray().First(a => (int)a!["year"]! == 2028)!["amount"] = 80_000m;
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync(url, body)).StatusCode);
        return (id, url);
    }

    private static string PrintUrl(Guid id) => $"/lltf-amsterdam/complexen/{id}/businesscase/afdruk";

    private static string Euro(decimal amount) => "€ " + amount.ToString(amount == decimal.Truncate(amount) ? "N0" : "N2", Dutch);
}
