using Microsoft.Playwright;

namespace Plusflat.Web.Tests.Infrastructure;

/// <summary>
/// A real Chromium (Debian's /usr/bin/chromium, or PLUSFLAT_CHROMIUM) driven by Playwright against the
/// portal on a real Kestrel port. One browser per test class; each test gets a fresh context (cookies).
/// </summary>
public abstract class BrowserTest(PlusflatBrowserApp app) : IClassFixture<PlusflatBrowserApp>, IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private IBrowserContext? _context;

    protected PlusflatBrowserApp App { get; } = app;

    protected IPage Page { get; private set; } = default!;

    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable("PLUSFLAT_CHROMIUM") is { Length: > 0 } configured ? configured : "/usr/bin/chromium";

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
        });
        _context = await _browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = App.ServerAddress.ToString(), Locale = "nl-NL" });
        _context.SetDefaultTimeout(15_000);
        Page = await _context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (_context is not null)
        {
            await _context.DisposeAsync();
        }

        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }

    protected async Task SignInAsync(string email, string password = PlusflatApp.DemoPassword)
    {
        await Page.GotoAsync("/account/inloggen");
        await Page.GetByLabel("E-mailadres").FillAsync(email);
        await Page.GetByLabel("Wachtwoord").FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
        await Page.WaitForURLAsync(url => !url.Contains("/account/inloggen", StringComparison.Ordinal));
    }

    /// <summary>Saves a screenshot under TestResults/screenshots for a person to look at.</summary>
    protected async Task ScreenshotAsync(string name)
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(directory);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(directory, name + ".png"), FullPage = true });
    }
}
