using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Plusflat.Domain.Monitoring;
using Plusflat.Web.Tests.Infrastructure;
using Plusflat.Web.Tests.Start;

namespace Plusflat.Web.Tests.Dashboard;

/// <summary>
/// The programme dashboard's figures on real PostgreSQL, through the API, the print view and the PDF: computed from the
/// data (add a complex or values and they move), narrowed by the filters, archived complexes and other tenants never counted.
/// Each test works in a district of its own, so the other tests' complexes never change its numbers.
/// </summary>
public sealed class DashboardApiTests(PlusflatApp app) : IClassFixture<PlusflatApp>
{
    private const string Tenant = "lltf-amsterdam";
    private const string Lead = "lead@lltf-amsterdam.demo";

    private static Quarter BaselineQuarter => Quarter.Of(DateOnly.FromDateTime(DateTime.UtcNow)).Plus(-2);

    [Fact]
    public async Task Dashboard_ComplexesAndValuesAdded_MoveThePhaseCountsReviewsAndTheTrend()
    {
        var client = await app.SignedInClientAsync(Lead);
        var district = NewDistrict();
        Assert.Equal(0, (await DashboardAsync(client, district)).GetProperty("complexes").GetInt32());

        var a = await app.AddComplexAsync(Tenant, district);
        var b = await app.AddComplexAsync(Tenant, district);
        var c = await app.AddComplexAsync(Tenant, district);
        await app.ExecuteAsync("UPDATE complexes SET current_phase = 3 WHERE id = @p0", c);
        await BaselineAndQuarterAsync(client, a, 4m, 3m); // −25 %: better (fewer Wlz admissions)
        var two = await DashboardAsync(client, district);

        Assert.Equal(3, two.GetProperty("complexes").GetInt32());
        Assert.Equal([2, 0, 0, 1, 0], two.GetProperty("perPhase").EnumerateArray().Select(p => p.GetProperty("count").GetInt32()));
        Assert.Equal(1, two.GetProperty("ambition").GetProperty("inExecution").GetInt32());
        var reviews = two.GetProperty("reviews");
        Assert.Equal(2, reviews.GetProperty("notStarted").GetInt32()); // b and c have no baseline
        Assert.Equal(1, reviews.GetProperty("due").GetInt32() + reviews.GetProperty("overdue").GetInt32() + reviews.GetProperty("upToDate").GetInt32());
        Assert.Equal([a], reviews.GetProperty("complexes").EnumerateArray().Select(r => r.GetProperty("complexId").GetGuid()));
        var wlz = Indicator(two, "wlz-instroom");
        Assert.Equal((1, -25m, "better"), Programme(wlz));
        var complex = wlz.GetProperty("complexes").EnumerateArray().Single();
        Assert.Equal(a, complex.GetProperty("complexId").GetGuid());
        Assert.Equal(BaselineQuarter.Next().ToString(), complex.GetProperty("latestQuarter").GetString());
        Assert.Equal(3m, complex.GetProperty("latest").GetDecimal());

        // A second complex gets worse by 10 %: the programme is the median of −25 and +10, one better and one worse.
        await BaselineAndQuarterAsync(client, b, 10m, 11m);
        var three = Indicator(await DashboardAsync(client, district), "wlz-instroom");

        Assert.Equal((2, -7.5m, "better"), Programme(three));
        Assert.Equal(1, three.GetProperty("programme").GetProperty("worse").GetInt32());
        var perQuarter = three.GetProperty("perQuarter").EnumerateArray().Single();
        Assert.Equal(BaselineQuarter.Next().ToString(), perQuarter.GetProperty("quarter").GetString());
        Assert.Equal(2, perQuarter.GetProperty("change").GetProperty("complexes").GetInt32());
    }

