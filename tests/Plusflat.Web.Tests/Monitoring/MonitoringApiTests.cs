using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Plusflat.Domain.Monitoring;
using Plusflat.Web.Tests.Infrastructure;

namespace Plusflat.Web.Tests.Monitoring;

/// <summary>Monitoring's JSON API on real PostgreSQL: the dataset, a baseline, quarterly values and their trend, refusals, stale versions and rights.</summary>
public sealed class MonitoringApiTests(PlusflatApp app) : IClassFixture<PlusflatApp>
{
    private const string Tenant = "lltf-amsterdam";
    private const string Lead = "lead@lltf-amsterdam.demo";
    private const string Team = "team@lltf-amsterdam.demo";
    private const string Observer = "lead@thuisplusflat-rotterdam.demo";

    /// <summary>The quarter two before today's: the baseline's, so there is one quarter after it that has ended and today's.</summary>
    private static Quarter BaselineQuarter => Quarter.Of(DateOnly.FromDateTime(DateTime.UtcNow)).Plus(-2);

    [Fact]
    public async Task GetIndicators_ListsAnnexAWithUnitDirectionDefinitionAndSource()
    {
        var client = await app.SignedInClientAsync(Lead);

        var catalogue = await client.GetJsonAsync($"/api/v1/{Tenant}/indicators");

        var indicators = catalogue.GetProperty("indicators").EnumerateArray().ToList();
        Assert.InRange(indicators.Count, 3, 8);
        var wellBeing = indicators.Single(i => i.GetProperty("key").GetString() == "mentaal-welzijn");
        Assert.Equal("higherIsBetter", wellBeing.GetProperty("direction").GetString());
        Assert.Equal("lowerIsBetter", indicators.Single(i => i.GetProperty("key").GetString() == "wlz-instroom").GetProperty("direction").GetString());
        Assert.All(indicators, i => Assert.False(string.IsNullOrEmpty(i.GetProperty("source").GetString())));
    }

    [Fact]
    public async Task BaselineAndTwoQuarters_ShowEachIndicatorAgainstBaselineAndThePreviousQuarterWithItsDirection()
    {
        var client = await app.SignedInClientAsync(Lead);
        var id = await ApiTestData.NewComplexAsync(client, Tenant, "Monitor");
        var first = BaselineQuarter;

        Assert.Equal(HttpStatusCode.NoContent, (await client.PutAsJsonAsync(Url(id, "baseline"), new
        {
            measuredOn = first.Start.AddDays(14), values = new Dictionary<string, decimal> { ["wlz-instroom"] = 4m, ["mentaal-welzijn"] = 6.5m }, notes = "Nulmeting met de GGD",
        })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PutAsJsonAsync(Url(id, $"indicator-values/{first.Next()}"), new
        {
            values = new Dictionary<string, decimal> { ["wlz-instroom"] = 3m, ["mentaal-welzijn"] = 7m },
        })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PutAsJsonAsync(Url(id, $"indicator-values/{first.Plus(2)}"), new
        {
            values = new Dictionary<string, decimal> { ["wlz-instroom"] = 3.5m, ["mentaal-welzijn"] = 7.5m },
        })).StatusCode);

        var latest = await client.GetJsonAsync(Url(id, $"indicator-values/{first.Plus(2)}"));
        var baseline = await client.GetJsonAsync(Url(id, "baseline"));
        var wlz = Comparison(latest, "wlz-instroom");
        var wellBeing = Comparison(latest, "mentaal-welzijn");
        Assert.Equal(first.ToString(), baseline.GetProperty("quarter").GetString());
        Assert.Equal("Nulmeting met de GGD", baseline.GetProperty("notes").GetString());
        // 4 → 3.5 is −0.5 (−12.5 %), better for a lower-is-better indicator; 3 → 3.5 is +16.7 %, worse.
        Assert.Equal((-0.5m, -12.5m, "better"), Change(wlz.GetProperty("versusBaseline")));
        Assert.Equal((0.5m, 16.7m, "worse"), Change(wlz.GetProperty("versusPrevious")));
        // 6.5 → 7.5 is +1 (+15.4 %), better for a higher-is-better score.
        Assert.Equal((1m, 15.4m, "better"), Change(wellBeing.GetProperty("versusBaseline")));
        Assert.Equal("unknown", Comparison(latest, "valincidenten").GetProperty("versusBaseline").GetProperty("judgement").GetString());
    }

    [Fact]
    public async Task PutQuarter_BeforeTheBaseline_Returns400AtTheQuarterAndSavesNothing()
    {
        var client = await app.SignedInClientAsync(Lead);
        var id = await WithBaselineAsync(client);

        var response = await client.PutAsJsonAsync(Url(id, $"indicator-values/{BaselineQuarter.Previous()}"), new { values = new Dictionary<string, decimal> { ["wlz-instroom"] = 3m } });

        var errors = await ApiTestData.ProblemErrorsAsync(response);
        Assert.Contains("ligt vóór de nulmeting", errors.GetProperty("quarter")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await app.ScalarAsync<long>("SELECT count(*) FROM quarterly_indicator_values WHERE complex_id = @p0", id));
    }

