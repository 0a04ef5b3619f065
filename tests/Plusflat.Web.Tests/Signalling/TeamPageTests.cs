using Bunit;
using Plusflat.Web.Features.Signalling;

namespace Plusflat.Web.Tests.Signalling;

/// <summary>The flat team page with the real handlers on real PostgreSQL: the demo team's working agreements.</summary>
public sealed class TeamPageTests(PlusflatApp app) : ComponentTest(app)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private const string Tenant = "lltf-amsterdam";

    [Theory]
    [InlineData("team@lltf-amsterdam.demo", "De Klimop")]
    [InlineData("team-zonnehof@lltf-amsterdam.demo", "Het Zonnehof")]
    public async Task Page_DemoTeamMember_SeesEscalationLinesWithFourLevelsTheAmbitionAndTheWorkAgendaWithItsHistory(string email, string complex)
    {
        await SignInAsync(email, Tenant);
        var complexId = await App.ScalarAsync<Guid>("SELECT id FROM complexes WHERE name = @p0", complex);

        var page = RenderWithProviders<TeamPage>(p => p.Add(x => x.Tenant, Tenant).Add(x => x.Id, complexId));

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=member]")), Wait);
        Assert.Contains("flatteam", page.Find("[data-testid=who-signals-text]").TextContent, StringComparison.Ordinal);
        Assert.Equal(["0", "1", "2", "3"], page.FindAll("[data-testid=level-row]").Select(r => r.QuerySelector("td")!.TextContent.Trim()));
        Assert.Empty(page.FindAll("[data-testid=escalation-empty]"));
        var current = page.FindAll("[data-testid=text-current]").Select(t => t.TextContent).ToList();
        Assert.Contains(current, t => t.Contains($"Niemand in {complex}", StringComparison.Ordinal));
        Assert.Contains(current, t => t.Contains("valpreventie", StringComparison.Ordinal));
        // The earlier work agenda stays in the history.
        Assert.Contains(page.FindAll("[data-testid=history-row]"), r => r.TextContent.Contains("Huisbezoeken bij nieuwe bewoners.", StringComparison.Ordinal)
            && !r.TextContent.Contains("valpreventie", StringComparison.Ordinal));
    }
}
