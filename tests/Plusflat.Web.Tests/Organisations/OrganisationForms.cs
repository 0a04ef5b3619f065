using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Plusflat.Web.Tests.Organisations;

/// <summary>Drives the organisation form over plain HTTP, as a browser without script would.</summary>
internal static partial class OrganisationForms
{
    public const string Amsterdam = "lltf-amsterdam";

    public const string Rotterdam = "thuisplusflat-rotterdam";

    public const string FormName = "organisatie";

    /// <summary>A name no other test uses, so tests never see each other's data.</summary>
    public static string UniqueName(string prefix) => $"{prefix} {Guid.NewGuid():N}"[..(prefix.Length + 13)];

    public static string NewUrl(string tenant = Amsterdam) => $"/{tenant}/organisaties/nieuw";

    public static string EditUrl(Guid id, string tenant = Amsterdam) => $"/{tenant}/organisaties/{id}/bewerken";

    public static string ListUrl(string tenant = Amsterdam) => $"/{tenant}/organisaties";

    public static string ApiUrl(string tenant = Amsterdam) => $"/api/v1/{tenant}/organisations";

    /// <summary>Opens the form page: its antiforgery token and the version in its hidden field.</summary>
    public static async Task<(string Token, string Version, string Html)> OpenAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        return (PlusflatApp.AntiforgeryToken(html), HiddenVersion(html), html);
    }

    /// <summary>Posts the form with the given fields (names without the "Input." prefix).</summary>
    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string url, string token, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var form = new List<KeyValuePair<string, string>>
        {
            new("_handler", FormName),
            new("__RequestVerificationToken", token),
        };
        form.AddRange(fields.Select(f => new KeyValuePair<string, string>("Input." + f.Key, f.Value)));
        return client.PostAsync(url, new FormUrlEncodedContent(form));
    }

    /// <summary>Opens the new-organisation form and posts it.</summary>
    public static async Task<HttpResponseMessage> CreateAsync(HttpClient client, IEnumerable<KeyValuePair<string, string>> fields, string tenant = Amsterdam)
    {
        var (token, _, _) = await OpenAsync(client, NewUrl(tenant));
        return await PostAsync(client, NewUrl(tenant), token, fields);
    }

    public static List<KeyValuePair<string, string>> Fields(
        string name,
        string kind = "HousingCorporation",
        string? contactName = null,
        string? contactEmail = null,
        string? contactPhone = null,
        string? version = null,
        params string[] facts)
    {
        var fields = new List<KeyValuePair<string, string>> { new("Name", name), new("Kind", kind) };
        if (contactName is not null)
        {
            fields.Add(new("ContactName", contactName));
        }

        if (contactEmail is not null)
        {
            fields.Add(new("ContactEmail", contactEmail));
        }

        if (contactPhone is not null)
        {
            fields.Add(new("ContactPhone", contactPhone));
        }

        if (version is not null)
        {
            fields.Add(new("Version", version));
        }

        // A ticked checkbox posts "true"; an unticked one posts nothing.
        fields.AddRange(facts.Select(f => new KeyValuePair<string, string>("CareProviderFacts." + f, "true")));
        return fields;
    }

    public static string[] AllHardCriteria =>
        ["ZvwDistrictNursing", "WlzMpt", "WlzVpt", "DementiaCaseManagers", "ContractedByZorgkantoor"];

    /// <summary>The id of the organisation just saved, from the post-redirect-get location.</summary>
    public static Guid SavedId(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var match = SavedPattern().Match(response.Headers.Location!.OriginalString);
        Assert.True(match.Success, $"Unexpected redirect {response.Headers.Location}");
        return Guid.Parse(match.Groups[1].Value);
    }

    public static string HiddenVersion(string html) =>
        VersionPattern().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("No hidden Version field.");

    /// <summary>The page's text as a reader sees it (entities decoded).</summary>
    public static string Text(string html) => WebUtility.HtmlDecode(html);

    /// <summary>The table row of the organisation with this name in the list page.</summary>
    public static string RowOf(string html, string name) =>
        Text(html).Split("data-testid=\"organisation-row\"").Skip(1).Single(row => row.Contains(name, StringComparison.Ordinal));

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

    [GeneratedRegex("opgeslagen=([0-9a-fA-F-]{36})")]
    private static partial Regex SavedPattern();

    [GeneratedRegex("name=\"Input.Version\" value=\"(\\d+)\"")]
    private static partial Regex VersionPattern();
}
