using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Plusflat.Web.Tests.BusinessCases;

/// <summary>The .xlsx export: its totals are formulas over the line cells; evaluated here, they give the API's numbers.</summary>
public sealed class BusinessCaseXlsxTests(PlusflatApp app) : IClassFixture<PlusflatApp>
{
    [Fact]
    public async Task ExportXlsx_FormulaTotalsOverTheLineCells_GiveTheApisNumbers()
    {
        var client = await app.SignedInClientAsync("lead@lltf-amsterdam.demo");
        var id = await BusinessCaseApiTests.NewComplexAsync(client);
        var url = BusinessCaseApiTests.Url(id);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync(url, new { fromTemplate = true, firstYear = 2027, years = 4 })).StatusCode);
        var body = JsonNode.Parse(await client.GetStringAsync(url))!.AsObject();
        var overhead = body["lines"]!.AsArray().First(l => (string?)l!["category"] == "overhead")!;
        overhead["percentage"] = 15;
        overhead["amounts"] = new JsonArray();
        body["lines"]!.AsArray().Add(new JsonObject { ["kind"] = "cost", ["name"] = "Bouw ontmoetingsruimte", ["category"] = "capex", ["amounts"] = new JsonArray(new JsonObject { ["year"] = 2027, ["amount"] = 45000 }) });
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync(url, body)).StatusCode);
        var api = await client.GetJsonAsync(url);

        var response = await client.GetAsync($"{url}/export.xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var sheet = new Sheet(document.WorkbookPart!.WorksheetParts.Single().Worksheet);
        var costs = sheet.RowOf("Kosten plus-laag");
        var benefits = sheet.RowOf("Baten");
        var net = sheet.RowOf("Saldo");
        var cumulative = sheet.RowOf("Cumulatief saldo");
        var capex = sheet.RowOf("Investeringen (apart)");
        var years = api.GetProperty("years").EnumerateArray().ToList();
        for (var i = 0; i < years.Count; i++)
        {
            var col = ((char)('E' + i)).ToString();
            Assert.StartsWith("SUM(", sheet.FormulaAt(col + costs), StringComparison.Ordinal);
            Assert.Equal(years[i].GetProperty("costs").GetDecimal(), sheet.Evaluate(col + costs));
            Assert.Equal(years[i].GetProperty("benefits").GetDecimal(), sheet.Evaluate(col + benefits));
            Assert.Equal(years[i].GetProperty("net").GetDecimal(), sheet.Evaluate(col + net));
            Assert.Equal(years[i].GetProperty("cumulativeNet").GetDecimal(), sheet.Evaluate(col + cumulative));
            Assert.Equal(years[i].GetProperty("capex").GetDecimal(), sheet.Evaluate(col + capex));
        }

        Assert.Equal(api.GetProperty("totalCosts").GetDecimal(), sheet.Evaluate("I" + costs));
        Assert.Equal(api.GetProperty("totalBenefits").GetDecimal(), sheet.Evaluate("I" + benefits));
        Assert.Equal(api.GetProperty("ratio").GetDecimal(), sheet.Evaluate("I" + sheet.RowOf("Baten/kosten")));
        Assert.Equal(131_387.50m, sheet.Evaluate("E" + costs)); // the 15 % overhead is itself a formula over the other lines

        // The reader tries another number: the totals follow the line cell.
        sheet.Set("F2", 80_000m);
        Assert.Equal(api.GetProperty("totalCosts").GetDecimal() + 10_000m * 1.15m, sheet.Evaluate("I" + costs));
    }

    [Fact]
    public async Task ExportXlsx_WhoPaysAndWhereTheBenefitsLand_AreFormulasThatGiveTheApisNumbers()
    {
        var client = await app.SignedInClientAsync("lead@lltf-amsterdam.demo");
        var id = await BusinessCaseApiTests.NewComplexAsync(client);
        var url = BusinessCaseApiTests.Url(id);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync(url, new { fromTemplate = true, firstYear = 2027, years = 4 })).StatusCode);
        var body = JsonNode.Parse(await client.GetStringAsync(url))!.AsObject();
        body["numberOfYears"] = body["numberOfYears"]!.GetValue<int>();
        body["payerShares"] = new JsonArray(
            new JsonObject { ["payer"] = "zorgkantoorDos", ["year"] = 2027, ["percentage"] = 40 },
            new JsonObject { ["payer"] = "municipalityWmo", ["year"] = 2027, ["percentage"] = 30 },
            new JsonObject { ["payer"] = "zorgkantoorDos", ["year"] = 2028, ["percentage"] = 100 },
            new JsonObject { ["payer"] = "insurerZvw", ["year"] = 2029, ["percentage"] = 33.3 });
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync(url, body)).StatusCode);
        var api = await client.GetJsonAsync(url);

        using var document = SpreadsheetDocument.Open(new MemoryStream(await client.GetByteArrayAsync($"{url}/export.xlsx")), false);

        var sheet = new Sheet(document.WorkbookPart!.WorksheetParts.Single().Worksheet);
        var years = api.GetProperty("years").EnumerateArray().ToList();
        var gap = sheet.RowOf("Niet gedekt", "Totaal");
        for (var i = 0; i < years.Count; i++)
        {
            var col = ((char)('E' + i)).ToString();
            Assert.Equal(years[i].GetProperty("financingGap").GetDecimal(), sheet.Evaluate(col + gap));
            Assert.Equal(years[i].GetProperty("sharesTotal").GetDecimal(), sheet.Evaluate(col + sheet.RowOf("Samen verdeeld (%)", "Totaal")));
            foreach (var payer in years[i].GetProperty("payers").EnumerateArray())
            {
                Assert.Equal(payer.GetProperty("amount").GetDecimal(), sheet.Evaluate(col + sheet.RowOf(payer.GetProperty("name").GetString()!, "Draagt")));
            }

            foreach (var domain in years[i].GetProperty("benefitsByDomain").EnumerateArray())
            {
                Assert.Equal(domain.GetProperty("amount").GetDecimal(), sheet.Evaluate(col + sheet.RowOf("Baten bij " + domain.GetProperty("name").GetString(), "Baten")));
            }
        }

        Assert.Equal(api.GetProperty("totalFinancingGap").GetDecimal(), sheet.Evaluate("I" + gap));
        Assert.Equal(0m, sheet.Evaluate("F" + gap)); // 2028: the zorgkantoor carries it all

        // The reader lets the municipality carry 60 % in 2027 instead of 30 %: 2027 is covered, and its amount follows.
        Assert.NotEqual(0m, sheet.Evaluate("E" + gap));
        sheet.Set("E" + sheet.RowOf("Gemeente (Wmo)", "Aandeel %"), 60m);
        Assert.Equal(0m, sheet.Evaluate("E" + gap));
        Assert.Equal(Math.Round(years[0].GetProperty("costs").GetDecimal() * 0.6m, 2, MidpointRounding.AwayFromZero), sheet.Evaluate("E" + sheet.RowOf("Gemeente (Wmo)", "Draagt")));
    }

    /// <summary>A sheet's cells, with a small evaluator for the formulas the export writes (SUM, ROUND, IF, + − * /, =).</summary>
    private sealed class Sheet
    {
        private readonly Dictionary<string, Cell> _cells;
        private readonly Dictionary<string, decimal> _overrides = new(StringComparer.Ordinal);

        public Sheet(Worksheet worksheet) => _cells = worksheet.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!, StringComparer.Ordinal);

        public uint RowOf(string label) => uint.Parse(_cells.Values.First(c => c.CellReference!.Value!.StartsWith('A') && c.InnerText == label).CellReference!.Value!.AsSpan(1), CultureInfo.InvariantCulture);

        public uint RowOf(string label, string kind) => _cells.Values
            .Where(c => c.CellReference!.Value!.StartsWith('A') && c.InnerText == label)
            .Select(c => uint.Parse(c.CellReference!.Value!.AsSpan(1), CultureInfo.InvariantCulture))
            .First(row => _cells.TryGetValue("B" + row, out var b) && b.InnerText == kind);

        public string FormulaAt(string reference) => _cells[reference].CellFormula?.Text ?? "";

        public void Set(string reference, decimal value) => _overrides[reference] = value;

        public decimal Evaluate(string reference)
        {
            if (_overrides.TryGetValue(reference, out var set))
            {
                return set;
            }

            if (!_cells.TryGetValue(reference, out var cell))
            {
                return 0m;
            }

            return cell.CellFormula is { } formula ? new Parser(formula.Text, this).Expression() : decimal.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture);
        }

        private sealed class Parser(string text, Sheet sheet)
        {
            private int _at;

            public decimal Expression()
            {
                var value = Term();
                while (_at < text.Length && text[_at] is '+' or '-' or '=')
                {
                    var op = text[_at++];
                    var right = Term();
                    value = op switch { '+' => value + right, '-' => value - right, _ => value == right ? 1m : 0m };
                }

                return value;
            }

            private decimal Term()
            {
                var value = Factor();
                while (_at < text.Length && text[_at] is '*' or '/')
                {
                    var op = text[_at++];
                    var right = Factor();
                    value = op == '*' ? value * right : value / right;
                }

                return value;
            }

            private decimal Factor()
            {
                if (text[_at] == '(')
                {
                    _at++;
                    var inner = Expression();
                    _at++;
                    return inner;
                }

                var start = _at;
                while (_at < text.Length && (char.IsLetterOrDigit(text[_at]) || text[_at] == '.'))
                {
                    _at++;
                }

                var word = text[start.._at];
                if (_at < text.Length && text[_at] == '(')
                {
                    _at++;
                    var args = new List<List<decimal>>();
                    while (text[_at - 1] != ')')
                    {
                        args.Add(Argument());
                        _at++; // ',' or ')'
                    }

                    return word switch
                    {
                        "SUM" => args.SelectMany(a => a).Sum(),
                        "ROUND" => Math.Round(args[0][0], (int)args[1][0], MidpointRounding.AwayFromZero),
                        "IF" => args[0][0] != 0 ? args[1][0] : args[2][0],
                        _ => throw new InvalidOperationException(word),
                    };
                }

                return char.IsDigit(word[0]) ? decimal.Parse(word, CultureInfo.InvariantCulture) : sheet.Evaluate(word);
            }

            private List<decimal> Argument()
            {
                var start = _at;
                var from = Regex.Match(text.Substring(start), "^([A-Z]+)([0-9]+):([A-Z]+)([0-9]+)");
                if (from.Success)
                {
                    _at += from.Length;
                    var row = from.Groups[2].Value;
                    return [.. Enumerable.Range(from.Groups[1].Value[0], from.Groups[3].Value[0] - from.Groups[1].Value[0] + 1).Select(c => sheet.Evaluate((char)c + row))];
                }

                return [Expression()];
            }
        }
    }
}
