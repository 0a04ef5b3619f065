using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Plusflat.Domain.Signalling;
using Plusflat.Web.Features.Signalling;

namespace Plusflat.Web.Tests.Signalling;

/// <summary>
/// The draft of a meeting on real PostgreSQL: two team members typing in the same meeting keep each other's signals,
/// a change of the SAME signal made on a stale version is refused with the stored one beside it, and finishing turns
/// the whole draft into the meeting. Also the page: what was typed is there again when the page is opened anew.
/// </summary>
public sealed class MeetingDraftHandlerTests(PlusflatApp app) : ComponentTest(app)
{
    private const string Tenant = "lltf-amsterdam";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private static DraftSignalContent Typed(string code, string description) => new(code, SignalCategory.Falls, NoticedBy.Care, description, []);

    [Fact]
    public async Task Save_TwoMembersInOneMeeting_KeepEachOthersSignalsAndASameSignalEditOnAStaleVersionConflicts()
    {
        await SignInAsync("team-zonnehof@lltf-amsterdam.demo", Tenant);
        var zonnehof = await App.ScalarAsync<Guid>("SELECT id FROM complexes WHERE name = 'Het Zonnehof'");
        var drafts = Services.GetRequiredService<MeetingDraftHandler>();
        var hold = Services.GetRequiredService<HoldMeetingHandler>();
        var member = await App.ScalarAsync<Guid>("SELECT id FROM flat_team_members WHERE complex_id = @p0 AND ends_on IS NULL ORDER BY name LIMIT 1", zonnehof);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var mine = Guid.CreateVersion7();
        var theirs = Guid.CreateVersion7();
        await App.ExecuteAsync("DELETE FROM signal_meeting_drafts WHERE complex_id = @p0", zonnehof);

        // Member A starts the meeting with one signal; member B (a second screen) adds another without knowing A's.
        var a = await drafts.SaveAsync(zonnehof, new DraftHeaderChange(null, null, [], today, [member]), [new DraftSignalChange(mine, null, Typed("Z-501", "Minder buiten"))], CancellationToken.None);
        var b = await drafts.SaveAsync(zonnehof, null, [new DraftSignalChange(theirs, null, Typed("Z-502", "Vergeet de pillen"))], CancellationToken.None);

        Assert.Empty(a.Conflicts);
        Assert.Empty(b.Conflicts);
        Assert.Equal(["Z-501", "Z-502"], b.Draft!.Signals.Select(s => s.Content.ResidentCode));
        var original = a.Draft!.Signals.Single(s => s.Id == mine).Version;

        // A changes its signal; B, still on the old version of A's signal, changes it too: refused, A's text stays.
        var edited = await drafts.SaveAsync(zonnehof, null, [new DraftSignalChange(mine, original, Typed("Z-501", "Minder buiten, valt soms"))], CancellationToken.None);
        var stale = await drafts.SaveAsync(zonnehof, null, [new DraftSignalChange(mine, original, Typed("Z-501", "Overschreven?"))], CancellationToken.None);

        Assert.Empty(edited.Conflicts);
        var conflict = Assert.Single(stale.Conflicts);
        Assert.Equal("Minder buiten, valt soms", conflict.Theirs!.Description);
        Assert.Equal("Minder buiten, valt soms", stale.Draft!.Signals.Single(s => s.Id == mine).Content.Description);

        // Keeping mine on purpose: based on the version shown in the conflict.
        var kept = await drafts.SaveAsync(zonnehof, null, [new DraftSignalChange(mine, conflict.TheirVersion, Typed("Z-501", "Minder buiten; valt soms"))], CancellationToken.None);
        Assert.Empty(kept.Conflicts);

        var finished = await hold.FinishDraftAsync(zonnehof, kept.Draft!.Id, CancellationToken.None);

        Assert.True(finished.Succeeded, string.Join("; ", finished.Errors.Select(e => $"{e.Field}: {e.Message}")));
        Assert.Equal(0L, await App.ScalarAsync<long>("SELECT count(*) FROM signal_meeting_drafts WHERE complex_id = @p0", zonnehof));
        Assert.Null(await drafts.LoadAsync(zonnehof, CancellationToken.None));
        Assert.Equal("Z-501,Z-502", string.Join(",", await CodesAsync(finished.Id!.Value)));
        Assert.Equal("Minder buiten; valt soms", await App.ScalarAsync<string>("SELECT description FROM signals WHERE meeting_id = @p0 AND resident_code = 'Z-501'", finished.Id!.Value));
    }

