using Plusflat.Web.Tests.Infrastructure;
using System.Net.Http.Json;
using System.Text.Json;

namespace Plusflat.Web.Tests.Standard;

/// <summary>The product standard's JSON API on real PostgreSQL: the catalogue, assessments, bad input, stale versions and rights.</summary>
public sealed class StandardApiTests(PlusflatApp app) : IClassFixture<PlusflatApp>
{
    private const string Tenant = "lltf-amsterdam";
    private const string Lead = "lead@lltf-amsterdam.demo";

    [Fact]
    public async Task GetCatalogue_ListsThePositionPapersItemsWithStableKeysAndKinds()
    {
        var client = await app.SignedInClientAsync(Lead);

        var catalogue = await client.GetJsonAsync($"/api/v1/{Tenant}/standard-catalogue");

        var items = catalogue.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal("Position paper Plusflat 2026", catalogue.GetProperty("name").GetString());
        Assert.Contains(items, i => i.GetProperty("key").GetString() == "wonen-ontmoetingsruimte" && i.GetProperty("kind").GetString() == "must"
                                    && i.GetProperty("domain").GetString() == "housing");
        Assert.Equal(["must", "not", "should"], items.Select(i => i.GetProperty("kind").GetString()).Distinct().Order());
    }

    [Fact]
    public async Task Put_EveryItemAssessed_IsKeptAndComputedWithWhoAndWhen()
    {
        var client = await app.SignedInClientAsync(Lead);
        var id = await NewComplexAsync(client);
        var items = await AllGoodAsync(client);

        var response = await client.PutAsJsonAsync(Url(id), new { items });

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var standard = await client.GetJsonAsync(Url(id));
        Assert.Equal(1, standard.GetProperty("version").GetInt32());
        Assert.Equal(0, standard.GetProperty("missingMusts").GetArrayLength());
        Assert.Equal(0, standard.GetProperty("exclusions").GetArrayLength());
        Assert.True(standard.GetProperty("accelerators").GetArrayLength() > 0);
        Assert.Equal("Lotte de Leeuw", standard.GetProperty("assessedBy").GetString());
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow).AddYears(1), DateOnly.Parse(standard.GetProperty("dueAt").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        // No admission gate is recorded for a new complex, so it is not eligible even with every must met.
        Assert.False(standard.GetProperty("gatePassed").GetBoolean());
        Assert.False(standard.GetProperty("eligible").GetBoolean());
    }

    [Fact]
    public async Task Get_GatePassedAndEveryMustMet_IsEligible_AndOneMustNotMetTurnsItNotEligible()
    {
        var client = await app.SignedInClientAsync(Lead);
        var id = await NewComplexAsync(client);
        var gate = new Dictionary<string, object?>
        {
            ["concentration"] = new { sharedEntrance = true, groupedWith = Array.Empty<Guid>(), coreFunctionsSecured = false, evidence = "Eén entree" },
            ["need"] = new { loneliness = "Veel alleenstaanden", liveabilityPressure = (string?)null, missedEarlySignalling = (string?)null, careConcentration = (string?)null, mostlySelfSufficient = false, hardlyAnyHomeCare = false },
            ["governance"] = new object[]
            {
                new { party = "municipality", agreedBy = "Wethouder", agreedOn = "2025-01-10", reference = "GEM-1" },
                new { party = "corporation", agreedBy = "Directeur", agreedOn = "2025-01-11", reference = "CORP-1" },
                new { party = "careProvider", agreedBy = "Regiodirecteur", agreedOn = "2025-01-12", reference = "ZA-1" },
            },
        };
        Assert.True((await client.PutAsJsonAsync($"/api/v1/{Tenant}/complexes/{id}/admission", gate)).IsSuccessStatusCode);
        var items = await AllGoodAsync(client);

        Assert.Equal(HttpStatusCode.NoContent, (await client.PutAsJsonAsync(Url(id), new { items })).StatusCode);
        var eligible = await client.GetJsonAsync(Url(id));
        Assert.Equal(HttpStatusCode.NoContent, (await client.PutAsJsonAsync(Url(id), new { items = With(items, "wonen-toegankelijk", "notMet", null), version = 1 })).StatusCode);
        var missing = await client.GetJsonAsync(Url(id));

        Assert.True(eligible.GetProperty("gatePassed").GetBoolean());
        Assert.True(eligible.GetProperty("eligible").GetBoolean());
        Assert.False(missing.GetProperty("eligible").GetBoolean());
        Assert.Equal("wonen-toegankelijk", Assert.Single(missing.GetProperty("missingMusts").EnumerateArray()).GetProperty("key").GetString());
    }

