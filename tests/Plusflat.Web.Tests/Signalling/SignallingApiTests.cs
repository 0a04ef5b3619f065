using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;

namespace Plusflat.Web.Tests.Signalling;

/// <summary>
/// Flat teams and early signalling over the JSON API on real PostgreSQL (demo data): details only for the complex's own
/// flat team, counts for leads and observers, nothing for assessors; every detail read logged once; identifying text refused.
/// </summary>
public sealed class SignallingApiTests(PlusflatApp app) : IClassFixture<PlusflatApp>
{
    private const string Tenant = "lltf-amsterdam";
    private const string Team = "team@lltf-amsterdam.demo";
    private const string OtherTeam = "team-zonnehof@lltf-amsterdam.demo";
    private const string Lead = "lead@lltf-amsterdam.demo";
    private const string Admin = "admin@plusflat.demo";
    private const string Assessor = "assessor@zorgkantoor-amsterdam.demo";

    /// <summary>Made an observer of lltf-amsterdam for these tests (the demo has no observer account).</summary>
    private const string Observer = "lead@thuisplusflat-rotterdam.demo";

    [Fact]
    public async Task ListMeetings_TeamMemberOfTheComplex_SeesHalfAYearWithGapsAndOverdueActions()
    {
        var client = await app.SignedInClientAsync(Team);
        var klimop = await ComplexIdAsync("De Klimop");

        var view = await client.GetJsonAsync(Meetings(klimop));

        Assert.InRange(view.GetProperty("meetings").GetArrayLength(), 20, 26);
        Assert.Equal(3, view.GetProperty("gapWeeks").GetArrayLength());
        Assert.True(view.GetProperty("overdueActions").GetInt32() > 0);
        Assert.NotEmpty(view.GetProperty("agenda").EnumerateArray());
    }

    [Fact]
    public async Task GetMeeting_TeamMember_SeesSignalsAndActionsAndWritesExactlyOneLogEntry()
    {
        var client = await app.SignedInClientAsync(Team);
        var klimop = await ComplexIdAsync("De Klimop");
        var meetingId = await MeetingIdAsync(klimop);
        var userId = await app.ScalarAsync<Guid>("SELECT id FROM users WHERE email = @p0", Team);
        const string mine = "SELECT count(*) FROM access_log WHERE meeting_id = @p0 AND user_id = @p1 AND action = 'View'";
        var before = await app.ScalarAsync<long>(mine, meetingId, userId);

        var meeting = await client.GetJsonAsync($"{Meetings(klimop)}/{meetingId}");

        Assert.Equal(meetingId, meeting.GetProperty("id").GetGuid());
        Assert.NotEmpty(meeting.GetProperty("signals").EnumerateArray());
        Assert.Equal(before + 1, await app.ScalarAsync<long>(mine, meetingId, userId));
    }

