using System.Globalization;
using Microsoft.AspNetCore.Localization;
using MudBlazor.Services;

namespace Plusflat.Web.Startup;

/// <summary>The Blazor Server front end: interactive components with production-safe circuit options, MudBlazor, localization.</summary>
public static class UiSetup
{
    public static readonly CultureInfo[] Cultures = [new("nl-NL"), new("en-GB")];

    public static IServiceCollection AddPlusflatUi(this IServiceCollection services, IWebHostEnvironment environment)
    {
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(Cultures[0]);
            options.SupportedCultures = Cultures;
            options.SupportedUICultures = Cultures;
            options.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });

        services.AddRazorComponents()
            .AddInteractiveServerComponents(options =>
            {
                // Production-safe circuits: details of a failure only in Development; a bounded number of
                // disconnected circuits, kept long enough to come back after a dropped connection.
                options.DetailedErrors = environment.IsDevelopment();
                options.DisconnectedCircuitMaxRetained = 100;
                options.DisconnectedCircuitRetentionPeriod = TimeSpan.FromMinutes(3);
                options.JSInteropDefaultCallTimeout = TimeSpan.FromMinutes(1);
                options.MaxBufferedUnacknowledgedRenderBatches = 10;
            })
            .AddHubOptions(options => options.MaximumReceiveMessageSize = 64 * 1024);
        services.AddMudServices(options =>
        {
            options.SnackbarConfiguration.PositionClass = MudBlazor.Defaults.Classes.Position.BottomRight;
            options.SnackbarConfiguration.VisibleStateDuration = 6000;
        });
        // MudBlazor's own texts (pager, menus, close buttons, conversion errors) in Dutch; English stays built in.
        services.AddTransient<MudBlazor.MudLocalizer, Localization.DutchMudLocalizer>();
        return services;
    }
}
