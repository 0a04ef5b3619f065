using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Plusflat.Web.Features.Complexes;

namespace Plusflat.Web.Tests.Complexes;

/// <summary>The complex JSON API on bad input, stale versions and missing rights: problem details that name the field.</summary>
public sealed class ComplexApiTests(PlusflatApp app) : IClassFixture<PlusflatApp>
{
    private const string Tenant = "lltf-amsterdam";
    private const string Lead = "lead@lltf-amsterdam.demo";
    private const string ApiUrl = $"/api/v1/{Tenant}/complexes";

    [Fact]
    public async Task Post_DwellingCountAsText_Returns400ProblemNamingDwellingCount()
    {
        var client = await app.SignedInClientAsync(Lead);
        var name = Unique("Tekstflat");
        var json = $$"""
            {"name": "{{name}}", "address": "Apistraat 2", "postcode": "1011 AB", "municipality": "Amsterdam", "dwellingCount": "veel"}
            """;

        var response = await client.PostAsync(ApiUrl, new StringContent(json, Encoding.UTF8, "application/json"));

        var errors = await ProblemErrorsAsync(response, HttpStatusCode.BadRequest);
        Assert.False(string.IsNullOrWhiteSpace(errors.GetProperty("dwellingCount")[0].GetString()));
        Assert.False(await ExistsAsync(client, name));
    }

    [Fact]
    public async Task Post_ZeroDwellings_Returns400WithTheDutchRangeMessage()
    {
        var client = await app.SignedInClientAsync(Lead);
        var name = Unique("Nulflat");

        var response = await client.PostAsJsonAsync(ApiUrl, Body(name, dwellingCount: 0));

        var errors = await ProblemErrorsAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("Het aantal woningen moet tussen 1 en 10.000 liggen.", errors.GetProperty("dwellingCount")[0].GetString());
        Assert.False(await ExistsAsync(client, name));
    }

    [Fact]
    public async Task Post_EmptyName_Returns400NamingName()
    {
        var client = await app.SignedInClientAsync(Lead);
        var before = await CountAsync(client);

        var response = await client.PostAsJsonAsync(ApiUrl, Body(""));

        var errors = await ProblemErrorsAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("Vul de naam van het wooncomplex in.", errors.GetProperty("name")[0].GetString());
        Assert.Equal(before, await CountAsync(client));
    }

    [Fact]
    public async Task Put_WithoutVersion_Returns400NamingVersionAndKeepsTheComplex()
    {
        var client = await app.SignedInClientAsync(Lead);
        var name = Unique("Versieloos");
        var id = await CreateAsync(client, name);

        var response = await client.PutAsJsonAsync($"{ApiUrl}/{id}", ApiPut.Complete<ComplexRequest>(Body("Zonder versie")));

        var errors = await ProblemErrorsAsync(response, HttpStatusCode.BadRequest);
        Assert.True(errors.TryGetProperty("version", out _), errors.GetRawText());
        Assert.Equal(name, (await client.GetJsonAsync($"{ApiUrl}/{id}")).GetProperty("name").GetString());
    }

    [Fact]
    public async Task Put_StaleVersion_Returns409WithTheStoredValuesAndVersion()
    {
        var client = await app.SignedInClientAsync(Lead);
        var id = await CreateAsync(client, Unique("Oudversie"));
        var read = (await client.GetJsonAsync($"{ApiUrl}/{id}")).GetProperty("version").GetUInt32();
        var firstName = Unique("Eerst opgeslagen");

        var first = await client.PutAsJsonAsync($"{ApiUrl}/{id}", ApiPut.Complete<ComplexRequest>(Body(firstName, version: read)));
        var stale = await client.PutAsJsonAsync($"{ApiUrl}/{id}", ApiPut.Complete<ComplexRequest>(Body(Unique("Te laat"), version: read)));

        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType?.MediaType);
        var stored = await client.GetJsonAsync($"{ApiUrl}/{id}");
        var current = (await stale.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("current");
        Assert.Equal(firstName, current.GetProperty("name").GetString());
        Assert.Equal(firstName, stored.GetProperty("name").GetString());
        Assert.Equal(stored.GetProperty("version").GetUInt32(), current.GetProperty("version").GetUInt32());
        Assert.NotEqual(read, current.GetProperty("version").GetUInt32());
    }

    [Fact]
    public async Task PostPhase_WithoutVersion_Returns400NamingVersionAndStaysInPhase0()
    {
        var client = await app.SignedInClientAsync(Lead);
        var id = await CreateAsync(client, Unique("Fase zonder versie"));

        var response = await client.PostAsJsonAsync($"{ApiUrl}/{id}/phase", new { toPhase = 1, reason = "Starten" });

        var errors = await ProblemErrorsAsync(response, HttpStatusCode.BadRequest);
        Assert.True(errors.TryGetProperty("version", out _), errors.GetRawText());
        Assert.Equal(0, (await client.GetJsonAsync($"{ApiUrl}/{id}/phase")).GetProperty("currentPhase").GetInt32());
    }

