using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Plusflat.Domain.Monitoring;
using Plusflat.Web.Tests.Infrastructure;
using Plusflat.Web.Tests.Start;

namespace Plusflat.Web.Tests.Monitoring;

/// <summary>
/// The import, export and template of indicator values on real PostgreSQL: all-or-nothing with every bad row and its reason,
/// a clean file merged into the quarters, the dry run, another programme's complex, and an export that reads back as stored
/// (CSV and .xlsx, read with the Open XML SDK) and re-imports cleanly.
/// </summary>
public sealed class IndicatorValueImportApiTests(PlusflatApp app) : IClassFixture<PlusflatApp>
{
    private const string Tenant = "lltf-amsterdam";
    private const string Lead = "lead@lltf-amsterdam.demo";
    private const string Header = "Wooncomplex;Postcode;Indicator;Kwartaal;Waarde";
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The quarter two before today's: the baseline's, so the one after it has ended and today's has begun.</summary>
    private static Quarter First => Quarter.Of(DateOnly.FromDateTime(DateTime.UtcNow)).Plus(-2);

    [Fact]
    public async Task Import_AFileWithOneBadRow_ImportsNothingAndReportsThatRowAndWhy()
    {
        var client = await app.SignedInClientAsync(Lead);
        var (id, name) = await ComplexWithBaselineAsync(client);
        var csv = Csv(
            $"{name};;wlz-instroom;{First};3",
            $"{name};;valincidenten;{First};2,5",
            $"{name};;mentaal-welzijn;{First.Next()};12",
            $"{name};;huisartsbezoeken;{First.Next()};40");

        var response = await client.PostAsync(ImportUrl(), Multipart(csv, "waarden.csv", "text/csv"));

        var errors = await ApiTestData.ProblemErrorsAsync(response);
        var reasons = errors.GetProperty("rows[4]").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains("Waarde: Eenzaamheid en mentaal welzijn: 12 ligt buiten het bereik 0 tot en met 10 (gemiddelde score 0–10).", reasons);
        Assert.Single(errors.EnumerateObject());
        var rows = (await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync())).RootElement.GetProperty("rows");
        Assert.Equal(4, rows.GetArrayLength());
        Assert.Equal("refused", rows[2].GetProperty("effect").GetString());
        Assert.Equal(0, await app.ScalarAsync<long>("SELECT count(*) FROM quarterly_indicator_values WHERE complex_id = @p0", id));
    }

    [Fact]
    public async Task Import_ACleanFile_MergesEveryValueAndKeepsTheQuartersOtherIndicators()
    {
        var client = await app.SignedInClientAsync(Lead);
        var (id, name) = await ComplexWithBaselineAsync(client);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PutAsJsonAsync($"/api/v1/{Tenant}/complexes/{id}/indicator-values/{First}",
            new { values = new Dictionary<string, decimal> { ["team-verzuim"] = 6m, ["wlz-instroom"] = 9m } })).StatusCode);
        var csv = Csv(
            $"{name};1011 AB;wlz-instroom;{First};3",
            $"{name};;Valincidenten;{First};2,5",
            $"{name};;mentaal-welzijn;{First.Next()};7.25",
            $"{name};;wlz-instroom;nulmeting;4,5");

        var response = await client.PostAsync(ImportUrl(), new ByteArrayContent(csv) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(4, report.GetProperty("imported").GetInt32());
        var first = await StoredAsync(id, First);
        Assert.Equal(3m, first.ValueOf("wlz-instroom"));
        Assert.Equal(2.5m, first.ValueOf("valincidenten"));
        Assert.Equal(6m, first.ValueOf("team-verzuim"));
        Assert.Equal(7.25m, (await StoredAsync(id, First.Next())).ValueOf("mentaal-welzijn"));
        var baseline = await app.InTenantAsync(Tenant, db => db.MonitoringBaselines.AsNoTracking().SingleAsync(b => b.ComplexId == id));
        Assert.Equal(4.5m, baseline.ValueOf("wlz-instroom"));
        Assert.Equal(First.Start, baseline.MeasuredOn);
    }

    [Fact]
    public async Task Import_AnXlsxFile_ImportsItsNumberCells()
    {
        var client = await app.SignedInClientAsync(Lead);
        var (id, name) = await ComplexWithBaselineAsync(client);
        var sheet = Plusflat.Web.Features.Shared.XlsxSheet.Write("Blad1", ["Wooncomplex", "Indicator", "Kwartaal", "Waarde"],
            [[name, "wlz-instroom", First.ToString(), 3.3m], [name, "huisartsbezoeken", First.Next().ToString(), 1250m]]);

        var response = await client.PostAsync(ImportUrl(), Multipart(sheet, "waarden.xlsx", XlsxType));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3.3m, (await StoredAsync(id, First)).ValueOf("wlz-instroom"));
        Assert.Equal(1250m, (await StoredAsync(id, First.Next())).ValueOf("huisartsbezoeken"));
    }

    [Fact]
    public async Task DryRun_AnswersThePreviewAndWritesNothing()
    {
        var client = await app.SignedInClientAsync(Lead);
        var (id, name) = await ComplexWithBaselineAsync(client);

        var response = await client.PostAsync(ImportUrl(dryRun: true), Multipart(Csv($"{name};;wlz-instroom;{First};3", $"{name};;wlz-instroom;nulmeting;5"), "waarden.csv", "text/csv"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(report.GetProperty("dryRun").GetBoolean());
        Assert.Equal(0, report.GetProperty("imported").GetInt32());
        Assert.Equal(["added", "changed"], report.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("effect").GetString()));
        Assert.Equal(4m, report.GetProperty("rows")[1].GetProperty("currentValue").GetDecimal());
        Assert.Equal(0, await app.ScalarAsync<long>("SELECT count(*) FROM quarterly_indicator_values WHERE complex_id = @p0", id));
        Assert.Equal(4m, (await app.InTenantAsync(Tenant, db => db.MonitoringBaselines.AsNoTracking().SingleAsync(b => b.ComplexId == id))).ValueOf("wlz-instroom"));
    }

    [Fact]
    public async Task Import_AnotherProgrammesComplex_IsAnUnknownComplex()
    {
        var rotterdam = await app.SignedInClientAsync("lead@thuisplusflat-rotterdam.demo");
        var theirs = await ApiTestData.NewComplexAsync(rotterdam, "thuisplusflat-rotterdam", "Maasflat");
        var theirName = (await rotterdam.GetJsonAsync($"/api/v1/thuisplusflat-rotterdam/complexes/{theirs}")).GetProperty("name").GetString()!;
        Assert.Equal(HttpStatusCode.NoContent, (await rotterdam.PutAsJsonAsync($"/api/v1/thuisplusflat-rotterdam/complexes/{theirs}/baseline", new
        {
            measuredOn = First.Start, values = new Dictionary<string, decimal> { ["wlz-instroom"] = 4m }, notes = (string?)null,
        })).StatusCode);
        var client = await app.SignedInClientAsync(Lead);

        var errors = await ApiTestData.ProblemErrorsAsync(await client.PostAsync(ImportUrl(), Multipart(Csv($"{theirName};;wlz-instroom;{First};3"), "waarden.csv", "text/csv")));

        Assert.Equal($"Wooncomplex: Het wooncomplex '{theirName}' is onbekend in dit programma.", errors.GetProperty("rows[2]")[0].GetString());
        Assert.Equal(0, await app.ScalarAsync<long>("SELECT count(*) FROM quarterly_indicator_values WHERE complex_id = @p0", theirs));
    }

    [Fact]
    public async Task Export_CsvAndXlsx_ReadBackAsStored_AndReImportCleanlyWithNothingChanged()
    {
        var client = await app.SignedInClientAsync(Lead);
        var (id, name) = await ComplexWithBaselineAsync(client);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(ImportUrl(), Multipart(Csv(
            $"{name};;wlz-instroom;{First};3",
            $"{name};;huisartsbezoeken;{First};1250,5",
            $"{name};;mentaal-welzijn;{First.Next()};7,25"), "waarden.csv", "text/csv"))).StatusCode);
        var baseline = await app.InTenantAsync(Tenant, db => db.MonitoringBaselines.AsNoTracking().SingleAsync(b => b.ComplexId == id));
        var quarters = await app.InTenantAsync(Tenant, db => db.QuarterlyValues.AsNoTracking().Where(v => v.ComplexId == id).ToListAsync());
        var stored = baseline.Values.Select(v => (IndicatorValueFile.BaselineWord, v.Key, v.Value))
            .Concat(quarters.SelectMany(q => q.Values.Select(v => (q.Quarter.ToString(), v.Key, v.Value))))
            .Order().ToList();

        var csv = await client.GetAsync($"/api/v1/{Tenant}/indicator-values/export?format=csv");
        var xlsx = await client.GetAsync($"/api/v1/{Tenant}/indicator-values/export?format=xlsx");

        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Equal(XlsxType, xlsx.Content.Headers.ContentType?.MediaType);
        var csvBytes = await csv.Content.ReadAsByteArrayAsync();
        var xlsxBytes = await xlsx.Content.ReadAsByteArrayAsync();
        var csvRows = CsvRows(csvBytes);
        var xlsxRows = XlsxRows(xlsxBytes);
        Assert.Equal(["Wooncomplex", "Postcode", "Indicator", "Kwartaal", "Waarde", "Naam indicator", "Eenheid"], csvRows[0]);
        Assert.Equal(csvRows[0], xlsxRows[0]);
        Assert.Equal(stored, csvRows.Where(r => r[0] == name).Select(r => (r[3], r[2], decimal.Parse(r[4], CultureInfo.GetCultureInfo("nl-NL")))).Order().ToList());
        Assert.Equal(stored, xlsxRows.Where(r => r[0] == name).Select(r => (r[3], r[2], decimal.Parse(r[4], CultureInfo.InvariantCulture))).Order().ToList());
        Assert.Equal("1250,5", csvRows.Single(r => r[0] == name && r[2] == "huisartsbezoeken")[4]);

        foreach (var (bytes, file, type) in new[] { (csvBytes, "export.csv", "text/csv"), (xlsxBytes, "export.xlsx", XlsxType) })
        {
            var again = await client.PostAsync(ImportUrl(dryRun: true), Multipart(bytes, file, type));
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            var rows = (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rows").EnumerateArray().Where(r => r.GetProperty("complex").GetString() == name).ToList();
            Assert.Equal(stored.Count, rows.Count);
            Assert.All(rows, r => Assert.Equal("unchanged", r.GetProperty("effect").GetString()));
        }
    }

    [Fact]
    public async Task Template_HasTheHeaderAndOnlyInstructionRows_SoItImportsAsAFileWithoutValues()
    {
        var client = await app.SignedInClientAsync(Lead);

        var csv = await (await client.GetAsync($"/api/v1/{Tenant}/indicator-values/template?format=csv")).Content.ReadAsByteArrayAsync();
        var xlsx = await (await client.GetAsync($"/api/v1/{Tenant}/indicator-values/template?format=xlsx")).Content.ReadAsByteArrayAsync();

        var rows = CsvRows(csv);
        Assert.Equal("Wooncomplex", rows[0][0]);
        Assert.All(rows.Skip(1), r => Assert.StartsWith("#", r[0], StringComparison.Ordinal));
        Assert.Contains(rows, r => r[0].Contains("wlz-instroom", StringComparison.Ordinal));
        Assert.Equal(rows.Count, XlsxRows(xlsx).Count);
        var errors = await ApiTestData.ProblemErrorsAsync(await client.PostAsync(ImportUrl(dryRun: true), Multipart(csv, "sjabloon.csv", "text/csv")));
        Assert.Contains("geen rijen met waarden", errors.GetProperty("file")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_ByAnObserverOrWithoutAFile_IsRefused()
    {
        await app.ExecuteAsync("""
            INSERT INTO tenant_memberships (id, tenant_id, user_id, role)
            SELECT gen_random_uuid(), t.id, u.id, 'Observer' FROM tenants t, users u WHERE t.slug = @p0 AND u.email = @p1
            ON CONFLICT DO NOTHING
            """, Tenant, "lead@thuisplusflat-rotterdam.demo");
        var observer = await app.SignedInClientAsync("lead@thuisplusflat-rotterdam.demo");
        var lead = await app.SignedInClientAsync(Lead);

        Assert.Equal(HttpStatusCode.Forbidden, (await observer.PostAsync(ImportUrl(), Multipart(Csv("x;;wlz-instroom;2026Q1;1"), "a.csv", "text/csv"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await observer.GetAsync($"/api/v1/{Tenant}/indicator-values/export?format=csv")).StatusCode);
        var empty = await ApiTestData.ProblemErrorsAsync(await lead.PostAsync(ImportUrl(), Raw([])));
        Assert.True(empty.TryGetProperty("file", out _));
        var notAFile = await ApiTestData.ProblemErrorsAsync(await lead.PostAsync(ImportUrl(), Raw([0xD0, 0xCF, 0x11, 0xE0, 0, 0])));
        Assert.Contains(".xls", notAFile.GetProperty("file")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await lead.GetAsync($"/api/v1/{Tenant}/indicator-values/export?format=pdf")).StatusCode);
    }

    [Fact]
    public async Task OpenApi_ListsImportExportAndTemplate()
    {
        var document = await app.Client().GetStringAsync("/openapi/v1.json");

        foreach (var path in new[] { "/indicator-values/import\"", "/indicator-values/export\"", "/indicator-values/template\"" })
        {
            Assert.Contains("/api/v1/{tenant}" + path, document, StringComparison.Ordinal);
        }
    }

    private async Task<(Guid Id, string Name)> ComplexWithBaselineAsync(HttpClient client)
    {
        var id = await ApiTestData.NewComplexAsync(client, Tenant, "Importflat");
        Assert.Equal(HttpStatusCode.NoContent, (await client.PutAsJsonAsync($"/api/v1/{Tenant}/complexes/{id}/baseline", new
        {
            measuredOn = First.Start, values = new Dictionary<string, decimal> { ["wlz-instroom"] = 4m }, notes = (string?)null,
        })).StatusCode);
        var name = (await client.GetJsonAsync($"/api/v1/{Tenant}/complexes/{id}")).GetProperty("name").GetString()!;
        return (id, name);
    }

    private Task<QuarterlyValues> StoredAsync(Guid id, Quarter quarter) =>
        app.InTenantAsync(Tenant, db => db.QuarterlyValues.AsNoTracking().SingleAsync(v => v.ComplexId == id && v.Quarter == quarter));

    private static string ImportUrl(bool dryRun = false) => $"/api/v1/{Tenant}/indicator-values/import" + (dryRun ? "?dryRun=true" : "");

    private static byte[] Csv(params string[] rows) => Encoding.UTF8.GetBytes(string.Join("\r\n", [Header, .. rows]) + "\r\n");

    private static ByteArrayContent Raw(byte[] content) => new(content) { Headers = { ContentType = new MediaTypeHeaderValue("application/octet-stream") } };

    private static MultipartFormDataContent Multipart(byte[] content, string fileName, string type)
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(type);
        return new MultipartFormDataContent { { file, "file", fileName } };
    }

    /// <summary>The Dutch CSV split on semicolons (quoted fields unquoted; names in these tests hold no semicolon).</summary>
    private static List<string[]> CsvRows(byte[] bytes) =>
        [.. Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.StartsWith('"') ? [line.Trim('"').Replace("\"\"", "\"", StringComparison.Ordinal)] : line.Split(';'))];

    /// <summary>The first sheet read with the Open XML SDK itself: inline strings as text, numbers as their invariant text.</summary>
    private static List<string[]> XlsxRows(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        using var document = SpreadsheetDocument.Open(stream, false);
        var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;
        return [.. sheet.Descendants<Row>().Select(r => r.Elements<Cell>().Select(c => c.DataType?.Value == CellValues.InlineString ? c.InnerText : c.CellValue?.Text ?? "").ToArray())];
    }
}
