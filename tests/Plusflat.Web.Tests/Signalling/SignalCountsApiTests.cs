using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Plusflat.Web.Tests.Signalling;

/// <summary>
/// The counts-only endpoints on the demo data: the programme's counts per complex, category and month as JSON, CSV and
/// .xlsx with small counts as "&lt; 3" and no details; overdue-action counts; the retention period as a lead's setting.
/// </summary>
public sealed class SignalCountsApiTests(PlusflatApp app) : IClassFixture<PlusflatApp>
{
    private const string Tenant = "lltf-amsterdam";
    private const string Team = "team@lltf-amsterdam.demo";
    private const string OtherTeam = "team-zonnehof@lltf-amsterdam.demo";
    private const string Lead = "lead@lltf-amsterdam.demo";
    private const string Assessor = "assessor@zorgkantoor-amsterdam.demo";
    private const string Observer = "lead@thuisplusflat-rotterdam.demo";

    [Fact]
    public async Task ProgrammeCsv_Lead_GetsEveryComplexWithTeamsPerMonthAndCategorySmallCountsSuppressedNoCodes()
    {
        var client = await app.SignedInClientAsync(Lead);

        var response = await client.GetAsync($"/api/v1/{Tenant}/signal-counts.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF');
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("complex;month;category;count", lines[0]);
        var complexes = lines.Skip(1).Select(l => l.Split(';')[0]).Distinct().ToList();
        Assert.Contains("De Klimop", complexes);
        Assert.Contains("Het Zonnehof", complexes);
        Assert.Contains(lines, l => l.EndsWith(";< 3", StringComparison.Ordinal));
        Assert.DoesNotContain(lines.Skip(1), l => l.Split(';')[3] is "1" or "2");
        Assert.DoesNotContain("K-0", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProgrammeXlsx_Observer_HasNumbersOfThreeOrMoreAndTheTextLessThanThree()
    {
        await MakeObserverAsync();
        var client = await app.SignedInClientAsync(Observer);

        var response = await client.GetAsync($"/api/v1/{Tenant}/signal-counts.xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var rows = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().ToList();
        Assert.Equal(["Complex", "Maand", "Categorie", "Aantal"], rows[0].Elements<Cell>().Select(Text));
        var counts = rows.Skip(1).Select(r => r.Elements<Cell>().ElementAt(3)).ToList();
        Assert.NotEmpty(counts);
        Assert.All(counts, c =>
        {
            if (c.DataType?.Value == CellValues.Number)
            {
                Assert.True(int.Parse(c.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture) >= 3);
            }
            else
            {
                Assert.Equal("< 3", Text(c));
            }
        });
        Assert.Contains(counts, c => c.DataType?.Value != CellValues.Number);
    }

    [Fact]
    public async Task ComplexXlsx_Lead_GetsThatComplexOnly()
    {
        var client = await app.SignedInClientAsync(Lead);
        var klimop = await ComplexIdAsync("De Klimop");

        var response = await client.GetAsync($"/api/v1/{Tenant}/complexes/{klimop}/signal-counts.xlsx?from=2020-01");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var names = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().Skip(1).Select(r => Text(r.Elements<Cell>().First())).Distinct();
        Assert.Equal(["De Klimop"], names);
    }

    [Fact]
    public async Task ProgrammeCounts_FlatTeamMemberOnly_SeesOnlyTheirOwnComplex()
    {
        var client = await app.SignedInClientAsync(OtherTeam);

        var view = await client.GetJsonAsync($"/api/v1/{Tenant}/signal-counts");

        Assert.Equal(["Het Zonnehof"], view.GetProperty("complexes").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        Assert.All(view.GetProperty("rows").EnumerateArray(), r => Assert.Equal("Het Zonnehof", r.GetProperty("complexName").GetString()));
    }

    [Fact]
    public async Task ProgrammeCounts_Assessor_GetsNothing()
    {
        var client = await app.SignedInClientAsync(Assessor);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/{Tenant}/signal-counts.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/zorgkantoor-amsterdam/signal-counts.xlsx")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/zorgkantoor-amsterdam/overdue-actions")).StatusCode);
    }

    [Fact]
    public async Task ProgrammeCounts_BadMonth_Is400NamingTheField()
    {
        var client = await app.SignedInClientAsync(Lead);

        var response = await client.GetAsync($"/api/v1/{Tenant}/signal-counts.csv?from=2026-13");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await ApiTestData.ProblemErrorsAsync(response)).TryGetProperty("from", out _));
    }