    [Fact]
    public async Task Write_FlatTeamMember_Returns403AndChangesNothing()
    {
        var lead = await app.SignedInClientAsync(Lead);
        var team = await app.SignedInClientAsync("team@lltf-amsterdam.demo");
        var name = Unique("Teamflat");
        var id = await CreateAsync(lead, name);
        var version = (await lead.GetJsonAsync($"{ApiUrl}/{id}")).GetProperty("version").GetUInt32();
        var teamName = Unique("Door team");

        var post = await team.PostAsJsonAsync(ApiUrl, Body(teamName));
        var put = await team.PutAsJsonAsync($"{ApiUrl}/{id}", ApiPut.Complete<ComplexRequest>(Body("Door team gewijzigd", version: version)));
        var phase = await team.PostAsJsonAsync($"{ApiUrl}/{id}/phase", new { toPhase = 1, reason = "Team", version });

        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, phase.StatusCode);
        Assert.False(await ExistsAsync(lead, teamName));
        var stored = await lead.GetJsonAsync($"{ApiUrl}/{id}");
        Assert.Equal(name, stored.GetProperty("name").GetString());
        Assert.Equal(0, stored.GetProperty("currentPhase").GetInt32());
    }

    [Fact]
    public async Task Anonymous_Returns401WithoutHtml()
    {
        var client = app.Client();

        var list = await client.GetAsync(ApiUrl);
        var post = await client.PostAsJsonAsync(ApiUrl, Body(Unique("Anoniem")));

        Assert.Equal(HttpStatusCode.Unauthorized, list.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, post.StatusCode);
        Assert.DoesNotContain("<html", await post.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Post_SeveralWrongFields_Returns400NamingEveryField()
    {
        var client = await app.SignedInClientAsync(Lead);

        var response = await client.PostAsJsonAsync(ApiUrl, new
        {
            name = "", address = "Straat 1", postcode = "12", municipality = "Amsterdam", dwellingCount = 0,
            shareAged65Plus = 150, shareSocialRent = -3, zeroStepDwellings = -1, housingCorporationId = Guid.NewGuid(),
        });

        var errors = await ProblemErrorsAsync(response, HttpStatusCode.BadRequest);
        foreach (var field in new[] { "name", "postcode", "dwellingCount", "shareAged65Plus", "shareSocialRent", "zeroStepDwellings", "housingCorporationId" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
        }

        Assert.Equal(1, errors.GetProperty("name").GetArrayLength());
    }

    [Fact]
    public async Task Post_DecimalShare_IsStoredAsTheNumberSent()
    {
        var client = await app.SignedInClientAsync(Lead);
        var body = Body(Unique("Decimaalflat"));
        body["shareAged65Plus"] = 72.5m;

        var id = (await (await client.PostAsJsonAsync(ApiUrl, body)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        Assert.Equal(72.5m, (await client.GetJsonAsync($"{ApiUrl}/{id}")).GetProperty("shareAged65Plus").GetDecimal());
    }

    [Fact]
    public async Task List_FiltersSortsAndPagesInTheDatabase()
    {
        var client = await app.SignedInClientAsync(Lead);
        var town = "Apidorp" + Guid.NewGuid().ToString("N")[..6];
        foreach (var (name, dwellings) in new[] { ("Alfa", 150), ("Bravo", 90), ("Charlie", 300) })
        {
            var body = Body($"{name} {town}", dwellings);
            body["municipality"] = town;
            Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync(ApiUrl, body)).StatusCode);
        }

        var api = await client.GetJsonAsync($"{ApiUrl}?municipality={town}&sort=dwellings&descending=true&pageSize=2&page=2");

        Assert.Equal(3, api.GetProperty("totalCount").GetInt32());
        Assert.Equal(1, api.GetProperty("items").GetArrayLength());
        Assert.StartsWith("Bravo", api.GetProperty("items")[0].GetProperty("name").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_NameThatIsASpreadsheetFormula_IsWrittenAsText()
    {
        var client = await app.SignedInClientAsync(Lead);
        var marker = Guid.NewGuid().ToString("N")[..8];
        var formula = $"=HYPERLINK(\"http://x/{marker}\")";
        await CreateAsync(client, formula);

        var csv = await client.GetStringAsync($"/{Tenant}/complexen/export.csv?zoek={marker}");

        var lines = csv.Trim('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var row = Assert.Single(lines.Skip(1));
        // CsvHelper's InjectionOptions.Escape puts an apostrophe in front (and quotes the field, which holds quotes):
        // a spreadsheet shows the text instead of running the formula.
        Assert.StartsWith($"\"'=HYPERLINK(\"\"http://x/{marker}\"\")\";", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_FlatTeamMemberMayRead_AnonymousMayNot()
    {
        var team = await app.SignedInClientAsync("team@lltf-amsterdam.demo");

        var allowed = await team.GetAsync($"/{Tenant}/complexen/export.csv");
        var anonymous = await app.Client().GetAsync($"/{Tenant}/complexen/export.csv");

        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal("text/csv", allowed.Content.Headers.ContentType?.MediaType);
        Assert.NotEqual(HttpStatusCode.OK, anonymous.StatusCode);
    }

    private static string Unique(string prefix) => $"{prefix} {Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>A complex's JSON body; "version" is left out entirely unless given.</summary>
    private static Dictionary<string, object> Body(string name, int dwellingCount = 110, uint? version = null)
    {
        var body = new Dictionary<string, object>
        {
            ["name"] = name, ["address"] = TestComplexes.UniqueAddress("Apistraat"), ["postcode"] = "1011 AB", ["municipality"] = "Amsterdam", ["dwellingCount"] = dwellingCount,
        };
        if (version is { } v)
        {
            body["version"] = v;
        }

        return body;
    }

    private static async Task<JsonElement> ProblemErrorsAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(body);
        return document.RootElement.GetProperty("errors").Clone();
    }

    private static async Task<Guid> CreateAsync(HttpClient client, string name)
    {
        var response = await client.PostAsJsonAsync(ApiUrl, Body(name));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<int> CountAsync(HttpClient client) =>
        (await client.GetJsonAsync($"{ApiUrl}?pageSize=1")).GetProperty("totalCount").GetInt32();

    private static async Task<bool> ExistsAsync(HttpClient client, string name) =>
        (await client.GetJsonAsync($"{ApiUrl}?q={Uri.EscapeDataString(name)}")).GetProperty("totalCount").GetInt32() > 0;
}
