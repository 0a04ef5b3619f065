using Microsoft.Playwright;

namespace Plusflat.Web.Tests.Infrastructure;

/// <summary>
/// Sits between the page and the portal's /_blazor endpoints: forwards everything, can drop the connection
/// (as a network failure would) and refuse reconnects until <see cref="Restore"/>: the WebSocket and the
/// HTTP requests (negotiate, and the long-polling fallback SignalR turns to when a WebSocket is refused).
/// </summary>
public sealed class ConnectionSwitch
{
    private readonly List<IWebSocketRoute> _open = [];
    private volatile bool _down;
    private DateTime _last = DateTime.UtcNow;
    private int _messages;

    public void Handle(IWebSocketRoute page)
    {
        if (_down)
        {
            _ = page.CloseAsync(new() { Code = 1011, Reason = "test: connection down" });
            return;
        }

        var server = page.ConnectToServer();
        page.OnMessage(message =>
        {
            Touch();
            if (message.Binary is { } binary) server.Send(binary);
            else server.Send(message.Text!);
        });
        server.OnMessage(message =>
        {
            Touch();
            if (message.Binary is { } binary) page.Send(binary);
            else page.Send(message.Text!);
        });
        lock (_open)
        {
            _open.Add(page);
        }
    }

    public Task HandleHttpAsync(IRoute request) => _down ? request.AbortAsync("connectionrefused") : request.ContinueAsync();

    private void Touch()
    {
        Interlocked.Increment(ref _messages);
        _last = DateTime.UtcNow;
    }

    public async Task DropAsync()
    {
        _down = true;
        List<IWebSocketRoute> open;
        lock (_open)
        {
            open = [.. _open];
            _open.Clear();
        }

        foreach (var socket in open)
        {
            await socket.CloseAsync(new() { Code = 4000, Reason = "test: connection dropped" });
        }
    }

    public void Restore() => _down = false;

    /// <summary>Until messages have gone both ways and then none for a moment (the last render is on screen).</summary>
    public async Task WaitForTrafficAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (_messages < 3 || DateTime.UtcNow - _last < TimeSpan.FromMilliseconds(300))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The circuit did not settle.");
            }

            await Task.Delay(50);
        }
    }
}
