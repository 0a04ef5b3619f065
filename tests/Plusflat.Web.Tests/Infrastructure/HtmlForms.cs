using System.Net.Http.Json;
using System.Text.Json;

namespace Plusflat.Web.Tests.Infrastructure;

/// <summary>Posts a server-rendered form as a browser would: with its antiforgery token and form name.</summary>
public static class HtmlForms
{
    public static async Task<HttpResponseMessage> PostFormAsync(
        this HttpClient client, string pageUrl, string formName, IDictionary<string, string> fields, string? postUrl = null)
    {
        var page = await client.GetStringAsync(pageUrl);
        var values = new Dictionary<string, string>(fields)
        {
            ["_handler"] = formName,
            ["__RequestVerificationToken"] = PlusflatApp.AntiforgeryToken(page),
        };
        return await client.PostAsync(postUrl ?? pageUrl, new FormUrlEncodedContent(values));
    }

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>HTML-decodes a rendered page so assertions can use plain text (é, ', &amp;).</summary>
    public static async Task<string> TextAsync(this HttpResponseMessage response) =>
        System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
}
