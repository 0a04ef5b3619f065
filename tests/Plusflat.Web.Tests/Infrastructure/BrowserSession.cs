using Microsoft.Playwright;

namespace Plusflat.Web.Tests.Infrastructure;

/// <summary>
/// A real Chromium (Debian's /usr/bin/chromium, or PLUSFLAT_CHROMIUM) driven by Playwright against the
/// portal on a real Kestrel port. One browser per test; each test gets a fresh context (cookies).
/// Every page of the context reports its console errors and uncaught exceptions to <see cref="ConsoleErrors"/>.
/// </summary>
public abstract class BrowserTest(PlusflatBrowserApp app) : BrowserTest<PlusflatBrowserApp>(app);

/// <summary>
/// <see cref="BrowserTest"/> on a portal with settings of its own (a subclass of <see cref="PlusflatBrowserApp"/>
/// that calls <see cref="PlusflatApp.Set"/> in its constructor, e.g. a short revalidation interval).
/// </summary>
public abstract class BrowserTest<TApp>(TApp app) : IClassFixture<TApp>, IAsyncLifetime
    where TApp : PlusflatBrowserApp
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private readonly Dictionary<IPage, CircuitTraffic> _traffic = [];
    private readonly List<string> _consoleErrors = [];

    protected TApp App { get; } = app;

    protected IPage Page { get; private set; } = default!;

    /// <summary>The browser context of <see cref="Page"/> (cookies, offline switch, further pages).</summary>
    protected IBrowserContext Context { get; private set; } = default!;

    /// <summary>Console errors and page errors seen so far on any page of this test, with the page's URL.</summary>
    protected IReadOnlyList<string> ConsoleErrors
    {
        get
        {
            lock (_consoleErrors)
            {
                return [.. _consoleErrors];
            }
        }
    }

    /// <summary>Console messages that are not defects of a page and are left out of <see cref="ConsoleErrors"/>.</summary>
    protected List<Func<string, bool>> IgnoredConsoleErrors { get; } = [];

    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable("PLUSFLAT_CHROMIUM") is { Length: > 0 } configured ? configured : "/usr/bin/chromium";

    public async Task InitializeAsync()
    {
        // Expect(...) waits 5 s by default: too short for a render on a loaded 2-core CI runner. A real defect still fails.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
        });
        Context = await NewContextAsync();
        Page = await NewPageAsync(Context);
    }

    public async Task DisposeAsync()
    {
        if (Context is not null)
        {
            await Context.DisposeAsync();
        }

        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }

    /// <summary>A further context (another user, or the same cookies in a fresh browser) on the same browser.</summary>
    protected async Task<IBrowserContext> NewContextAsync()
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = App.ServerAddress.ToString(), Locale = "nl-NL" });
        context.SetDefaultTimeout(20_000);
        return context;
    }

    /// <summary>A page whose console errors and circuit traffic this test follows.</summary>
    protected async Task<IPage> NewPageAsync(IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        var traffic = new CircuitTraffic();
        _traffic[page] = traffic;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                RecordError(page, "console error: " + message.Text + Location(message));
            }
        };
        page.PageError += (_, error) => RecordError(page, "page error: " + error);
        page.Request += (_, request) =>
        {
            if (request.IsNavigationRequest && request.Frame == page.MainFrame)
            {
                traffic.DocumentRequested();
            }
        };
        page.WebSocket += (_, socket) =>
        {
            if (!socket.Url.Contains("/_blazor", StringComparison.Ordinal))
            {
                return;
            }

            traffic.Opened(socket);
            socket.FrameReceived += (_, _) => traffic.Received(socket);
            socket.FrameSent += (_, _) => traffic.Sent(socket);
        };
        return page;
    }

    private static string Location(IConsoleMessage message) =>
        string.IsNullOrEmpty(message.Location) ? "" : $" ({message.Location})";

    private void RecordError(IPage page, string text)
    {
        if (IgnoredConsoleErrors.Any(ignore => ignore(text)))
        {
            return;
        }

        lock (_consoleErrors)
        {
            _consoleErrors.Add($"{PathOf(page.Url)}: {text}");
        }
    }

    /// <summary>Forgets the errors seen so far (e.g. after a step that provokes one on purpose).</summary>
    protected void ClearConsoleErrors()
    {
        lock (_consoleErrors)
        {
            _consoleErrors.Clear();
        }
    }

    protected static string PathOf(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.PathAndQuery : url;

    /// <summary>
    /// Loads a URL and, when the page is interactive (its HTML carries a Blazor Server marker), waits until
    /// the circuit is up and has rendered: blazor.web.js loaded, the /_blazor WebSocket open and quiet.
    /// </summary>
    protected async Task<IResponse?> GotoAsync(string url, IPage? page = null)
    {
        page ??= Page;
        var response = await page.GotoAsync(url);
        var html = response is null ? "" : await response.TextAsync();
        if (html.Contains("<!--Blazor:{\"type\":\"server\"", StringComparison.Ordinal))
        {
            await WaitForCircuitAsync(page);
        }
        else
        {
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        }

        return response;
    }

    /// <summary>
    /// Waits until the page's circuit has started and no message went either way for a moment: after a
    /// load, a click or a navigation inside the circuit, the render is then on the screen.
    /// </summary>
    protected async Task WaitForCircuitAsync(IPage? page = null)
    {
        page ??= Page;
        // The layout marks <body data-interactive="true"> in its first interactive render: before that, a click
        // on a prerendered button is lost (a slow, loaded machine can be quiet on the socket before it).
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined && document.body.dataset.interactive === 'true'");
        var traffic = _traffic[page];
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!traffic.IsQuiet(TimeSpan.FromMilliseconds(300)))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The circuit of {page.Url} did not start or did not settle within 30 s.");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>How many /_blazor WebSockets the page opened so far: unchanged across a step means the step stayed in its circuit.</summary>
    protected int SocketsOpened(IPage page) => _traffic[page].Sockets;

    protected async Task SignInAsync(string email, string password = PlusflatApp.DemoPassword)
    {
        await Page.GotoAsync("/account/inloggen");
        await Page.GetByLabel("E-mailadres").FillAsync(email);
        await Page.GetByLabel("Wachtwoord").FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
        await Page.WaitForURLAsync(url => !url.Contains("/account/inloggen", StringComparison.Ordinal));
    }

    /// <summary>Signs out the way a user does: the user menu in the app bar, then "Uitloggen".</summary>
    protected async Task SignOutAsync(IPage? page = null)
    {
        page ??= Page;
        await page.GetByTestId("user-menu").Locator("button").First.ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Uitloggen" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/account/inloggen", StringComparison.Ordinal));
    }

    /// <summary>Saves a screenshot under TestResults/screenshots for a person to look at.</summary>
    protected async Task ScreenshotAsync(string name)
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(directory);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(directory, name + ".png"), FullPage = true });
    }

    /// <summary>The /_blazor WebSocket of one page: when it opened and when the last message went either way.</summary>
    private sealed class CircuitTraffic
    {
        private readonly object _gate = new();
        private IWebSocket? _socket;
        private int _received;
        private DateTime _last;

        public int Sockets { get; private set; }

        /// <summary>A new document is on its way: the current socket belongs to the page it replaces.</summary>
        public void DocumentRequested()
        {
            lock (_gate)
            {
                _socket = null;
            }
        }

        public void Opened(IWebSocket socket)
        {
            lock (_gate)
            {
                Sockets++;
                _socket = socket;
                _received = 0;
                _last = DateTime.UtcNow;
            }
        }

        public void Received(IWebSocket socket)
        {
            lock (_gate)
            {
                if (socket == _socket)
                {
                    _received++;
                    _last = DateTime.UtcNow;
                }
            }
        }

        public void Sent(IWebSocket socket)
        {
            lock (_gate)
            {
                if (socket == _socket)
                {
                    _last = DateTime.UtcNow;
                }
            }
        }

        /// <summary>Open, past the handshake (one message) and the first render (at least one more), and silent for <paramref name="quiet"/>.</summary>
        public bool IsQuiet(TimeSpan quiet)
        {
            lock (_gate)
            {
                return _socket is { IsClosed: false } && _received >= 2 && DateTime.UtcNow - _last >= quiet;
            }
        }
    }
}