    [Fact]
    public async Task Put_OneMustNotMet_NamesThatMustWithItsText()
    {
        var client = await app.SignedInClientAsync(Lead);
        var id = await NewComplexAsync(client);
        var items = With(await AllGoodAsync(client), "organisatie-bewonersstem", "notMet", null);

        Assert.Equal(HttpStatusCode.NoContent, (await client.PutAsJsonAsync(Url(id), new { items })).StatusCode);

        var missing = Assert.Single((await client.GetJsonAsync(Url(id))).GetProperty("missingMusts").EnumerateArray());
        Assert.Equal("organisatie-bewonersstem", missing.GetProperty("key").GetString());
        Assert.Contains("bewonersstem", missing.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Put_BadInput_Returns400NamingEachFieldAndSavesNothing()
    {
        var client = await app.SignedInClientAsync(Lead);
        var id = await NewComplexAsync(client);
        var items = (await AllGoodAsync(client)).Where(i => (string)i["key"]! != "wonen-toegankelijk").ToList();
        items = With(items, "wonen-ontmoetingsruimte", "met", " ");
        items = With(items, "doelgroep-intramuraal", "met", "x");

        var response = await client.PutAsJsonAsync(Url(id), new { items });

        var errors = await ProblemErrorsAsync(response);
        Assert.True(errors.TryGetProperty("items[wonen-toegankelijk].status", out _), errors.GetRawText());
        Assert.True(errors.TryGetProperty("items[wonen-ontmoetingsruimte].evidence", out _), errors.GetRawText());
        Assert.True(errors.TryGetProperty("items[doelgroep-intramuraal].status", out _), errors.GetRawText());
        Assert.Equal(JsonValueKind.Null, (await client.GetJsonAsync(Url(id))).GetProperty("version").ValueKind);
    }

    [Theory]
    [InlineData("""{"version": null}""", "items")]
    [InlineData("""{"items": [{"key": "wonen-toegankelijk", "status": "prima", "evidence": "x"}]}""", "items[wonen-toegankelijk].status")]
    [InlineData("""{"items": [{"status": "met"}]}""", "items[0].key")]
    [InlineData("""{"items": "alles goed"}""", "items")]
    public async Task Put_UnreadableBody_Returns400NamingTheField(string json, string field)
    {
        var client = await app.SignedInClientAsync(Lead);
        var id = await NewComplexAsync(client);

        var response = await client.PutAsync(Url(id), new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        var errors = await ProblemErrorsAsync(response);
        Assert.True(errors.TryGetProperty(field, out _), errors.GetRawText());
    }

    [Fact]
    public async Task Put_StaleVersion_Returns409WithTheCurrentAssessment()
    {
        var client = await app.SignedInClientAsync(Lead);
        var id = await NewComplexAsync(client);
        var items = await AllGoodAsync(client);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PutAsJsonAsync(Url(id), new { items })).StatusCode);

        // A second client that read before the first save still thinks there is no assessment (no version).
        var stale = await client.PutAsJsonAsync(Url(id), new { items = With(items, "organisatie-bewonersstem", "notMet", null) });

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var current = (await stale.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("current");
        Assert.Equal(1, current.GetProperty("version").GetInt32());
        Assert.Equal(0, current.GetProperty("missingMusts").GetArrayLength());
        var next = await client.PutAsJsonAsync(Url(id), new { items = With(items, "organisatie-bewonersstem", "notMet", null), version = 1 });
        Assert.Equal(HttpStatusCode.NoContent, next.StatusCode);
        Assert.Equal(2, (await client.GetJsonAsync(Url(id))).GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Put_FlatTeamMember_Returns403_ButMayRead()
    {
        var lead = await app.SignedInClientAsync(Lead);
        var id = await NewComplexAsync(lead);
        var team = await app.SignedInClientAsync("team@lltf-amsterdam.demo");

        var response = await team.PutAsJsonAsync(Url(id), new { items = await AllGoodAsync(lead) });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await team.GetAsync(Url(id))).StatusCode);
        Assert.Equal(JsonValueKind.Null, (await lead.GetJsonAsync(Url(id))).GetProperty("version").ValueKind);
    }

    [Fact]
    public async Task Get_AnotherProgrammesComplex_Is404_AndAnotherProgrammesUrlToo()
    {
        var lead = await app.SignedInClientAsync(Lead);
        var id = await NewComplexAsync(lead);
        var rotterdam = await app.SignedInClientAsync("lead@thuisplusflat-rotterdam.demo");

        Assert.Equal(HttpStatusCode.NotFound, (await rotterdam.GetAsync($"/api/v1/thuisplusflat-rotterdam/complexes/{id}/standard")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await rotterdam.GetAsync(Url(id))).StatusCode);
        var put = await rotterdam.PutAsJsonAsync($"/api/v1/thuisplusflat-rotterdam/complexes/{id}/standard", new { items = await AllGoodAsync(lead) });
        Assert.Equal(HttpStatusCode.NotFound, put.StatusCode);
    }

    private static string Url(Guid id) => $"/api/v1/{Tenant}/complexes/{id}/standard";

    private static async Task<List<Dictionary<string, object?>>> AllGoodAsync(HttpClient client)
    {
        var catalogue = await client.GetJsonAsync($"/api/v1/{Tenant}/standard-catalogue");
        return [.. catalogue.GetProperty("items").EnumerateArray().Select(i => new Dictionary<string, object?>
        {
            ["key"] = i.GetProperty("key").GetString(),
            ["status"] = i.GetProperty("kind").GetString() == "not" ? "doesNotApply" : "met",
            ["evidence"] = "Vastgelegd in de samenwerkingsovereenkomst",
        })];
    }

    private static List<Dictionary<string, object?>> With(List<Dictionary<string, object?>> items, string key, string status, string? evidence) =>
        [.. items.Select(i => (string)i["key"]! == key ? new Dictionary<string, object?> { ["key"] = key, ["status"] = status, ["evidence"] = evidence } : i)];

    internal static Task<Guid> NewComplexAsync(HttpClient client) => ApiTestData.NewComplexAsync(client, Tenant, "Standaardflat", 120);

    private static Task<JsonElement> ProblemErrorsAsync(HttpResponseMessage response) => ApiTestData.ProblemErrorsAsync(response);
}

/// <summary>The printable assessment report: a real PDF whose text says what the page says.</summary>
public sealed class StandardReportTests(PlusflatApp app) : IClassFixture<PlusflatApp>
{
    private const string Tenant = "lltf-amsterdam";

    [Fact]
    public async Task Report_AfterAnAssessment_IsAPdfNamingTheOutcomeTheMissingMustAndTheEvidence()
    {
        var client = await app.SignedInClientAsync("lead@lltf-amsterdam.demo");
        var complexes = await client.GetJsonAsync($"/api/v1/{Tenant}/complexes?pageSize=1");
        var id = complexes.GetProperty("items")[0].GetProperty("id").GetGuid();
        var name = complexes.GetProperty("items")[0].GetProperty("name").GetString()!;
        var catalogue = await client.GetJsonAsync($"/api/v1/{Tenant}/standard-catalogue");
        var items = catalogue.GetProperty("items").EnumerateArray().Select(i => new
        {
            key = i.GetProperty("key").GetString(),
            status = i.GetProperty("key").GetString() == "organisatie-bewonersstem" ? "notMet" : i.GetProperty("kind").GetString() == "not" ? "doesNotApply" : "met",
            evidence = "Zie de afsprakenkaart van het flatteam",
        });
        Assert.Equal(HttpStatusCode.NoContent, (await client.PutAsJsonAsync($"/api/v1/{Tenant}/complexes/{id}/standard", new { items })).StatusCode);

        var response = await client.GetAsync($"/{Tenant}/complexen/{id}/beoordelingsrapport.pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        var text = string.Join(" ", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
        Assert.Contains($"Beoordelingsrapport {name}", text, StringComparison.Ordinal);
        Assert.Contains("Komt (nog) niet in aanmerking voor het Plusflat-label.", text, StringComparison.Ordinal);
        Assert.Contains("Ontbrekende musts (1):", text, StringComparison.Ordinal);
        Assert.Contains("De bewonersstem is herkenbaar geborgd", text, StringComparison.Ordinal);
        Assert.Contains("Zie de afsprakenkaart van het flatteam", text, StringComparison.Ordinal);
        // The gate and the partner choice are in the report too, as their pages show them.
        Assert.Contains("Toelatingspoort", text, StringComparison.Ordinal);
        Assert.Contains("1. Concentratie:", text, StringComparison.Ordinal);
        Assert.Contains("Partnerkeuze", text, StringComparison.Ordinal);
        Assert.Contains("Voorkeurszorgaanbieder:", text, StringComparison.Ordinal);
        Assert.True(pdf.NumberOfPages >= 2, "27 items with their evidence flow over more than one page");
    }

    [Fact]
    public async Task Report_AnotherProgrammesComplex_Is404()
    {
        var amsterdam = await app.SignedInClientAsync("lead@lltf-amsterdam.demo");
        var id = (await amsterdam.GetJsonAsync($"/api/v1/{Tenant}/complexes?pageSize=1")).GetProperty("items")[0].GetProperty("id").GetGuid();
        var rotterdam = await app.SignedInClientAsync("lead@thuisplusflat-rotterdam.demo");

        var response = await rotterdam.GetAsync($"/thuisplusflat-rotterdam/complexen/{id}/beoordelingsrapport.pdf");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
