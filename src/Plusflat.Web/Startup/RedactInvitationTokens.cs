using Serilog.Core;
using Serilog.Events;

namespace Plusflat.Web.Startup;

/// <summary>
/// ASP.NET Core puts the request path into the scope of every log line of a request; for an invitation
/// link that path holds the secret token. This enricher masks it wherever it appears.
/// </summary>
public sealed class RedactInvitationTokens : ILogEventEnricher
{
    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        foreach (var name in new[] { "RequestPath", "Path", "QueryString", "Query", "RequestUri", "Uri" })
        {
            if (logEvent.Properties.TryGetValue(name, out var value) && value is ScalarValue { Value: string path }
                && LogRedaction.Redact(path) is { } redacted && redacted != path)
            {
                logEvent.AddOrUpdateProperty(propertyFactory.CreateProperty(name, redacted));
            }
        }
    }
}