    [Fact]
    public async Task Details_FlatTeamMemberOfAnotherComplex_Gets404AndNothingIsLogged()
    {
        var client = await app.SignedInClientAsync(OtherTeam);
        var klimop = await ComplexIdAsync("De Klimop");
        var meetingId = await MeetingIdAsync(klimop);
        var before = await LogCountAsync(meetingId);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(Meetings(klimop))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{Meetings(klimop)}/{meetingId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/{Tenant}/complexes/{klimop}/team")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/{Tenant}/complexes/{klimop}/signal-counts")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync(Meetings(klimop), MeetingBody([], []))).StatusCode);
        Assert.Equal(before, await LogCountAsync(meetingId));
        // Its own complex works.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Meetings(await ComplexIdAsync("Het Zonnehof")))).StatusCode);
    }

    [Theory]
    [InlineData(Lead)]
    [InlineData(Admin)]
    [InlineData(Observer)]
    public async Task Details_LeadAdminOrObserver_Get403ButCountsWithSmallOnesSuppressed(string email)
    {
        await MakeObserverAsync();
        var client = await app.SignedInClientAsync(email);
        var klimop = await ComplexIdAsync("De Klimop");
        var meetingId = await MeetingIdAsync(klimop);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(Meetings(klimop))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"{Meetings(klimop)}/{meetingId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync(Meetings(klimop), MeetingBody([], []))).StatusCode);

        var response = await client.GetAsync($"/api/v1/{Tenant}/complexes/{klimop}/signal-counts");
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("K-0", text, StringComparison.Ordinal); // no resident codes
        var rows = JsonDocument.Parse(text).RootElement.GetProperty("rows").EnumerateArray().ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.True(r.GetProperty("count").ValueKind == JsonValueKind.Null ? r.GetProperty("shown").GetString() == "< 3" : r.GetProperty("count").GetInt32() >= 3));
        Assert.Contains(rows, r => r.GetProperty("shown").GetString() == "< 3");
    }

    [Fact]
    public async Task Everything_AssessorOfAZorgkantoor_GetsNothing()
    {
        var client = await app.SignedInClientAsync(Assessor);
        var klimop = await ComplexIdAsync("De Klimop");

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(Meetings(klimop))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/{Tenant}/complexes/{klimop}/signal-counts")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/v1/zorgkantoor-amsterdam/complexes/{klimop}/signal-counts")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/v1/zorgkantoor-amsterdam/complexes/{klimop}/meetings")).StatusCode);
    }

    [Theory]
    [InlineData(Lead, HttpStatusCode.Forbidden)]
    [InlineData(Observer, HttpStatusCode.Forbidden)]
    [InlineData(OtherTeam, HttpStatusCode.NotFound)]
    [InlineData(Assessor, HttpStatusCode.NotFound)]
    public async Task MeetingPage_AnyoneButTheComplexsTeam_GetsNoPageAndNoSignalDetail(string email, HttpStatusCode expected)
    {
        await MakeObserverAsync();
        var client = await app.SignedInClientAsync(email);
        var klimop = await ComplexIdAsync("De Klimop");
        var code = await app.ScalarAsync<string>("SELECT resident_code FROM signals WHERE complex_id = @p0 AND resident_code IS NOT NULL LIMIT 1", klimop) ?? "K-0";

        var page = await client.GetAsync($"/{Tenant}/complexen/{klimop}/vroegsignalering");

        Assert.Equal(expected, page.StatusCode);
        Assert.DoesNotContain(code, await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // Control: the complex's own team gets the page with its codes.
        var own = await (await app.SignedInClientAsync(Team)).GetAsync($"/{Tenant}/complexen/{klimop}/vroegsignalering");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }

    [Theory]
    [InlineData(Lead)]
    [InlineData(Admin)]
    [InlineData(Observer)]
    [InlineData(OtherTeam)]
    [InlineData(Assessor)]
    public async Task DatabaseRole_AnyoneButTheComplexsTeam_SeesZeroSignalRows(string email)
    {
        await MakeObserverAsync();
        var klimop = await ComplexIdAsync("De Klimop");
        var tenantId = await app.ScalarAsync<Guid>("SELECT id FROM tenants WHERE slug = @p0", Tenant);
        var userId = await app.ScalarAsync<Guid>("SELECT id FROM users WHERE email = @p0", email);
        var teamUserId = await app.ScalarAsync<Guid>("SELECT id FROM users WHERE email = @p0", Team);

        Assert.Equal(0, await AppRoleCountAsync(tenantId, userId, klimop));
        Assert.True(await AppRoleCountAsync(tenantId, teamUserId, klimop) > 0, "control: the team member sees the rows");
    }

    [Fact]
    public async Task PostMeeting_TwoSignalsAndAnAction_Is201AndReadableWithItsActionOnTheAgenda()
    {
        var client = await app.SignedInClientAsync(Team);
        var zonnehofClient = await app.SignedInClientAsync(OtherTeam);
        var zonnehof = await ComplexIdAsync("Het Zonnehof");
        var team = await zonnehofClient.GetJsonAsync($"/api/v1/{Tenant}/complexes/{zonnehof}/team");
        var member = team.GetProperty("members")[0].GetProperty("id").GetGuid();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        var response = await zonnehofClient.PostAsJsonAsync(Meetings(zonnehof), MeetingBody([member],
        [
            new { residentCode = "Z-901", category = "falls", noticedBy = "care", description = "Valt vaker in de badkamer", actions = new[] { new { ownerId = member, due = today.AddDays(-1).ToString("yyyy-MM-dd"), escalationLevel = 1, warmHandover = true } } },
            new { residentCode = "Z-902", category = "socialWithdrawal", noticedBy = "resident", description = "Komt niet meer naar de huiskamer", actions = Array.Empty<object>() },
        ], today));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var meeting = await zonnehofClient.GetJsonAsync($"{Meetings(zonnehof)}/{id}");
        Assert.Equal(["Z-901", "Z-902"], meeting.GetProperty("signals").EnumerateArray().Select(s => s.GetProperty("residentCode").GetString()).Order());
        Assert.Equal(1L, await app.ScalarAsync<long>("SELECT count(*) FROM access_log WHERE meeting_id = @p0 AND action = 'Create'", id));
        var list = await zonnehofClient.GetJsonAsync(Meetings(zonnehof));
        Assert.Contains(list.GetProperty("agenda").EnumerateArray(), a => a.GetProperty("residentCode").GetString() == "Z-901" && a.GetProperty("overdue").GetBoolean());
        // The other complex's team member cannot read it.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{Meetings(zonnehof)}/{id}")).StatusCode);
    }

    [Fact]
    public async Task PostMeeting_IdentifyingText_Is400NamingEachFieldAndSavesNothing()
    {
        var client = await app.SignedInClientAsync(Team);
        var klimop = await ComplexIdAsync("De Klimop");
        var member = (await client.GetJsonAsync($"/api/v1/{Tenant}/complexes/{klimop}/team")).GetProperty("members")[0].GetProperty("id").GetGuid();
        var before = await app.ScalarAsync<long>("SELECT count(*) FROM signal_meetings WHERE complex_id = @p0", klimop);

        var response = await client.PostAsJsonAsync(Meetings(klimop), MeetingBody([member],
        [
            new { residentCode = "mevrouw Jansen", category = "falls", noticedBy = "care", description = "Valt vaak", actions = Array.Empty<object>() },
            new { residentCode = "K-950", category = "other", noticedBy = "housing", description = "Dochter vragen: 06-12345678", actions = Array.Empty<object>() },
            new { residentCode = "K-951", category = "other", noticedBy = "welfare", description = "BSN 111222333", actions = new[] { new { ownerId = Guid.NewGuid(), due = "2026-12-01", escalationLevel = 0, warmHandover = false } } },
        ]));

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, body);
        var errors = JsonDocument.Parse(body).RootElement.GetProperty("errors");
        Assert.Contains("bewonerscode", errors.GetProperty("signals[0].residentCode")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("telefoonnummer", errors.GetProperty("signals[1].description")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("BSN", errors.GetProperty("signals[2].description")[0].GetString(), StringComparison.Ordinal);
        Assert.True(errors.TryGetProperty("signals[2].actions[0].ownerId", out _));
        Assert.Equal(before, await app.ScalarAsync<long>("SELECT count(*) FROM signal_meetings WHERE complex_id = @p0", klimop));
    }

    [Fact]
    public async Task PostMeeting_UnknownCategory_Is400NamingTheField()
    {
        var client = await app.SignedInClientAsync(Team);
        var klimop = await ComplexIdAsync("De Klimop");

        var response = await client.PostAsJsonAsync(Meetings(klimop), MeetingBody([], [new { residentCode = "K-1", category = "hunger", noticedBy = "care" }]));

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, body);
        Assert.Contains("signals[0].category", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AccessLog_TenantAdminReadsItOthersGet403()
    {
        var team = await app.SignedInClientAsync(Team);
        var klimop = await ComplexIdAsync("De Klimop");
        await team.GetAsync($"{Meetings(klimop)}/{await MeetingIdAsync(klimop)}");
        var admin = await app.SignedInClientAsync(Admin);
        var lead = await app.SignedInClientAsync(Lead);

        var log = await admin.GetJsonAsync($"/api/v1/{Tenant}/access-log?search=Thijs");

        Assert.Contains(log.EnumerateArray(), e => e.GetProperty("complexName").GetString() == "De Klimop");
        Assert.All(log.EnumerateArray(), e => Assert.Equal("Thijs Bakker", e.GetProperty("userName").GetString()));
        Assert.Equal(HttpStatusCode.Forbidden, (await lead.GetAsync($"/api/v1/{Tenant}/access-log")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await team.GetAsync($"/api/v1/{Tenant}/access-log")).StatusCode);
    }

    [Fact]
    public async Task PutTeam_LeadLinksAnAccount_ThatAccountThenSeesTheComplexsMeetings()
    {
        var lead = await app.SignedInClientAsync(Lead);
        var zonnehof = await ComplexIdAsync("Het Zonnehof");
        var boomgaard = await ComplexIdAsync("De Boomgaard");
        var teamUser = await app.ScalarAsync<Guid>("SELECT id FROM users WHERE email = @p0", Team);
        var team = await app.SignedInClientAsync(Team);
        Assert.Equal(HttpStatusCode.NotFound, (await team.GetAsync(Meetings(boomgaard))).StatusCode);

        var response = await lead.PutAsJsonAsync($"/api/v1/{Tenant}/complexes/{boomgaard}/team", new
        {
            members = new object[] { new { name = "Thijs Bakker", organisation = "Zorggroep Amstelzorg", role = "flatCoach", startsOn = "2026-01-01", userId = teamUser } },
            escalation = NoEscalation,
        });

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await team.GetAsync(Meetings(boomgaard))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await team.GetAsync(Meetings(zonnehof))).StatusCode);
        var bad = await lead.PutAsJsonAsync($"/api/v1/{Tenant}/complexes/{boomgaard}/team", new
        {
            members = new object[] { new { name = "", organisation = "X", role = "other", startsOn = "2026-02-01", endsOn = "2026-01-01" } },
            escalation = NoEscalation,
        });
        var body = await bad.Content.ReadAsStringAsync();
        Assert.True(bad.StatusCode == HttpStatusCode.BadRequest, body);
        Assert.Contains("members[0].name", body, StringComparison.Ordinal);
        Assert.Contains("members[0].endsOn", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportCounts_Lead_GetsCsvWithSmallCountsSuppressedAndNoCodes()
    {
        var client = await app.SignedInClientAsync(Lead);
        var klimop = await ComplexIdAsync("De Klimop");

        var response = await client.GetAsync($"/api/v1/{Tenant}/complexes/{klimop}/signal-counts.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("complex;month;category;count", lines[0]);
        Assert.True(lines.Length > 1);
        Assert.All(lines.Skip(1), l => Assert.StartsWith("De Klimop;", l, StringComparison.Ordinal));
        Assert.Contains(lines, l => l.EndsWith(";< 3", StringComparison.Ordinal));
        Assert.DoesNotContain(lines.Skip(1), l => l.Split(';')[3] is "1" or "2");
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedInClientAsync(Assessor)).GetAsync($"/api/v1/{Tenant}/complexes/{klimop}/signal-counts.csv")).StatusCode);
    }

    /// <summary>No escalation lines agreed (and none created by this PUT).</summary>
    internal static readonly object NoEscalation = new { whoSignals = (string?)null, whoActs = (string?)null, whoDecides = (string?)null, levels = Array.Empty<object>() };

    private static string Meetings(Guid complexId) => $"/api/v1/{Tenant}/complexes/{complexId}/meetings";

    private static object MeetingBody(Guid[] attendees, object[] signals, DateOnly? date = null) => new
    {
        date = (date ?? DateOnly.FromDateTime(DateTime.UtcNow)).ToString("yyyy-MM-dd"),
        attendeeIds = attendees,
        signals,
    };

    private Task<Guid> ComplexIdAsync(string name) => app.ScalarAsync<Guid>("SELECT id FROM complexes WHERE name = @p0", name);

    private Task<Guid> MeetingIdAsync(Guid complexId) =>
        app.ScalarAsync<Guid>("SELECT m.id FROM signal_meetings m WHERE m.complex_id = @p0 AND EXISTS (SELECT 1 FROM signals s WHERE s.meeting_id = m.id) ORDER BY held_on DESC LIMIT 1", complexId);

    private Task<long> LogCountAsync(Guid meetingId) => app.ScalarAsync<long>("SELECT count(*) FROM access_log WHERE meeting_id = @p0", meetingId);

    private async Task MakeObserverAsync() => await app.ExecuteAsync("""
        INSERT INTO tenant_memberships (id, tenant_id, user_id, role)
        SELECT gen_random_uuid(), t.id, u.id, 'Observer' FROM tenants t, users u WHERE t.slug = @p0 AND u.email = @p1
        ON CONFLICT DO NOTHING
        """, Tenant, Observer);

    /// <summary>Signal rows of the complex (meetings + signals + actions) as the portal's own database role with this tenant and user set.</summary>
    private async Task<long> AppRoleCountAsync(Guid tenantId, Guid userId, Guid complexId)
    {
        await using var connection = new NpgsqlConnection(app.Database.AppConnectionString);
        await connection.OpenAsync();
        await using (var set = new NpgsqlCommand("SELECT set_config('app.tenant_id', $1, false), set_config('app.user_id', $2, false)", connection)
        {
            Parameters = { new() { Value = tenantId.ToString() }, new() { Value = userId.ToString() } },
        })
        {
            await set.ExecuteNonQueryAsync();
        }

        await using var count = new NpgsqlCommand("""
            SELECT (SELECT count(*) FROM signal_meetings WHERE complex_id = $1) + (SELECT count(*) FROM signals WHERE complex_id = $1)
                 + (SELECT count(*) FROM signal_actions WHERE complex_id = $1)
            """, connection) { Parameters = { new() { Value = complexId } } };
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
