using Bunit;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Plusflat.Domain.Tenancy;
using Plusflat.Infrastructure.Identity;
using Plusflat.Web.Features.Members;
using Plusflat.Web.Features.Shared;
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
        Assert.Contains("De uitnodiging is per e-mail verstuurd. Is er geen mail ingesteld, kopieer deze link", page.Find("[data-testid=invite-created]").TextContent, StringComparison.Ordinal);
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
    public async Task Invite_NothingFilledInWithEnglishSelected_MarksBothFieldsInEnglish()
    {
        var before = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("en-GB");
        try
        {
            await SignInAsync("admin@plusflat.demo", Amsterdam);
            var page = Render();

            page.Find("[data-testid=invite]").Click();

            page.WaitForAssertion(() => Assert.Equal("Enter the e-mail address.", MudFieldLookup.ErrorAt(page.Find("[data-testid=invite-email]"))), Wait);
            Assert.Equal("Choose a role.", MudFieldLookup.ErrorAt(page.Find("[data-testid=invite-role]")));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = before;
        }
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
    public async Task Invite_ProgrammeLead_HandlerRefusesAndThePageHasNoInviteForm()
    {
        var email = NewEmail();
        await SignInAsync("lead@lltf-amsterdam.demo", Amsterdam);

        await Assert.ThrowsAsync<ForbiddenException>(() => Services.GetRequiredService<InviteHandler>()
            .InviteAsync(new InviteInput { Email = email, Role = TenantRole.TenantAdmin }, new Uri("http://localhost/"), CancellationToken.None));
        var lead = await App.SignedInClientAsync("lead@lltf-amsterdam.demo");
        var response = await lead.GetAsync($"/{Amsterdam}/beheer/leden");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("data-testid=\"invite-form\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"members\"", html, StringComparison.Ordinal);
        Assert.Equal(0, await InvitationCountAsync(email));
    }

    [Fact]
    public async Task Members_ProgrammeLead_SeesTheListAndHistoryReadOnlyAndEveryChangeIsRefused()
    {
        var (userId, _) = await NewMemberAsync(TenantRole.FlatTeamMember, "Alleen Bekeken");
        await SignInAsync("lead@lltf-amsterdam.demo", Amsterdam);
        var page = Render();
        var handler = Services.GetRequiredService<MembersHandler>();
        var membershipId = await MembershipIdAsync(userId);

        Assert.Contains(page.FindAll("[data-testid=members] tbody tr"), r => r.TextContent.Contains("Alleen Bekeken", StringComparison.Ordinal));
        Assert.NotNull(page.Find("[data-testid=read-only]"));
        Assert.Empty(page.FindAll("[data-testid=invite-form]"));
        Assert.Empty(page.FindAll("[data-testid=withdraw-role], [data-testid=change-role], [data-testid=remove-member], [data-testid=revoke-invitation]"));
        await Assert.ThrowsAsync<ForbiddenException>(() => handler.ChangeRoleAsync(membershipId, TenantRole.Observer, CancellationToken.None));
        await Assert.ThrowsAsync<ForbiddenException>(() => handler.WithdrawRoleAsync(membershipId, CancellationToken.None));
        await Assert.ThrowsAsync<ForbiddenException>(() => handler.RemoveMemberAsync(userId, CancellationToken.None));
        await Assert.ThrowsAsync<ForbiddenException>(() => handler.RevokeInvitationAsync(Guid.NewGuid(), CancellationToken.None));
        Assert.True(await App.InTenantAsync(Amsterdam, db => db.Memberships.AnyAsync(m => m.Id == membershipId && m.Role == TenantRole.FlatTeamMember)));
    }

    [Fact]
    public async Task ChangeRole_Admin_ChangesTheRoleRecordsItAndRenewsTheStamp()
    {
        var name = "Rol Wisselaar " + Guid.NewGuid().ToString("N")[..6];
        var (userId, stampBefore) = await NewMemberAsync(TenantRole.FlatTeamMember, name);
        await SignInAsync("admin@plusflat.demo", Amsterdam);
        var page = Render();

        Row(page, name).QuerySelector("[data-testid=change-role]")!.Click();
        Dialogs.WaitForAssertion(() => Dialogs.Find("[data-testid=change-role-new]"), Wait);
        MudFieldLookup.Choose(Dialogs, Popovers, "change-role-new", "Meelezer");
        Dialogs.Find("[data-testid=change-role-save]").Click();

        page.WaitForAssertion(() => Assert.Equal(["Meelezer"], Row(page, name).QuerySelectorAll("[data-testid=member-role]").Select(r => r.TextContent.Trim())), Wait);
        Assert.Equal($"Rol van {name} gewijzigd van Flatteamlid in Meelezer", LatestHistory(page));
        Assert.Equal(TenantRole.Observer, await App.InTenantAsync(Amsterdam, db => db.Memberships.Where(m => m.UserId == userId).Select(m => m.Role).SingleAsync()));
        Assert.NotEqual(stampBefore, await StampAsync(userId));
    }

    [Fact]
    public async Task ChangeRole_ToARoleTheMemberHasOrOfAnotherTenantKind_IsRefusedAtTheRoleField()
    {
        var (userId, _) = await NewMemberAsync(TenantRole.FlatTeamMember, "Zelfde Rol");
        await SignInAsync("admin@plusflat.demo", Amsterdam);
        var handler = Services.GetRequiredService<MembersHandler>();
        var membershipId = await MembershipIdAsync(userId);

        var same = await handler.ChangeRoleAsync(membershipId, TenantRole.FlatTeamMember, CancellationToken.None);
        var otherKind = await handler.ChangeRoleAsync(membershipId, TenantRole.Assessor, CancellationToken.None);
        var none = await handler.ChangeRoleAsync(membershipId, null, CancellationToken.None);

        Assert.Equal([new FieldError("Role", "Dit lid heeft deze rol al.")], same.Errors);
        Assert.Equal([new FieldError("Role", "Deze rol bestaat niet in deze omgeving.")], otherKind.Errors);
        Assert.Equal([new FieldError("Role", "Kies een rol.")], none.Errors);
        Assert.Equal(TenantRole.FlatTeamMember, await App.InTenantAsync(Amsterdam, db => db.Memberships.Where(m => m.Id == membershipId).Select(m => m.Role).SingleAsync()));
    }

    [Fact]
    public async Task RemoveMember_Admin_RemovesEveryRoleRecordsItAndTheMembersCookieStopsWorking()
    {
        var name = "Weg Gestuurd " + Guid.NewGuid().ToString("N")[..6];
        var (userId, _) = await NewMemberAsync(TenantRole.FlatTeamMember, name, extraRole: TenantRole.Observer);
        var member = await App.SignedInClientAsync(await EmailOfAsync(userId), MemberPassword);
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync($"/{Amsterdam}")).StatusCode);
        await SignInAsync("admin@plusflat.demo", Amsterdam);
        var page = Render();

        Row(page, name).QuerySelector("[data-testid=remove-member]")!.Click();
        Dialogs.WaitForAssertion(() => Assert.Contains(name, Dialogs.Markup, StringComparison.Ordinal), Wait);
        Dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Verwijderen").Click();

        page.WaitForAssertion(() => Assert.DoesNotContain(page.FindAll("[data-testid=members] tbody tr"), r => r.TextContent.Contains(name, StringComparison.Ordinal)), Wait);
        Assert.Equal($"{name} verwijderd uit deze omgeving", LatestHistory(page));
        Assert.False(await App.InTenantAsync(Amsterdam, db => db.Memberships.AnyAsync(m => m.UserId == userId)));
        var after = await member.GetAsync($"/{Amsterdam}");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/account/inloggen", after.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        // The circuit's router asks the same resolver on the next navigation: no membership any more.
        await using var circuit = App.Services.CreateAsyncScope();
        var resolver = circuit.ServiceProvider.GetRequiredService<TenantResolver>();
        var principal = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
            [new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.NameIdentifier, userId.ToString())], "test"));
        Assert.Null(await resolver.ResolveAsync(Amsterdam, principal, CancellationToken.None));
    }

    [Fact]
    public async Task RemoveMember_Self_IsNotOfferedAndTheHandlerRefuses()
    {
        var admin = await SignInAsync("admin@plusflat.demo", Amsterdam);
        var page = Render();

        var result = await Services.GetRequiredService<MembersHandler>().RemoveMemberAsync(admin.UserId, CancellationToken.None);

        Assert.Empty(Row(page, "admin@plusflat.demo").QuerySelectorAll("[data-testid=remove-member], [data-testid=change-role]"));
        Assert.False(result.Succeeded);
        Assert.True(await App.InTenantAsync(Amsterdam, db => db.Memberships.AnyAsync(m => m.UserId == admin.UserId)));
    }

    [Fact]
    public async Task RevokeInvitation_Admin_TheLinkStopsWorkingAndItIsRecorded()
    {
        var email = NewEmail();
        await SignInAsync("admin@plusflat.demo", Amsterdam);
        var (_, link) = await Services.GetRequiredService<InviteHandler>()
            .InviteAsync(new InviteInput { Email = email, Role = TenantRole.Observer }, new Uri("http://localhost/"), CancellationToken.None);
        Assert.Equal(HttpStatusCode.OK, (await App.Client().GetAsync(link!.PathAndQuery)).StatusCode);
        var page = Render();

        page.FindAll("[data-testid=open-invitations] tbody tr").Single(r => r.TextContent.Contains(email, StringComparison.Ordinal))
            .QuerySelector("[data-testid=revoke-invitation]")!.Click();
        Dialogs.WaitForAssertion(() => Assert.Contains(email, Dialogs.Markup, StringComparison.Ordinal), Wait);
        Dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Intrekken").Click();

        page.WaitForAssertion(() => Assert.DoesNotContain(page.FindAll("[data-testid=open-invitations] tbody tr"), r => r.TextContent.Contains(email, StringComparison.Ordinal)), Wait);
        Assert.Equal($"Uitnodiging voor {email} als Meelezer ingetrokken", LatestHistory(page));
        Assert.Equal(HttpStatusCode.NotFound, (await App.Client().GetAsync(link.PathAndQuery)).StatusCode);
        Assert.True(await App.InTenantAsync(Amsterdam, db => db.Invitations.AnyAsync(i => i.Email == email && i.RevokedAt != null)));
    }

    [Fact]
    public async Task Invite_Admin_SendsTheLinkThroughTheOutboxAndRecordsIt()
    {
        var email = NewEmail();
        await SignInAsync("admin@plusflat.demo", Amsterdam);

        var (_, link) = await Services.GetRequiredService<InviteHandler>()
            .InviteAsync(new InviteInput { Email = email, Role = TenantRole.FlatTeamMember }, new Uri("http://localhost/"), CancellationToken.None);
        var page = Render();

        var body = await App.ScalarAsync<string>("SELECT body FROM outbox_messages WHERE recipient = @p0", email);
        Assert.Contains(link!.ToString(), body, StringComparison.Ordinal);
        Assert.Contains("Lang Leven Thuisflats Amsterdam", body, StringComparison.Ordinal);
        Assert.Equal($"{email} uitgenodigd als Flatteamlid", LatestHistory(page));
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
        Assert.Equal("Rol Meelezer van Weg Gaand ingetrokken", LatestHistory(page));
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

    private const string MemberPassword = "Welkom-thuis-2026";

    private static AngleSharp.Dom.IElement Row(IRenderedComponent<Members> page, string text) =>
        page.FindAll("[data-testid=members] tbody tr").Single(r => r.TextContent.Contains(text, StringComparison.Ordinal));

    /// <summary>The text of the newest line of the member history.</summary>
    private static string LatestHistory(IRenderedComponent<Members> page) =>
        page.FindAll("[data-testid=member-history-entry]")[0].QuerySelectorAll("td")[2].TextContent.Trim();

    private async Task<Guid> MembershipIdAsync(Guid userId) =>
        await App.InTenantAsync(Amsterdam, db => db.Memberships.Where(m => m.UserId == userId).Select(m => m.Id).FirstAsync());

    private async Task<string> EmailOfAsync(Guid userId)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<PlusflatUser>>().FindByIdAsync(userId.ToString()))!.Email!;
    }

    private static string NewEmail() => $"genodigde-{Guid.NewGuid():N}@example.test";

    private async Task<int> InvitationCountAsync(string email) =>
        await App.InTenantAsync(Amsterdam, db => db.Invitations.CountAsync(i => i.Email == email));

    /// <summary>A new account with one role in Amsterdam; returns its id and security stamp.</summary>
    private async Task<(Guid UserId, string? Stamp)> NewMemberAsync(TenantRole role, string name = "Weg Gaand", TenantRole? extraRole = null)
    {
        Guid userId;
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PlusflatUser>>();
            var email = NewEmail();
            var user = new PlusflatUser { Email = email, UserName = email, DisplayName = name, EmailConfirmed = true };
            Assert.True((await users.CreateAsync(user, MemberPassword)).Succeeded);
            userId = user.Id;
        }

        var tenantId = await App.TenantIdAsync(Amsterdam);
        await App.InTenantAsync(Amsterdam, async db =>
        {
            db.Memberships.Add(new TenantMembership(tenantId, userId, role));
            if (extraRole is { } extra)
            {
                db.Memberships.Add(new TenantMembership(tenantId, userId, extra));
            }

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
