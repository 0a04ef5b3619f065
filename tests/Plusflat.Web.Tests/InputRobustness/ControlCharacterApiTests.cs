using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Plusflat.Web.Tests.InputRobustness;

/// <summary>
/// NUL and other control characters, and bidi overrides, sent to the JSON API and to list URLs: a 400 problem
/// naming the field (API) or the character dropped (a page's filter) — never a 500 (PostgreSQL refuses NUL).
/// </summary>
public sealed class ControlCharacterApiTests(PlusflatApp app) : IClassFixture<PlusflatApp>
{
    private const string Tenant = "lltf-amsterdam";
    private const string Lead = "lead@lltf-amsterdam.demo";
    private const string Complexes = $"/api/v1/{Tenant}/complexes";
    private const string Organisations = $"/api/v1/{Tenant}/organisations";

    private static string Unique(string prefix) => $"{prefix}{Guid.NewGuid().ToString("N")[..8]}";

    [Theory]
    [InlineData(Complexes, "q")]
    [InlineData(Complexes, "municipality")]
    [InlineData(Complexes, "district")]
    [InlineData(Organisations, "q")]
    public async Task ListApi_NulInATextParameter_Returns400NamingTheParameter(string url, string parameter)
    {
        var client = await app.SignedInClientAsync(Lead);

        var response = await client.GetAsync($"{url}?{parameter}=a%00b");

        var errors = await ProblemErrorsAsync(response);
        Assert.Contains("stuurteken", errors.GetProperty(parameter)[0].GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("name", "a\\u0000b")]
    [InlineData("address", "Straat\\u00001")]
    [InlineData("municipality", "Amster\\u0007dam")]
    [InlineData("district", "\\u001bCentrum")]
    [InlineData("clusterName", "Cluster\\u0000")]
    [InlineData("notes", "Eerste regel\\u0000")]
    public async Task CreateComplex_ControlCharacterInATextField_Returns400NamingTheFieldAndSavesNothing(string field, string jsonValue)
    {
        var client = await app.SignedInClientAsync(Lead);
        var name = Unique("Stuurflat");
        var body = ComplexJson(name, (field, jsonValue));

        var response = await client.PostAsync(Complexes, Json(body));

        var errors = await ProblemErrorsAsync(response);
        Assert.Contains("stuurteken", errors.GetProperty(field)[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await CountComplexesAsync(client, name));
    }

    [Theory]
    [InlineData("\\u202e")]
    [InlineData("\\u202a")]
    [InlineData("\\u2066")]
    [InlineData("\\u2069")]
    public async Task CreateComplex_BidiOverrideInTheName_Returns400NamingName(string character)
    {
        var client = await app.SignedInClientAsync(Lead);
        var name = Unique("Bidiflat");

        var response = await client.PostAsync(Complexes, Json(ComplexJson(name, ("name", name + character + "lanref"))));

        var errors = await ProblemErrorsAsync(response);
        Assert.Contains("leesrichting", errors.GetProperty("name")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await CountComplexesAsync(client, name));
    }

    [Fact]
    public async Task CreateComplex_NotesWithLineBreaksAndTabs_AreKept()
    {
        var client = await app.SignedInClientAsync(Lead);
        var name = Unique("Regelflat");

        var response = await client.PostAsync(Complexes, Json(ComplexJson(name, ("notes", "Regel 1\\r\\nRegel\\t2"))));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal("Regel 1\r\nRegel\t2", (await client.GetFromJsonAsync<JsonElement>($"{Complexes}/{id}")).GetProperty("notes").GetString());
    }

    [Fact]
    public async Task CreateComplex_DecomposedAndPaddedText_IsStoredTrimmedInNfc()
    {
        var client = await app.SignedInClientAsync(Lead);
        var name = Unique("Cafe\u0301flat");

        var response = await client.PostAsync(Complexes, Json(ComplexJson(name, ("name", "  " + name + "\\u00a0 "), ("municipality", " Zoeterwoude-Rijndijk\\u0301 "))));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var stored = await client.GetFromJsonAsync<JsonElement>($"{Complexes}/{id}");
        Assert.Equal(name.Normalize(NormalizationForm.FormC), stored.GetProperty("name").GetString());
        Assert.Equal("Zoeterwoude-Rijndijk\u0301".Normalize(NormalizationForm.FormC), stored.GetProperty("municipality").GetString());
        Assert.StartsWith("Caf\u00e9flat", stored.GetProperty("name").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateComplex_NulInTheName_Returns400NamingNameAndKeepsTheStoredName()
    {
        var client = await app.SignedInClientAsync(Lead);
        var name = Unique("Bewaarflat");
        var created = await client.PostAsync(Complexes, Json(ComplexJson(name)));
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var stored = await client.GetFromJsonAsync<JsonElement>($"{Complexes}/{id}");
        var body = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(stored.GetRawText())!;
        body["name"] = JsonSerializer.SerializeToElement("Nieuw\u0000naam");

        var response = await client.PutAsJsonAsync($"{Complexes}/{id}", body);

        var errors = await ProblemErrorsAsync(response);
        Assert.Contains("stuurteken", errors.GetProperty("name")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(name, (await client.GetFromJsonAsync<JsonElement>($"{Complexes}/{id}")).GetProperty("name").GetString());
    }

    [Fact]
    public async Task TransitionPhase_NulInTheReason_Returns400NamingReason()
    {
        var client = await app.SignedInClientAsync(Lead);
        var created = await client.PostAsync(Complexes, Json(ComplexJson(Unique("Redenflat"))));
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var version = (await client.GetFromJsonAsync<JsonElement>($"{Complexes}/{id}/phase")).GetProperty("version").GetUInt32();

        var response = await client.PostAsJsonAsync($"{Complexes}/{id}/phase", new { toPhase = 1, reason = "Toch\u0000door", version });

        var errors = await ProblemErrorsAsync(response);
        Assert.Contains("stuurteken", errors.GetProperty("reason")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(0, (await client.GetFromJsonAsync<JsonElement>($"{Complexes}/{id}/phase")).GetProperty("currentPhase").GetInt32());
    }

    [Theory]
    [InlineData("name")]
    [InlineData("contactName")]
    [InlineData("contactPhone")]
    [InlineData("notes")]
    public async Task CreateOrganisation_NulInATextField_Returns400NamingTheField(string field)
    {
        var client = await app.SignedInClientAsync(Lead);
        var name = Unique("Stuurcorporatie");
        var body = new Dictionary<string, object?> { ["name"] = name, ["kind"] = "HousingCorporation", [field] = "020\u00001234567" };
        if (field == "name")
        {
            body["name"] = name + "\u0000";
        }

        var response = await client.PostAsJsonAsync(Organisations, body);

        var errors = await ProblemErrorsAsync(response);
        Assert.Contains("stuurteken", errors.GetProperty(field)[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(0, (await client.GetFromJsonAsync<JsonElement>($"{Organisations}?q={name}")).GetArrayLength());
    }

    [Theory]
    [InlineData("zoek")]
    [InlineData("gemeente")]
    public async Task CsvExport_NulInAFilter_IsServedWithTheCharacterDropped(string parameter)
    {
        var client = await app.SignedInClientAsync(Lead);
        var town = Unique("Nuldorp");
        await client.PostAsync(Complexes, Json(ComplexJson(Unique("Exportflat"), ("municipality", town))));

        var response = await client.GetAsync($"/{Tenant}/complexen/export.csv?{parameter}={town[..4]}%00{town[4..]}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Contains(town, lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ComplexesPage_NulInTheSearch_ShowsTheListSearchedWithoutTheCharacter()
    {
        var client = await app.SignedInClientAsync(Lead);
        var name = Unique("Zoekflat");
        await client.PostAsync(Complexes, Json(ComplexJson(name)));

        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/{Tenant}/complexen?zoek={name[..4]}%00{name[4..]}"));

        Assert.DoesNotContain("Er ging iets mis", html, StringComparison.Ordinal);
        Assert.Matches("data-testid=\"complex-count\"[^>]*>1 wooncomplex gevonden<", html);
    }

    [Fact]
    public async Task OrganisationsPage_NulInTheSearch_ShowsTheListSearchedWithoutTheCharacter()
    {
        var client = await app.SignedInClientAsync(Lead);
        var name = Unique("Zoekcorporatie");
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync(Organisations, new { name, kind = "HousingCorporation" })).StatusCode);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/{Tenant}/organisaties?q={name[..4]}%00{name[4..]}"));

        Assert.DoesNotContain("Er ging iets mis", html, StringComparison.Ordinal);
        Assert.Matches("data-testid=\"organisation-count\"[^>]*>\\s*1 organisatie\\s*<", html);
    }

    /// <summary>A complex body as raw JSON, so a test can put any escape (\u0000) into a field.</summary>
    internal static string ComplexJson(string name, params (string Field, string JsonValue)[] overrides)
    {
        var fields = new Dictionary<string, string>
        {
            ["name"] = name, ["address"] = Plusflat.Web.Tests.Complexes.TestComplexes.UniqueAddress("Stuurstraat"), ["postcode"] = "1011 AB", ["municipality"] = "Amsterdam",
        };
        foreach (var (field, value) in overrides)
        {
            fields[field] = value;
        }

        return "{" + string.Join(", ", fields.Select(f => $"\"{f.Key}\": \"{f.Value}\"")) + ", \"dwellingCount\": 40}";
    }

    internal static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<int> CountComplexesAsync(HttpClient client, string text) =>
        (await client.GetFromJsonAsync<JsonElement>($"{Complexes}?q={Uri.EscapeDataString(text)}")).GetProperty("totalCount").GetInt32();

    internal static async Task<JsonElement> ProblemErrorsAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(text).RootElement.GetProperty("errors");
    }
}
