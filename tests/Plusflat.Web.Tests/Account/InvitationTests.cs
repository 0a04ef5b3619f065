using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Plusflat.Domain.Tenancy;
using Plusflat.Infrastructure.Identity;
using Plusflat.Infrastructure.Persistence;
using Plusflat.Web.Features.Members;

namespace Plusflat.Web.Tests.Account;

/// <summary>Accepting an invitation: a static account-style page, tested over HTTP. Inviting is in <see cref="MembersPageTests"/>.</summary>
public sealed class InvitationTests(PlusflatApp app) : IClassFixture<PlusflatApp>
{
    private const string NewPassword = "Welkom-thuis-2026";
    // A link that is not open answers like any unknown page (404, the same text for every tenant), so it
    // reveals nothing about which tenants or invitations exist.
    private const string NotOpen = "Kwam je via een uitnodiging? Dan is die verlopen of al gebruikt";

    [Fact]
    public async Task AcceptInvitation_NewPerson_SetsPasswordSignsInAndOpensTenant()
    {
        var email = NewEmail();
        var link = await InviteAsync(email, TenantRole.FlatTeamMember);
        var invitee = app.Client();

        var page = await invitee.GetStringAsync(link.PathAndQuery);
        Assert.True(Forms.HasForm(page, "uitnodiging"), "The invitation page offers no set-password form.");
        Assert.Contains(email, page, StringComparison.Ordinal);
        var response = await Forms.PostWithTokenAsync(invitee, link.PathAndQuery, "uitnodiging", PlusflatApp.AntiforgeryToken(page),
            new Dictionary<string, string>
            {
                ["Input.DisplayName"] = "Nieuwe Collega",
                ["Input.NewPassword"] = NewPassword,
                ["Input.ConfirmPassword"] = NewPassword,
            });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/lltf-amsterdam", new Uri(new Uri("http://localhost/"), response.Headers.Location!).PathAndQuery);
        var home = await invitee.GetAsync("/lltf-amsterdam");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        var homeHtml = await home.Content.ReadAsStringAsync();
        Assert.Contains("Lang Leven Thuisflats Amsterdam", homeHtml, StringComparison.Ordinal);
        Assert.Contains("Flatteamlid", homeHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await PlusflatApp.SignInAsync(app.Client(), email, NewPassword)).StatusCode);
        Assert.Equal("FlatTeamMember", await app.ScalarAsync<string>(
            "SELECT to_role FROM member_history WHERE change = 'Joined' AND subject = 'Nieuwe Collega' AND tenant_id = (SELECT id FROM tenants WHERE slug = 'lltf-amsterdam')"));
    }

    [Theory]
    [InlineData("o'brien.josé@example.org")]
    [InlineData("zorg+lltf@example.org")]
    public async Task AcceptInvitation_UnusualAddress_NewAccountSignsInAndSeesTenant(string email)
    {
        var link = await InviteAsync(email, TenantRole.FlatTeamMember);
        var invitee = app.Client();

        var page = WebUtility.HtmlDecode(await invitee.GetStringAsync(link.PathAndQuery));
        var accepted = await Forms.PostWithTokenAsync(invitee, link.PathAndQuery, "uitnodiging", PlusflatApp.AntiforgeryToken(page), SetPassword("Ongewoon Adres"));

        Assert.Contains(email, page, StringComparison.Ordinal);
        Assert.True(accepted.StatusCode == HttpStatusCode.Redirect,
            $"Accepting answered {(int)accepted.StatusCode}: {WebUtility.HtmlDecode(await accepted.Content.ReadAsStringAsync())}");
        var client = app.Client();
        Assert.Equal(HttpStatusCode.Redirect, (await PlusflatApp.SignInAsync(client, email, NewPassword)).StatusCode);
        var home = await client.GetAsync("/lltf-amsterdam");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        var homeHtml = WebUtility.HtmlDecode(await home.Content.ReadAsStringAsync());
        Assert.Contains("Lang Leven Thuisflats Amsterdam", homeHtml, StringComparison.Ordinal);
        Assert.Contains("Flatteamlid", homeHtml, StringComparison.Ordinal);
        Assert.Equal(1, await MembershipCountAsync("lltf-amsterdam", email));
    }

    [Fact]
    public async Task AcceptInvitation_LinkUsedBefore_ShowsNotOpenWithoutForm()
    {
        var email = NewEmail();
        var link = await InviteAsync(email, TenantRole.Observer);
        var first = app.Client();
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(first, link.PathAndQuery, "uitnodiging", SetPassword("Eerste Persoon"))).StatusCode);

        var second = app.Client();
        var response = await second.GetAsync(link.PathAndQuery);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains(NotOpen, html, StringComparison.Ordinal);
        Assert.False(Forms.HasForm(html, "uitnodiging"));
        Assert.Null(Forms.InputValue(html, "Input.NewPassword"));
    }

    [Fact]
    public async Task AcceptInvitation_LinkUsedBefore_SecondPostCreatesNoMembership()
    {
        var email = NewEmail();
        var link = await InviteAsync(email, TenantRole.Observer);
        var other = app.Client();
        var page = await other.GetStringAsync(link.PathAndQuery);
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(app.Client(), link.PathAndQuery, "uitnodiging", SetPassword("Eerste Persoon"))).StatusCode);

        // A second person who had the page open before the link was used posts it afterwards.
        var late = await Forms.PostWithTokenAsync(other, link.PathAndQuery, "uitnodiging", PlusflatApp.AntiforgeryToken(page), SetPassword("Tweede Persoon"));

        Assert.NotEqual(HttpStatusCode.Redirect, late.StatusCode);
        Assert.DoesNotContain(Forms.SetCookies(late), c => c.StartsWith("plusflat.auth=", StringComparison.Ordinal));
        Assert.Equal(1, await MembershipCountAsync("lltf-amsterdam", email));
    }

    [Fact]
    public async Task AcceptInvitation_Expired_IsRefused()
    {
        var email = NewEmail();
        var token = await CreateInvitationAsync("lltf-amsterdam", email, DateTimeOffset.UtcNow.AddDays(-8));
        var client = app.Client();

        var response = await client.GetAsync($"/lltf-amsterdam/uitnodiging/{token}");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        var post = await Forms.PostWithTokenAsync(client, $"/lltf-amsterdam/uitnodiging/{token}", "uitnodiging",
            await Forms.TokenFromAsync(client, "/account/inloggen"), SetPassword("Te Laat"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains(NotOpen, html, StringComparison.Ordinal);
        Assert.DoesNotContain(email, html, StringComparison.Ordinal);
        Assert.False(Forms.HasForm(html, "uitnodiging"));
        Assert.NotEqual(HttpStatusCode.Redirect, post.StatusCode);
        Assert.False(await UserExistsAsync(email));
    }

    [Fact]
    public async Task AcceptInvitation_AlmostSevenDaysOld_IsStillOpen()
    {
        var email = NewEmail();
        var token = await CreateInvitationAsync("lltf-amsterdam", email, DateTimeOffset.UtcNow.AddDays(-6.9));

        var html = await app.Client().GetStringAsync($"/lltf-amsterdam/uitnodiging/{token}");

        Assert.True(Forms.HasForm(html, "uitnodiging"));
        Assert.Contains(email, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AcceptInvitation_OtherTenantsUrl_IsNotFound()
    {
        var email = NewEmail();
        var token = await CreateInvitationAsync("lltf-amsterdam", email, DateTimeOffset.UtcNow);
        var client = app.Client();

        var response = await client.GetAsync($"/thuisplusflat-rotterdam/uitnodiging/{token}");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        var post = await Forms.PostWithTokenAsync(client, $"/thuisplusflat-rotterdam/uitnodiging/{token}", "uitnodiging",
            await Forms.TokenFromAsync(client, "/account/inloggen"), SetPassword("Verkeerde Omgeving"));

        Assert.Contains(NotOpen, html, StringComparison.Ordinal);
        Assert.DoesNotContain(email, html, StringComparison.Ordinal);
        Assert.False(Forms.HasForm(html, "uitnodiging"));
        Assert.NotEqual(HttpStatusCode.Redirect, post.StatusCode);
        Assert.False(await UserExistsAsync(email));
        Assert.True(Forms.HasForm(await app.Client().GetStringAsync($"/lltf-amsterdam/uitnodiging/{token}"), "uitnodiging"));
    }

    [Fact]
    public async Task AcceptInvitation_UnknownTenant_Returns404()
    {
        var token = await CreateInvitationAsync("lltf-amsterdam", NewEmail(), DateTimeOffset.UtcNow);

        var response = await app.Client().GetAsync($"/bestaat-niet/uitnodiging/{token}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task AcceptInvitation_PasswordsDiffer_ShowsFieldErrorAndCreatesNoAccount()
    {
        var email = NewEmail();
        var token = await CreateInvitationAsync("lltf-amsterdam", email, DateTimeOffset.UtcNow);

        var response = await Forms.PostAsync(app.Client(), $"/lltf-amsterdam/uitnodiging/{token}", "uitnodiging",
            new Dictionary<string, string>
            {
                ["Input.DisplayName"] = "Nieuwe Collega",
                ["Input.NewPassword"] = NewPassword,
                ["Input.ConfirmPassword"] = NewPassword + "x",
            });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("De twee wachtwoorden zijn niet gelijk.", Forms.FieldError(html, "herhaal"));
        Assert.Equal("Nieuwe Collega", Forms.InputValue(html, "Input.DisplayName"));
        Assert.False(await UserExistsAsync(email));
        Assert.True(Forms.HasForm(await app.Client().GetStringAsync($"/lltf-amsterdam/uitnodiging/{token}"), "uitnodiging"));
    }

    private static string NewEmail() => $"genodigde-{Guid.NewGuid():N}@example.test";

    private static Dictionary<string, string> SetPassword(string name) => new()
    {
        ["Input.DisplayName"] = name,
        ["Input.NewPassword"] = NewPassword,
        ["Input.ConfirmPassword"] = NewPassword,
    };

    /// <summary>An open invitation made now (the members page's invite is tested in <see cref="MembersPageTests"/>); returns its link.</summary>
    private async Task<Uri> InviteAsync(string email, TenantRole role)
    {
        var token = await CreateInvitationAsync("lltf-amsterdam", email, DateTimeOffset.UtcNow, role);
        return new Uri($"http://localhost/lltf-amsterdam/uitnodiging/{token}");
    }

    /// <summary>An open invitation created directly in the tenant, as if made at <paramref name="now"/>; returns its token.</summary>
    private async Task<string> CreateInvitationAsync(string tenantSlug, string email, DateTimeOffset now, TenantRole role = TenantRole.FlatTeamMember)
    {
        var tenantId = await TenantIdAsync(tenantSlug);
        var token = InvitationTokens.NewToken();
        var (scope, db) = app.TenantDb(tenantId);
        using (scope)
        {
            db.Invitations.Add(new Invitation(tenantId, email, role, InvitationTokens.Hash(token), Guid.NewGuid(), now));
            await db.SaveChangesAsync();
        }

        return token;
    }

    private async Task<Guid> TenantIdAsync(string slug)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlusflatDbContext>();
        return await db.Tenants.Where(t => t.Slug == slug).Select(t => t.Id).SingleAsync();
    }

    private async Task<int> InvitationCountAsync(string tenantSlug, string email)
    {
        var (scope, db) = app.TenantDb(await TenantIdAsync(tenantSlug));
        using (scope)
        {
            return await db.Invitations.CountAsync(i => i.Email == email);
        }
    }

    private async Task<int> MembershipCountAsync(string tenantSlug, string email)
    {
        var tenantId = await TenantIdAsync(tenantSlug);
        var (scope, db) = app.TenantDb(tenantId);
        using (scope)
        {
            return await db.Memberships.Where(m => m.TenantId == tenantId)
                .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => u.Email)
                .CountAsync(e => e == email);
        }
    }

    private async Task<bool> UserExistsAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<PlusflatUser>>().FindByEmailAsync(email) is not null;
    }
}
