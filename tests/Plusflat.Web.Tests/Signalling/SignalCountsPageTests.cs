using Bunit;
using Plusflat.Web.Features.Signalling;

namespace Plusflat.Web.Tests.Signalling;

/// <summary>
/// The counts page, the complex page's overdue actions and the overview's overdue card with the real handlers on real
/// PostgreSQL (demo data): leads see numbers only, the complex's own team sees its overdue actions (logged once).
/// </summary>
public sealed class SignalCountsPageTests(PlusflatApp app) : ComponentTest(app)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private const string Tenant = "lltf-amsterdam";

    [Fact]
    public async Task CountsPage_Lead_SeesChartTableWithSuppressedCountsAndExportLinksButNoCodes()
    {
        await SignInAsync("lead@lltf-amsterdam.demo", Tenant);

        var page = RenderWithProviders<SignalCountsPage>(p => p.Add(x => x.Tenant, Tenant));

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=counts-row]")), Wait);
        Assert.NotNull(page.Find("[data-testid=counts-chart] svg"));
        var cells = page.FindAll("[data-testid=counts-row] td[data-testid^=count-]").Select(c => c.TextContent.Trim()).ToList();
        Assert.Contains("< 3", cells);
        Assert.DoesNotContain(cells, c => c is "1" or "2");
        Assert.Contains(page.FindAll("[data-testid=counts-row] th"), th => th.TextContent.Contains("De Klimop", StringComparison.Ordinal));
        Assert.DoesNotContain("K-0", page.Markup, StringComparison.Ordinal);
        Assert.StartsWith($"/api/v1/{Tenant}/signal-counts.csv?from=", page.Find("[data-testid=export-csv]").GetAttribute("href"), StringComparison.Ordinal);
        Assert.StartsWith($"/api/v1/{Tenant}/signal-counts.xlsx?from=", page.Find("[data-testid=export-xlsx]").GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OverduePanel_TeamMemberOfTheComplex_SeesTheOverdueActionsAndOneLogEntryIsWritten()
    {
        await SignInAsync("team@lltf-amsterdam.demo", Tenant);
        var klimop = await App.ScalarAsync<Guid>("SELECT id FROM complexes WHERE name = 'De Klimop'");
        const string entries = "SELECT count(*) FROM access_log WHERE complex_id = @p0 AND detail = 'acties over datum (complexpagina)'";
        var before = await App.ScalarAsync<long>(entries, klimop);
        var expected = await App.ScalarAsync<long>("SELECT count(*) FROM signal_actions WHERE complex_id = @p0 AND status = 'Open' AND due < current_date", klimop);

        var panel = RenderWithProviders<OverdueActionsPanel>(p => p.Add(x => x.ComplexId, klimop));

        panel.WaitForAssertion(() => Assert.Equal((int)expected, panel.FindAll("[data-testid=overdue-action]").Count), Wait);
        Assert.Contains("K-", panel.Find("[data-testid=overdue-actions]").TextContent, StringComparison.Ordinal);
        Assert.Equal(before + 1, await App.ScalarAsync<long>(entries, klimop));
    }

    [Fact]
    public async Task OverduePanel_Lead_SeesOnlyACount()
    {
        await SignInAsync("lead@lltf-amsterdam.demo", Tenant);
        var klimop = await App.ScalarAsync<Guid>("SELECT id FROM complexes WHERE name = 'De Klimop'");
        var expected = await App.ScalarAsync<long>("SELECT count(*) FROM signal_actions WHERE complex_id = @p0 AND status = 'Open' AND due < current_date", klimop);

        var panel = RenderWithProviders<OverdueActionsPanel>(p => p.Add(x => x.ComplexId, klimop));

        panel.WaitForAssertion(() => Assert.Contains(expected >= 3 ? $": {expected}" : ": < 3", panel.Find("[data-testid=overdue-count]").TextContent, StringComparison.Ordinal), Wait);
        Assert.Empty(panel.FindAll("[data-testid=overdue-action]"));
        Assert.DoesNotContain("K-", panel.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OverdueCard_Lead_CountsTheComplexesWithOverdueActions()
    {
        await SignInAsync("lead@lltf-amsterdam.demo", Tenant);

        var card = RenderWithProviders<OverdueActionsCard>();

        card.WaitForAssertion(() => Assert.NotEmpty(card.FindAll("[data-testid=overdue-complex]")), Wait);
        Assert.Contains(card.FindAll("[data-testid=overdue-complex]"), r => r.TextContent.Contains("De Klimop", StringComparison.Ordinal));
        Assert.DoesNotContain("K-", card.Markup, StringComparison.Ordinal);
    }
}

/// <summary>The week-by-week timeline component: gap weeks stand between the meetings, in week order.</summary>
public sealed class MeetingWeeksTests(PlusflatApp app) : ComponentTest(app)
{
    [Fact]
    public void Timeline_WeekWithoutMeeting_ShowsAsAGapRowBetweenTheMeetings()
    {
        var meetings = new List<MeetingRow>
        {
            new(Guid.NewGuid(), new DateOnly(2026, 11, 23), 2, 1), // 2026-W48
            new(Guid.NewGuid(), new DateOnly(2026, 11, 9), 1, 0), // 2026-W46
        };

        var timeline = RenderWithProviders<MeetingWeeks>(p => p.Add(x => x.Meetings, meetings).Add(x => x.GapWeeks, new List<string> { "2026-W47" }));

        var rows = timeline.FindAll("tbody tr");
        Assert.Equal(["meeting-row", "gap-row", "meeting-row"], rows.Select(r => r.GetAttribute("data-testid")));
        Assert.StartsWith("2026-W47", rows[1].TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains("Geen overleg deze week", rows[1].TextContent, StringComparison.Ordinal);
    }
}