    [Fact]
    public async Task PutQuarter_WithoutBaseline_Returns400AskingForTheBaselineFirst()
    {
        var client = await app.SignedInClientAsync(Lead);
        var id = await ApiTestData.NewComplexAsync(client, Tenant, "Monitor");

        var errors = await ApiTestData.ProblemErrorsAsync(await client.PutAsJsonAsync(Url(id, $"indicator-values/{BaselineQuarter}"), new { values = new Dictionary<string, decimal> { ["wlz-instroom"] = 3m } }));

        Assert.Contains("eerst de nulmeting", errors.GetProperty("quarter")[0].GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"values": {"mentaal-welzijn": 11}}""", "values[mentaal-welzijn]", "buiten het bereik")]
    [InlineData("""{"values": {"onbekend": 1}}""", "values", "staat niet in de dataset")]
    [InlineData("""{"values": {"wlz-instroom": "veel"}}""", "values.wlz-instroom", "kan niet worden gelezen")]
    [InlineData("""{"values": {}}""", "values", "minstens één indicator")]
    public async Task PutQuarter_BadValues_Returns400NamingTheField(string json, string field, string message)
    {
        var client = await app.SignedInClientAsync(Lead);
        var id = await WithBaselineAsync(client);

        var response = await client.PutAsync(Url(id, $"indicator-values/{BaselineQuarter}"), new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        var errors = await ApiTestData.ProblemErrorsAsync(response);
        Assert.True(errors.TryGetProperty(field, out var messages), errors.GetRawText());
        Assert.Contains(message, messages[0].GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2027Q5")]
    [InlineData("2027-03")]
    public async Task GetQuarter_NoQuarter_Returns400(string quarter)
    {
        var client = await app.SignedInClientAsync(Lead);
        var id = await WithBaselineAsync(client);

        var errors = await ApiTestData.ProblemErrorsAsync(await client.GetAsync(Url(id, $"indicator-values/{quarter}")));

        Assert.Equal(Quarter.FormatMessage, errors.GetProperty("quarter")[0].GetString());
    }

    [Fact]
    public async Task PutBaselineAndQuarter_StaleVersion_Returns409WithTheStoredValues()
    {
        var client = await app.SignedInClientAsync(Lead);
        var id = await WithBaselineAsync(client);
        var baseline = await client.GetJsonAsync(Url(id, "baseline"));
        var version = baseline.GetProperty("version").GetUInt32();
        Assert.Equal(HttpStatusCode.NoContent, (await client.PutAsJsonAsync(Url(id, "baseline"), new
        {
            measuredOn = BaselineQuarter.Start, values = new Dictionary<string, decimal> { ["wlz-instroom"] = 5m }, notes = (string?)null, version,
        })).StatusCode);
        var quarter = Url(id, $"indicator-values/{BaselineQuarter}");
        Assert.Equal(HttpStatusCode.NoContent, (await client.PutAsJsonAsync(quarter, new { values = new Dictionary<string, decimal> { ["wlz-instroom"] = 3m } })).StatusCode);

        var staleBaseline = await client.PutAsJsonAsync(Url(id, "baseline"), new
        {
            measuredOn = BaselineQuarter.Start, values = new Dictionary<string, decimal> { ["wlz-instroom"] = 6m }, notes = (string?)null, version,
        });
        var staleQuarter = await client.PutAsJsonAsync(quarter, new { values = new Dictionary<string, decimal> { ["wlz-instroom"] = 9m } });

        Assert.Equal(HttpStatusCode.Conflict, staleBaseline.StatusCode);
        Assert.Equal(5m, (await staleBaseline.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("current").GetProperty("values").GetProperty("wlz-instroom").GetDecimal());
        Assert.Equal(HttpStatusCode.Conflict, staleQuarter.StatusCode);
        Assert.Equal(3m, (await staleQuarter.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("current").GetProperty("values").GetProperty("wlz-instroom").GetDecimal());
        Assert.Equal(3m, (await client.GetJsonAsync(quarter)).GetProperty("values").GetProperty("wlz-instroom").GetDecimal());
    }

    [Fact]
    public async Task PutBaseline_MovedAfterAQuarterWithValues_Returns400AtTheDate()
    {
        var client = await app.SignedInClientAsync(Lead);
        var id = await WithBaselineAsync(client);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PutAsJsonAsync(Url(id, $"indicator-values/{BaselineQuarter}"), new { values = new Dictionary<string, decimal> { ["wlz-instroom"] = 3m } })).StatusCode);
        var version = (await client.GetJsonAsync(Url(id, "baseline"))).GetProperty("version").GetUInt32();

        var errors = await ApiTestData.ProblemErrorsAsync(await client.PutAsJsonAsync(Url(id, "baseline"), new
        {
            measuredOn = BaselineQuarter.Next().Start, values = new Dictionary<string, decimal> { ["wlz-instroom"] = 4m }, notes = (string?)null, version,
        }));

        Assert.Contains("kan niet later liggen", errors.GetProperty("measuredOn")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rights_ObserverReadsButCannotWrite_FlatTeamMemberSeesNothingOfAnotherComplex()
    {
        var lead = await app.SignedInClientAsync(Lead);
        var id = await WithBaselineAsync(lead);
        await app.ExecuteAsync("""
            INSERT INTO tenant_memberships (id, tenant_id, user_id, role)
            SELECT gen_random_uuid(), t.id, u.id, 'Observer' FROM tenants t, users u WHERE t.slug = @p0 AND u.email = @p1
            ON CONFLICT DO NOTHING
            """, Tenant, Observer);
        var observer = await app.SignedInClientAsync(Observer);
        var team = await app.SignedInClientAsync(Team);

        Assert.Equal(HttpStatusCode.OK, (await observer.GetAsync(Url(id, "monitoring"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await observer.PutAsJsonAsync(Url(id, $"indicator-values/{BaselineQuarter}"), new { values = new Dictionary<string, decimal> { ["wlz-instroom"] = 3m } })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await team.GetAsync(Url(id, "monitoring"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await team.GetAsync(Url(id, "baseline"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await team.PutAsJsonAsync(Url(id, "baseline"), new { measuredOn = "2026-01-01", values = new { }, notes = (string?)null })).StatusCode);
    }

    [Fact]
    public async Task Monitoring_SignalCountsPerQuarter_AreTheEarlySignallingTalliesSummedAndSmallOnesSuppressed()
    {
        var client = await app.SignedInClientAsync(Lead);
        var klimop = await app.ScalarAsync<Guid>("SELECT id FROM complexes WHERE name = @p0", "De Klimop");
        if ((await client.GetAsync(Url(klimop, "baseline"))).StatusCode == HttpStatusCode.NotFound)
        {
            Assert.Equal(HttpStatusCode.NoContent, (await client.PutAsJsonAsync(Url(klimop, "baseline"), new
            {
                measuredOn = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-2), values = new Dictionary<string, decimal> { ["wlz-instroom"] = 4m }, notes = (string?)null,
            })).StatusCode);
        }

        var view = await client.GetJsonAsync(Url(klimop, "monitoring"));

        var checkedCells = 0;
        foreach (var quarter in view.GetProperty("quarters").EnumerateArray())
        {
            var q = Quarter.TryParse(quarter.GetProperty("quarter").GetString())!.Value;
            foreach (var count in quarter.GetProperty("signalCounts").EnumerateArray())
            {
                var expected = await app.ScalarAsync<long>(
                    "SELECT count(*) FROM signal_tallies WHERE complex_id = @p0 AND category = @p1 AND month >= @p2 AND month <= @p3",
                    klimop, Category(count.GetProperty("category").GetString()!), q.Start, q.End);
                Assert.Equal(expected is > 0 and < 3 ? "< 3" : expected.ToString(CultureInfo.InvariantCulture), count.GetProperty("shown").GetString());
                checkedCells++;
            }
        }

        Assert.True(checkedCells > 0, "The demo complex has signals in the last two years.");
    }

    [Fact]
    public async Task OpenApi_ListsTheMonitoringEndpoints()
    {
        var document = await app.Client().GetStringAsync("/openapi/v1.json");

        foreach (var path in new[] { "/indicators\"", "/complexes/{id}/baseline\"", "/complexes/{id}/indicator-values/{quarter}\"", "/complexes/{id}/monitoring\"" })
        {
            Assert.Contains("/api/v1/{tenant}" + path, document, StringComparison.Ordinal);
        }
    }

    private static string Category(string camel) => char.ToUpperInvariant(camel[0]) + camel[1..];

    private async Task<Guid> WithBaselineAsync(HttpClient client)
    {
        var id = await ApiTestData.NewComplexAsync(client, Tenant, "Monitor");
        Assert.Equal(HttpStatusCode.NoContent, (await client.PutAsJsonAsync(Url(id, "baseline"), new
        {
            measuredOn = BaselineQuarter.Start, values = new Dictionary<string, decimal> { ["wlz-instroom"] = 4m }, notes = (string?)null,
        })).StatusCode);
        return id;
    }

    private static JsonElement Comparison(JsonElement quarter, string key) =>
        quarter.GetProperty("comparisons").EnumerateArray().Single(c => c.GetProperty("key").GetString() == key);

    private static (decimal, decimal, string) Change(JsonElement change) =>
        (change.GetProperty("difference").GetDecimal(), change.GetProperty("percent").GetDecimal(), change.GetProperty("judgement").GetString()!);

    private static string Url(Guid id, string rest) => $"/api/v1/{Tenant}/complexes/{id}/{rest}";
}
