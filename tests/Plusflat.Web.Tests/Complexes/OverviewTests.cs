using System.Net.Http.Json;
using System.Text.RegularExpressions;

namespace Plusflat.Web.Tests.Complexes;

public sealed partial class OverviewTests(PlusflatApp app) : IClassFixture<PlusflatApp>
{
    [Fact]
    public async Task Overview_CountsComplexesPerPhaseFromTheData()
    {
        var lead = await app.SignedInClientAsync("lead@thuisplusflat-rotterdam.demo");
        var before = await PhaseCountsAsync(lead);
        var api = await lead.GetJsonAsync("/api/v1/thuisplusflat-rotterdam/complexes?pageSize=200");
        var fromApi = api.GetProperty("items").EnumerateArray().GroupBy(i => i.GetProperty("currentPhase").GetInt32()).ToDictionary(g => g.Key, g => g.Count());

        var created = await lead.PostAsJsonAsync("/api/v1/thuisplusflat-rotterdam/complexes", new
        {
            name = "Telflat " + Guid.NewGuid().ToString("N")[..6], address = "Telweg 1", postcode = "3011 AA", municipality = "Rotterdam", dwellingCount = 200,
        });
        created.EnsureSuccessStatusCode();
        var after = await PhaseCountsAsync(lead);

        for (var phase = 0; phase <= 4; phase++)
        {
            Assert.Equal(fromApi.GetValueOrDefault(phase), before[phase]);
        }

        Assert.Equal(before[0] + 1, after[0]);
        Assert.Equal(before[1], after[1]);
    }

    [Fact]
    public async Task Ambition_SetByLead_ShowsProgressComputedFromPhases()
    {
        var lead = await app.SignedInClientAsync("lead@thuisplusflat-rotterdam.demo");
        var api = await lead.GetJsonAsync("/api/v1/thuisplusflat-rotterdam/complexes?pageSize=200");
        var inExecution = api.GetProperty("items").EnumerateArray().Count(i => i.GetProperty("currentPhase").GetInt32() >= 3);

        var response = await lead.PostFormAsync("/thuisplusflat-rotterdam/overzicht", "ambitie", new Dictionary<string, string>
        {
            ["Input.TargetCount"] = "8", ["Input.TargetYear"] = "2029", ["Input.Version"] = "0",
        });
        var html = await (await lead.GetAsync("/thuisplusflat-rotterdam/overzicht?opgeslagen=true")).TextAsync();

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains($"{inExecution} van de 8 beoogde Plusflats in uitvoering", html, StringComparison.Ordinal);
        Assert.Contains("doel in 2029", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0", "2030")]
    [InlineData("30", "1999")]
    [InlineData("dertig", "2030")]
    public async Task Ambition_BadInput_IsRefusedAndKeepsValues(string count, string year)
    {
        var lead = await app.SignedInClientAsync("lead@lltf-amsterdam.demo");

        var response = await lead.PostFormAsync("/lltf-amsterdam/overzicht", "ambitie", new Dictionary<string, string>
        {
            ["Input.TargetCount"] = count, ["Input.TargetYear"] = year, ["Input.Version"] = "0",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.TextAsync();
        Assert.Contains($"value=\"{count}\"", html, StringComparison.Ordinal);
        Assert.Contains("utrecht-form-field--invalid", html, StringComparison.Ordinal);
        Assert.Contains("van de 30 beoogde Plusflats", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheProgrammeApi()
    {
        var json = await app.Client().GetStringAsync("/openapi/v1.json");

        Assert.Contains("/api/v1/{tenant}/complexes", json, StringComparison.Ordinal);
        Assert.Contains("/api/v1/{tenant}/complexes/{id}/phase", json, StringComparison.Ordinal);
        Assert.Contains("/api/v1/{tenant}/organisations", json, StringComparison.Ordinal);
    }

    private static async Task<int[]> PhaseCountsAsync(HttpClient client)
    {
        var html = await client.GetStringAsync("/thuisplusflat-rotterdam/overzicht");
        return Enumerable.Range(0, 5)
            .Select(p => int.Parse(Regex.Match(html, $"data-testid=\"phase-count-{p}\">(\\d+)<").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))
            .ToArray();
    }
}