    [Fact]
    public async Task Dashboard_FiltersOnDistrictAndCorporation_NarrowEveryFigure_AndArchivedComplexesAreNotCounted()
    {
        var client = await app.SignedInClientAsync(Lead);
        var district = NewDistrict();
        var a = await app.AddComplexAsync(Tenant, district);
        var b = await app.AddComplexAsync(Tenant, district);
        var other = await app.AddComplexAsync(Tenant, NewDistrict());
        var corporation = await app.ScalarAsync<Guid>(
            "SELECT o.id FROM organisations o JOIN tenants t ON t.id = o.tenant_id WHERE t.slug = @p0 AND o.kind = 'HousingCorporation' ORDER BY o.name LIMIT 1", Tenant);
        await app.ExecuteAsync("UPDATE complexes SET housing_corporation_id = @p1 WHERE id = @p0", a, corporation);
        await app.ExecuteAsync("UPDATE complexes SET housing_corporation_id = @p1 WHERE id = @p0", other, corporation);
        await BaselineAndQuarterAsync(client, b, 6m, 3m);

        var both = await DashboardAsync(client, district);
        var narrowed = await DashboardAsync(client, district, corporation);
        var all = await DashboardAsync(client, null);

        Assert.Equal(2, both.GetProperty("complexes").GetInt32());
        Assert.Equal(1, narrowed.GetProperty("complexes").GetInt32());
        Assert.Equal(corporation, narrowed.GetProperty("corporationId").GetGuid());
        Assert.False(string.IsNullOrEmpty(narrowed.GetProperty("corporationName").GetString()));
        Assert.Equal(0, Indicator(narrowed, "wlz-instroom").GetProperty("complexes").GetArrayLength()); // b is not of that corporation
        Assert.Equal(1, Indicator(both, "wlz-instroom").GetProperty("complexes").GetArrayLength());
        Assert.Contains(district, all.GetProperty("districts").EnumerateArray().Select(d => d.GetString()));
        var active = await app.ScalarAsync<long>("SELECT count(*) FROM complexes c JOIN tenants t ON t.id = c.tenant_id WHERE t.slug = @p0 AND c.archived_at IS NULL", Tenant);
        Assert.Equal(active, all.GetProperty("complexes").GetInt32());

        await app.ExecuteAsync("UPDATE complexes SET archived_at = now() WHERE id = @p0", b);
        var archived = await DashboardAsync(client, district);

        Assert.Equal(1, archived.GetProperty("complexes").GetInt32());
        Assert.Equal(0, Indicator(archived, "wlz-instroom").GetProperty("complexes").GetArrayLength());
        Assert.Equal(active - 1, (await DashboardAsync(client, null)).GetProperty("complexes").GetInt32());
    }

