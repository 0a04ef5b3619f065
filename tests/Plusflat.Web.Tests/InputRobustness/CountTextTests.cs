using System.Globalization;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Plusflat.Web.Features.Home;
using Plusflat.Web.Features.Members;
using Plusflat.Web.Features.Shared;
using Plusflat.Web.Tests.Start;

namespace Plusflat.Web.Tests.InputRobustness;

/// <summary>Counts shown with the right number of the noun: "1 wooncomplex", "2 wooncomplexen" — in Dutch and English.</summary>
public sealed class CountTextTests(PlusflatApp app) : ComponentTest(app)
{
    [Theory]
    [InlineData("nl-NL", 0, "0 wooncomplexen gevonden")]
    [InlineData("nl-NL", 1, "1 wooncomplex gevonden")]
    [InlineData("nl-NL", 2, "2 wooncomplexen gevonden")]
    [InlineData("nl-NL", 1250, "1250 wooncomplexen gevonden")]
    [InlineData("en-GB", 1, "1 complex found")]
    [InlineData("en-GB", 3, "3 complexes found")]
    public void Counted_ComplexesFound_UsesTheSingularForExactlyOne(string culture, int count, string expected)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            var l = Services.GetRequiredService<IStringLocalizer<SharedResource>>();

            Assert.Equal(expected, Counted.Text(count, l["1 wooncomplex gevonden"], l["{0} wooncomplexen gevonden"]));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    [Fact]
    public async Task TenantHome_OneOpenInvitation_SaysOneOpenInvitationNotOneOpenInvitations()
    {
        const string tenant = "zorgkantoor-amsterdam";
        var current = await SignInAsync("admin@plusflat.demo", tenant);
        var open = await App.InTenantAsync(tenant, db => db.Invitations.CountAsync(i => i.AcceptedAt == null && i.ExpiresAt > DateTimeOffset.UtcNow));
        for (var i = open; i < 1; i++)
        {
            var (errors, _) = await Services.GetRequiredService<InviteHandler>().InviteAsync(
                new InviteInput { Email = $"een-{Guid.NewGuid():N}@example.org", Role = Domain.Tenancy.Permissions.RolesFor(current.Kind).First(r => r != Domain.Tenancy.TenantRole.TenantAdmin) },
                new Uri("http://localhost/"), CancellationToken.None);
            Assert.Empty(errors);
        }

        Assert.Equal(1, await App.InTenantAsync(tenant, db => db.Invitations.CountAsync(i => i.AcceptedAt == null && i.ExpiresAt > DateTimeOffset.UtcNow)));
        var page = RenderWithProviders<TenantHome>(p => p.Add(x => x.Tenant, tenant));
        page.WaitForAssertion(() => page.Find("[data-testid=card-beheer-leden] [data-testid=figure]"), TimeSpan.FromSeconds(20));

        Assert.EndsWith(", 1 open uitnodiging", page.Find("[data-testid=card-beheer-leden] [data-testid=figure]").TextContent.Trim(), StringComparison.Ordinal);
    }
}
