using Bunit;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Plusflat.Domain.Tenancy;
using Plusflat.Infrastructure.Identity;
using Plusflat.Web.Features.Members;
using Plusflat.Web.Tenancy;
using Plusflat.Web.Tests.Start;

namespace Plusflat.Web.Tests.Account;

/// <summary>Members and invitations (interactive page, admin only) with the real handlers on the real database.</summary>
public sealed class MembersPageTests(PlusflatApp app) : ComponentTest(app)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private const string Amsterdam = "lltf-amsterdam";

    [Fact]
    public async Task Invite_Admin_ShowsTheOneTimeLinkAndListsTheOpenInvitation()
    {
        var email = NewEmail();
        await SignInAsync("admin@plusflat.demo", Amsterdam);
        var page = Render();

        page.Find("[data-testid=invite-email]").Change(email);
        MudFieldLookup.Choose(page, Popovers, "invite-role", "Flatteamlid");
        page.Find("[data-testid=invite]").Click();

        page.WaitForAssertion(() => Assert.StartsWith($"http://localhost/{Amsterdam}/uitnodiging/", page.Find("[data-testid=invite-link]").TextContent.Trim(), StringComparison.Ordinal), Wait);
        Assert.Contains("Kopieer deze link", page.Find("[data-testid=invite-created]").TextContent, StringComparison.Ordinal);
        page.WaitForAssertion(() => Assert.Contains(page.FindAll("[data-testid=open-invitations] tbody tr"),
            row => row.TextContent.Contains(email, StringComparison.Ordinal) && row.TextContent.Contains("Flatteamlid", StringComparison.Ordinal)), Wait);
        Assert.Equal("", page.Find("[data-testid=invite-email]").GetAttribute("value") ?? "");
        Assert.Equal(1, await InvitationCountAsync(email));
        // The link on the page opens the invitation (its token is the one stored, hashed).
        var link = new Uri(page.Find("[data-testid=invite-link]").TextContent.Trim());
        Assert.Equal(HttpStatusCode.OK, (await App.Client().GetAsync(link.PathAndQuery)).StatusCode);
    }

    [Fact]
    public async Task Invite_InvalidEmail_IsMarkedAtTheFieldAndKeepsTypedValues()
    {
        await SignInAsync("admin@plusflat.demo", Amsterdam);
        var page = Render();

        page.Find("[data-testid=invite-email]").Change("geen-e-mailadres");
        MudFieldLookup.Choose(page, Popovers, "invite-role", "Flatteamlid");
        page.Find("[data-testid=invite]").Click();

        page.WaitForAssertion(() => Assert.Equal("Vul een geldig e-mailadres in.", MudFieldLookup.ErrorAt(page.Find("[data-testid=invite-email]"))), Wait);
        Assert.Null(MudFieldLookup.ErrorAt(page.Find("[data-testid=invite-role]")));
        Assert.Equal("geen-e-mailadres", page.Find("[data-testid=invite-email]").GetAttribute("value"));
        Assert.Equal("Flatteamlid", page.Find("[data-testid=invite-role]").GetAttribute("value"));
        Assert.Empty(page.FindAll("[data-testid=invite-link]"));
        Assert.Equal(0, await InvitationCountAsync("geen-e-mailadres"));
    }

    [Fact]
    public async Task Invite_NothingFilledIn_MarksBothFields()
    {
        await SignInAsync("admin@plusflat.demo", Amsterdam);
        var page = Render();

        page.Find("[data-testid=invite]").Click();

        page.WaitForAssertion(() => Assert.Equal("Vul het e-mailadres in.", MudFieldLookup.ErrorAt(page.Find("[data-testid=invite-email]"))), Wait);
        Assert.Equal("Kies een rol.", MudFieldLookup.ErrorAt(page.Find("[data-testid=invite-role]")));
    }

    [Fact]
    public async Task Invite_RoleOfAnotherTenantKind_IsNotOfferedAndTheHandlerRefusesIt()
    {
        var email = NewEmail();
        await SignInAsync("admin@plusflat.demo", Amsterdam);
        var page = Render();

        page.Find("[data-testid=invite-role]").Closest(".mud-input-control")!.MouseDown();
        Popovers.WaitForAssertion(() => Assert.NotEmpty(Popovers.FindAll(".mud-list-item")), Wait);
        var (errors, link) = await Services.GetRequiredService<InviteHandler>()
            .InviteAsync(new InviteInput { Email = email, Role = TenantRole.Assessor }, new Uri("http://localhost/"), CancellationToken.None);

        Assert.DoesNotContain(Popovers.FindAll(".mud-list-item"), i => i.TextContent.Trim() == "Beoordelaar");
        Assert.Null(link);
        Assert.Equal([new Plusflat.Web.Features.Shared.FieldError(nameof(InviteInput.Role), "Deze rol bestaat niet in deze omgeving.")], errors);
        Assert.Equal(0, await InvitationCountAsync(email));
    }

    [Fact]
    public async Task Invite_ProgrammeLead_HandlerRefusesAndPageIsNotReachable()
    {
        var email = NewEmail();
        await SignInAsync("lead@lltf-amsterdam.demo", Amsterdam);

        await Assert.ThrowsAsync<ForbiddenException>(() => Services.GetRequiredService<InviteHandler>()
            .InviteAsync(new InviteInput { Email = email, Role = TenantRole.TenantAdmin }, new Uri("http://localhost/"), CancellationToken.None));
        await Assert.ThrowsAsync<ForbiddenException>(() => Services.GetRequiredService<MembersHandler>().GetAsync(CancellationToken.None));
        var lead = await App.SignedInClientAsync("lead@lltf-amsterdam.demo");
        var response = await lead.GetAsync($"/{Amsterdam}/beheer/leden");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("invite-link", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await InvitationCountAsync(email));
    }

    [Fact]
    public async Task Members_Admin_ListsTheMembersOfThisTenantOnlyWithTheirRoles()
    {
        await SignInAsync("admin@plusflat.demo", Amsterdam);

        var page = Render();

        var rows = page.FindAll("[data-testid=members] tbody tr");
        var lead = rows.Single(r => r.QuerySelector("[data-testid=member-email]")!.TextContent.Trim() == "lead@lltf-amsterdam.demo");
        Assert.Equal(["Programmaleider"], lead.QuerySelectorAll("[data-testid=member-role]").Select(r => r.TextContent.Trim()));
        Assert.DoesNotContain(rows, r => r.TextContent.Contains("lead@thuisplusflat-rotterdam.demo", StringComparison.Ordinal));
        Assert.DoesNotContain(rows, r => r.TextContent.Contains("assessor@zorgkantoor-amsterdam.demo", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WithdrawRole_AfterConfirming_RemovesTheMembershipAndRenewsTheMembersSecurityStamp()
    {
        var (userId, stampBefore) = await NewMemberAsync(TenantRole.Observer);
        await SignInAsync("admin@plusflat.demo", Amsterdam);
        var page = Render();
        var row = page.FindAll("[data-testid=members] tbody tr").Single(r => r.TextContent.Contains("Weg Gaand", StringComparison.Ordinal));

        row.QuerySelector("[data-testid=withdraw-role]")!.Click();
        Dialogs.WaitForAssertion(() => Assert.Contains("Weg Gaand", Dialogs.Markup, StringComparison.Ordinal), Wait);
        Dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Intrekken").Click();

        page.WaitForAssertion(() => Assert.DoesNotContain(page.FindAll("[data-testid=members] tbody tr"), r => r.TextContent.Contains("Weg Gaand", StringComparison.Ordinal)), Wait);
        Assert.False(await App.InTenantAsync(Amsterdam, db => db.Memberships.AnyAsync(m => m.UserId == userId)));
        Assert.NotEqual(stampBefore, await StampAsync(userId));
    }

    [Fact]
    public async Task WithdrawRole_OwnAdminRole_IsNotOfferedAndTheHandlerRefuses()
    {
        var admin = await SignInAsync("admin@plusflat.demo", Amsterdam);
        var page = Render();
        var own = page.FindAll("[data-testid=members] tbody tr").Single(r => r.TextContent.Contains("admin@plusflat.demo", StringComparison.Ordinal));
        var membershipId = await App.InTenantAsync(Amsterdam, db => db.Memberships
            .Where(m => m.UserId == admin.UserId && m.Role == TenantRole.TenantAdmin).Select(m => m.Id).SingleAsync());

        var result = await Services.GetRequiredService<MembersHandler>().WithdrawRoleAsync(membershipId, CancellationToken.None);

        Assert.Empty(own.QuerySelectorAll("[data-testid=withdraw-role]"));
        Assert.False(result.Succeeded);
        Assert.True(await App.InTenantAsync(Amsterdam, db => db.Memberships.AnyAsync(m => m.Id == membershipId)));
    }

    private IRenderedComponent<Members> Render()
    {
        var page = RenderWithProviders<Members>(p => p.Add(x => x.Tenant, "unused"));
        page.WaitForAssertion(() => page.Find("[data-testid=members]"), Wait);
        return page;
    }

    private static string NewEmail() => $"genodigde-{Guid.NewGuid():N}@example.test";

    private async Task<int> InvitationCountAsync(string email) =>
        await App.InTenantAsync(Amsterdam, db => db.Invitations.CountAsync(i => i.Email == email));

    /// <summary>A new account with one role in Amsterdam; returns its id and security stamp.</summary>
    private async Task<(Guid UserId, string? Stamp)> NewMemberAsync(TenantRole role)
    {
        Guid userId;
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PlusflatUser>>();
            var email = NewEmail();
            var user = new PlusflatUser { Email = email, UserName = email, DisplayName = "Weg Gaand", EmailConfirmed = true };
            Assert.True((await users.CreateAsync(user, "Welkom-thuis-2026")).Succeeded);
            userId = user.Id;
        }

        var tenantId = await App.TenantIdAsync(Amsterdam);
        await App.InTenantAsync(Amsterdam, async db =>
        {
            db.Memberships.Add(new TenantMembership(tenantId, userId, role));
            return await db.SaveChangesAsync();
        });
        return (userId, await StampAsync(userId));
    }

    private async Task<string?> StampAsync(Guid userId)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PlusflatUser>>();
        return await users.GetSecurityStampAsync((await users.FindByIdAsync(userId.ToString()))!);
    }
}
