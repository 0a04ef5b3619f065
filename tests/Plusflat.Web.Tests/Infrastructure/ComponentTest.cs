using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using Plusflat.Infrastructure.Persistence;
using Plusflat.Web.Tenancy;

namespace Plusflat.Web.Tests.Infrastructure;

/// <summary>
/// bunit component tests with the real handlers on real PostgreSQL: the component's services come from a DI
/// scope of the real portal (<see cref="PlusflatApp"/>, its own test database with the demo data) — as a
/// circuit would have them — and only the browser parts (JS interop, navigation, authentication state) are
/// bunit's. <see cref="SignInAsync"/> resolves the tenant through the portal's own resolver, exactly as the
/// router does on a navigation.
/// </summary>
public abstract class ComponentTest(PlusflatApp app) : IClassFixture<PlusflatApp>, IAsyncLifetime
{
    private AsyncServiceScope _scope;

    protected PlusflatApp App { get; } = app;

    protected BunitContext Context { get; private set; } = default!;

    /// <summary>The services of this test's "circuit" (the portal's scope).</summary>
    protected IServiceProvider Services => _scope.ServiceProvider;

    protected BunitAuthorizationContext Authorization { get; private set; } = default!;

    protected BunitNavigationManager Navigation => Context.Services.GetRequiredService<BunitNavigationManager>();

    public Task InitializeAsync()
    {
        _scope = App.Services.CreateAsyncScope();
        // bunit waits 1 s by default for a render: too short on a loaded 2-core runner (a WaitFor… then fails after a
        // single check). A real defect still fails, only later.
        BunitContext.DefaultWaitTimeout = TimeSpan.FromSeconds(15);
        Context = new BunitContext();
        Context.JSInterop.Mode = JSRuntimeMode.Loose;
        Authorization = Context.AddAuthorization();
        Context.Services.AddMudServices();
        Context.Services.AddTransient<MudBlazor.MudLocalizer, Plusflat.Web.Localization.DutchMudLocalizer>(); // as the app has it
        Context.SetRendererInfo(new RendererInfo("Server", true));
        Context.Services.AddFallbackServiceProvider(_scope.ServiceProvider);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await Context.DisposeAsync();
        await _scope.DisposeAsync();
    }

    /// <summary>Signs the demo user in (authentication state) and enters the tenant as the router would.</summary>
    protected async Task<CurrentTenant> SignInAsync(string email, string tenantSlug)
    {
        Guid userId;
        await using (var db = await Services.GetRequiredService<IDbContextFactory<PlusflatDbContext>>().CreateDbContextAsync())
        {
            userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId.ToString()), new Claim(ClaimTypes.Name, email)], "Test"));
        Authorization.SetAuthorized(email);
        Authorization.SetClaims(new Claim(ClaimTypes.NameIdentifier, userId.ToString()));
        var access = await Services.GetRequiredService<TenantResolver>().ResolveAsync(tenantSlug, principal, CancellationToken.None)
                     ?? throw new InvalidOperationException($"{email} is no member of {tenantSlug}.");
        var tenant = Services.GetRequiredService<CurrentTenant>();
        tenant.Set(access);
        return tenant;
    }

    /// <summary>Renders a component inside MudBlazor's providers (dialogs, popovers, snackbars), as the layout has them.</summary>
    protected IRenderedComponent<TComponent> RenderWithProviders<TComponent>(Action<ComponentParameterCollectionBuilder<TComponent>>? parameters = null)
        where TComponent : IComponent
    {
        Popovers = Context.Render<MudBlazor.MudPopoverProvider>();
        Dialogs = Context.Render<MudBlazor.MudDialogProvider>();
        Snackbars = Context.Render<MudBlazor.MudSnackbarProvider>();
        return Context.Render(parameters ?? (_ => { }));
    }

    /// <summary>Where MudBlazor renders open dialogs, menus and snackbars (outside the component under test).</summary>
    protected IRenderedComponent<MudBlazor.MudDialogProvider> Dialogs { get; private set; } = default!;

    protected IRenderedComponent<MudBlazor.MudPopoverProvider> Popovers { get; private set; } = default!;

    protected IRenderedComponent<MudBlazor.MudSnackbarProvider> Snackbars { get; private set; } = default!;
}
