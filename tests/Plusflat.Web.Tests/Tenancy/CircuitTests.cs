using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Plusflat.Infrastructure.Identity;
using Plusflat.Infrastructure.Persistence;

namespace Plusflat.Web.Tests.Tenancy;

/// <summary>
/// The portal for the circuit tests: open circuits check their user every 2 seconds (instead of 30), and every
/// database command of the portal is recorded with the tenant of the context that ran it.
/// </summary>
public sealed class CircuitTestApp : PlusflatBrowserApp
{
    public CircuitTestApp()
    {
        Set("Circuits:RevalidationSeconds", "2");
    }

    public CommandLog Commands { get; } = new();

    protected override void ConfigureTestServices(IServiceCollection services) =>
        services.ConfigureDbContext<PlusflatDbContext>((_, options) => options.AddInterceptors(Commands));
}

/// <summary>Every command EF Core sends for the portal: the context's tenant and the command's parameter values.</summary>
public sealed class CommandLog : DbCommandInterceptor
{
    private readonly ConcurrentQueue<(Guid? Tenant, string Sql, string[] Parameters)> _commands = new();

    public IReadOnlyList<(Guid? Tenant, string Sql, string[] Parameters)> Snapshot() => [.. _commands];

    public void Clear() => _commands.Clear();

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command, eventData);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Record(command, eventData);
        return base.ReaderExecuting(command, eventData, result);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Record(command, eventData);
        return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(command, eventData);
        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }

    private void Record(DbCommand command, CommandEventData eventData) =>
        _commands.Enqueue((
            (eventData.Context as PlusflatDbContext)?.CurrentTenantId,
            command.CommandText,
            command.Parameters.Cast<DbParameter>().Select(p => Convert.ToString(p.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "").ToArray()));
}

/// <summary>
/// Circuit isolation and session security in Chromium: an open circuit loses access when its membership goes,
/// a tenant switch inside a circuit never reads the first tenant, sign-out kills a copied cookie, and a
/// dropped connection shows the Dutch reconnect message and keeps what was typed.
/// </summary>
public sealed class CircuitTests(CircuitTestApp app) : BrowserTest<CircuitTestApp>(app)
{
    private const string Programme = "lltf-amsterdam";

    /// <summary>The API's complex list (ComplexApi), read with a copied cookie.</summary>
    private const string ApiList = $"/api/v1/{Programme}/complexes";

