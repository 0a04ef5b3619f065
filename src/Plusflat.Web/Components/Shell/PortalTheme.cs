using MudBlazor;

namespace Plusflat.Web.Components.Shell;

/// <summary>
/// The portal's own MudBlazor theme: the dark blue of the programme as primary. Every colour that carries
/// text (on white, or white on it) has a contrast of at least 4.5:1 (WCAG 2.1 AA); MudBlazor's defaults for
/// secondary, success, warning and error do not, so they are replaced.
/// </summary>
public static class PortalTheme
{
    public const string Primary = "#1d4f7c";      // white on it: 8.6:1
    public const string PrimaryDark = "#143a5c";

    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = Primary,
            PrimaryDarken = PrimaryDark,
            Secondary = "#5a3e85",                // 8.9:1
            Tertiary = "#00606b",                 // 6.8:1
            Info = "#1d5fa8",                     // 6.3:1
            Success = "#1e6b3a",                  // 6.6:1
            Warning = "#8a4b00",                  // 6.4:1
            Error = "#b3261e",                    // 6.5:1
            AppbarBackground = Primary,
            AppbarText = "#ffffff",
            DrawerBackground = "#f4f7fa",
            DrawerText = "#1f2933",
            DrawerIcon = "#1f2933",
            Background = "#ffffff",
            TextPrimary = "#1f2933",              // 14.7:1
            TextSecondary = "#4a5563",            // 7.5:1
            TextDisabled = "#5f6b7a",             // 5.4:1 (the current breadcrumb is a disabled link)
            ActionDefault = "#4a5563",
            ActionDisabled = "#5f6b7a",           // 5.4:1: the current breadcrumb is a disabled link
            LinesInputs = "#6b7280",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["system-ui", "Segoe UI", "Roboto", "Arial", "sans-serif"] },
        },
        LayoutProperties = new LayoutProperties { DrawerWidthLeft = "260px" },
    };
}
