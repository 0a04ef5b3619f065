using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using static Plusflat.Web.Tests.Admission.AdmissionTestData;

namespace Plusflat.Web.Tests.Admission;

/// <summary>The admission JSON API: the computed outcome, recording facts, stale versions, bad input named per field, and roles.</summary>
public sealed class AdmissionApiTests(PlusflatApp app) : IClassFixture<PlusflatApp>
{
    private const string Api = $"/api/v1/{Amsterdam}";

    private static string Url(Guid id) => $"{Api}/complexes/{id}/admission";

    private static Dictionary<string, object?> Body(int? version = null, Guid[]? groupedWith = null, string municipalityOn = "2025-01-10")
    {
        var body = new Dictionary<string, object?>
        {
            ["concentration"] = new { sharedEntrance = true, groupedWith = groupedWith ?? [], coreFunctionsSecured = groupedWith is { Length: > 0 }, evidence = "Eén entree" },
            ["need"] = new { loneliness = "Veel alleenstaanden", liveabilityPressure = (string?)null, missedEarlySignalling = (string?)null, careConcentration = (string?)null, mostlySelfSufficient = false, hardlyAnyHomeCare = false },
            ["governance"] = new object[]
            {
                new { party = "municipality", agreedBy = "Wethouder", agreedOn = municipalityOn, reference = "GEM-1" },
                new { party = "corporation", agreedBy = "Directeur", agreedOn = "2025-01-11", reference = "CORP-1" },
                new { party = "careProvider", agreedBy = "Regiodirecteur", agreedOn = "2025-01-12", reference = "ZA-1" },
            },
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

    private static JsonElement Threshold(JsonElement outcome, string key) =>
        outcome.GetProperty("thresholds").EnumerateArray().Single(t => t.GetProperty("key").GetString() == key);

    [Fact]
    public async Task Get_NothingRecorded_AnswersFailedThresholdsWithoutVersion()
    {
        var client = await app.SignedInClientAsync(Lead);
        var id = await app.ComplexAsync(150);

        var outcome = await client.GetJsonAsync(Url(id));

        Assert.False(outcome.GetProperty("passed").GetBoolean());
        Assert.Equal(["concentration", "need", "governance"], outcome.GetProperty("thresholds").EnumerateArray().Select(t => t.GetProperty("key").GetString()));
        Assert.Equal(JsonValueKind.Null, outcome.GetProperty("version").ValueKind);
        Assert.Equal(JsonValueKind.Null, outcome.GetProperty("assessedAt").ValueKind);
        Assert.Contains("Er is geen instemming van de gemeente vastgelegd.",
            Threshold(outcome, "governance").GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task Get_UnknownComplex_Returns404()
    {
        var client = await app.SignedInClientAsync(Lead);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(Url(Guid.NewGuid()))).StatusCode);
    }

    [Fact]
    public async Task Put_PassingFacts_AnswersThePassedOutcomeWithVersion1AndGetReadsIt()
    {
        var client = await app.SignedInClientAsync(Lead);
        var id = await app.ComplexAsync(150);

        var response = await client.PutAsJsonAsync(Url(id), Body());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var outcome = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(outcome.GetProperty("passed").GetBoolean(), outcome.GetRawText());
        Assert.Equal(1, outcome.GetProperty("version").GetInt32());
        var read = await client.GetJsonAsync(Url(id));
        Assert.True(read.GetProperty("passed").GetBoolean());
        Assert.Equal("Lotte de Leeuw", read.GetProperty("assessedBy").GetString());
        Assert.Equal("2025-01-10", read.GetProperty("facts").GetProperty("governance")[0].GetProperty("agreedOn").GetString());
        Assert.Equal("municipality", read.GetProperty("facts").GetProperty("governance")[0].GetProperty("party").GetString());
    }

    [Fact]
    public async Task Put_FutureAgreement_AnswersGovernanceFailedWithTheReason()
    {
        var client = await app.SignedInClientAsync(Lead);
        var id = await app.ComplexAsync(150);
        var future = DateTime.Today.AddYears(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var outcome = await (await client.PutAsJsonAsync(Url(id), Body(municipalityOn: future))).Content.ReadFromJsonAsync<JsonElement>();

        Assert.False(outcome.GetProperty("passed").GetBoolean());
        var governance = Threshold(outcome, "governance");
        Assert.False(governance.GetProperty("passed").GetBoolean());
        Assert.Contains(governance.GetProperty("reasons").EnumerateArray(), r => r.GetString()!.StartsWith("De instemming van de gemeente is gedateerd op", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Put_StaleVersion_Returns409WithTheCurrentOutcomeAndVersion()
    {
        var client = await app.SignedInClientAsync(Lead);
        var id = await app.ComplexAsync(150);
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync(Url(id), Body())).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync(Url(id), Body(version: 1))).StatusCode);

        var stale = await client.PutAsJsonAsync(Url(id), Body(version: 1));

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType?.MediaType);
        var current = (await stale.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("current");
        Assert.Equal(2, current.GetProperty("version").GetInt32());
        Assert.True(current.GetProperty("passed").GetBoolean());
        Assert.Equal(2, (await client.GetJsonAsync(Url(id))).GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Put_WithoutVersionWhenOneExists_Returns409()
    {
        var client = await app.SignedInClientAsync(Lead);
        var id = await app.ComplexAsync(150);
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync(Url(id), Body())).StatusCode);

        var again = await client.PutAsJsonAsync(Url(id), Body());

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task Put_SeveralWrongFields_Returns400NamingEachFieldAsTheBodySpellsIt()
    {
        var client = await app.SignedInClientAsync(Lead);
        var id = await app.ComplexAsync(150);
        var body = new
        {
            concentration = new { sharedEntrance = true, groupedWith = new[] { id, Guid.NewGuid() }, coreFunctionsSecured = true, evidence = new string('x', 2001) },
            need = new { loneliness = new string('x', 1001), liveabilityPressure = (string?)null, missedEarlySignalling = (string?)null, careConcentration = (string?)null, mostlySelfSufficient = false, hardlyAnyHomeCare = false },
            governance = new object[]
            {
                new { party = "municipality", agreedBy = "Wethouder" },
                new { party = "corporation", agreedBy = "", agreedOn = "2025-01-11", reference = "" },
                new { party = "corporation", agreedBy = "Tweede", agreedOn = "2025-01-11", reference = "X" },
            },
        };

        var response = await client.PutAsJsonAsync(Url(id), body);

        var errors = await ProblemErrorsAsync(response, HttpStatusCode.BadRequest);
        Assert.True(errors.TryGetProperty("governance[0].agreedOn", out _), errors.GetRawText());
        Assert.True(errors.TryGetProperty("governance[2].party", out _), errors.GetRawText());
        Assert.Equal(JsonValueKind.Null, (await client.GetJsonAsync(Url(id))).GetProperty("version").ValueKind);
    }

    [Fact]
    public async Task Put_DomainRefusals_Returns400NamingNestedFields()
    {
        var client = await app.SignedInClientAsync(Lead);
        var id = await app.ComplexAsync(150);
        var body = new
        {
            concentration = new { sharedEntrance = true, groupedWith = new[] { id }, coreFunctionsSecured = true, evidence = new string('x', 2001) },
            need = new { loneliness = new string('x', 1001), liveabilityPressure = (string?)null, missedEarlySignalling = (string?)null, careConcentration = (string?)null, mostlySelfSufficient = false, hardlyAnyHomeCare = false },
            governance = new object[]
            {
                new { party = "careProvider", agreedBy = "Zorg", agreedOn = "2025-01-11", reference = "Z" },
                new { party = "corporation", agreedBy = " ", agreedOn = "2025-01-11", reference = "" },
            },
        };

        var response = await client.PutAsJsonAsync(Url(id), body);

        var errors = await ProblemErrorsAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("Een complex kan niet met zichzelf gegroepeerd worden.", errors.GetProperty("concentration.groupedWith")[0].GetString());
        Assert.True(errors.TryGetProperty("concentration.evidence", out _), errors.GetRawText());
        Assert.True(errors.TryGetProperty("need.loneliness", out _), errors.GetRawText());
        Assert.Equal("Vul in wie namens de woningcorporatie heeft ingestemd.", errors.GetProperty("governance[1].agreedBy")[0].GetString());
        Assert.True(errors.TryGetProperty("governance[1].reference", out _), errors.GetRawText());
        Assert.False(errors.TryGetProperty("governance[0].agreedBy", out _), errors.GetRawText());
    }

    [Theory]
    [InlineData("""{"governance": [{"party": "wethouder", "agreedBy": "X", "agreedOn": "2025-01-01", "reference": "R"}]}""", "governance[0].party")]
    [InlineData("""{"governance": [{"party": "municipality", "agreedBy": "X", "agreedOn": "gisteren", "reference": "R"}]}""", "governance[0].agreedOn")]
    [InlineData("""{"concentration": {"sharedEntrance": "ja"}}""", "concentration.sharedEntrance")]
    [InlineData("""{"version": "een"}""", "version")]
    public async Task Put_UnreadableValue_Returns400NamingTheField(string json, string field)
    {
        var client = await app.SignedInClientAsync(Lead);
        var id = await app.ComplexAsync(150);

        var response = await client.PutAsync(Url(id), new StringContent(json, Encoding.UTF8, "application/json"));

        var errors = await ProblemErrorsAsync(response, HttpStatusCode.BadRequest);
        Assert.True(errors.TryGetProperty(field, out var messages), errors.GetRawText());
        Assert.False(string.IsNullOrWhiteSpace(messages[0].GetString()));
    }

    [Theory]
    [InlineData(Team)]
    [InlineData(Admin)]
    public async Task Put_NotAProgrammeLead_Returns403AndRecordsNothingButMayRead(string email)
    {
        var client = await app.SignedInClientAsync(email);
        var id = await app.ComplexAsync(150);

        var put = await client.PutAsJsonAsync(Url(id), Body());
        var settings = await client.PutAsJsonAsync($"{Api}/settings/admission", new { minimumDwellings = 10 });

        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, settings.StatusCode);
        var read = await client.GetJsonAsync(Url(id));
        Assert.Equal(JsonValueKind.Null, read.GetProperty("version").ValueKind);
        Assert.Equal(100, (await client.GetJsonAsync($"{Api}/settings/admission")).GetProperty("minimumDwellings").GetInt32());
    }

    [Fact]
    public async Task Anonymous_Returns401()
    {
        var client = app.Client();

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync($"{Api}/settings/admission")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PutAsJsonAsync(Url(Guid.NewGuid()), Body())).StatusCode);
    }

    [Fact]
    public async Task Settings_DefaultThenSavedThenStale_AnswerAsTheIssueSpecifies()
    {
        var client = await app.SignedInClientAsync("lead@thuisplusflat-rotterdam.demo");
        const string url = "/api/v1/thuisplusflat-rotterdam/settings/admission";

        var initial = await client.GetJsonAsync(url);
        var saved = await client.PutAsJsonAsync(url, new { minimumDwellings = 250 });
        var stale = await client.PutAsJsonAsync(url, new { minimumDwellings = 300 });
        var bad = await client.PutAsJsonAsync(url, new { minimumDwellings = 0, version = (await client.GetJsonAsync(url)).GetProperty("version").GetUInt32() });

        Assert.Equal(100, initial.GetProperty("minimumDwellings").GetInt32());
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(250, (await saved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("minimumDwellings").GetInt32());
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(250, (await stale.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("current").GetProperty("minimumDwellings").GetInt32());
        var errors = await ProblemErrorsAsync(bad, HttpStatusCode.BadRequest);
        Assert.Equal("De ondergrens moet tussen 1 en 10.000 woningen liggen.", errors.GetProperty("minimumDwellings")[0].GetString());
        Assert.Equal(250, (await client.GetJsonAsync(url)).GetProperty("minimumDwellings").GetInt32());
    }

    [Fact]
    public async Task OpenApi_DescribesTheAdmissionEndpoints()
    {
        var document = await app.Client().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = document.GetProperty("paths");

        Assert.True(paths.TryGetProperty("/api/v1/{tenant}/complexes/{id}/admission", out var admission), "no admission path");
        Assert.True(admission.TryGetProperty("get", out _));
        Assert.True(admission.TryGetProperty("put", out _));
        Assert.True(paths.TryGetProperty("/api/v1/{tenant}/settings/admission", out var settings), "no settings path");
        Assert.True(settings.TryGetProperty("put", out _));
    }

    [Fact]
    public async Task List_FilteredOnPassed_AnswersOnlyPassedComplexesAndABadOutcomeIs400()
    {
        var client = await app.SignedInClientAsync(Team);

        var passed = await client.GetJsonAsync($"{Api}/admission?outcome=passed");
        var bad = await client.GetAsync($"{Api}/admission?outcome=misschien");

        Assert.NotEmpty(passed.GetProperty("items").EnumerateArray());
        Assert.All(passed.GetProperty("items").EnumerateArray(), i => Assert.True(i.GetProperty("passed").GetBoolean()));
        Assert.Contains(passed.GetProperty("items").EnumerateArray(), i => i.GetProperty("name").GetString() == "De Klimop");
        var errors = await ProblemErrorsAsync(bad, HttpStatusCode.BadRequest);
        Assert.True(errors.TryGetProperty("outcome", out _), errors.GetRawText());
    }
}
