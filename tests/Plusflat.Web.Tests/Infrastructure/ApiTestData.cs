using System.Net.Http.Json;
using System.Text.Json;

namespace Plusflat.Web.Tests.Infrastructure;

/// <summary>What the API tests of the per-complex slices share: a fresh complex through the API, and the field errors of a 400.</summary>
public static class ApiTestData
{
    /// <summary>A new complex in <paramref name="tenant"/> with a unique name and address (so it never looks like a duplicate).</summary>
    public static async Task<Guid> NewComplexAsync(HttpClient client, string tenant, string namePrefix, int dwellings = 120)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/{tenant}/complexes", new Dictionary<string, object>
        {
            ["name"] = $"{namePrefix} {Guid.NewGuid().ToString("N")[..8]}", ["address"] = Complexes.TestComplexes.UniqueAddress(namePrefix + "straat"),
            ["postcode"] = "1011 AB", ["municipality"] = "Amsterdam", ["dwellingCount"] = dwellings, ["hasCommonRoom"] = true,
            ["commonRoomOpenToNeighbourhood"] = false, ["nearFacilities"] = false, ["hasWorkspaceForTeam"] = false,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>Care-provider facts that meet every hard criterion of the organisation (for <c>careProviderFacts</c> of a new organisation).</summary>
    public static readonly object EveryHardCriterion = new
    {
        zvwDistrictNursing = true, wlzMpt = true, wlzVpt = true, dementiaCaseManagers = true, contractedByZorgkantoor = true,
        intramuralLocationNearby = false, knownInNeighbourhood = false, gpFirstLineAgreements = false,
    };

    /// <summary>
    /// Records <paramref name="provider"/> as a candidate of the complex's partner choice that agrees to this complex's two
    /// hard criteria (committed to the goals, cooperates in handover), so it may then be chosen as preferred provider;
    /// with <paramref name="choose"/> the partner choice also chooses it.
    /// </summary>
    public static async Task RecordCandidateAsync(HttpClient client, string tenant, Guid complexId, Guid provider, bool choose = false)
    {
        // The partner choice also sets the complex's partners: keep the ones it has.
        var complex = await client.GetFromJsonAsync<JsonElement>($"/api/v1/{tenant}/complexes/{complexId}");
        Guid? Current(string field) => complex.GetProperty(field).ValueKind == JsonValueKind.String ? complex.GetProperty(field).GetGuid() : null;
        var response = await client.PutAsJsonAsync($"/api/v1/{tenant}/complexes/{complexId}/partner-selection", new Dictionary<string, object?>
        {
            ["preferredCareProviderId"] = choose ? provider : Current("preferredCareProviderId"), ["welfarePartyId"] = Current("welfarePartyId"),
            ["candidates"] = new object[] { new { organisationId = provider, committedToGoals = true, cooperatesInHandover = true, scores = Array.Empty<object>() } },
            ["residents"] = new { consultedOn = (string?)null, how = (string?)null, priorities = (string?)null, objections = (string?)null, answers = (string?)null },
            ["steps"] = Array.Empty<object>(), ["openEntry"] = Array.Empty<object>(),
        });
        Assert.True(response.StatusCode == HttpStatusCode.NoContent, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The <c>errors</c> of a 400 problem-details answer (the test fails with the body when it is anything else).</summary>
    public static async Task<JsonElement> ProblemErrorsAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"Expected 400, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(body);
        return document.RootElement.GetProperty("errors").Clone();
    }
}
