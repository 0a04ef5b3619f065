using Plusflat.Domain.Partners;
using System.Net.Http.Json;
using System.Text.Json;
using Plusflat.Web.Features.Complexes;
using Plusflat.Web.Features.Organisations;
using static Plusflat.Web.Tests.Organisations.OrganisationForms;

namespace Plusflat.Web.Tests.Complexes;

/// <summary>
/// A complex's partners — housing corporation, preferred care provider, welfare party — are organisations of the
/// same programme, of the matching kind. A wrong choice is a 400 naming the field, never a 500 from the database.
/// </summary>
public sealed class ComplexPartnerTests(PlusflatApp app) : IClassFixture<PlusflatApp>
{
    private const string Lead = "lead@lltf-amsterdam.demo";
    private const string ComplexesUrl = $"/api/v1/{Amsterdam}/complexes";

    [Theory]
    [InlineData("housingCorporationId", "WelfareParty", "Kies een woningcorporatie uit het register van organisaties.")]
    [InlineData("preferredCareProviderId", "HousingCorporation", "Kies een zorgaanbieder uit het register van organisaties.")]
    [InlineData("welfarePartyId", "CareProvider", "Kies een welzijnspartij uit het register van organisaties.")]
    public async Task Create_PartnerOfTheWrongKind_Returns400NamingTheFieldAndSavesNothing(string field, string kind, string message)
    {
        var client = await app.SignedInClientAsync(Lead);
        var (organisation, _) = await CreateViaApiAsync(client, new { name = UniqueName("Verkeerd soort"), kind });
        var name = UniqueName("Verkeerde partner");

        var response = await client.PostAsJsonAsync(ComplexesUrl, Body(name, (field, organisation)));

        var errors = await ProblemErrorsAsync(response);
        Assert.Equal(message, errors.GetProperty(field)[0].GetString());
        Assert.False(await ComplexExistsAsync(client, name));
    }

    [Theory]
    [InlineData("housingCorporationId", "HousingCorporation")]
    [InlineData("preferredCareProviderId", "CareProvider")]
    [InlineData("welfarePartyId", "WelfareParty")]
    public async Task CreateAndUpdate_PartnerOfAnotherTenant_Returns400NamingTheFieldAndSavesNothing(string field, string kind)
    {
        var rotterdam = await app.SignedInClientAsync("lead@thuisplusflat-rotterdam.demo");
        var (foreign, _) = await CreateViaApiAsync(rotterdam, new { name = UniqueName("Rotterdamse partner"), kind }, Rotterdam);
        var client = await app.SignedInClientAsync(Lead);
        var name = UniqueName("Amsterdams complex");
        var existingName = UniqueName("Bestaand complex");
        var existing = await CreateComplexAsync(client, Body(existingName));
        var version = (await client.GetJsonAsync($"{ComplexesUrl}/{existing}")).GetProperty("version").GetUInt32();

        var created = await client.PostAsJsonAsync(ComplexesUrl, Body(name, (field, foreign)));
        var updated = await client.PutAsJsonAsync($"{ComplexesUrl}/{existing}", ApiPut.Complete<ComplexRequest>(Body(existingName, (field, foreign), ("version", version))));

        Assert.True((await ProblemErrorsAsync(created)).TryGetProperty(field, out _));
        Assert.True((await ProblemErrorsAsync(updated)).TryGetProperty(field, out _));
        Assert.False(await ComplexExistsAsync(client, name));
        var stored = await client.GetJsonAsync($"{ComplexesUrl}/{existing}");
        Assert.Equal(JsonValueKind.Null, stored.GetProperty(field).ValueKind);
        Assert.Equal(version, stored.GetProperty("version").GetUInt32());
    }

