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
    public async Task Timeline_AWeekWithoutAMeeting_ShowsAsAGapRowInItsPlaceBetweenTheMeetings()
    {
        await SignInAsync("team@lltf-amsterdam.demo", Tenant);
        var klimop = await App.ScalarAsync<Guid>("SELECT id FROM complexes WHERE name = 'De Klimop'");

        var page = RenderWithProviders<SignalMeetings>(p => p.Add(x => x.Tenant, Tenant).Add(x => x.Id, klimop));

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=meeting-weeks] [data-testid=gap-row]")), Wait);
        var rows = page.FindAll("[data-testid=meeting-weeks] tbody tr");
        var weeks = rows.Select(r => r.QuerySelector("td")!.TextContent.Trim()).ToList();
        var kinds = rows.Select(r => r.GetAttribute("data-testid")).ToList();
        // Newest first, week by week: the demo's gap weeks (5, 11 and 19 weeks ago) stand between held meetings.
        Assert.Equal(weeks.OrderByDescending(w => w, StringComparer.Ordinal), weeks);
        var gapIndexes = kinds.Select((k, i) => (k, i)).Where(x => x.k == "gap-row").Select(x => x.i).ToList();
        Assert.Equal(3, gapIndexes.Count);
        Assert.All(gapIndexes, i => Assert.True(i > 0 && i < rows.Count - 1 && kinds[i - 1] == "meeting-row" && kinds[i + 1] == "meeting-row"));
        Assert.All(gapIndexes, i => Assert.Contains("Geen overleg deze week", rows[i].TextContent, StringComparison.Ordinal));
        var meetingWeeks = gapIndexes.Select(i => weeks[i]).ToList();
        Assert.DoesNotContain(meetingWeeks, w => kinds.Where((k, i) => k == "meeting-row" && weeks[i] == w).Any());
        Assert.All(meetingWeeks, w => Assert.Contains(w, page.Find("[data-testid=gaps]").TextContent, StringComparison.Ordinal));
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
