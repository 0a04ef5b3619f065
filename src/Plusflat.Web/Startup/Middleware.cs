using System.Diagnostics;

namespace Plusflat.Web.Startup;

/// <summary>One structured log line per request (Serilog.AspNetCore is not available here).</summary>
public sealed partial class RequestLoggingMiddleware(RequestDelegate next, ILogger<RequestLoggingMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        int? failed = null;
        try
        {
            await next(context);
        }
        catch (Exception) when (LogAsFailed(out failed))
        {
            throw; // never reached: the filter only records the failure for the log line below
        }
        finally
        {
            if (!context.Request.Path.StartsWithSegments("/lib") && !context.Request.Path.StartsWithSegments("/css"))
            {
                logger.LogInformation(
                    "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms",
                    context.Request.Method, Redact(context.Request.Path.Value), failed ?? context.Response.StatusCode,
                    Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }
    }

    /// <summary>An exception that escapes the pipeline is answered with 500 by the server; log it as such.</summary>
    private static bool LogAsFailed(out int? status)
    {
        status = StatusCodes.Status500InternalServerError;
        return false;
    }

    /// <summary>
    /// An invitation link's token is a secret (it lets its holder join the tenant): never log it — neither in
    /// a path nor URL-encoded in a query string (?ReturnUrl=%2Fslug%2Fuitnodiging%2F...).
    /// </summary>
    public static string? Redact(string? text) =>
        text is null ? null : InvitationToken().Replace(text, "$1***");

    [System.Text.RegularExpressions.GeneratedRegex("(uitnodiging(?:/|%2F))[^/?&#\\s]+", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex InvitationToken();
}

/// <summary>Conservative security headers: no framing, no sniffing, no third-party scripts.</summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers["X-Content-Type-Options"] = "nosniff";
        headers["X-Frame-Options"] = "DENY";
        headers["Referrer-Policy"] = "same-origin";
        headers["Content-Security-Policy"] =
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; form-action 'self'; frame-ancestors 'none'";
        return next(context);
    }
}
