using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Plusflat.Web.Startup;

/// <summary>
/// Kestrel could not bind because another process listens on the address. Start-up then prints one line that
/// says what to do (instead of the host's stack trace) and stops the embedded PostgreSQL it had just started.
/// </summary>
public static partial class PortInUse
{
    public static bool Is(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e.GetType().Name == "AddressInUseException"
                || e is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The one line for the console, e.g. "Port 5080 is in use; start with `--urls http://localhost:5081` …".</summary>
    public static string Message(Exception exception, IEnumerable<string> configuredUrls)
    {
        var address = FailedAddress().Match(exception.ToString()) is { Success: true } match ? match.Groups[1].Value : configuredUrls.FirstOrDefault();
        var port = Uri.TryCreate(address?.Replace("+", "localhost", StringComparison.Ordinal).Replace("*", "localhost", StringComparison.Ordinal), UriKind.Absolute, out var uri)
            ? uri.Port
            : (int?)null;
        var other = port is { } p and < 65535 ? p + 1 : 5081;
        return $"Port {port?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? address ?? "?"} is in use; start with `--urls http://localhost:{other}` " +
               "(or set ASPNETCORE_URLS and add --no-launch-profile), or stop the other process on that port.";
    }

    [GeneratedRegex(@"Failed to bind to address (\S+?):? address already in use", RegexOptions.IgnoreCase)]
    private static partial Regex FailedAddress();
}
