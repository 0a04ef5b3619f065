using System.Net.Http.Json;
using System.Text.Json;
using Plusflat.Web.Features.Complexes;
using Plusflat.Web.Features.Organisations;
using static Plusflat.Web.Tests.InputRobustness.ControlCharacterApiTests;

namespace Plusflat.Web.Tests.InputRobustness;

/// <summary>A PUT replaces all details: a field left out is a 400 naming it, never a silent null over the stored value.</summary>
public sealed class PutMissingFieldTests(PlusflatApp app) : IClassFixture<PlusflatApp>
{
    private const string Lead = "lead@lltf-amsterdam.demo";
    private const string Complexes = "/api/v1/lltf-amsterdam/complexes";
    private const string Organisations = "/api/v1/lltf-amsterdam/organisations";

    [Fact]
    public async Task PutComplex_WithoutShareAged65Plus_Returns400NamingItAndKeepsTheStoredShare()
    {
        var client = await app.SignedInClientAsync(Lead);
        var id = await CreateComplexAsync(client);
        var body = await StoredAsync(client, $"{Complexes}/{id}");
        body.Remove("shareAged65Plus");
        body["name"] = "Andere naam " + id.ToString("N")[..6];

        var response = await client.PutAsJsonAsync($"{Complexes}/{id}", body);

        var errors = await ProblemErrorsAsync(response);
        Assert.Equal(["shareAged65Plus"], errors.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Contains("ontbreekt", errors.GetProperty("shareAged65Plus")[0].GetString(), StringComparison.Ordinal);
        var stored = await client.GetFromJsonAsync<JsonElement>($"{Complexes}/{id}");
        Assert.Equal(72.5m, stored.GetProperty("shareAged65Plus").GetDecimal());
        Assert.NotEqual(body["name"], stored.GetProperty("name").GetString());
    }

    [Fact]
    public async Task PutComplex_SeveralFieldsLeftOut_NamesEachOfThem()
    {
        var client = await app.SignedInClientAsync(Lead);
        var id = await CreateComplexAsync(client);
        var body = await StoredAsync(client, $"{Complexes}/{id}");
        body.Remove("hasCommonRoom");
        body.Remove("notes");
        body.Remove("welfarePartyId");

        var response = await client.PutAsJsonAsync($"{Complexes}/{id}", body);

        var errors = await ProblemErrorsAsync(response);
        Assert.Equal(["hasCommonRoom", "notes", "welfarePartyId"], errors.EnumerateObject().Select(p => p.Name).Order().ToArray());
    }

    [Fact]
    public async Task PutComplex_EveryFieldSentWithNullForTheShare_ClearsItOnPurpose()
    {
        var client = await app.SignedInClientAsync(Lead);
        var id = await CreateComplexAsync(client);
        var body = await StoredAsync(client, $"{Complexes}/{id}");
        body["shareAged65Plus"] = null;

        var response = await client.PutAsJsonAsync($"{Complexes}/{id}", body);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(JsonValueKind.Null, (await client.GetFromJsonAsync<JsonElement>($"{Complexes}/{id}")).GetProperty("shareAged65Plus").ValueKind);
    }

    [Fact]
    public async Task PostComplex_OptionalFieldsLeftOut_IsStillCreated()
    {
        var client = await app.SignedInClientAsync(Lead);

        var response = await client.PostAsync(Complexes, Json(ComplexJson("Korte post " + Guid.NewGuid().ToString("N")[..6])));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task PutOrganisation_WithoutContactName_Returns400NamingItAndKeepsTheContact()
    {
        var client = await app.SignedInClientAsync(Lead);
        var created = await client.PostAsJsonAsync(Organisations, new { name = "Volledig " + Guid.NewGuid().ToString("N")[..8], kind = "WelfareParty", contactName = "Bram Jansen" });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var body = await StoredAsync(client, $"{Organisations}/{id}");
        body.Remove("contactName");

        var response = await client.PutAsJsonAsync($"{Organisations}/{id}", body);

        var errors = await ProblemErrorsAsync(response);
        Assert.Equal(["contactName"], errors.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal("Bram Jansen", (await client.GetFromJsonAsync<JsonElement>($"{Organisations}/{id}")).GetProperty("contactName").GetString());
    }

    [Fact]
    public async Task PutOrganisation_CareProviderFactsWithoutOneCriterion_NamesTheNestedField()
    {
        var client = await app.SignedInClientAsync(Lead);
        var created = await client.PostAsJsonAsync(Organisations, new
        {
            name = "Zorg " + Guid.NewGuid().ToString("N")[..8], kind = "CareProvider",
            careProviderFacts = new { zvwDistrictNursing = true, wlzMpt = true, wlzVpt = true, dementiaCaseManagers = true, contractedByZorgkantoor = true },
        });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var body = ApiPut.Complete<OrganisationRequest>(new
        {
            name = "Zorg hernoemd", kind = "CareProvider",
            version = (await client.GetFromJsonAsync<JsonElement>($"{Organisations}/{id}")).GetProperty("version").GetUInt32(),
            careProviderFacts = new { zvwDistrictNursing = true, wlzVpt = true, dementiaCaseManagers = true, contractedByZorgkantoor = true, intramuralLocationNearby = false, knownInNeighbourhood = false, gpFirstLineAgreements = false },
        });

        var response = await client.PutAsJsonAsync($"{Organisations}/{id}", body);

        var errors = await ProblemErrorsAsync(response);
        Assert.Equal(["careProviderFacts.wlzMpt"], errors.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.True((await client.GetFromJsonAsync<JsonElement>($"{Organisations}/{id}")).GetProperty("careProviderFacts").GetProperty("wlzMpt").GetBoolean());
    }

    [Fact]
    public void ApiPutHelper_FillsEveryRequestField() =>
        Assert.Equal(typeof(ComplexRequest).GetProperties().Length, ApiPut.Complete<ComplexRequest>(new { name = "x" }).Count);

    private static async Task<Guid> CreateComplexAsync(HttpClient client)
    {
        var response = await client.PostAsJsonAsync(Complexes, new
        {
            name = "Volledige put " + Guid.NewGuid().ToString("N")[..8], address = Plusflat.Web.Tests.Complexes.TestComplexes.UniqueAddress("Putstraat"), postcode = "1011 AB", municipality = "Amsterdam",
            dwellingCount = 80, shareAged65Plus = 72.5m, notes = "Blijft staan",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>What GET returns, as a body to send back (read-only fields are ignored by the API).</summary>
    private static async Task<Dictionary<string, object?>> StoredAsync(HttpClient client, string url) =>
        JsonSerializer.Deserialize<Dictionary<string, object?>>(await client.GetStringAsync(url))!;
}
