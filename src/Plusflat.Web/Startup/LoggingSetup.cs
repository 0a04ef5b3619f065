using Serilog;
using Serilog.Formatting.Json;

namespace Plusflat.Web.Startup;

/// <summary>Serilog for the whole app: JSON on the console outside Development, invitation tokens masked.</summary>
public static class LoggingSetup
{
    public static void ConfigurePlusflatLogging(this WebApplicationBuilder builder)
    {
        var configuration = new LoggerConfiguration()
            .ReadFrom.Configuration(builder.Configuration)
            .Enrich.FromLogContext()
            .Enrich.With<RedactInvitationTokens>()
            .Filter.ByExcluding(e => PortInUse.Is(e.Exception)); // Program prints one line for it instead
        configuration = builder.Environment.IsDevelopment()
            ? configuration.WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}")
            : configuration.WriteTo.Console(new JsonFormatter(renderMessage: true));
        Log.Logger = configuration.CreateLogger();
        builder.Logging.ClearProviders();
        builder.Services.AddSerilog(Log.Logger, dispose: false);
    }
}
