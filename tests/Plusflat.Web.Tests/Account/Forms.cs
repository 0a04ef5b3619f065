using System.Text.RegularExpressions;

namespace Plusflat.Web.Tests.Account;

/// <summary>
/// Posting static-SSR Blazor forms the way a browser does: GET the page, take its antiforgery
/// token, POST the fields with <c>_handler</c> = the form's name. And reading back what the page shows.
/// </summary>
internal static partial class Forms
{
    /// <summary>GETs <paramref name="pageUrl"/> (must answer 200), then posts the form to it.</summary>
    public static async Task<HttpResponseMessage> PostAsync(
        HttpClient client, string pageUrl, string formName, IReadOnlyDictionary<string, string> fields)
    {
        var page = await client.GetAsync(pageUrl);
        var html = await page.Content.ReadAsStringAsync();
        Assert.True(page.StatusCode == HttpStatusCode.OK, $"GET {pageUrl} answered {(int)page.StatusCode}, expected 200.");
        return await PostWithTokenAsync(client, pageUrl, formName, PlusflatApp.AntiforgeryToken(html), fields);
    }

    public static async Task<HttpResponseMessage> PostWithTokenAsync(
        HttpClient client, string url, string formName, string token, IReadOnlyDictionary<string, string> fields)
    {
        Assert.False(string.IsNullOrEmpty(token), "The page carries no antiforgery token.");
        var body = new Dictionary<string, string>(fields)
        {
            ["_handler"] = formName,
            ["__RequestVerificationToken"] = token,
        };
        return await client.PostAsync(url, new FormUrlEncodedContent(body));
    }

    /// <summary>The antiforgery token of any form on the page (e.g. the layout's sign-out form).</summary>
    public static async Task<string> TokenFromAsync(HttpClient client, string pageUrl)
    {
        var html = await client.GetStringAsync(pageUrl);
        var token = PlusflatApp.AntiforgeryToken(html);
        Assert.False(string.IsNullOrEmpty(token), $"{pageUrl} carries no antiforgery token.");
        return token;
    }

    /// <summary>Whether the page renders the form with this name (its hidden <c>_handler</c> field).</summary>
    public static bool HasForm(string html, string formName) =>
        Regex.IsMatch(html, $"<input[^>]*name=\"_handler\"[^>]*value=\"{Regex.Escape(formName)}\"", RegexOptions.IgnoreCase)
        || Regex.IsMatch(html, $"<input[^>]*value=\"{Regex.Escape(formName)}\"[^>]*name=\"_handler\"", RegexOptions.IgnoreCase);

    /// <summary>The value attribute of the input named <paramref name="name"/>; null when there is no such input.</summary>
    public static string? InputValue(string html, string name)
    {
        var input = Regex.Match(html, $"<input[^>]*\\bname=\"{Regex.Escape(name)}\"[^>]*>", RegexOptions.IgnoreCase);
        if (!input.Success)
        {
            return null;
        }

        var value = ValueAttribute().Match(input.Value);
        return value.Success ? WebUtility.HtmlDecode(value.Groups[1].Value) : "";
    }

    /// <summary>The option selected in the select named <paramref name="name"/>; null when none is.</summary>
    public static string? SelectedOption(string html, string name)
    {
        var select = Regex.Match(html, $"<select[^>]*\\bname=\"{Regex.Escape(name)}\"[^>]*>(.*?)</select>",
            RegexOptions.IgnoreCase | RegexOptions.Singleline);
        Assert.True(select.Success, $"No select named {name} on the page.");
        var option = SelectedOptionPattern().Match(select.Groups[1].Value);
        return option.Success ? WebUtility.HtmlDecode(option.Groups[1].Value) : null;
    }

    /// <summary>The text of a field's error message element (<c>id="{fieldId}-fout"</c>), HTML-decoded.</summary>
    public static string FieldError(string html, string fieldId)
    {
        var match = Regex.Match(html, $"<div[^>]*id=\"{Regex.Escape(fieldId)}-fout\"[^>]*>(.*?)</div>",
            RegexOptions.IgnoreCase | RegexOptions.Singleline);
        Assert.True(match.Success, $"No error element for field {fieldId} on the page.");
        return WebUtility.HtmlDecode(TagPattern().Replace(match.Groups[1].Value, " ")).Trim();
    }

    /// <summary>All Set-Cookie headers of a response.</summary>
    public static IReadOnlyList<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values.ToList() : [];

    [GeneratedRegex("\\bvalue=\"([^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex ValueAttribute();

    [GeneratedRegex("<option[^>]*value=\"([^\"]*)\"[^>]*\\bselected\\b", RegexOptions.IgnoreCase)]
    private static partial Regex SelectedOptionPattern();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex TagPattern();
}