    [Fact]
    public async Task Finish_DraftWithAnIdentifyingCode_IsRefusedAtThatSignalAndTheDraftStays()
    {
        await SignInAsync("team-zonnehof@lltf-amsterdam.demo", Tenant);
        var zonnehof = await App.ScalarAsync<Guid>("SELECT id FROM complexes WHERE name = 'Het Zonnehof'");
        var drafts = Services.GetRequiredService<MeetingDraftHandler>();
        var member = await App.ScalarAsync<Guid>("SELECT id FROM flat_team_members WHERE complex_id = @p0 AND ends_on IS NULL ORDER BY name LIMIT 1", zonnehof);
        await App.ExecuteAsync("DELETE FROM signal_meeting_drafts WHERE complex_id = @p0", zonnehof);

        var saved = await drafts.SaveAsync(zonnehof, new DraftHeaderChange(null, null, [], DateOnly.FromDateTime(DateTime.UtcNow), [member]),
            [new DraftSignalChange(Guid.CreateVersion7(), null, Typed("Z-601", "Gaat goed")), new DraftSignalChange(Guid.CreateVersion7(), null, Typed("meneer de Vries", "Valt"))], CancellationToken.None);

        var result = await Services.GetRequiredService<HoldMeetingHandler>().FinishDraftAsync(zonnehof, saved.Draft!.Id, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Field == "Signals[1].ResidentCode");
        Assert.Equal(2, (await drafts.LoadAsync(zonnehof, CancellationToken.None))!.Signals.Count);
    }

    [Fact]
    public async Task Page_WhatWasTyped_IsSavedAsADraftAndThereAgainWhenThePageIsOpenedAnew()
    {
        await SignInAsync("team@lltf-amsterdam.demo", Tenant);
        var klimop = await App.ScalarAsync<Guid>("SELECT id FROM complexes WHERE name = 'De Klimop'");
        await App.ExecuteAsync("DELETE FROM signal_meeting_drafts WHERE complex_id = @p0", klimop);
        var page = RenderWithProviders<SignalMeetings>(p => p.Add(x => x.Tenant, Tenant).Add(x => x.Id, klimop));
        page.WaitForAssertion(() => page.Find("[data-testid=add-signal]"), Wait);

        page.Find("[data-testid=add-signal]").Click();
        page.WaitForAssertion(() => page.Find("[data-testid=resident-code]"), Wait);
        page.Find("[data-testid=resident-code]").Input("K-431");
        page.Find("[data-testid=description]").Input("Zit veel alleen op het balkon");

        page.WaitForAssertion(() => Assert.Contains("Concept opgeslagen om", page.Find("[data-testid=draft-status]").TextContent, StringComparison.Ordinal), Wait);
        for (var i = 0; i < 40 && await App.ScalarAsync<long>(
                 "SELECT count(*) FROM signal_draft_items WHERE complex_id = @p0 AND content->>'description' = 'Zit veel alleen op het balkon'", klimop) == 0; i++)
        {
            await Task.Delay(500);
        }

        Assert.Equal(1L, await App.ScalarAsync<long>("SELECT count(*) FROM signal_draft_items WHERE complex_id = @p0 AND content->>'resident_code' IS NULL AND content->>'residentCode' = 'K-431'", klimop));

        // What a fresh page reads to resume (the Chromium test opens the page anew in a browser).
        var resumed = await Services.GetRequiredService<MeetingDraftHandler>().LoadAsync(klimop, CancellationToken.None);
        var signal = Assert.Single(resumed!.Signals);
        Assert.Equal("K-431", signal.Content.ResidentCode);
        Assert.Equal("Zit veel alleen op het balkon", signal.Content.Description);
    }

    private async Task<string?[]> CodesAsync(Guid meetingId) =>
    [
        await App.ScalarAsync<string>("SELECT resident_code FROM signals WHERE meeting_id = @p0 ORDER BY resident_code LIMIT 1", meetingId),
        await App.ScalarAsync<string>("SELECT resident_code FROM signals WHERE meeting_id = @p0 ORDER BY resident_code DESC LIMIT 1", meetingId),
    ];
}
