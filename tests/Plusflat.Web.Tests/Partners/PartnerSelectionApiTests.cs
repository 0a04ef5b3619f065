using Plusflat.Web.Tests.Infrastructure;
using System.Net.Http.Json;
using System.Text.Json;

namespace Plusflat.Web.Tests.Partners;

/// <summary>The partner choice over the JSON API on real PostgreSQL: the hard criteria, bad input, stale versions and rights.</summary>
public sealed class PartnerSelectionApiTests(PlusflatApp app) : IClassFixture<PlusflatApp>
{
    private const string Tenant = "lltf-amsterdam";
    private const string Lead = "lead@lltf-amsterdam.demo";

    /// <summary>Demo care provider meeting every hard criterion of the organisation.</summary>
    private const string Amstelzorg = "Zorggroep Amstelzorg";

    /// <summary>Demo care provider without VPT and without dementia case managers.</summary>
    private const string DeLinde = "Thuiszorg De Linde";

    [Fact]
    public async Task Put_TheWholeProcedureWithAnEligibleProvider_IsKeptAndTheChoiceLandsOnTheComplex()
    {
        var client = await app.SignedInClientAsync(Lead);
        var id = await NewComplexAsync(client);
        var (amstelzorg, linde, welfare) = (await OrganisationAsync(client, Amstelzorg), await OrganisationAsync(client, DeLinde), await OrganisationAsync(client, "Welzijn Amsterdam Buurtwerk"));
        var body = Body(candidates: [Candidate(amstelzorg, scores: [Score("knownInNeighbourhood", 3), Score("gpFirstLineAgreements", 2)]), Candidate(linde)],
            preferred: amstelzorg, welfare: welfare, openEntry: [new { organisationId = linde, contactPerson = "Sanne de Vries", agreedRules = new[] { "oneContactPerson", "handoverProtocol" } }]);

        var response = await client.PutAsJsonAsync(Url(id), body);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var stored = await client.GetJsonAsync(Url(id));
        Assert.Equal(amstelzorg, stored.GetProperty("preferredCareProvider").GetProperty("id").GetGuid());
        Assert.Equal(welfare, stored.GetProperty("welfareParty").GetProperty("id").GetGuid());
        var candidates = stored.GetProperty("candidates").EnumerateArray().ToList();
        Assert.Equal(5, candidates.Single(c => c.GetProperty("name").GetString() == Amstelzorg).GetProperty("totalScore").GetInt32());
        Assert.True(candidates.Single(c => c.GetProperty("name").GetString() == Amstelzorg).GetProperty("mayBeChosen").GetBoolean());
        Assert.Equal(["Levert geen volledig pakket thuis (Wlz VPT)", "Heeft geen casemanagers dementie"],
            candidates.Single(c => c.GetProperty("name").GetString() == DeLinde).GetProperty("failingHardCriteria").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("Sanne de Vries", stored.GetProperty("openEntry")[0].GetProperty("contactPerson").GetString());
        Assert.Equal("2026-11-02", stored.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("step").GetString() == "exploreWithResidents").GetProperty("doneOn").GetString());
        var complex = await client.GetJsonAsync($"/api/v1/{Tenant}/complexes/{id}");
        Assert.Equal(amstelzorg, complex.GetProperty("preferredCareProviderId").GetGuid());
        Assert.Equal(welfare, complex.GetProperty("welfarePartyId").GetGuid());
    }

    [Fact]
    public async Task Put_ChoosingAProviderThatFailsHardCriteria_Is400NamingEachAndSavesNothing()
    {
        var client = await app.SignedInClientAsync(Lead);
        var id = await NewComplexAsync(client);
        var linde = await OrganisationAsync(client, DeLinde);

        var response = await client.PutAsJsonAsync(Url(id), Body(candidates: [Candidate(linde)], preferred: linde));

        var errors = await ProblemErrorsAsync(response);
        var message = errors.GetProperty("preferredCareProviderId")[0].GetString()!;
        Assert.Contains("Levert geen volledig pakket thuis (Wlz VPT)", message, StringComparison.Ordinal);
        Assert.Contains("Heeft geen casemanagers dementie", message, StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, (await client.GetJsonAsync(Url(id))).GetProperty("version").ValueKind);
        Assert.Equal(JsonValueKind.Null, (await client.GetJsonAsync($"/api/v1/{Tenant}/complexes/{id}")).GetProperty("preferredCareProviderId").ValueKind);
    }

