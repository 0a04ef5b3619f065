using System.Net.Http.Json;
using Plusflat.Domain.Tenancy;
using Plusflat.Web.Features.Members;
using Plusflat.Web.Tests.Account;
using Plusflat.Web.Tests.Start;

namespace Plusflat.Web.Tests.Tenancy;

/// <summary>What roles other than lead and flat-team member may do with the programme's complexes, end to end.</summary>
public sealed class RoleAccessTests(PlusflatApp app) : IClassFixture<PlusflatApp>
{
    private const string Password = "Meelezen-thuis-2026";

    [Fact]
    public async Task Observer_InvitedByAdmin_ReadsComplexesButCannotCreate()
    {
        var observer = await InvitedObserverAsync();

        var list = await observer.GetAsync("/lltf-amsterdam/complexen");
        var api = await observer.GetAsync("/api/v1/lltf-amsterdam/complexes");
        var newPage = await observer.GetAsync("/lltf-amsterdam/complexen/nieuw");
        var post = await observer.PostAsJsonAsync("/api/v1/lltf-amsterdam/complexes", new
        {
            name = "Meelezer maakt", address = "Kijkweg 1", postcode = "1011 AB", municipality = "Amsterdam", dwellingCount = 100,
        });

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.DoesNotContain("/lltf-amsterdam/complexen/nieuw", await list.TextAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        Assert.True((await api.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("totalCount").GetInt32() > 0);
        Assert.Equal(HttpStatusCode.Forbidden, newPage.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        var lead = await app.SignedInClientAsync("lead@lltf-amsterdam.demo");
        Assert.Equal(0, (await lead.GetJsonAsync("/api/v1/lltf-amsterdam/complexes?q=Meelezer%20maakt")).GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task Assessor_ProgrammeOfAnotherTenantIsNotFound_OwnZorgkantoorHasNoComplexes()
    {
        var assessor = await app.SignedInClientAsync("assessor@zorgkantoor-amsterdam.demo");

        var otherTenant = await assessor.GetAsync("/lltf-amsterdam/complexen");
        var otherTenantApi = await assessor.GetAsync("/api/v1/lltf-amsterdam/complexes");
        var ownTenant = await assessor.GetAsync("/zorgkantoor-amsterdam/complexen");
        var ownTenantApi = await assessor.GetAsync("/api/v1/zorgkantoor-amsterdam/complexes");
        var ownHome = await assessor.GetAsync("/zorgkantoor-amsterdam");

        Assert.Equal(HttpStatusCode.NotFound, otherTenant.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherTenantApi.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, ownTenant.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, ownTenantApi.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ownHome.StatusCode);
        Assert.DoesNotContain("/zorgkantoor-amsterdam/complexen", await ownHome.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>A new person invited as Observer (the invitation as the members page makes it) accepts and is signed in.</summary>
    private async Task<HttpClient> InvitedObserverAsync()
    {
        var email = $"meelezer-{Guid.NewGuid():N}@example.test";
        var tenantId = await app.TenantIdAsync("lltf-amsterdam");
        var token = InvitationTokens.NewToken();
        var (scope, db) = app.TenantDb(tenantId);
        using (scope)
        {
            db.Invitations.Add(new Invitation(tenantId, email, TenantRole.Observer, InvitationTokens.Hash(token), Guid.NewGuid(), DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }

        var observer = app.Client();
        var accepted = await Forms.PostAsync(observer, $"/lltf-amsterdam/uitnodiging/{token}", "uitnodiging", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Mees Kijker",
            ["Input.NewPassword"] = Password,
            ["Input.ConfirmPassword"] = Password,
        });
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Contains("Je rollen hier: Meelezer", WebUtility.HtmlDecode(await observer.GetStringAsync("/lltf-amsterdam")), StringComparison.Ordinal);
        return observer;
    }
}
