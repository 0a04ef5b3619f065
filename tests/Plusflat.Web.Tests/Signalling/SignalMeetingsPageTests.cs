using Bunit;
using Plusflat.Web.Features.Signalling;
using Plusflat.Web.Tests.Start;

namespace Plusflat.Web.Tests.Signalling;

/// <summary>The flat team's meeting page with the real handlers on real PostgreSQL (demo team of De Klimop).</summary>
public sealed class SignalMeetingsPageTests(PlusflatApp app) : ComponentTest(app)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private const string Tenant = "lltf-amsterdam";

    [Fact]
    public async Task Page_TeamMember_SeesTheOpenActionsWithOverdueOnesAndTheTimelineWithGaps()
    {
        await SignInAsync("team@lltf-amsterdam.demo", Tenant);
        var klimop = await App.ScalarAsync<Guid>("SELECT id FROM complexes WHERE name = 'De Klimop'");

        var page = RenderWithProviders<SignalMeetings>(p => p.Add(x => x.Tenant, Tenant).Add(x => x.Id, klimop));

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=agenda-item]")), Wait);
        Assert.NotEmpty(page.FindAll("[data-testid=overdue-chip]"));
        Assert.Contains("W", page.Find("[data-testid=gaps]").TextContent, StringComparison.Ordinal);
        Assert.InRange(page.FindAll("[data-testid=meeting-row]").Count, 20, 26);
    }

    [Fact]
    public async Task Save_IdentifyingText_IsRefusedAtEachFieldWithTheInputKept_ThenTheCorrectedMeetingIsSaved()
    {
        await SignInAsync("team@lltf-amsterdam.demo", Tenant);
        var klimop = await App.ScalarAsync<Guid>("SELECT id FROM complexes WHERE name = 'De Klimop'");
        var page = RenderWithProviders<SignalMeetings>(p => p.Add(x => x.Tenant, Tenant).Add(x => x.Id, klimop));
        page.WaitForAssertion(() => page.Find("[data-testid=add-signal]"), Wait);

        page.Find("[data-testid=add-signal]").Click();
        page.WaitForAssertion(() => page.Find("[data-testid=resident-code]"), Wait);
        page.FindAll("[data-testid=attendee]")[0].Change(true);
        page.Find("[data-testid=resident-code]").Input("mevrouw Jansen");
        page.Find("[data-testid=description]").Input("Dochter bellen op 06-12345678");
        page.Find("[data-testid=save]").Click();

        page.WaitForAssertion(() => Assert.Contains("bewonerscode", MudFieldLookup.ErrorAt(page.Find("[data-testid=resident-code]")) ?? "", StringComparison.Ordinal), Wait);
        Assert.Contains("telefoonnummer", MudFieldLookup.ErrorAt(page.Find("[data-testid=description]")), StringComparison.Ordinal);
        Assert.Equal("mevrouw Jansen", page.Find("[data-testid=resident-code]").GetAttribute("value"));
        Assert.Equal(0L, await App.ScalarAsync<long>("SELECT count(*) FROM signals WHERE resident_code = 'K-777'"));

        page.Find("[data-testid=resident-code]").Input("K-777");
        page.Find("[data-testid=description]").Input("Komt minder naar de koffieochtend");
        page.Find("[data-testid=save]").Click();

        Snackbars.WaitForAssertion(() => Assert.Contains("Overleg opgeslagen.", Snackbars.Markup, StringComparison.Ordinal), Wait);
        Assert.Equal(1L, await App.ScalarAsync<long>("SELECT count(*) FROM signals WHERE resident_code = 'K-777' AND complex_id = @p0", klimop));
        Assert.Null(MudFieldLookup.ErrorAt(page.Find("[data-testid=held-on]")));
    }
}
