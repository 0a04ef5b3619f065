namespace Plusflat.Web.Startup;

/// <summary>
/// Masks secrets in what is logged about a request. An invitation link's token lets its holder join the
/// tenant: never log it — neither in a path nor URL-encoded in a query string (?ReturnUrl=%2Fslug%2Fuitnodiging%2F...).
/// Used by <see cref="RedactInvitationTokens"/> on every log event (Serilog's request log included).
/// </summary>
public static partial class LogRedaction
{
    public static string? Redact(string? text) =>
        text is null ? null : InvitationToken().Replace(text, "$1***");

    [System.Text.RegularExpressions.GeneratedRegex("(uitnodiging(?:/|%2F))[^/?&#\\s]+", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex InvitationToken();
}

/// <summary>
/// Conservative security headers: no framing, no sniffing, no third-party scripts. Styles allow inline
/// style attributes (MudBlazor positions popovers and sizes columns with them); scripts stay 'self' only,
/// and the circuit's WebSocket is same-origin.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers["X-Content-Type-Options"] = "nosniff";
        headers["X-Frame-Options"] = "DENY";
        headers["Referrer-Policy"] = "same-origin";
        headers["Content-Security-Policy"] =
            "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'";
        return next(context);
    }
}
