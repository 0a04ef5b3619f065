using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Plusflat.Web.Features.Complexes;

namespace Plusflat.Web.Tests.Partners;

/// <summary>The partner choice sets one preferred care provider and one welfare party at a time, and each change lands on the complex's history.</summary>
public sealed class PartnerHistoryTests(PlusflatApp app) : ComponentTest(app)
{
    private const string Tenant = "lltf-amsterdam";
    private const string Lead = "lead@lltf-amsterdam.demo";

    [Fact]
    public async Task PartnerChoice_ChangingThePreferredProviderTwice_KeepsOneOnTheComplexAndBothChangesInItsHistory()
    {
        var client = await App.SignedInClientAsync(Lead);
        var id = await ApiTestData.NewComplexAsync(client, Tenant, "Partnerhistorieflat");
        var first = await ProviderAsync(client, "Zorggroep Eerste");
        var second = await ProviderAsync(client, "Zorggroep Tweede");
        await ApiTestData.RecordCandidateAsync(client, Tenant, id, first, choose: true);
        await ChooseAsync(client, id, second);

        await SignInAsync(Lead, Tenant);
        var details = (await Services.GetRequiredService<ComplexDetailsHandler>().GetAsync(id, CancellationToken.None))!;

        var complex = await client.GetJsonAsync($"/api/v1/{Tenant}/complexes/{id}");
        Assert.Equal(second, complex.GetProperty("preferredCareProviderId").GetGuid());
        var changes = details.Timeline.Where(t => t.Field == "PreferredCareProviderId").ToList();
        Assert.Equal(2, changes.Count);
        Assert.Contains(changes, c => c.NewValue is { } v && v.Contains("Zorggroep Tweede", StringComparison.Ordinal));
        Assert.Contains(changes, c => c.NewValue is { } v && v.Contains("Zorggroep Eerste", StringComparison.Ordinal));
    }

    /// <summary>A second choice, on the version the first one left (the partner selection is edited by two people).</summary>
    private static async Task ChooseAsync(HttpClient client, Guid complexId, Guid provider)
    {
        var url = $"/api/v1/{Tenant}/complexes/{complexId}/partner-selection";
        var version = (await client.GetJsonAsync(url)).GetProperty("version").GetInt64();
        var response = await client.PutAsJsonAsync(url, new Dictionary<string, object?>
        {
            ["preferredCareProviderId"] = provider, ["welfarePartyId"] = null,
            ["candidates"] = new object[] { new { organisationId = provider, committedToGoals = true, cooperatesInHandover = true, scores = Array.Empty<object>() } },
            ["residents"] = new { consultedOn = (string?)null, how = (string?)null, priorities = (string?)null, objections = (string?)null, answers = (string?)null },
            ["steps"] = Array.Empty<object>(), ["openEntry"] = Array.Empty<object>(), ["version"] = version,
        });
        Assert.True(response.StatusCode == HttpStatusCode.NoContent, await response.Content.ReadAsStringAsync());
    }

    private static async Task<Guid> ProviderAsync(HttpClient client, string prefix)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/{Tenant}/organisations",
            new { name = $"{prefix} {Guid.NewGuid().ToString("N")[..6]}", kind = "CareProvider", careProviderFacts = ApiTestData.EveryHardCriterion });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();
    }
}
