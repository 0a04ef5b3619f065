using Microsoft.Playwright;

namespace Plusflat.Web.Tests.Browser;

/// <summary>
/// Issue 9's Chromium test: the flat-team member logs a meeting with two signals and an action, the connection drops
/// mid-entry and nothing typed is lost (the draft is on the server), the action stands on the next meeting's agenda,
/// and the programme lead sees only counts.
/// </summary>
public sealed class SignalMeetingBrowserTests(PlusflatBrowserApp app) : BrowserTest(app)
{
    private const string Tenant = "lltf-amsterdam";

    [Fact]
    public async Task TeamMember_LogsAMeeting_ConnectionDropsMidEntry_NothingIsLost_TheActionIsOnTheAgenda_AndTheLeadSeesOnlyCounts()
    {
        var klimop = await App.ScalarAsync<Guid>("SELECT id FROM complexes WHERE name = 'De Klimop'");
        await App.ExecuteAsync("DELETE FROM signal_meeting_drafts WHERE complex_id = @p0", klimop);
        var connection = new ConnectionSwitch();
        await Page.RouteWebSocketAsync("**/_blazor**", connection.Handle);
        await Page.RouteAsync("**/_blazor**", connection.HandleHttpAsync);
        await SignInAsync("team@lltf-amsterdam.demo");
        var url = $"/{Tenant}/complexen/{klimop}/vroegsignalering";
        await GotoAsync(url);

        await Page.GetByTestId("attendee").First.CheckAsync(new() { Force = true });
        await Page.GetByTestId("add-signal").ClickAsync();
        await WaitForCircuitAsync();
        await Page.GetByTestId("add-signal").ClickAsync();
        await WaitForCircuitAsync();
        var codes = Page.GetByTestId("resident-code");
        var descriptions = Page.GetByTestId("description");
        await Assertions.Expect(codes).ToHaveCountAsync(2);
        await codes.Nth(0).FillAsync("K-801");
        await descriptions.Nth(0).FillAsync("Valt vaker in de gang");
        await Page.GetByTestId("add-action").First.ClickAsync();
        await WaitForCircuitAsync();
        await Page.GetByTestId("action-owner").First.ClickAsync(new() { Force = true });
        await Page.Locator(".mud-popover-open .mud-list-item").First.ClickAsync();
        await WaitForCircuitAsync();
        await codes.Nth(1).FillAsync("K-802");
        await Assertions.Expect(Page.GetByTestId("draft-status")).ToContainTextAsync("Concept opgeslagen om", new() { Timeout = 20_000 });

        // Mid-entry: the last words reach the server, then the network goes. The autosave still runs on the server.
        await descriptions.Nth(1).FillAsync("Komt niet meer naar de koffieochtend");
        await connection.WaitForTrafficAsync();
        await connection.DropAsync();
        await Assertions.Expect(Page.Locator("#components-reconnect-modal")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("components-reconnect-(show|retrying)"));
        await Task.Delay(TimeSpan.FromSeconds(2));

        Assert.Equal(2L, await App.ScalarAsync<long>("SELECT count(*) FROM signal_draft_items WHERE complex_id = @p0", klimop));
        Assert.Equal(1L, await App.ScalarAsync<long>(
            "SELECT count(*) FROM signal_draft_items WHERE complex_id = @p0 AND content->>'description' = 'Komt niet meer naar de koffieochtend'", klimop));

        // The laptop is opened again: a fresh load of the page resumes the draft.
        const string views = "SELECT count(*) FROM access_log WHERE complex_id = @p0 AND action = 'View' AND detail = @p1";
        var listViews = await App.ScalarAsync<long>(views, klimop, "overleggen en open acties");
        var draftViews = await App.ScalarAsync<long>(views, klimop, "concept van het overleg geopend");
        connection.Restore();
        await GotoAsync(url);
        await Assertions.Expect(codes).ToHaveCountAsync(2);
        await Assertions.Expect(codes.Nth(0)).ToHaveValueAsync("K-801");
        await Assertions.Expect(codes.Nth(1)).ToHaveValueAsync("K-802");
        await Assertions.Expect(descriptions.Nth(0)).ToHaveValueAsync("Valt vaker in de gang");
        await Assertions.Expect(descriptions.Nth(1)).ToHaveValueAsync("Komt niet meer naar de koffieochtend");
        await Assertions.Expect(Page.GetByTestId("action")).ToHaveCountAsync(1);
        // One view of the page is one entry each for the meetings and the draft: the prerender hands both to the circuit.
        Assert.Equal(listViews + 1, await App.ScalarAsync<long>(views, klimop, "overleggen en open acties"));
        Assert.Equal(draftViews + 1, await App.ScalarAsync<long>(views, klimop, "concept van het overleg geopend"));

        await Page.GetByTestId("save").ClickAsync();
        await Assertions.Expect(Page.GetByText("Overleg opgeslagen.")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await WaitForCircuitAsync();

        // The next meeting's agenda: the open action of this one, and the entry form is empty again.
        await GotoAsync(url);
        await Assertions.Expect(Page.GetByTestId("agenda-item").Filter(new() { HasText = "K-801" })).ToHaveCountAsync(1);
        await Assertions.Expect(codes).ToHaveCountAsync(0);
        Assert.Equal(0L, await App.ScalarAsync<long>("SELECT count(*) FROM signal_meeting_drafts WHERE complex_id = @p0", klimop));
        Assert.Equal(2L, await App.ScalarAsync<long>("SELECT count(*) FROM signals WHERE complex_id = @p0 AND resident_code IN ('K-801', 'K-802')", klimop));

        // The lead: no meeting page, only counts (no codes, no descriptions).
        var leadContext = await NewContextAsync();
        var lead = await NewPageAsync(leadContext);
        await lead.GotoAsync("/account/inloggen");
        await lead.GetByLabel("E-mailadres").FillAsync("lead@lltf-amsterdam.demo");
        await lead.GetByLabel("Wachtwoord").FillAsync(PlusflatApp.DemoPassword);
        await lead.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
        await lead.WaitForURLAsync(u => !u.Contains("/account/inloggen", StringComparison.Ordinal));
        var page = await GotoAsync(url, lead);
        Assert.Equal(403, page!.Status);
        await Assertions.Expect(lead.GetByText("K-801")).ToHaveCountAsync(0);
        var counts = await lead.APIRequest.GetAsync($"/api/v1/{Tenant}/complexes/{klimop}/signal-counts");
        Assert.Equal(200, counts.Status);
        var body = await counts.TextAsync();
        Assert.Contains("\"rows\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain("K-801", body, StringComparison.Ordinal);
        Assert.DoesNotContain("koffieochtend", body, StringComparison.Ordinal);
        Assert.Equal(403, (await lead.APIRequest.GetAsync($"/api/v1/{Tenant}/complexes/{klimop}/meetings")).Status);
        await leadContext.DisposeAsync();
    }
}