    [Theory]
    [InlineData(false, true, "Verbindt zich niet aan de doelen van het programma")]
    [InlineData(true, false, "Werkt niet mee aan de overdracht")]
    public async Task Put_AnEligibleOrganisationWithoutThisComplexsAgreement_IsRefusedNamingIt(bool committed, bool handover, string expected)
    {
        var client = await app.SignedInClientAsync(Lead);
        var id = await NewComplexAsync(client);
        var amstelzorg = await OrganisationAsync(client, Amstelzorg);

        var response = await client.PutAsJsonAsync(Url(id), Body(candidates: [Candidate(amstelzorg, committed, handover)], preferred: amstelzorg));

        var errors = await ProblemErrorsAsync(response);
        Assert.Contains(expected, errors.GetProperty("preferredCareProviderId")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Put_ChoosingAProviderThatIsNoCandidate_IsRefused()
    {
        var client = await app.SignedInClientAsync(Lead);
        var id = await NewComplexAsync(client);

        var response = await client.PutAsJsonAsync(Url(id), Body(candidates: [], preferred: await OrganisationAsync(client, Amstelzorg)));

        var errors = await ProblemErrorsAsync(response);
        Assert.Contains("Staat niet bij de kandidaten", errors.GetProperty("preferredCareProviderId")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Put_BadScoresFutureDatesAndAMissingContact_AreEachNamed()
    {
        var client = await app.SignedInClientAsync(Lead);
        var id = await NewComplexAsync(client);
        var (amstelzorg, linde) = (await OrganisationAsync(client, Amstelzorg), await OrganisationAsync(client, DeLinde));
        var body = Body(candidates: [Candidate(amstelzorg, scores: [Score("knownInNeighbourhood", 4), new { aspect = "intramuralLocationNearby", score = (int?)1, justification = (string?)"" }])],
            consultedOn: "2999-01-01", openEntry: [new { organisationId = linde, contactPerson = "", agreedRules = Array.Empty<string>() }]);

        var errors = await ProblemErrorsAsync(await client.PutAsJsonAsync(Url(id), body));

        foreach (var field in new[] { "candidates[0].knownInNeighbourhood", "candidates[0].intramuralLocationNearbyJustification", "residents.consultedOn", "openEntry[0].contactPerson" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"{field} not in {errors.GetRawText()}");
        }
    }

    [Fact]
    public async Task Put_TheResidentsVoiceTheFourStepsAndTheOpenEntryList_AreKeptAsRecorded()
    {
        var client = await app.SignedInClientAsync(Lead);
        var id = await NewComplexAsync(client);
        var linde = await OrganisationAsync(client, DeLinde);
        var body = Body(candidates: [], openEntry: [new { organisationId = linde, contactPerson = "  Sanne de Vries ",
            agreedRules = new[] { "handoverProtocol", "oneContactPerson", "shareEssentialInformation", "coordinateOnChange", "joinCaseMeetings", "oneContactPerson" } }]);
        body["residents"] = new { consultedOn = "2026-10-15", how = "Bewonersavond en huisbezoeken", priorities = "Een vast gezicht",
            objections = "Wij willen onze eigen thuiszorg houden", answers = "Dat kan: open instap" };
        body["steps"] = new object[]
        {
            new { step = "exploreWithResidents", doneOn = "2026-10-15" }, new { step = "jointAmbitionPlanAndBudget", doneOn = "2026-10-20" },
            new { step = "introduceProviderToResidents", doneOn = "2026-10-25" }, new { step = "informNeighbourhoodPartners", doneOn = (string?)null },
        };

        Assert.Equal(HttpStatusCode.NoContent, (await client.PutAsJsonAsync(Url(id), body)).StatusCode);

        var stored = await client.GetJsonAsync(Url(id));
        var residents = stored.GetProperty("residents");
        Assert.Equal("2026-10-15", residents.GetProperty("consultedOn").GetString());
        Assert.Equal("Bewonersavond en huisbezoeken", residents.GetProperty("how").GetString());
        Assert.Equal("Een vast gezicht", residents.GetProperty("priorities").GetString());
        Assert.Equal("Wij willen onze eigen thuiszorg houden", residents.GetProperty("objections").GetString());
        Assert.Equal("Dat kan: open instap", residents.GetProperty("answers").GetString());
        var steps = stored.GetProperty("steps").EnumerateArray().ToDictionary(s => s.GetProperty("step").GetString()!, s => s.GetProperty("doneOn"));
        Assert.Equal(["exploreWithResidents", "jointAmbitionPlanAndBudget", "introduceProviderToResidents", "informNeighbourhoodPartners"], steps.Keys);
        Assert.Equal("2026-10-25", steps["introduceProviderToResidents"].GetString());
        Assert.Equal(JsonValueKind.Null, steps["informNeighbourhoodPartners"].ValueKind);
        var open = Assert.Single(stored.GetProperty("openEntry").EnumerateArray().ToList());
        Assert.Equal(DeLinde, open.GetProperty("name").GetString());
        Assert.Equal("Sanne de Vries", open.GetProperty("contactPerson").GetString());
        Assert.Equal(["oneContactPerson", "shareEssentialInformation", "coordinateOnChange", "joinCaseMeetings", "handoverProtocol"],
            open.GetProperty("agreedRules").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task Put_ObjectionsWithoutAnAnswerAndThePreferredProviderOnTheOpenEntryList_AreEachRefusedAndNothingIsSaved()
    {
        var client = await app.SignedInClientAsync(Lead);
        var id = await NewComplexAsync(client);
        var amstelzorg = await OrganisationAsync(client, Amstelzorg);
        var body = Body(candidates: [Candidate(amstelzorg)], preferred: amstelzorg,
            openEntry: [new { organisationId = amstelzorg, contactPerson = "Wijkteam", agreedRules = new[] { "oneContactPerson" } }]);
        body["residents"] = new { consultedOn = "2026-10-15", how = "Bewonersavond", priorities = (string?)null, objections = "Te veel wisselende gezichten", answers = (string?)null };

        var errors = await ProblemErrorsAsync(await client.PutAsJsonAsync(Url(id), body));

        Assert.Equal("Schrijf op hoe op de bezwaren van bewoners is gereageerd.", errors.GetProperty("residents.answers")[0].GetString());
        Assert.StartsWith("De voorkeursaanbieder hoort niet op de open-instaplijst", errors.GetProperty("openEntry[0].organisationId")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, (await client.GetJsonAsync(Url(id))).GetProperty("version").ValueKind);
    }

    [Theory]
    [InlineData("""{"candidates": [], "residents": {}, "steps": []}""", "openEntry")]
    [InlineData("""{"residents": {}, "steps": [], "openEntry": []}""", "candidates")]
    [InlineData("""{"preferredCareProviderId": null, "welfarePartyId": null, "candidates": [{"organisationId": "0195f000-0000-7000-8000-000000000001"}], "residents": {"consultedOn": null, "how": null, "priorities": null, "objections": null, "answers": null}, "steps": [], "openEntry": []}""", "candidates[0].committedToGoals")]
    [InlineData("""{"candidates": [], "residents": {"how": "Bewonersavond"}, "steps": [], "openEntry": []}""", "residents.consultedOn")]
    [InlineData("""{"candidates": [], "residents": {}, "steps": [{"step": "lunch"}], "openEntry": []}""", "steps[0].step")]
    public async Task Put_APartLeftOutOrUnreadable_Is400NamingIt(string json, string field)
    {
        var client = await app.SignedInClientAsync(Lead);
        var id = await NewComplexAsync(client);

        var response = await client.PutAsync(Url(id), new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        var errors = await ProblemErrorsAsync(response);
        Assert.True(errors.TryGetProperty(field, out _), errors.GetRawText());
    }

    [Fact]
    public async Task Put_StaleVersion_Returns409WithTheCurrentChoice()
    {
        var client = await app.SignedInClientAsync(Lead);
        var id = await NewComplexAsync(client);
        var amstelzorg = await OrganisationAsync(client, Amstelzorg);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PutAsJsonAsync(Url(id), Body(candidates: [Candidate(amstelzorg)], preferred: amstelzorg))).StatusCode);

        var stale = await client.PutAsJsonAsync(Url(id), Body(candidates: []));

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var current = (await stale.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("current");
        Assert.Equal(amstelzorg, current.GetProperty("preferredCareProvider").GetProperty("id").GetGuid());
        Assert.Equal(1, (await client.GetJsonAsync(Url(id))).GetProperty("candidates").GetArrayLength());
    }

    [Fact]
    public async Task Put_FlatTeamMember_Is403AndAnotherProgramme_Is404()
    {
        var lead = await app.SignedInClientAsync(Lead);
        var id = await NewComplexAsync(lead);
        var team = await app.SignedInClientAsync("team@lltf-amsterdam.demo");
        var rotterdam = await app.SignedInClientAsync("lead@thuisplusflat-rotterdam.demo");

        Assert.Equal(HttpStatusCode.Forbidden, (await team.PutAsJsonAsync(Url(id), Body(candidates: []))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await team.GetAsync(Url(id))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await rotterdam.GetAsync($"/api/v1/thuisplusflat-rotterdam/complexes/{id}/partner-selection")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await rotterdam.PutAsJsonAsync($"/api/v1/thuisplusflat-rotterdam/complexes/{id}/partner-selection", Body(candidates: []))).StatusCode);
    }

    private static string Url(Guid id) => $"/api/v1/{Tenant}/complexes/{id}/partner-selection";

    private static object Score(string aspect, int score) => new { aspect, score = (int?)score, justification = (string?)"Gezien in de wijkanalyse" };

    private static object Candidate(Guid id, bool committed = true, bool handover = true, object[]? scores = null) =>
        new { organisationId = id, committedToGoals = committed, cooperatesInHandover = handover, scores = scores ?? [] };

    private static Dictionary<string, object?> Body(object[] candidates, Guid? preferred = null, Guid? welfare = null, object[]? openEntry = null,
        string consultedOn = "2026-11-01", uint? version = null)
    {
        var body = new Dictionary<string, object?>
        {
            ["preferredCareProviderId"] = preferred,
            ["welfarePartyId"] = welfare,
            ["candidates"] = candidates,
            ["residents"] = new { consultedOn, how = "Bewonersavond", priorities = "Vaste gezichten", objections = (string?)null, answers = (string?)null },
            ["steps"] = new object[] { new { step = "exploreWithResidents", doneOn = "2026-11-02" } },
            ["openEntry"] = openEntry ?? [],
        };
        if (version is not null)
        {
            body["version"] = version;
        }

        return body;
    }

    private static async Task<Guid> OrganisationAsync(HttpClient client, string name) =>
        (await client.GetJsonAsync($"/api/v1/{Tenant}/organisations?q={Uri.EscapeDataString(name)}")).EnumerateArray()
            .Single(o => o.GetProperty("name").GetString() == name).GetProperty("id").GetGuid();

    internal static Task<Guid> NewComplexAsync(HttpClient client) => ApiTestData.NewComplexAsync(client, Tenant, "Partnerflat", 120);

    private static Task<JsonElement> ProblemErrorsAsync(HttpResponseMessage response) => ApiTestData.ProblemErrorsAsync(response);
}
