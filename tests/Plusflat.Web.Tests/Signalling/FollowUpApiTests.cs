using System.Net.Http.Json;
using System.Text.Json;
using Plusflat.Domain.Signalling;

namespace Plusflat.Web.Tests.Signalling;

/// <summary>
/// What happens after the meeting and around it, over the JSON API on real PostgreSQL: actions finished with their
/// outcome and signals moved along (versions, 409), escalation lines in the team PUT, the team's ambition and work
/// agenda with history, and the programme's resident-code pattern used by the meeting POST.
/// </summary>
public sealed class FollowUpApiTests(PlusflatApp app) : IClassFixture<PlusflatApp>
{
    private const string Tenant = "lltf-amsterdam";
    private const string Team = "team@lltf-amsterdam.demo";
    private const string ZonnehofTeam = "team-zonnehof@lltf-amsterdam.demo";
    private const string Lead = "lead@lltf-amsterdam.demo";

    [Fact]
    public async Task FinishAction_AfterTheMeeting_LeavesTheAgendaAndAStaleVersionIs409()
    {
        var client = await app.SignedInClientAsync(ZonnehofTeam);
        var zonnehof = await ComplexIdAsync("Het Zonnehof");
        var member = await FirstMemberAsync(client, zonnehof);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var created = await client.PostAsJsonAsync(Meetings(zonnehof), new
        {
            date = today.ToString("yyyy-MM-dd"),
            attendeeIds = new[] { member },
            signals = new[] { new { residentCode = "Z-711", category = "falls", noticedBy = "care", description = "Valt vaker", actions = new[] { new { ownerId = member, due = today.AddDays(7).ToString("yyyy-MM-dd"), escalationLevel = 1, warmHandover = false } } } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var item = (await client.GetJsonAsync(Meetings(zonnehof))).GetProperty("agenda").EnumerateArray().Single(a => a.GetProperty("residentCode").GetString() == "Z-711");
        var actionId = item.GetProperty("actionId").GetGuid();
        var version = item.GetProperty("version").GetUInt32();

        var noOutcome = await client.PutAsJsonAsync(Action(zonnehof, actionId), new { status = "done", outcome = (string?)null, version });
        Assert.Equal(HttpStatusCode.BadRequest, noOutcome.StatusCode);
        Assert.True((await ApiTestData.ProblemErrorsAsync(noOutcome)).TryGetProperty("outcome", out _));

        var identifying = await client.PutAsJsonAsync(Action(zonnehof, actionId), new { status = "done", outcome = "Dochter gebeld op 06-12345678", version });
        Assert.Equal(HttpStatusCode.BadRequest, identifying.StatusCode);
        Assert.Contains("telefoonnummer", (await ApiTestData.ProblemErrorsAsync(identifying)).GetProperty("outcome")[0].GetString(), StringComparison.Ordinal);

        var done = await client.PutAsJsonAsync(Action(zonnehof, actionId), new { status = "done", outcome = "Rollator geregeld via de fysiotherapeut", version });
        Assert.Equal(HttpStatusCode.NoContent, done.StatusCode);
        var meeting = await client.GetJsonAsync($"{Meetings(zonnehof)}/{item.GetProperty("meetingId").GetGuid()}");
        var action = meeting.GetProperty("signals").EnumerateArray().Single(s => s.GetProperty("residentCode").GetString() == "Z-711").GetProperty("actions")[0];
        Assert.Equal(member, action.GetProperty("ownerId").GetGuid());
        Assert.Equal(today.AddDays(7).ToString("yyyy-MM-dd"), action.GetProperty("due").GetString());
        Assert.Equal(1, action.GetProperty("escalationLevel").GetInt32());
        Assert.False(action.GetProperty("warmHandover").GetBoolean());
        Assert.Equal("Rollator geregeld via de fysiotherapeut", action.GetProperty("outcome").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await client.PutAsJsonAsync(Action(zonnehof, actionId), new { status = "cancelled", outcome = "Toch niet", version })).StatusCode);

        var list = await client.GetJsonAsync(Meetings(zonnehof));
        Assert.DoesNotContain(list.GetProperty("agenda").EnumerateArray(), a => a.GetProperty("actionId").GetGuid() == actionId);
        Assert.Equal("Done", await app.ScalarAsync<string>("SELECT status FROM signal_actions WHERE id = @p0", actionId));
        Assert.Equal(1L, await app.ScalarAsync<long>("SELECT count(*) FROM access_log WHERE signal_id = @p0 AND action = 'Change'", item.GetProperty("signalId").GetGuid()));
    }

    [Fact]
    public async Task SignalStatus_MovesAlongToClosedOnceItsActionsAreFinished_AndTheLeadCannotChangeIt()
    {
        var client = await app.SignedInClientAsync(ZonnehofTeam);
        var zonnehof = await ComplexIdAsync("Het Zonnehof");
        var member = await FirstMemberAsync(client, zonnehof);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync(Meetings(zonnehof), new
        {
            date = today.ToString("yyyy-MM-dd"),
            attendeeIds = new[] { member },
            signals = new[] { new { residentCode = "Z-712", category = "forgetfulness", noticedBy = "resident", description = "Vergeet afspraken", actions = new[] { new { ownerId = member, due = today.AddDays(3).ToString("yyyy-MM-dd"), escalationLevel = 0, warmHandover = true } } } },
        })).StatusCode);
        var open = await OpenSignalAsync(client, zonnehof, "Z-712");
        Assert.Equal((int)SignalStatus.PickedUp, open.GetProperty("status").GetInt32());
        var signalId = open.GetProperty("signalId").GetGuid();

        var lead = await app.SignedInClientAsync(Lead);
        Assert.Equal(HttpStatusCode.Forbidden, (await lead.PutAsJsonAsync(Status(zonnehof, signalId), new { status = "closed", version = open.GetProperty("version").GetUInt32() })).StatusCode);

        var tooEarly = await client.PutAsJsonAsync(Status(zonnehof, signalId), new { status = "closed", version = open.GetProperty("version").GetUInt32() });
        Assert.Equal(HttpStatusCode.BadRequest, tooEarly.StatusCode);
        Assert.True((await ApiTestData.ProblemErrorsAsync(tooEarly)).TryGetProperty("status", out _));

        var monitoring = await client.PutAsJsonAsync(Status(zonnehof, signalId), new { status = "monitoring", version = open.GetProperty("version").GetUInt32() });
        Assert.Equal(HttpStatusCode.NoContent, monitoring.StatusCode);
        var item = (await client.GetJsonAsync(Meetings(zonnehof))).GetProperty("agenda").EnumerateArray().Single(a => a.GetProperty("signalId").GetGuid() == signalId);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PutAsJsonAsync(Action(zonnehof, item.GetProperty("actionId").GetGuid()),
            new { status = "done", outcome = "Huisarts ingeschakeld", version = item.GetProperty("version").GetUInt32() })).StatusCode);
        open = await OpenSignalAsync(client, zonnehof, "Z-712");
        var closed = await client.PutAsJsonAsync(Status(zonnehof, signalId), new { status = "closed", version = open.GetProperty("version").GetUInt32() });

        Assert.Equal(HttpStatusCode.NoContent, closed.StatusCode);
        Assert.Equal("Closed", await app.ScalarAsync<string>("SELECT status FROM signals WHERE id = @p0", signalId));
        Assert.DoesNotContain((await client.GetJsonAsync(Meetings(zonnehof))).GetProperty("openSignals").EnumerateArray(), s => s.GetProperty("signalId").GetGuid() == signalId);
    }

    [Fact]
    public async Task PutTeam_EscalationLines_AreStoredWithAVersionAndAStaleOneIs409WithTheCurrentTeam()
    {
        var lead = await app.SignedInClientAsync(Lead);
        var complex = await ApiTestData.NewComplexAsync(lead, Tenant, "Escalatieflat");
        var escalation = new
        {
            whoSignals = "Iedereen in het flatteam",
            whoActs = "De flatcoach",
            whoDecides = "De projectleider",
            levels = new object[]
            {
                new { level = 0, name = "In het team", criteria = "Een eerste signaal", decides = (string?)null },
                new { level = 1, name = "Huisarts", criteria = "Twee signalen binnen een maand of een val", decides = "Wijkverpleegkundige" },
            },
        };

        var put = await lead.PutAsJsonAsync(TeamUrl(complex), new { members = Array.Empty<object>(), escalation });
        Assert.Equal(HttpStatusCode.NoContent, put.StatusCode);

        var team = await lead.GetJsonAsync(TeamUrl(complex));
        var stored = team.GetProperty("escalation");
        Assert.Equal("De flatcoach", stored.GetProperty("whoActs").GetString());
        Assert.Equal("Twee signalen binnen een maand of een val", stored.GetProperty("levels")[1].GetProperty("criteria").GetString());
        var version = stored.GetProperty("version").GetUInt32();

        var bad = await lead.PutAsJsonAsync(TeamUrl(complex), new
        {
            members = Array.Empty<object>(),
            escalation = new { whoSignals = "X", whoActs = "Y", whoDecides = "Z", levels = new object[] { new { level = 0, name = "Team", criteria = "", decides = (string?)null } }, version },
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await ApiTestData.ProblemErrorsAsync(bad)).TryGetProperty("escalation.levels[0].criteria", out _));

        var stale = await lead.PutAsJsonAsync(TeamUrl(complex), new { members = Array.Empty<object>(), escalation = new { escalation.whoSignals, escalation.whoActs, whoDecides = "Iemand anders", escalation.levels, version = version + 1 } });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var problem = await stale.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("De projectleider", problem.GetProperty("current").GetProperty("escalation").GetProperty("whoDecides").GetString());

        var missing = await lead.PutAsJsonAsync(TeamUrl(complex), new { members = Array.Empty<object>() });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.True((await ApiTestData.ProblemErrorsAsync(missing)).TryGetProperty("escalation", out _));
    }

    [Fact]
    public async Task TeamTexts_NewVersions_KeepTheHistoryAndATeamMemberOfAnotherComplexCannotWrite()
    {
        var team = await app.SignedInClientAsync(Team);
        var klimop = await ComplexIdAsync("De Klimop");

        var first = await team.PostAsJsonAsync($"{TeamUrl(klimop)}/texts", new { kind = "ambition", text = "Samen ouder worden in De Klimop", datedOn = "2026-01-01" });
        var second = await team.PostAsJsonAsync($"{TeamUrl(klimop)}/texts", new { kind = "ambition", text = "Niemand in De Klimop alleen", datedOn = "2026-09-01" });
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);

        var view = await team.GetJsonAsync(TeamUrl(klimop));
        Assert.Equal("Niemand in De Klimop alleen", view.GetProperty("ambition").GetProperty("text").GetString());
        Assert.Contains(view.GetProperty("history").EnumerateArray(), h => h.GetProperty("text").GetString() == "Samen ouder worden in De Klimop");
        var noDate = await team.PostAsJsonAsync($"{TeamUrl(klimop)}/texts", new { kind = "workAgenda", text = "Koffieochtend elke dinsdag", datedOn = (string?)null });
        Assert.True((await ApiTestData.ProblemErrorsAsync(noDate)).TryGetProperty("datedOn", out _));

        var other = await app.SignedInClientAsync(ZonnehofTeam);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"{TeamUrl(klimop)}/texts", new { kind = "workAgenda", text = "Ingebroken", datedOn = "2026-01-01" })).StatusCode);
    }

    [Fact]
    public async Task ResidentCodePattern_SetByTheLead_IsWhatTheMeetingPostChecks()
    {
        var lead = await app.SignedInClientAsync(Lead);
        var team = await app.SignedInClientAsync(ZonnehofTeam);
        var zonnehof = await ComplexIdAsync("Het Zonnehof");
        var member = await FirstMemberAsync(team, zonnehof);
        const string Settings = $"/api/v1/{Tenant}/settings/resident-code";
        var current = await lead.GetJsonAsync(Settings);
        Assert.True(current.GetProperty("isDefault").GetBoolean());

        var loose = await lead.PutAsJsonAsync(Settings, new { pattern = "[A-Za-z ]+", example = "Jansen" });
        Assert.Equal(HttpStatusCode.BadRequest, loose.StatusCode);
        Assert.True((await ApiTestData.ProblemErrorsAsync(loose)).TryGetProperty("pattern", out _));
        Assert.Equal(HttpStatusCode.Forbidden, (await team.PutAsJsonAsync(Settings, new { pattern = "K[0-9]{3}", example = "K017" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await lead.PutAsJsonAsync(Settings, new { pattern = "Z[0-9]{3}", example = "Z017" })).StatusCode);

        var old = await team.PostAsJsonAsync(Meetings(zonnehof), OneSignal(member, "Z-017"));
        var fits = await team.PostAsJsonAsync(Meetings(zonnehof), OneSignal(member, "Z017"));

        Assert.Equal(HttpStatusCode.BadRequest, old.StatusCode);
        var error = (await ApiTestData.ProblemErrorsAsync(old)).GetProperty("signals[0].residentCode")[0].GetString();
        Assert.Contains("Z017", error, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, fits.StatusCode);
        var version = (await lead.GetJsonAsync(Settings)).GetProperty("version").GetUInt32();
        Assert.Equal(HttpStatusCode.Conflict, (await lead.PutAsJsonAsync(Settings, new { pattern = "[A-Z]{1,3}-[0-9]{1,4}", example = "B-017", version = version + 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await lead.PutAsJsonAsync(Settings, new { pattern = "[A-Z]{1,3}-[0-9]{1,4}", example = "B-017", version })).StatusCode);
    }

    private static object OneSignal(Guid member, string code) => new
    {
        date = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd"),
        attendeeIds = new[] { member },
        signals = new[] { new { residentCode = code, category = "other", noticedBy = "housing", description = "Post stapelt zich op", actions = Array.Empty<object>() } },
    };

    private async Task<JsonElement> OpenSignalAsync(HttpClient client, Guid complexId, string code) =>
        (await client.GetJsonAsync(Meetings(complexId))).GetProperty("openSignals").EnumerateArray().Single(s => s.GetProperty("residentCode").GetString() == code);

    private static async Task<Guid> FirstMemberAsync(HttpClient client, Guid complexId) =>
        (await client.GetJsonAsync(TeamUrl(complexId))).GetProperty("members").EnumerateArray().First(m => m.GetProperty("active").GetBoolean()).GetProperty("id").GetGuid();

    private static string TeamUrl(Guid complexId) => $"/api/v1/{Tenant}/complexes/{complexId}/team";

    private static string Meetings(Guid complexId) => $"/api/v1/{Tenant}/complexes/{complexId}/meetings";

    private static string Action(Guid complexId, Guid actionId) => $"/api/v1/{Tenant}/complexes/{complexId}/actions/{actionId}";

    private static string Status(Guid complexId, Guid signalId) => $"/api/v1/{Tenant}/complexes/{complexId}/signals/{signalId}/status";

    private Task<Guid> ComplexIdAsync(string name) => app.ScalarAsync<Guid>("SELECT id FROM complexes WHERE name = @p0", name);
}