    [Fact]
    public async Task CreateThenUpdate_ValidPartners_AreSavedAndShownUnderPartners()
    {
        var client = await app.SignedInClientAsync(Lead);
        var corporationName = UniqueName("Woonstichting Partner");
        var careName = UniqueName("Zorg Partner");
        var welfareName = UniqueName("Welzijn Partner");
        var (corporation, _) = await CreateViaApiAsync(client, new { name = corporationName, kind = "HousingCorporation" });
        var (care, _) = await CreateViaApiAsync(client, new { name = careName, kind = "CareProvider", careProviderFacts = ApiTestData.EveryHardCriterion });
        var (welfare, _) = await CreateViaApiAsync(client, new { name = welfareName, kind = "WelfareParty" });

        var careProviders = await client.GetJsonAsync($"{ApiUrl()}?kind=CareProvider");
        var name = UniqueName("Partnerflat");
        var body = Body(name, ("housingCorporationId", corporation), ("welfarePartyId", welfare));
        var id = await CreateComplexAsync(client, body);
        // The preferred provider is chosen once it is this complex's candidate that agrees to the goals and the handover.
        await ApiTestData.RecordCandidateAsync(client, Amsterdam, id, care);
        var version = (await client.GetJsonAsync($"{ComplexesUrl}/{id}")).GetProperty("version").GetUInt32();
        body["preferredCareProviderId"] = care;
        body["version"] = version;
        var updated = await client.PutAsJsonAsync($"{ComplexesUrl}/{id}", ApiPut.Complete<ComplexRequest>(body));
        Assert.Equal(HttpStatusCode.NoContent, updated.StatusCode);
        var stored = await client.GetJsonAsync($"{ComplexesUrl}/{id}");
        var page = await client.GetAsync($"/{Amsterdam}/complexen/{id}");

        var offered = careProviders.EnumerateArray().ToList();
        Assert.Contains(offered, o => o.GetProperty("id").GetGuid() == care);
        Assert.All(offered, o => Assert.Equal("CareProvider", o.GetProperty("kind").GetString()));
        Assert.Equal(corporation, stored.GetProperty("housingCorporationId").GetGuid());
        Assert.Equal(care, stored.GetProperty("preferredCareProviderId").GetGuid());
        Assert.Equal(welfare, stored.GetProperty("welfarePartyId").GetGuid());
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var partners = Partners(await page.TextAsync());
        Assert.Equal(corporationName, partners["Woningcorporatie"]);
        Assert.Equal(careName, partners["Voorkeurszorgaanbieder"]);
        Assert.Equal(welfareName, partners["Welzijnspartij"]);
    }

    [Fact]
    public async Task Create_PreferredProviderThatIsNoCandidateOfTheComplex_Returns400NamingTheCriterionAndSavesNothing()
    {
        var client = await app.SignedInClientAsync(Lead);
        var (care, _) = await CreateViaApiAsync(client, new { name = UniqueName("Zorg Zonder Afspraak"), kind = "CareProvider", careProviderFacts = ApiTestData.EveryHardCriterion });
        var name = UniqueName("Voorkeursflat");

        var response = await client.PostAsJsonAsync(ComplexesUrl, Body(name, ("preferredCareProviderId", care)));

        var errors = await ProblemErrorsAsync(response);
        Assert.Equal("Deze zorgaanbieder kan geen voorkeursaanbieder worden: " + PreferredProviderRule.NotACandidate + ".",
            errors.GetProperty("preferredCareProviderId")[0].GetString());
        Assert.False(await ComplexExistsAsync(client, name));
    }

    [Fact]
    public async Task Update_PreferredProviderFailingHardCriteria_Returns400NamingEachLikeThePartnerChoiceAndKeepsTheComplex()
    {
        var client = await app.SignedInClientAsync(Lead);
        var linde = (await client.GetJsonAsync($"{ApiUrl()}?kind=CareProvider")).EnumerateArray()
            .Single(o => o.GetProperty("name").GetString() == "Thuiszorg De Linde").GetProperty("id").GetGuid();
        var name = UniqueName("Lindeflat");
        var body = Body(name);
        var id = await CreateComplexAsync(client, body);
        await ApiTestData.RecordCandidateAsync(client, Amsterdam, id, linde);
        var version = (await client.GetJsonAsync($"{ComplexesUrl}/{id}")).GetProperty("version").GetUInt32();
        body["preferredCareProviderId"] = linde;
        body["version"] = version;

        var response = await client.PutAsJsonAsync($"{ComplexesUrl}/{id}", ApiPut.Complete<ComplexRequest>(body));

        var message = (await ProblemErrorsAsync(response)).GetProperty("preferredCareProviderId")[0].GetString();
        Assert.Equal("Deze zorgaanbieder kan geen voorkeursaanbieder worden: Levert geen volledig pakket thuis (Wlz VPT); Heeft geen casemanagers dementie.", message);
        var stored = await client.GetJsonAsync($"{ComplexesUrl}/{id}");
        Assert.Equal(JsonValueKind.Null, stored.GetProperty("preferredCareProviderId").ValueKind);
        Assert.Equal(version, stored.GetProperty("version").GetUInt32());
    }