    [Fact]
    public async Task OverdueActions_Lead_GetsCountsPerComplexWithoutDetails()
    {
        var client = await app.SignedInClientAsync(Lead);

        var response = await client.GetAsync($"/api/v1/{Tenant}/overdue-actions");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var view = JsonDocument.Parse(text).RootElement;
        var klimop = view.GetProperty("complexes").EnumerateArray().Single(c => c.GetProperty("complexName").GetString() == "De Klimop");
        var expected = await app.ScalarAsync<long>("""
            SELECT count(*) FROM signal_actions a JOIN complexes c ON c.id = a.complex_id
            WHERE c.name = 'De Klimop' AND a.status = 'Open' AND a.due < current_date
            """);
        Assert.Equal(expected >= 3 ? expected.ToString(System.Globalization.CultureInfo.InvariantCulture) : "< 3", klimop.GetProperty("shown").GetString());
        Assert.DoesNotContain("K-0", text, StringComparison.Ordinal);
        Assert.DoesNotContain("ownerId", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RetentionSetting_LeadSetsItObserverMayNotTooSmallIsRefusedStaleIsAConflict()
    {
        await MakeObserverAsync();
        var lead = await app.SignedInClientAsync(Lead);
        var url = $"/api/v1/{Tenant}/signalling-settings";
        var initial = await lead.GetJsonAsync(url);
        Assert.Equal(24, initial.GetProperty("retentionMonths").GetInt32());

        var tooSmall = await lead.PutAsJsonAsync(url, new { retentionMonths = 3, version = initial.GetProperty("version").GetUInt32() });
        Assert.Equal(HttpStatusCode.BadRequest, tooSmall.StatusCode);
        Assert.True((await ApiTestData.ProblemErrorsAsync(tooSmall)).TryGetProperty("retentionMonths", out _));

        Assert.Equal(HttpStatusCode.NoContent, (await lead.PutAsJsonAsync(url, new { retentionMonths = 36, version = initial.GetProperty("version").GetUInt32() })).StatusCode);
        var saved = await lead.GetJsonAsync(url);
        Assert.Equal(36, saved.GetProperty("retentionMonths").GetInt32());
        Assert.Equal(36, await app.ScalarAsync<int>("SELECT retention_months FROM signalling_settings s JOIN tenants t ON t.id = s.tenant_id WHERE t.slug = @p0", Tenant));

        var stale = await lead.PutAsJsonAsync(url, new { retentionMonths = 48, version = initial.GetProperty("version").GetUInt32() });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(36, (await stale.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("retentionMonths").GetInt32());

        var observer = await app.SignedInClientAsync(Observer);
        Assert.Equal(HttpStatusCode.Forbidden, (await observer.PutAsJsonAsync(url, new { retentionMonths = 12, version = saved.GetProperty("version").GetUInt32() })).StatusCode);
    }

    [Fact]
    public async Task OpenApi_ListsTheCountEndpoints()
    {
        var document = await app.Client().GetStringAsync("/openapi/v1.json");

        foreach (var path in new[] { "/signal-counts\"", "/signal-counts.csv\"", "/signal-counts.xlsx\"", "/overdue-actions\"", "/signalling-settings\"", "/complexes/{id}/signal-counts.xlsx\"" })
        {
            Assert.Contains("/api/v1/{tenant}" + path, document, StringComparison.Ordinal);
        }
    }

    private static string Text(Cell c) => c.DataType?.Value == CellValues.InlineString ? c.InlineString!.InnerText : c.CellValue?.Text ?? "";

    private Task<Guid> ComplexIdAsync(string name) => app.ScalarAsync<Guid>("SELECT id FROM complexes WHERE name = @p0", name);

    private async Task MakeObserverAsync() => await app.ExecuteAsync("""
        INSERT INTO tenant_memberships (id, tenant_id, user_id, role)
        SELECT gen_random_uuid(), t.id, u.id, 'Observer' FROM tenants t, users u WHERE t.slug = @p0 AND u.email = @p1
        ON CONFLICT DO NOTHING
        """, Tenant, Observer);
}
