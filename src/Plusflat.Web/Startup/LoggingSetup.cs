using System.Globalization;
using System.Threading.RateLimiting;
using FluentValidation;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Plusflat.Infrastructure;
using Plusflat.Infrastructure.Database;
using Plusflat.Infrastructure.Demo;
using Plusflat.Infrastructure.Identity;
using Plusflat.Infrastructure.Persistence;
using Plusflat.Web.Components;
using Plusflat.Web.Features.Members;
using Plusflat.Web.Tenancy;
using Serilog;
using Serilog.Formatting.Json;
using MudBlazor.Services;

namespace Plusflat.Web.Startup;

/// <summary>Serilog for the whole app: JSON on the console outside Development, invitation tokens masked.</summary>
public static class LoggingSetup
{
    public static void ConfigurePlusflatLogging(this WebApplicationBuilder builder)
    {
        var configuration = new LoggerConfiguration()
            .ReadFrom.Configuration(builder.Configuration)
            .Enrich.FromLogContext()
            .Enrich.With<RedactInvitationTokens>();
        configuration = builder.Environment.IsDevelopment()
            ? configuration.WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}")
            : configuration.WriteTo.Console(new JsonFormatter(renderMessage: true));
        Log.Logger = configuration.CreateLogger();
        builder.Logging.ClearProviders();
        builder.Services.AddSerilog(Log.Logger, dispose: false);
    }
}