    [Fact]
    public async Task UpdateOrganisation_KindOfACorporationInUse_Returns400NamingKindAndKeepsTheKind()
    {
        var client = await app.SignedInClientAsync(Lead);
        var name = UniqueName("Corporatie In Gebruik");
        var (corporation, version) = await CreateViaApiAsync(client, new { name, kind = "HousingCorporation" });
        await CreateComplexAsync(client, Body(UniqueName("Gekoppeld complex"), ("housingCorporationId", corporation)));

        var response = await client.PutAsJsonAsync($"{ApiUrl()}/{corporation}", ApiPut.Complete<OrganisationRequest>(new { name, kind = "Municipality", version }));

        var errors = await ProblemErrorsAsync(response);
        Assert.StartsWith("Deze organisatie is gekoppeld aan een of meer wooncomplexen", errors.GetProperty("kind")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal("HousingCorporation", (await GetViaApiAsync(client, corporation)).GetProperty("kind").GetString());
    }

    [Fact]
    public async Task UpdateOrganisation_KindChangeWhileAComplexIsBeingLinked_WaitsAndThenRefuses()
    {
        var client = await app.SignedInClientAsync(Lead);
        var name = UniqueName("Corporatie Race");
        var (corporation, version) = await CreateViaApiAsync(client, new { name, kind = "HousingCorporation" });
        await using var link = new Npgsql.NpgsqlConnection(app.Database.AppConnectionString);
        await link.OpenAsync();
        var tenantId = (Guid)(await new Npgsql.NpgsqlCommand("SELECT id FROM tenants WHERE slug = 'lltf-amsterdam'", link).ExecuteScalarAsync())!;
        await new Npgsql.NpgsqlCommand($"SELECT set_config('app.tenant_id', '{tenantId}', false)", link).ExecuteNonQueryAsync();
        var catalogue = (Guid)(await new Npgsql.NpgsqlCommand("SELECT id FROM phase_catalogues ORDER BY version DESC LIMIT 1", link).ExecuteScalarAsync())!;

        // A complex is being linked to the corporation (as the complex handler does: organisation locked FOR SHARE)...
        await using var transaction = await link.BeginTransactionAsync();
        await new Npgsql.NpgsqlCommand($"SELECT 1 FROM organisations WHERE id = '{corporation}' FOR SHARE", link, transaction).ExecuteNonQueryAsync();
        var change = client.PutAsJsonAsync($"{ApiUrl()}/{corporation}", ApiPut.Complete<OrganisationRequest>(new { name, kind = "Municipality", version }));
        var finishedEarly = await Task.WhenAny(change, Task.Delay(700)) == change;
        await new Npgsql.NpgsqlCommand($"""
            INSERT INTO complexes (id, tenant_id, name, address, postcode, municipality, housing_corporation_id, dwelling_count, has_common_room,
                                   common_room_open_to_neighbourhood, near_facilities, has_workspace_for_team, created_at, catalogue_id, current_phase, checklist_revision)
            VALUES (gen_random_uuid(), '{tenantId}', 'Race', 'Straat 1', '1011 AB', 'Amsterdam', '{corporation}', 100, false, false, false, false, now(), '{catalogue}', 0, 0)
            """, link, transaction).ExecuteNonQueryAsync();
        await transaction.CommitAsync();
        var response = await change;

        // ...so the kind change waits for it, then sees the link and refuses.
        Assert.False(finishedEarly);
        var errors = await ProblemErrorsAsync(response);
        Assert.StartsWith("Deze organisatie is gekoppeld aan een of meer wooncomplexen", errors.GetProperty("kind")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal("HousingCorporation", (await GetViaApiAsync(client, corporation)).GetProperty("kind").GetString());
    }

    private static Dictionary<string, object> Body(string name, params (string Field, object Value)[] extra)
    {
        var body = new Dictionary<string, object>
        {
            ["name"] = name, ["address"] = TestComplexes.UniqueAddress("Partnerstraat"), ["postcode"] = "1013 AB", ["municipality"] = "Amsterdam", ["dwellingCount"] = 140,
        };
        foreach (var (field, value) in extra)
        {
            body[field] = value;
        }

        return body;
    }

    private static async Task<Guid> CreateComplexAsync(HttpClient client, Dictionary<string, object> body)
    {
        var response = await client.PostAsJsonAsync(ComplexesUrl, body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<bool> ComplexExistsAsync(HttpClient client, string name) =>
        (await client.GetJsonAsync($"{ComplexesUrl}?q={Uri.EscapeDataString(name)}")).GetProperty("totalCount").GetInt32() > 0;

    private static async Task<JsonElement> ProblemErrorsAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"Expected 400, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(body);
        return document.RootElement.GetProperty("errors").Clone();
    }

    /// <summary>The prerendered detail page's partners table: role → the name shown beside it.</summary>
    private static Dictionary<string, string> Partners(string html)
    {
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        var table = document.QuerySelector("[data-testid='partners']");
        Assert.True(table is not null, "The detail page has no partners table.");
        return table.QuerySelectorAll("tr").ToDictionary(r => r.QuerySelector("th")!.TextContent.Trim(), r => r.QuerySelector("td")!.TextContent.Trim());
    }
}
