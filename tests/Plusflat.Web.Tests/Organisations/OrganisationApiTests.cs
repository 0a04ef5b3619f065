using System.Net.Http.Json;
using System.Text.Json;
using Plusflat.Web.Features.Organisations;
using static Plusflat.Web.Tests.Organisations.OrganisationForms;

namespace Plusflat.Web.Tests.Organisations;

public sealed class OrganisationApiTests(PlusflatApp app) : IClassFixture<PlusflatApp>
{
    private const string Lead = "lead@lltf-amsterdam.demo";

    [Fact]
    public async Task Post_ValidCareProvider_Returns201WithLocationAndAssessment()
    {
        var client = await app.SignedInClientAsync(Lead);
        var name = UniqueName("Zorgaanbieder Api");

        var response = await client.PostAsJsonAsync(ApiUrl(), new
        {
            name,
            kind = "CareProvider",
            contactName = "Sanne Smit",
            contactEmail = "Sanne@Zorg.NL",
            contactPhone = "+31 20 123 4567",
            careProviderFacts = new
            {
                zvwDistrictNursing = true, wlzMpt = true, wlzVpt = true, dementiaCaseManagers = true,
                contractedByZorgkantoor = true, knownInNeighbourhood = true,
            },
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = body.GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/{Amsterdam}/organisations/{id}", response.Headers.Location!.OriginalString);
        Assert.Equal(name, body.GetProperty("name").GetString());
        Assert.Equal("CareProvider", body.GetProperty("kind").GetString());
        Assert.Equal("sanne@zorg.nl", body.GetProperty("contactEmail").GetString());
        var facts = body.GetProperty("careProviderFacts");
        Assert.True(facts.GetProperty("meetsHardCriteria").GetBoolean());
        Assert.Equal(1, facts.GetProperty("weighingScore").GetInt32());
        Assert.Equal(0, facts.GetProperty("missingHardCriteria").GetArrayLength());
        Assert.Equal(name, (await GetViaApiAsync(client, id)).GetProperty("name").GetString());
    }

    [Fact]
    public async Task Post_InvalidInput_Returns400ProblemWithCamelCaseFieldsAndSavesNothing()
    {
        var client = await app.SignedInClientAsync(Lead);
        var before = await CountViaApiAsync(client);

        var response = await client.PostAsJsonAsync(ApiUrl(), new { name = "", contactEmail = "geen-e-mailadres" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("Vul de naam van de organisatie in.", errors.GetProperty("name")[0].GetString());
        Assert.Equal("Kies het soort organisatie.", errors.GetProperty("kind")[0].GetString());
        Assert.Equal("Vul een geldig e-mailadres in, zoals naam@organisatie.nl.", errors.GetProperty("contactEmail")[0].GetString());
        Assert.Equal(before, await CountViaApiAsync(client));
    }

    [Fact]
    public async Task Post_FactsForAMunicipality_Returns400FromTheDomainRule()
    {
        var client = await app.SignedInClientAsync(Lead);

        var response = await client.PostAsJsonAsync(ApiUrl(), new
        {
            name = UniqueName("Gemeente Met Feiten"),
            kind = "Municipality",
            careProviderFacts = new { wlzMpt = true },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(
            "Criteria voor de voorkeursaanbieder horen alleen bij een zorgaanbieder.",
            errors.GetProperty("careProviderFacts")[0].GetString());
    }

    [Fact]
    public async Task Put_CurrentVersion_SavesAndReturnsNewVersion_StaleVersion_Returns409()
    {
        var client = await app.SignedInClientAsync(Lead);
        var (id, version) = await CreateViaApiAsync(client, new { name = UniqueName("Welzijn West"), kind = "WelfareParty" });
        var renamed = UniqueName("Welzijn West Nieuw");

        var saved = await client.PutAsJsonAsync($"{ApiUrl()}/{id}", ApiPut.Complete<OrganisationRequest>(new { name = renamed, kind = "WelfareParty", version }));
        var stale = await client.PutAsJsonAsync($"{ApiUrl()}/{id}", ApiPut.Complete<OrganisationRequest>(new { name = "Te laat", kind = "WelfareParty", version }));

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var savedBody = await saved.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(renamed, savedBody.GetProperty("name").GetString());
        Assert.NotEqual(version, savedBody.GetProperty("version").GetUInt32());
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType!.MediaType);
        var problem = await stale.Content.ReadFromJsonAsync<JsonElement>();
        Assert.StartsWith("Iemand anders heeft dit intussen gewijzigd.", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(renamed, problem.GetProperty("current").GetProperty("name").GetString());
        Assert.Equal(savedBody.GetProperty("version").GetUInt32(), problem.GetProperty("current").GetProperty("version").GetUInt32());
        Assert.Equal(renamed, (await GetViaApiAsync(client, id)).GetProperty("name").GetString());
    }

    [Fact]
    public async Task Put_WithoutVersion_Returns400NamingVersion()
    {
        var client = await app.SignedInClientAsync(Lead);
        var (id, _) = await CreateViaApiAsync(client, new { name = UniqueName("Zonder Versie"), kind = "Other" });

        var response = await client.PutAsJsonAsync($"{ApiUrl()}/{id}", ApiPut.Complete<OrganisationRequest>(new { name = "Nieuw", kind = "Other" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("version", out _));
    }

    [Fact]
    public async Task GetList_WithSearchAndKind_ReturnsOnlyMatches()
    {
        var client = await app.SignedInClientAsync(Lead);
        var marker = Guid.NewGuid().ToString("N")[..10];
        await CreateViaApiAsync(client, new { name = $"Woonbron {marker}", kind = "HousingCorporation" });
        await CreateViaApiAsync(client, new { name = $"Zorgbron {marker}", kind = "CareProvider" });
        await CreateViaApiAsync(client, new { name = UniqueName("Ander"), kind = "HousingCorporation", contactName = $"Contact {marker}" });
        await CreateViaApiAsync(client, new { name = UniqueName("Niet Gezocht"), kind = "HousingCorporation" });

        var bySearch = await client.GetFromJsonAsync<JsonElement>($"{ApiUrl()}?q={marker.ToUpperInvariant()}");
        var bySearchAndKind = await client.GetFromJsonAsync<JsonElement>($"{ApiUrl()}?q={marker}&kind=careprovider");
        var wildcard = await client.GetFromJsonAsync<JsonElement>($"{ApiUrl()}?q=%25");

        Assert.Equal(3, bySearch.GetArrayLength());
        Assert.Contains($"Woonbron {marker}", bySearch.EnumerateArray().Select(o => o.GetProperty("name").GetString()));
        Assert.DoesNotContain(bySearch.EnumerateArray(), o => o.GetProperty("name").GetString()!.StartsWith("Niet Gezocht", StringComparison.Ordinal));
        Assert.Equal($"Zorgbron {marker}", Assert.Single(bySearchAndKind.EnumerateArray()).GetProperty("name").GetString());
        Assert.Equal(0, wildcard.GetArrayLength());
    }

    [Fact]
    public async Task GetList_UnknownKind_Returns400NamingKind()
    {
        var client = await app.SignedInClientAsync(Lead);

        var response = await client.GetAsync($"{ApiUrl()}?kind=Ziekenhuis");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("kind", out _));
    }

    [Fact]
    public async Task Anonymous_Returns401()
    {
        var client = app.Client();

        var list = await client.GetAsync(ApiUrl());
        var post = await client.PostAsJsonAsync(ApiUrl(), new { name = "Anoniem", kind = "Other" });

        Assert.Equal(HttpStatusCode.Unauthorized, list.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, post.StatusCode);
        Assert.DoesNotContain("<html", await post.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_UnknownKind_Returns400ProblemNamingKind()
    {
        var client = await app.SignedInClientAsync(Lead);

        var response = await client.PostAsJsonAsync(ApiUrl(), new { name = UniqueName("Ziekenhuis"), kind = "Hospital" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.StartsWith("Onbekend soort organisatie.", errors.GetProperty("kind")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_MalformedJson_Returns400Problem()
    {
        var client = await app.SignedInClientAsync(Lead);

        var response = await client.PostAsync(ApiUrl(), new StringContent("{\"name\": ", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task FlatTeamMember_CanReadButNotWrite()
    {
        var lead = await app.SignedInClientAsync(Lead);
        var (id, version) = await CreateViaApiAsync(lead, new { name = UniqueName("Team Leest"), kind = "Other" });
        var team = await app.SignedInClientAsync("team@lltf-amsterdam.demo");

        var list = await team.GetAsync(ApiUrl());
        var one = await team.GetAsync($"{ApiUrl()}/{id}");
        var post = await team.PostAsJsonAsync(ApiUrl(), new { name = UniqueName("Team Schrijft"), kind = "Other" });
        var put = await team.PutAsJsonAsync($"{ApiUrl()}/{id}", ApiPut.Complete<OrganisationRequest>(new { name = "Team Wijzigt", kind = "Other", version }));

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
    }

    [Fact]
    public async Task OrganisationOfAnotherTenant_Returns404()
    {
        var rotterdam = await app.SignedInClientAsync("lead@thuisplusflat-rotterdam.demo");
        var name = UniqueName("Rotterdam Api");
        var (id, version) = await CreateViaApiAsync(rotterdam, new { name, kind = "Municipality" }, Rotterdam);
        var amsterdam = await app.SignedInClientAsync(Lead);

        var get = await amsterdam.GetAsync($"{ApiUrl()}/{id}");
        var put = await amsterdam.PutAsJsonAsync($"{ApiUrl()}/{id}", ApiPut.Complete<OrganisationRequest>(new { name = "Overgenomen", kind = "Municipality", version }));
        var viaOtherTenant = await amsterdam.GetAsync($"{ApiUrl(Rotterdam)}/{id}");
        var list = await amsterdam.GetFromJsonAsync<JsonElement>($"{ApiUrl()}?q={Uri.EscapeDataString(name)}");

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, put.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, viaOtherTenant.StatusCode);
        Assert.Equal(0, list.GetArrayLength());
        Assert.Equal(name, (await GetViaApiAsync(rotterdam, id, Rotterdam)).GetProperty("name").GetString());
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheOrganisationEndpoints()
    {
        var document = await app.Client().GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var operations = document.GetProperty("paths").EnumerateObject()
            .Where(p => p.Name.Contains("/organisations", StringComparison.Ordinal))
            .SelectMany(p => p.Value.EnumerateObject())
            .Where(o => o.Value.ValueKind == JsonValueKind.Object && o.Value.TryGetProperty("operationId", out _))
            .Select(o => o.Value.GetProperty("operationId").GetString())
            .ToList();
        Assert.Contains("ListOrganisations", operations);
        Assert.Contains("GetOrganisation", operations);
        Assert.Contains("CreateOrganisation", operations);
        Assert.Contains("UpdateOrganisation", operations);
        var schemas = document.GetProperty("components").GetProperty("schemas");
        var kind = schemas.GetProperty("OrganisationDetails").GetProperty("properties").GetProperty("kind");
        var kindSchema = kind.TryGetProperty("$ref", out var reference)
            ? schemas.GetProperty(reference.GetString()!.Split('/')[^1])
            : kind;
        Assert.Contains("\"CareProvider\"", kindSchema.GetRawText(), StringComparison.Ordinal);
    }
}
