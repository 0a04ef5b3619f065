using System.Net.Http.Json;
using System.Text.Json;

namespace Plusflat.Web.Tests.Organisations;

/// <summary>Shared helpers of the organisation tests (also used by the complex partner tests): names, URLs and the JSON API.</summary>
internal static class OrganisationForms
{
    public const string Amsterdam = "lltf-amsterdam";

    public const string Rotterdam = "thuisplusflat-rotterdam";

    /// <summary>A name no other test uses, so tests never see each other's data.</summary>
    public static string UniqueName(string prefix) => $"{prefix} {Guid.NewGuid():N}"[..(prefix.Length + 13)];

    public static string NewUrl(string tenant = Amsterdam) => $"/{tenant}/organisaties/nieuw";

    public static string EditUrl(Guid id, string tenant = Amsterdam) => $"/{tenant}/organisaties/{id}/bewerken";

    public static string ListUrl(string tenant = Amsterdam) => $"/{tenant}/organisaties";

    public static string ApiUrl(string tenant = Amsterdam) => $"/api/v1/{tenant}/organisations";

    public static string[] AllHardCriteria =>
        ["ZvwDistrictNursing", "WlzMpt", "WlzVpt", "DementiaCaseManagers", "ContractedByZorgkantoor"];

    /// <summary>The page's text as a reader sees it (entities decoded).</summary>
    public static string Text(string html) => WebUtility.HtmlDecode(html);

    /// <summary>Creates an organisation through the JSON API and returns its id and version.</summary>
    public static async Task<(Guid Id, uint Version)> CreateViaApiAsync(HttpClient client, object body, string tenant = Amsterdam)
    {
        var response = await client.PostAsJsonAsync(ApiUrl(tenant), body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (json.GetProperty("id").GetGuid(), json.GetProperty("version").GetUInt32());
    }

    public static async Task<JsonElement> GetViaApiAsync(HttpClient client, Guid id, string tenant = Amsterdam)
    {
        var response = await client.GetAsync($"{ApiUrl(tenant)}/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<int> CountViaApiAsync(HttpClient client, string tenant = Amsterdam)
    {
        var list = await client.GetFromJsonAsync<JsonElement>(ApiUrl(tenant));
        return list.GetArrayLength();
    }
}