    [Theory]
    [InlineData("", "Lang Leven Thuisflats Amsterdam")]
    [InlineData("/complexen", "Wooncomplexen")]
    [InlineData("/organisaties", "Organisaties")]
    public async Task OpenCircuit_MembershipRemovedAndStampRenewed_IsSentToSignInWithinTheRevalidationInterval(string page, string heading)
    {
        var (email, userId) = await CreateMemberAsync();
        await SignInAsync(email);
        await GotoAsync($"/{Programme}{page}");
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(heading);

        // What the members page does when a membership is removed: delete it and renew the user's security stamp.
        await App.ExecuteAsync("DELETE FROM tenant_memberships WHERE user_id = @p0", userId);
        await RenewSecurityStampAsync(userId);

        // No click, no navigation: the circuit's revalidation (every 2 s here) signs it out by itself.
        await Page.WaitForURLAsync(url => url.Contains("/account/inloggen", StringComparison.Ordinal), new() { Timeout = 10_000 });
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Inloggen" })).ToBeVisibleAsync();
        Assert.Contains("ReturnUrl=" + Uri.EscapeDataString($"/{Programme}{page}"), Page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenCircuit_PasswordChangedInAnotherBrowser_IsSentToSignInWithinTheRevalidationInterval()
    {
        var (email, _) = await CreateMemberAsync();
        await SignInAsync(email);
        await GotoAsync($"/{Programme}/complexen");
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Wooncomplexen");
        await WaitForCircuitAsync();

        // The same user, on another device, changes the password on the password page.
        var otherContext = await NewContextAsync();
        var other = await NewPageAsync(otherContext);
        await other.GotoAsync("/account/inloggen");
        await other.GetByLabel("E-mailadres").FillAsync(email);
        await other.GetByLabel("Wachtwoord").FillAsync(PlusflatApp.DemoPassword);
        await other.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
        await other.WaitForURLAsync(url => !url.Contains("/account/inloggen", StringComparison.Ordinal));
        await other.GotoAsync("/account/wachtwoord");
        await other.Locator("#huidig").FillAsync(PlusflatApp.DemoPassword);
        await other.Locator("#nieuw").FillAsync("Nieuw-wachtwoord-2026!");
        await other.Locator("#herhaal").FillAsync("Nieuw-wachtwoord-2026!");
        await other.GetByRole(AriaRole.Button, new() { Name = "Wachtwoord wijzigen" }).ClickAsync();
        await Assertions.Expect(other.GetByText("Je wachtwoord is gewijzigd.")).ToBeVisibleAsync();

        // The first tab is not touched: its circuit's revalidation (every 2 s here) signs it out by itself.
        await Page.WaitForURLAsync(url => url.Contains("/account/inloggen", StringComparison.Ordinal), new() { Timeout = 10_000 });
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Inloggen" })).ToBeVisibleAsync();
        // The device that changed it stays signed in (its cookie was renewed with the new stamp).
        await other.GotoAsync($"/{Programme}/complexen");
        await Assertions.Expect(other.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Wooncomplexen");
    }

    [Theory]
    [InlineData("locked after five wrong passwords")]
    [InlineData("disabled by an operator")]
    public async Task OpenCircuit_AccountLockedOrDisabled_IsSentToSignInWithinTheRevalidationInterval(string how)
    {
        var (email, userId) = await CreateMemberAsync();
        await SignInAsync(email);
        await GotoAsync($"/{Programme}/complexen");
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Wooncomplexen");
        await WaitForCircuitAsync();

        // Neither renews the security stamp: the circuit must notice the lockout itself.
        var stampBefore = await App.ScalarAsync<string>("SELECT security_stamp FROM users WHERE id = @p0", userId);
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PlusflatUser>>();
            var user = await users.FindByIdAsync(userId.ToString()) ?? throw new InvalidOperationException("user gone");
            if (how.StartsWith("locked", StringComparison.Ordinal))
            {
                // What the sign-in page does on each wrong password.
                for (var i = 0; i < 5; i++)
                {
                    await users.AccessFailedAsync(user);
                }
            }
            else
            {
                await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
            }

            Assert.True(await users.IsLockedOutAsync(user));
        }

        Assert.Equal(stampBefore, await App.ScalarAsync<string>("SELECT security_stamp FROM users WHERE id = @p0", userId));

        await Page.WaitForURLAsync(url => url.Contains("/account/inloggen", StringComparison.Ordinal), new() { Timeout = 10_000 });
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Inloggen" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task OpenCircuit_MembershipRemoved_NextNavigationInsideTheCircuitShowsNotFound()
    {
        var (email, userId) = await CreateMemberAsync();
        await SignInAsync(email);
        await GotoAsync($"/{Programme}/complexen");
        var sockets = SocketsOpened(Page);

        // Only the membership goes (no new stamp): the circuit's router checks the membership on every navigation.
        await App.ExecuteAsync("DELETE FROM tenant_memberships WHERE user_id = @p0", userId);
        await MainNavigation().GetByRole(AriaRole.Link, new() { Name = "Organisaties" }).ClickAsync();

        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Pagina niet gevonden");
        Assert.EndsWith($"/{Programme}/organisaties", Page.Url, StringComparison.Ordinal);
        Assert.Equal(sockets, SocketsOpened(Page)); // it was the same circuit, not a page load
        await Assertions.Expect(MainNavigation().GetByRole(AriaRole.Link, new() { Name = "Wooncomplexen" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task OpenCircuit_AdminRemovesTheMemberOnTheMembersPage_MembersNextNavigationHasNoAccess()
    {
        var (email, _) = await CreateMemberAsync();
        await SignInAsync(email);
        await GotoAsync($"/{Programme}/complexen");
        await WaitForCircuitAsync();

        // The admin, in a browser of their own, removes the member on the members page.
        var adminContext = await NewContextAsync();
        var admin = await NewPageAsync(adminContext);
        await admin.GotoAsync("/account/inloggen");
        await admin.GetByLabel("E-mailadres").FillAsync("admin@plusflat.demo");
        await admin.GetByLabel("Wachtwoord").FillAsync(PlusflatApp.DemoPassword);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
        await admin.WaitForURLAsync(url => !url.Contains("/account/inloggen", StringComparison.Ordinal));
        await GotoAsync($"/{Programme}/beheer/leden", admin);
        await WaitForCircuitAsync(admin);
        var row = admin.GetByTestId("members").Locator("tbody tr").Filter(new() { HasText = email });
        await row.GetByTestId("remove-member").ClickAsync();
        await admin.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Verwijderen" }).ClickAsync();
        await Assertions.Expect(row).ToHaveCountAsync(0);
        await Assertions.Expect(admin.GetByTestId("member-history-entry").First).ToContainTextAsync("Circuit Test verwijderd uit deze omgeving");

        // The member's open tab: the next click finds no membership. On a loaded machine the revalidation may have
        // signed the tab out before the click, and then the link is gone already: that is no access too.
        // Either way the tab must end on "not found" or the sign-in page.
        var organisations = MainNavigation().GetByRole(AriaRole.Link, new() { Name = "Organisaties" });
        try
        {
            await organisations.ClickAsync(new() { Timeout = 3_000 });
        }
        catch (TimeoutException)
        {
            if (await organisations.CountAsync() > 0)
            {
                throw;
            }
        }

        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 }))
            .ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^(Pagina niet gevonden|Inloggen)$"));

        await Assertions.Expect(MainNavigation().GetByRole(AriaRole.Link, new() { Name = "Wooncomplexen" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Circuit_SwitchingTenantInTheAppBar_ShowsTheSecondTenantAndNeverQueriesTheFirst()
    {
        var first = await TenantIdAsync(Programme);
        var second = await TenantIdAsync("thuisplusflat-rotterdam");
        var firstNames = await ComplexNamesAsync(first);
        var secondNames = await ComplexNamesAsync(second);
        Assert.NotEmpty(firstNames);
        Assert.NotEmpty(secondNames);

        await SignInAsync("admin@plusflat.demo");
        await GotoAsync($"/{Programme}/complexen");
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync(firstNames[0]);
        var sockets = SocketsOpened(Page);

        App.Commands.Clear();
        await Page.GetByTestId("tenant-switcher").ClickAsync();
        await Page.GetByRole(AriaRole.Menuitem, new() { Name = "Thuisplusflat Rotterdam" }).ClickAsync();
        await Page.WaitForURLAsync(url => url.EndsWith("/thuisplusflat-rotterdam", StringComparison.Ordinal));
        await Assertions.Expect(Page.GetByTestId("tenant-switcher")).ToContainTextAsync("Thuisplusflat Rotterdam");
        await MainNavigation().GetByRole(AriaRole.Link, new() { Name = "Wooncomplexen" }).ClickAsync();
        await Page.WaitForURLAsync(url => url.EndsWith("/thuisplusflat-rotterdam/complexen", StringComparison.Ordinal));
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync(secondNames[0]);
        await WaitForCircuitAsync();

        Assert.Equal(sockets, SocketsOpened(Page)); // switched inside the circuit, no page load
        var shown = await Page.Locator("main").InnerTextAsync();
        Assert.All(firstNames, name => Assert.DoesNotContain(name, shown, StringComparison.Ordinal));

        var commands = App.Commands.Snapshot();
        Assert.NotEmpty(commands);
        Assert.DoesNotContain(commands, c => c.Tenant == first);
        Assert.DoesNotContain(commands, c => c.Parameters.Contains(first.ToString()));
        Assert.Contains(commands, c => c.Tenant == second);
    }

    [Fact]
    public async Task SignOut_CopiedCookie_NoLongerOpensAPage()
    {
        await SignInAsync("lead@lltf-amsterdam.demo");
        await GotoAsync($"/{Programme}");
        var copied = (await Context.CookiesAsync()).Where(c => c.Name.StartsWith("plusflat.auth", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(copied);
        Assert.Equal(HttpStatusCode.OK, (await GetWithCookiesAsync($"/{Programme}", copied)).StatusCode);
        var before = await GetWithCookiesAsync(ApiList, copied);
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Contains("\"items\"", await before.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await SignOutAsync();

        var response = await GetWithCookiesAsync($"/{Programme}", copied);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/inloggen", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        // The API does not redirect: it answers 401 to the copied cookie, where it answered 200 before the sign-out.
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetWithCookiesAsync(ApiList, copied)).StatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("/bewerken")]
    public async Task OrganisationPage_PrerenderedThenInteractive_ReadsTheHistoryOnce(string page)
    {
        var organisation = await App.ScalarAsync<Guid>(
            "SELECT o.id FROM organisations o JOIN tenants t ON t.id = o.tenant_id WHERE t.slug = @p0 ORDER BY o.name LIMIT 1", Programme);
        var entries = await App.ScalarAsync<long>("SELECT count(*) FROM organisation_history WHERE organisation_id = @p0", organisation);
        Assert.True(entries > 0, "the demo organisation has a history");
        await SignInAsync("lead@lltf-amsterdam.demo");

        App.Commands.Clear();
        await GotoAsync($"/{Programme}/organisaties/{organisation}{page}");
        await Assertions.Expect(Page.GetByTestId("organisation-history").Locator("li")).ToHaveCountAsync((int)entries);
        await WaitForCircuitAsync();
        await Task.Delay(1000); // anything the circuit would read after its first render

        // The prerender read it and handed it to the circuit: one read for the page load, not two.
        var reads = App.Commands.Snapshot().Count(c => c.Sql.Contains("organisation_history", StringComparison.Ordinal));
        Assert.Equal(1, reads);
    }

    [Fact]
    public async Task DroppedConnection_ShowsTheDutchReconnectMessageAndKeepsWhatWasTyped()
    {
        var route = new ConnectionSwitch();
        await Page.RouteWebSocketAsync("**/_blazor**", route.Handle);
        await Page.RouteAsync("**/_blazor**", route.HandleHttpAsync);
        await SignInAsync("lead@lltf-amsterdam.demo");
        await Page.GotoAsync($"/{Programme}/complexen/nieuw");
        await route.WaitForTrafficAsync();
        var name = Page.GetByLabel("Naam", new() { Exact = true });
        const string typed = "Reconnectflat";
        await name.FillAsync(typed);
        await name.BlurAsync();
        await route.WaitForTrafficAsync();

        await route.DropAsync();

        var modal = Page.Locator("#components-reconnect-modal");
        await Assertions.Expect(modal).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("components-reconnect-(show|retrying)"));
        await Assertions.Expect(modal.GetByText("De verbinding met de server is even weg.", new() { Exact = false })).ToBeVisibleAsync();
        await Assertions.Expect(name).ToHaveValueAsync(typed);

        route.Restore();
        await Assertions.Expect(modal).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("components-reconnect-(show|retrying|failed)"), new() { Timeout = 30_000 });
        await route.WaitForTrafficAsync();

        // The same circuit carries on: a save renders the form again from the server's copy of the input.
        await Page.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();
        await route.WaitForTrafficAsync();
        await Assertions.Expect(name).ToHaveValueAsync(typed);
        await Assertions.Expect(Page.GetByLabel("Adres", new() { Exact = true })).ToHaveAttributeAsync("aria-invalid", "true");
    }

    private ILocator MainNavigation() => Page.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdnavigatie" });

    private async Task<HttpResponseMessage> GetWithCookiesAsync(string path, IEnumerable<BrowserContextCookiesResult> cookies)
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = App.ServerAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => $"{c.Name}={c.Value}")));
        return await client.SendAsync(request);
    }

    /// <summary>A fresh account with the flat-team member's role in the programme (the demo accounts stay as they are).</summary>
    private async Task<(string Email, Guid UserId)> CreateMemberAsync()
    {
        var email = $"circuit-{Guid.NewGuid():N}@example.test";
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PlusflatUser>>();
        var user = new PlusflatUser { Email = email, UserName = email, DisplayName = "Circuit Test", EmailConfirmed = true };
        var result = await users.CreateAsync(user, PlusflatApp.DemoPassword);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        var added = await App.ExecuteAsync(
            """
            INSERT INTO tenant_memberships (id, tenant_id, user_id, role)
            SELECT gen_random_uuid(), m.tenant_id, @p0, m.role
            FROM tenant_memberships m JOIN users u ON u.id = m.user_id JOIN tenants t ON t.id = m.tenant_id
            WHERE u.email = 'team@lltf-amsterdam.demo' AND t.slug = @p1
            """, user.Id, Programme);
        Assert.Equal(1, added);
        return (email, user.Id);
    }

    private async Task RenewSecurityStampAsync(Guid userId)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PlusflatUser>>();
        var user = await users.FindByIdAsync(userId.ToString()) ?? throw new InvalidOperationException("user gone");
        await users.UpdateSecurityStampAsync(user);
    }

    private async Task<Guid> TenantIdAsync(string slug) =>
        await App.ScalarAsync<Guid>("SELECT id FROM tenants WHERE slug = @p0", slug);

    private async Task<List<string>> ComplexNamesAsync(Guid tenant)
    {
        var names = new List<string>();
        await using var connection = new Npgsql.NpgsqlConnection(await PostgresCluster.SuperuserConnectionStringAsync(App.Database.Name));
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT name FROM complexes WHERE tenant_id = @t ORDER BY name", connection);
        command.Parameters.AddWithValue("t", tenant);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }
}
