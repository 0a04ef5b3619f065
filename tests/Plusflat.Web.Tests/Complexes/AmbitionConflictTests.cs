using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Plusflat.Infrastructure.Persistence;

namespace Plusflat.Web.Tests.Complexes;

/// <summary>
/// The ambition form's optimistic concurrency. A class of its own: <see cref="OverviewTests"/> saves Rotterdam's
/// ambition from version 0 and so needs a database where nobody saved one before.
/// </summary>
public sealed partial class AmbitionConflictTests(PlusflatApp app) : IClassFixture<PlusflatApp>
{
    private const string Page = "/thuisplusflat-rotterdam/overzicht";

    [Fact]
    public async Task SaveAmbition_TwoPostsFromTheSameLoadedVersion_SecondGetsConflictAndDatabaseKeepsFirst()
    {
        var lead = await app.SignedInClientAsync("lead@thuisplusflat-rotterdam.demo");
        var admin = await app.SignedInClientAsync("admin@plusflat.demo");
        var leadPage = await lead.GetStringAsync(Page);
        var adminPage = await admin.GetStringAsync(Page);
        var version = HiddenVersion(leadPage);
        Assert.Equal(version, HiddenVersion(adminPage));

        var first = await lead.PostAsync(Page, Form(leadPage, "12", "2031", version));
        var second = await admin.PostAsync(Page, Form(adminPage, "13", "2032", version));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var html = await second.TextAsync();
        Assert.Contains("Iemand anders heeft dit intussen gewijzigd", html, StringComparison.Ordinal);
        Assert.Contains("value=\"13\"", html, StringComparison.Ordinal);
        Assert.NotEqual(version, HiddenVersion(html));
        var (count, year) = await StoredAmbitionAsync();
        Assert.Equal(12, count);
        Assert.Equal(2031, year);
    }

    private static FormUrlEncodedContent Form(string page, string count, string year, string version) => new(new Dictionary<string, string>
    {
        ["_handler"] = "ambitie",
        ["__RequestVerificationToken"] = PlusflatApp.AntiforgeryToken(page),
        ["Input.TargetCount"] = count,
        ["Input.TargetYear"] = year,
        ["Input.Version"] = version,
    });

    private static string HiddenVersion(string html)
    {
        var match = VersionField().Match(html);
        Assert.True(match.Success, "The ambition form has no hidden version.");
        return match.Groups[1].Value;
    }

    private async Task<(int Count, int Year)> StoredAmbitionAsync()
    {
        Guid tenantId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            tenantId = await scope.ServiceProvider.GetRequiredService<PlusflatDbContext>().Tenants
                .Where(t => t.Slug == "thuisplusflat-rotterdam").Select(t => t.Id).SingleAsync();
        }

        var (tenantScope, db) = app.TenantDb(tenantId);
        using (tenantScope)
        {
            var ambition = await db.ProgrammeAmbitions.AsNoTracking().SingleAsync();
            return (ambition.TargetCount, ambition.TargetYear);
        }
    }

    [GeneratedRegex("name=\"Input.Version\" value=\"(\\d+)\"")]
    private static partial Regex VersionField();
}
