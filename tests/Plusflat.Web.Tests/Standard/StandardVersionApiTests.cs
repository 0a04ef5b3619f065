using System.Net.Http.Json;
using System.Text.Json;

namespace Plusflat.Web.Tests.Standard;

/// <summary>A programme adds a version of the product standard over the API; assessments keep the version they used.</summary>
public sealed class StandardVersionApiTests(PlusflatApp app) : IClassFixture<PlusflatApp>
{
    private const string Tenant = "lltf-amsterdam";
    private const string Url = $"/api/v1/{Tenant}/standard-catalogue";

    private static async Task<List<object>> ItemsOfAsync(HttpClient client) =>
        [.. (await client.GetJsonAsync(Url)).GetProperty("items").EnumerateArray().Select(i => (object)new
        {
            key = i.GetProperty("key").GetString(), domain = i.GetProperty("domain").GetString(),
            kind = i.GetProperty("kind").GetString(), text = i.GetProperty("text").GetString(),
        })];

    [Fact]
    public async Task Post_ANewVersion_BecomesTheCatalogue_EarlierAssessmentsKeepTheirs_AndAStaleOneIs409()
    {
        var client = await app.SignedInClientAsync("lead@lltf-amsterdam.demo");
        var items = await ItemsOfAsync(client);
        items.Add(new { key = "wonen-lift", domain = "housing", kind = "must", text = "  Er is een lift naar elke verdieping.  " });
        var klimop = (await client.GetJsonAsync($"/api/v1/{Tenant}/complexes?q=De%20Klimop")).GetProperty("items")[0].GetProperty("id").GetGuid();

        var created = await client.PostAsJsonAsync(Url, new { name = "Amsterdamse standaard 2027", basedOnVersion = 1, items });
        var stale = await client.PostAsJsonAsync(Url, new { name = "Nog een", basedOnVersion = 1, items });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var catalogue = await client.GetJsonAsync(Url);
        Assert.Equal(2, catalogue.GetProperty("version").GetInt32());
        Assert.Equal("Amsterdamse standaard 2027", catalogue.GetProperty("name").GetString());
        Assert.Contains(catalogue.GetProperty("items").EnumerateArray(),
            i => i.GetProperty("key").GetString() == "wonen-lift" && i.GetProperty("text").GetString() == "Er is een lift naar elke verdieping.");
        var standard = await client.GetJsonAsync($"/api/v1/{Tenant}/complexes/{klimop}/standard");
        Assert.Equal(1, standard.GetProperty("catalogueVersion").GetInt32());
        Assert.True(standard.GetProperty("eligible").GetBoolean());
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(2, (await stale.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("current").GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Post_BadItems_Are400NamingEach_AndAFlatTeamMemberIs403()
    {
        var client = await app.SignedInClientAsync("lead@lltf-amsterdam.demo");
        var team = await app.SignedInClientAsync("team@lltf-amsterdam.demo");
        var version = (await client.GetJsonAsync(Url)).GetProperty("version").GetInt32();

        var unreadable = await client.PostAsJsonAsync(Url, new
        {
            name = "Fout", basedOnVersion = version,
            items = new object[] { new { key = "a", domain = "kitchen", kind = "must", text = "x" }, new { key = "b", domain = "housing", kind = "maybe", text = "y" } },
        });
        var noMust = await client.PostAsJsonAsync(Url, new
        {
            name = "Zonder must", basedOnVersion = version,
            items = new object[] { new { key = "wonen-iets", domain = "housing", kind = "should", text = "Iets" }, new { key = "wonen-iets", domain = "housing", kind = "not", text = "Iets anders" } },
        });
        var forbidden = await team.PostAsJsonAsync(Url, new { name = "Team", basedOnVersion = version, items = await ItemsOfAsync(client) });

        var errors = await ApiTestData.ProblemErrorsAsync(unreadable);
        Assert.StartsWith("Kies het domein uit: housing, targetGroup", errors.GetProperty("items[0].domain")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal("Kies de soort uit: must, should, not.", errors.GetProperty("items[1].kind")[0].GetString());
        var domain = (await ApiTestData.ProblemErrorsAsync(noMust)).GetProperty("items").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains("De sleutel 'wonen-iets' komt meer dan eens voor.", domain);
        Assert.Contains("Een productstandaard heeft minstens één must.", domain);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(version, (await client.GetJsonAsync(Url)).GetProperty("version").GetInt32());
    }
}