    [Fact]
    public async Task Dashboard_AnotherTenantsComplexesAndValues_AreNeverCounted()
    {
        var district = NewDistrict();
        var rotterdam = await app.SignedInClientAsync("lead@thuisplusflat-rotterdam.demo");
        var theirs = await app.AddComplexAsync("thuisplusflat-rotterdam", district);
        await BaselineAndQuarterAsync(rotterdam, theirs, 4m, 2m, "thuisplusflat-rotterdam");
        var client = await app.SignedInClientAsync(Lead);
        var ours = await app.AddComplexAsync(Tenant, district);

        var view = await DashboardAsync(client, district);

        Assert.Equal(1, view.GetProperty("complexes").GetInt32());
        Assert.Equal(0, Indicator(view, "wlz-instroom").GetProperty("complexes").GetArrayLength());
        Assert.DoesNotContain(theirs.ToString(), view.GetRawText(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(1, Indicator(await DashboardAsync(rotterdam, district, tenant: "thuisplusflat-rotterdam"), "wlz-instroom").GetProperty("complexes").GetArrayLength());
        Assert.DoesNotContain(ours.ToString(), (await DashboardAsync(rotterdam, district, tenant: "thuisplusflat-rotterdam")).GetRawText(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Dashboard_FundingPerYear_IsTheGrantedApplicationsOfTheSelectionsComplexes()
    {
        var client = await app.SignedInClientAsync(Lead);
        var district = NewDistrict();
        var granted = await app.ScalarAsync<Guid>(
            "SELECT a.complex_id FROM dos_applications a JOIN tenants t ON t.id = a.tenant_id WHERE t.slug = @p0 AND a.status = 'Granted' LIMIT 1", Tenant);
        Assert.Equal(0, (await DashboardAsync(client, district)).GetProperty("funding").GetProperty("perYear").GetArrayLength());

        await app.ExecuteAsync("UPDATE complexes SET district = @p1 WHERE id = @p0", granted, district);
        var funding = (await DashboardAsync(client, district)).GetProperty("funding");

        var expected = await AmountsAsync("SELECT (x->>'year')::int, sum((x->>'amount')::numeric) FROM dos_applications a, jsonb_array_elements(a.decision->'amounts') x WHERE a.complex_id = @p0 AND a.status = 'Granted' GROUP BY 1 ORDER BY 1", granted);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, funding.GetProperty("perYear").EnumerateArray().Select(y => (y.GetProperty("year").GetInt32(), y.GetProperty("amount").GetDecimal())));
        Assert.Equal(expected.Sum(e => e.Amount), funding.GetProperty("total").GetDecimal());
        Assert.Equal(1, (await DashboardAsync(client, district)).GetProperty("standing").GetProperty("labelGranted").GetInt32());
    }

    [Fact]
    public async Task Dashboard_Rights_FlatTeamMemberIsRefused_ANonMemberGetsNotFound_ABadCorporationIs400()
    {
        var team = await app.SignedInClientAsync("team@lltf-amsterdam.demo");
        var rotterdam = await app.SignedInClientAsync("lead@thuisplusflat-rotterdam.demo");
        var assessor = await app.SignedInClientAsync("assessor@zorgkantoor-amsterdam.demo");
        var lead = await app.SignedInClientAsync(Lead);

        Assert.Equal(HttpStatusCode.Forbidden, (await team.GetAsync($"/api/v1/{Tenant}/dashboard")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await team.GetAsync($"/{Tenant}/dashboard.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await team.GetAsync($"/{Tenant}/dashboard/afdruk")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await rotterdam.GetAsync($"/api/v1/{Tenant}/dashboard")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await assessor.GetAsync("/api/v1/zorgkantoor-amsterdam/dashboard")).StatusCode);
        var errors = await ApiTestData.ProblemErrorsAsync(await lead.GetAsync($"/api/v1/{Tenant}/dashboard?corporation=geen-id"));
        Assert.True(errors.TryGetProperty("corporation", out _), errors.GetRawText());
    }

    [Fact]
    public async Task OpenApi_ListsTheDashboard()
    {
        var document = await app.Client().GetStringAsync("/openapi/v1.json");

        Assert.Contains("\"/api/v1/{tenant}/dashboard\"", document, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PrintView_IsStatic_AndShowsTheApisFiguresForTheSameFilter()
    {
        var client = await app.SignedInClientAsync(Lead);
        var district = NewDistrict();
        var a = await app.AddComplexAsync(Tenant, district);
        await app.AddComplexAsync(Tenant, district);
        await BaselineAndQuarterAsync(client, a, 8m, 6m);
        var api = await DashboardAsync(client, district);

        var html = await client.GetStringAsync($"/{Tenant}/dashboard/afdruk?wijk={Uri.EscapeDataString(district)}");

        Assert.DoesNotContain("<!--Blazor:{\"type\":\"server\"", html, StringComparison.Ordinal);
        var page = await new HtmlParser().ParseDocumentAsync(html);
        Assert.Null(page.QuerySelector(".mud-appbar, .mud-drawer, nav"));
        Assert.Contains(district, page.QuerySelector("[data-testid=print-meta]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(api.GetProperty("complexes").GetInt32().ToString(CultureInfo.InvariantCulture), page.QuerySelector("[data-testid=print-complexes]")!.TextContent.Trim());
        foreach (var phase in api.GetProperty("perPhase").EnumerateArray())
        {
            Assert.Equal(phase.GetProperty("count").GetInt32().ToString(CultureInfo.InvariantCulture),
                page.QuerySelector($"[data-testid=print-phase-{phase.GetProperty("phase").GetInt32()}]")!.TextContent.Trim());
        }

        Assert.Equal(string.Join(";", api.GetProperty("perPhase").EnumerateArray().Select(p => $"{p.GetProperty("phase").GetInt32()}:{p.GetProperty("count").GetInt32()}")),
            page.QuerySelector("[data-testid=print-phase-chart]")!.GetAttribute("data-series"));
        Assert.Equal("wlz-instroom:-25.0", page.QuerySelector("[data-testid=print-indicator-chart]")!.GetAttribute("data-series"));
        Assert.Equal("-25 %", page.QuerySelector($"[data-testid=print-trend-complex-{a}] [data-testid=change]")!.TextContent.Trim());
        Assert.Equal("-25 %", page.QuerySelector("[data-testid=print-indicator-wlz-instroom] [data-testid=median]")!.TextContent.Trim());
    }

    [Fact]
    public async Task Pdf_ReadsBackTheFiguresOfTheSelection()
    {
        var client = await app.SignedInClientAsync(Lead);
        var district = NewDistrict();
        var a = await app.AddComplexAsync(Tenant, district);
        await BaselineAndQuarterAsync(client, a, 8m, 6m);
        var name = await app.ScalarAsync<string>("SELECT name FROM complexes WHERE id = @p0", a);

        var response = await client.GetAsync($"/{Tenant}/dashboard.pdf?wijk={Uri.EscapeDataString(district)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        var text = string.Join(" ", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
        Assert.Contains("Programmadashboard", text, StringComparison.Ordinal);
        Assert.Contains("wijk " + district, text, StringComparison.Ordinal);
        Assert.Contains(name!, text, StringComparison.Ordinal);
        Assert.Contains("-25 %", text, StringComparison.Ordinal);
        Assert.Contains("Wooncomplexen per fase", text, StringComparison.Ordinal);
        Assert.Contains("Toegekende DOS-financiering per jaar", text, StringComparison.Ordinal);
    }

    private static string NewDistrict() => "Dashwijk " + Guid.NewGuid().ToString("N")[..8];

    private async Task<List<(int Year, decimal Amount)>> AmountsAsync(string sql, Guid id)
    {
        await using var connection = new Npgsql.NpgsqlConnection(await PostgresCluster.SuperuserConnectionStringAsync(app.Database.Name));
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("p0", id);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(int, decimal)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetInt32(0), reader.GetDecimal(1)));
        }

        return rows;
    }

    private static async Task<JsonElement> DashboardAsync(HttpClient client, string? district, Guid? corporation = null, string tenant = Tenant)
    {
        var query = new List<string>();
        if (district is not null)
        {
            query.Add("district=" + Uri.EscapeDataString(district));
        }

        if (corporation is { } id)
        {
            query.Add("corporation=" + id);
        }

        var response = await client.GetAsync($"/api/v1/{tenant}/dashboard" + (query.Count == 0 ? "" : "?" + string.Join("&", query)));
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>A baseline of Wlz inflow two quarters ago and one value in the quarter after it, through the monitoring API.</summary>
    private static async Task BaselineAndQuarterAsync(HttpClient client, Guid id, decimal baseline, decimal quarter, string tenant = Tenant)
    {
        Assert.Equal(HttpStatusCode.NoContent, (await client.PutAsJsonAsync($"/api/v1/{tenant}/complexes/{id}/baseline", new
        {
            measuredOn = BaselineQuarter.Start.AddDays(10), values = new Dictionary<string, decimal> { ["wlz-instroom"] = baseline }, notes = (string?)null,
        })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PutAsJsonAsync($"/api/v1/{tenant}/complexes/{id}/indicator-values/{BaselineQuarter.Next()}", new
        {
            values = new Dictionary<string, decimal> { ["wlz-instroom"] = quarter },
        })).StatusCode);
    }

    private static JsonElement Indicator(JsonElement view, string key) =>
        view.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("key").GetString() == key);

    private static (int, decimal, string) Programme(JsonElement indicator)
    {
        var programme = indicator.GetProperty("programme");
        return (programme.GetProperty("complexes").GetInt32(), programme.GetProperty("medianPercent").GetDecimal(), programme.GetProperty("judgement").GetString()!);
    }
}
