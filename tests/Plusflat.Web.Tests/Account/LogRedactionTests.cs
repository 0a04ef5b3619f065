using Plusflat.Web.Startup;
using Serilog.Core;
using Serilog.Events;
using Serilog.Parsing;

namespace Plusflat.Web.Tests.Account;

/// <summary>An invitation link's token lets its holder join the tenant: request logs must never contain it.</summary>
public sealed class LogRedactionTests
{
    [Theory]
    [InlineData("/x/uitnodiging/SECRET", "/x/uitnodiging/***")]
    [InlineData("/lltf-amsterdam/uitnodiging/aB3-_xYz", "/lltf-amsterdam/uitnodiging/***")]
    [InlineData("/lltf-amsterdam/UITNODIGING/aB3-_xYz", "/lltf-amsterdam/UITNODIGING/***")]
    [InlineData("?ReturnUrl=%2Flltf-amsterdam%2Fuitnodiging%2FaB3-_xYz&x=1", "?ReturnUrl=%2Flltf-amsterdam%2Fuitnodiging%2F***&x=1")]
    [InlineData("?terug=%2Fx%2FUITNODIGING%2FSECRET", "?terug=%2Fx%2FUITNODIGING%2F***")]
    public void Redact_InvitationPath_MasksTheToken(string path, string expected) =>
        Assert.Equal(expected, LogRedaction.Redact(path));

    [Theory]
    [InlineData("/lltf-amsterdam/complexen")]
    [InlineData("/lltf-amsterdam/beheer/leden")]
    [InlineData("/x/uitnodiging")]
    [InlineData("/")]
    [InlineData("")]
    public void Redact_OtherPath_IsLeftAlone(string path) =>
        Assert.Equal(path, LogRedaction.Redact(path));

    [Fact]
    public void Redact_NoPath_StaysNull() => Assert.Null(LogRedaction.Redact(null));

    [Theory]
    [InlineData("RequestPath")]
    [InlineData("Path")]
    [InlineData("QueryString")]
    public void Enricher_PathPropertyWithToken_IsMasked(string property)
    {
        var logEvent = Event(new LogEventProperty(property, new ScalarValue("/x/uitnodiging/SECRET")));

        new RedactInvitationTokens().Enrich(logEvent, new PropertyFactory());

        Assert.Equal("/x/uitnodiging/***", ((ScalarValue)logEvent.Properties[property]).Value);
    }

    [Fact]
    public void Enricher_OtherPath_IsLeftAlone()
    {
        var logEvent = Event(new LogEventProperty("RequestPath", new ScalarValue("/lltf-amsterdam/complexen")));

        new RedactInvitationTokens().Enrich(logEvent, new PropertyFactory());

        Assert.Equal("/lltf-amsterdam/complexen", ((ScalarValue)logEvent.Properties["RequestPath"]).Value);
    }

    private static LogEvent Event(LogEventProperty property) =>
        new(DateTimeOffset.UtcNow, LogEventLevel.Information, null, new MessageTemplateParser().Parse("Request"), [property]);

    private sealed class PropertyFactory : ILogEventPropertyFactory
    {
        public LogEventProperty CreateProperty(string name, object? value, bool destructureObjects = false) =>
            new(name, new ScalarValue(value));
    }
}
