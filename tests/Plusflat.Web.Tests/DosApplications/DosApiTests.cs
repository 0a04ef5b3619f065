using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Plusflat.Web.Tests.Infrastructure;
using static Plusflat.Web.Tests.DosApplications.DosApiTestData;

namespace Plusflat.Web.Tests.DosApplications;

/// <summary>DOS applications across two tenants on real PostgreSQL: submit conditions, the zorgkantoor's view, the decision, the budget and isolation.</summary>
public sealed class DosApiTests(PlusflatApp app) : IClassFixture<PlusflatApp>
{
    private static string Own(Guid id) => $"/api/v1/{Programme}/dos-applications/{id}";

    private static string Received(Guid id, string zorgkantoor = Zorgkantoor) => $"/api/v1/{zorgkantoor}/received-applications/{id}";

    [Fact]
    public async Task Submit_IncompleteApplicationForANewComplex_Returns400ListingEveryUnmetConditionAndStaysADraft()
    {
        var lead = await app.SignedInClientAsync(Lead);
        var complex = await ApiTestData.NewComplexAsync(lead, Programme, "Onvolledig");
        var id = await CreateAsync(lead, Application(complex, complete: false));

        var errors = await ApiTestData.ProblemErrorsAsync(await lead.PostAsync($"{Own(id)}/submit", null));

        Assert.Equal(["businessCase", "coalition", "establishment", "gate", "standard"], errors.EnumerateObject().Select(p => p.Name).Order());
        Assert.Contains("gemeente, woningcorporatie, zorgaanbieder", errors.GetProperty("coalition")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal("draft", (await lead.GetJsonAsync(Own(id))).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Create_BadInput_Returns400NamingEachField()
    {
        var lead = await app.SignedInClientAsync(Lead);
        var complex = await ApiTestData.NewComplexAsync(lead, Programme, "Foutief");

        var errors = await ApiTestData.ProblemErrorsAsync(await lead.PostAsJsonAsync($"/api/v1/{Programme}/dos-applications", new
        {
            complexId = complex, zorgkantoor = "lltf-amsterdam", submitter = "", firstYear = 2027, lastYear = 2026, requested = Array.Empty<object>(),
        }));

        Assert.True(errors.TryGetProperty("zorgkantoorTenantId", out _) || errors.TryGetProperty("zorgkantoor", out _), errors.ToString());
    }

    [Fact]
    public async Task Draft_IsInvisibleToTheZorgkantoorItIsAddressedTo()
    {
        var lead = await app.SignedInClientAsync(Lead);
        var assessor = await app.SignedInClientAsync(Assessor);
        var complex = await EligibleComplexAsync(lead);
        var id = await CreateAsync(lead, Application(complex));

        Assert.Equal(HttpStatusCode.NotFound, (await assessor.GetAsync(Received(id))).StatusCode);
        var queue = await assessor.GetJsonAsync($"/api/v1/{Zorgkantoor}/received-applications");
        Assert.DoesNotContain(queue.EnumerateArray(), a => a.GetProperty("id").GetGuid() == id);
    }

    [Fact]
    public async Task WholeFlow_QuestionAnswerScoreGrant_LeavesALabelCommittedBudgetALetterAndOneTimeline()
    {
        var lead = await app.SignedInClientAsync(Lead);
        var assessor = await app.SignedInClientAsync(Assessor);
        var id = await SubmittedAsync(lead, perYear: 1_000m);
        foreach (var year in new[] { 2027, 2028, 2029 })
        {
            var current = await assessor.GetJsonAsync($"/api/v1/{Zorgkantoor}/dos-budget/{year}");
            var total = Math.Max(current.GetProperty("total").GetDecimal(), current.GetProperty("committed").GetDecimal() + 10_000m);
            Assert.True((await assessor.PutAsJsonAsync($"/api/v1/{Zorgkantoor}/dos-budget/{year}", new { total, version = Version(current) })).IsSuccessStatusCode);
        }

        var queued = Assert.Single((await assessor.GetJsonAsync($"/api/v1/{Zorgkantoor}/received-applications?status=submitted")).EnumerateArray(), a => a.GetProperty("id").GetGuid() == id);
        Assert.Equal(0, queued.GetProperty("daysSinceReceipt").GetInt32());
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(56).ToString("yyyy-MM-dd"), queued.GetProperty("dueOn").GetString());

        var asked = await assessor.PostAsJsonAsync($"{Received(id)}/decision", new { outcome = "moreInformation", reasons = "Hoe ziet de nulmeting eruit?" });
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        var waiting = await lead.GetJsonAsync(Own(id));
        Assert.Equal("moreInformationRequested", waiting.GetProperty("status").GetString());
        Assert.Equal("Hoe ziet de nulmeting eruit?", waiting.GetProperty("openQuestion").GetString());

        var answered = await lead.PostAsJsonAsync($"{Own(id)}/answer", new { answer = "De nulmeting is in september gedaan." });
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        await ScoreAllAsync(assessor, id);
        var granted = await assessor.PostAsJsonAsync($"{Received(id)}/decision", new { outcome = "grant", amounts = Array.Empty<object>(), reasons = "Voldoet aan de landelijke criteria." });
        Assert.True(granted.StatusCode == HttpStatusCode.OK, await granted.Content.ReadAsStringAsync());

        var seen = await lead.GetJsonAsync(Own(id));
        Assert.Equal("granted", seen.GetProperty("status").GetString());
        var decision = seen.GetProperty("decision");
        Assert.Equal(3_000m, decision.GetProperty("total").GetDecimal());
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(42).ToString("yyyy-MM-dd"), decision.GetProperty("objectionDeadline").GetString());
        Assert.Equal(["created", "submitted", "questionAsked", "resubmitted", "granted"], seen.GetProperty("timeline").EnumerateArray().Select(t => t.GetProperty("kind").GetString()));
        Assert.False(seen.TryGetProperty("assessment", out var hidden) && hidden.ValueKind != JsonValueKind.Null, "The programme never sees the zorgkantoor's scores.");

        var label = Assert.Single((await assessor.GetJsonAsync($"/api/v1/{Zorgkantoor}/labels")).EnumerateArray(), l => l.GetProperty("applicationId").GetGuid() == id);
        Assert.Equal(decision.GetProperty("labelNumber").GetString(), label.GetProperty("number").GetString());
        Assert.Equal("Lang Leven Thuisflats Amsterdam", label.GetProperty("programmeName").GetString());

        var again = await assessor.PostAsJsonAsync($"{Received(id)}/decision", new { outcome = "reject", reasons = "Toch niet" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("al afgehandeld", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, (await lead.PostAsJsonAsync($"{Own(id)}/withdraw", new { reason = "x" })).StatusCode);

        foreach (var client in new[] { lead, assessor })
        {
            var tenant = client == lead ? Programme : Zorgkantoor;
            var letter = await client.GetAsync($"/{tenant}/dos/{id}/besluitbrief.pdf");
            Assert.Equal(HttpStatusCode.OK, letter.StatusCode);
            Assert.Equal("application/pdf", letter.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task Grant_WithoutACompleteAssessment_Returns400NamingTheScores()
    {
        var lead = await app.SignedInClientAsync(Lead);
        var assessor = await app.SignedInClientAsync(Assessor);
        var id = await SubmittedAsync(lead, perYear: 1m);

        var errors = await ApiTestData.ProblemErrorsAsync(await assessor.PostAsJsonAsync($"{Received(id)}/decision", new { outcome = "grant" }));

        Assert.StartsWith("Scoor eerst elk landelijk criterium", errors.GetProperty("scores")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OtherZorgkantoor_SeesNothingOfTheApplication_InTheApiOrThroughTheDatabaseRole()
    {
        var lead = await app.SignedInClientAsync(Lead);
        var other = await app.SignedInClientAsync(OtherAssessor);
        var id = await SubmittedAsync(lead);

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(Received(id, OtherZorgkantoor))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"{Received(id, OtherZorgkantoor)}/decision", new { outcome = "reject", reasons = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/{OtherZorgkantoor}/dos/{id}/besluitbrief.pdf")).StatusCode);
        Assert.DoesNotContain((await other.GetJsonAsync($"/api/v1/{OtherZorgkantoor}/received-applications")).EnumerateArray(), a => a.GetProperty("id").GetGuid() == id);
        // Not a member of the addressed zorgkantoor nor of the programme: 404 for both tenants' routes.
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(Received(id))).StatusCode);

        await using var connection = await AppRoleAsync(OtherZorgkantoor);
        Assert.Equal(0L, await CountAsync(connection, "SELECT count(*) FROM dos_applications WHERE id = $1", id));
        Assert.Equal(0L, await CountAsync(connection, "SELECT count(*) FROM dos_application_events WHERE application_id = $1", id));
    }

    [Fact]
    public async Task Zorgkantoor_ReadsTheApplicationButNoneOfTheProgrammesComplexesSignalsOrBusinessCases()
    {
        var lead = await app.SignedInClientAsync(Lead);
        var assessor = await app.SignedInClientAsync(Assessor);
        var id = await SubmittedAsync(lead);

        var received = await assessor.GetJsonAsync(Received(id));
        Assert.True(received.GetProperty("snapshot").GetProperty("businessCase").GetProperty("positive").GetBoolean());
        Assert.True(received.GetProperty("snapshot").GetProperty("gate").GetProperty("passed").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, (await assessor.GetAsync($"/api/v1/{Programme}/complexes")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await assessor.GetAsync($"/api/v1/{Programme}/complexes/{received.GetProperty("complexId").GetGuid()}/business-case")).StatusCode);

        await using var connection = await AppRoleAsync(Zorgkantoor);
        Assert.Equal(1L, await CountAsync(connection, "SELECT count(*) FROM dos_applications WHERE id = $1", id));
        foreach (var table in new[] { "complexes", "signals", "signal_meetings", "signal_tallies", "business_cases", "business_case_versions", "admission_assessments", "standard_assessments", "organisations", "flat_team_members" })
        {
            Assert.True(await CountAsync(connection, $"SELECT count(*) FROM {table}") == 0, $"{table} is readable by the zorgkantoor");
        }
    }

    [Fact]
    public async Task DatabaseRole_HistoryCannotBeUpdatedOrDeleted_AndTheZorgkantoorCannotTouchTheSnapshot()
    {
        var lead = await app.SignedInClientAsync(Lead);
        var id = await SubmittedAsync(lead);

        await using var programme = await AppRoleAsync(Programme);
        var update = await Assert.ThrowsAsync<PostgresException>(() => CountAsync(programme, "WITH u AS (UPDATE dos_application_events SET text = 'gewijzigd' WHERE application_id = $1 RETURNING 1) SELECT count(*) FROM u", id));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, update.SqlState);
        var delete = await Assert.ThrowsAsync<PostgresException>(() => CountAsync(programme, "WITH d AS (DELETE FROM dos_application_events WHERE application_id = $1 RETURNING 1) SELECT count(*) FROM d", id));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, delete.SqlState);
        Assert.Equal(0L, await CountAsync(programme, "WITH d AS (DELETE FROM dos_applications WHERE id = $1 RETURNING 1) SELECT count(*) FROM d", id));
        var decide = await Assert.ThrowsAsync<PostgresException>(() => CountAsync(programme, "WITH u AS (UPDATE dos_applications SET status = 'Granted' WHERE id = $1 RETURNING 1) SELECT count(*) FROM u", id));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, decide.SqlState);

        await using var zorgkantoor = await AppRoleAsync(Zorgkantoor);
        var snapshot = await Assert.ThrowsAsync<PostgresException>(() => CountAsync(zorgkantoor, "WITH u AS (UPDATE dos_applications SET snapshot = '{}'::jsonb, status = 'Rejected' WHERE id = $1 RETURNING 1) SELECT count(*) FROM u", id));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, snapshot.SqlState);
        var foreignEntry = await Assert.ThrowsAsync<PostgresException>(() => CountAsync(zorgkantoor, """
            WITH i AS (INSERT INTO dos_application_events (id, tenant_id, zorgkantoor_tenant_id, application_id, kind, from_status, to_status, actor_tenant_id, actor_name, at)
                       SELECT gen_random_uuid(), a.tenant_id, a.zorgkantoor_tenant_id, a.id, 'Withdrawn', 'Submitted', 'Withdrawn', a.tenant_id, 'Namens het programma', now()
                       FROM dos_applications a WHERE a.id = $1 RETURNING 1) SELECT count(*) FROM i
            """, id));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, foreignEntry.SqlState);
    }

    [Fact]
    public async Task TwentyConcurrentGrants_ExceedingTheBudget_LeaveExactlyAsManyGrantedAsFit()
    {
        const decimal perYear = 10_000m;
        const int fit = 5;
        var lead = await app.SignedInClientAsync(Lead);
        var assessor = await app.SignedInClientAsync(OtherAssessor);
        var complex = await EligibleComplexAsync(lead, "Budgetflat");
        var ids = new List<Guid>();
        for (var i = 0; i < 20; i++)
        {
            var id = await CreateAsync(lead, Application(complex, OtherZorgkantoor, perYear));
            Assert.Equal(HttpStatusCode.OK, (await lead.PostAsync($"{Own(id)}/submit", null)).StatusCode);
            ids.Add(id);
        }

        var criteria = await assessor.GetJsonAsync($"/api/v1/{OtherZorgkantoor}/dos-criteria");
        var scores = criteria.GetProperty("criteria").EnumerateArray().Select(c => new { key = c.GetProperty("key").GetString(), score = 3, justification = "Goed" }).ToList();
        foreach (var id in ids)
        {
            Assert.Equal(HttpStatusCode.NoContent, (await assessor.PutAsJsonAsync($"{Received(id, OtherZorgkantoor)}/assessment", new { catalogueVersion = 1, scores, comments = (string?)null })).StatusCode);
        }

        foreach (var year in new[] { 2027, 2028, 2029 })
        {
            var current = await assessor.GetJsonAsync($"/api/v1/{OtherZorgkantoor}/dos-budget/{year}");
            var total = current.GetProperty("committed").GetDecimal() + fit * perYear + perYear / 2;
            var set = await assessor.PutAsJsonAsync($"/api/v1/{OtherZorgkantoor}/dos-budget/{year}", new { total, version = Version(current) });
            Assert.True(set.IsSuccessStatusCode, await set.Content.ReadAsStringAsync());
        }

        var labelsBefore = (await assessor.GetJsonAsync($"/api/v1/{OtherZorgkantoor}/labels")).GetArrayLength();
        var clients = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => app.SignedInClientAsync(OtherAssessor)));
        var answers = await Task.WhenAll(ids.Select((id, i) => clients[i % clients.Length].PostAsJsonAsync($"{Received(id, OtherZorgkantoor)}/decision", new { outcome = "grant" })));

        Assert.Equal(fit, answers.Count(a => a.StatusCode == HttpStatusCode.OK));
        var refused = answers.Where(a => a.StatusCode == HttpStatusCode.Conflict).ToList();
        Assert.Equal(20 - fit, refused.Count);
        Assert.Contains("ontoereikend", await refused[0].Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(labelsBefore + fit, (await assessor.GetJsonAsync($"/api/v1/{OtherZorgkantoor}/labels")).GetArrayLength());
        var budget = await assessor.GetJsonAsync($"/api/v1/{OtherZorgkantoor}/dos-budget/2027");
        Assert.Equal(perYear / 2, budget.GetProperty("available").GetDecimal());
        Assert.Equal(20 - fit, (await assessor.GetJsonAsync($"/api/v1/{OtherZorgkantoor}/received-applications?status=submitted")).EnumerateArray().Count(a => ids.Contains(a.GetProperty("id").GetGuid())));
    }

    [Fact]
    public async Task Revise_AndBudget_WithAStaleVersion_Return409AndChangeNothing()
    {
        var lead = await app.SignedInClientAsync(Lead);
        var assessor = await app.SignedInClientAsync(Assessor);
        var complex = await ApiTestData.NewComplexAsync(lead, Programme, "Versieflat");
        var id = await CreateAsync(lead, Application(complex, complete: false));
        var body = JsonSerializer.SerializeToNode(Application(complex, complete: false), JsonSerializerOptions.Web)!.AsObject();
        body["version"] = (await lead.GetJsonAsync(Own(id))).GetProperty("version").GetUInt32();

        body["submitter"] = "Eerste wijziging";
        Assert.Equal(HttpStatusCode.NoContent, (await lead.PutAsJsonAsync(Own(id), body)).StatusCode);
        body["submitter"] = "Tweede wijziging op een oude versie";
        var stale = await lead.PutAsJsonAsync(Own(id), body);

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("Eerste wijziging", (await lead.GetJsonAsync(Own(id))).GetProperty("submitter").GetString());

        var budget = await assessor.GetJsonAsync($"/api/v1/{Zorgkantoor}/dos-budget/2029");
        var total = budget.GetProperty("total").GetDecimal();
        Assert.Equal(HttpStatusCode.OK, (await assessor.PutAsJsonAsync($"/api/v1/{Zorgkantoor}/dos-budget/2029", new { total = total + 1m, version = Version(budget) })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await assessor.PutAsJsonAsync($"/api/v1/{Zorgkantoor}/dos-budget/2029", new { total = total + 2m, version = Version(budget) })).StatusCode);
        Assert.Equal(total + 1m, (await assessor.GetJsonAsync($"/api/v1/{Zorgkantoor}/dos-budget/2029")).GetProperty("total").GetDecimal());
    }

    private static object? Version(JsonElement budget) =>
        budget.TryGetProperty("version", out var v) && v.ValueKind == JsonValueKind.Number ? v.GetUInt32() : null;

    private async Task<NpgsqlConnection> AppRoleAsync(string tenantSlug)
    {
        var tenantId = await app.ScalarAsync<Guid>("SELECT id FROM tenants WHERE slug = @p0", tenantSlug);
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(app.Database.AppConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var set = new NpgsqlCommand("SELECT set_config('app.tenant_id', $1, false)", connection) { Parameters = { new() { Value = tenantId.ToString() } } };
        await set.ExecuteNonQueryAsync();
        return connection;
    }

    private static async Task<long> CountAsync(NpgsqlConnection connection, string sql, params object[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}

/// <summary>
/// The DOS demo content: budgets 2027–2029 in both zorgkantoren, an Amsterdam application in each state (made by the handlers)
/// and one Rotterdam application addressed to zorgkantoor-rotterdam. Nothing in this class changes the demo data.
/// </summary>
public sealed class DosDemoTests(PlusflatApp app) : IClassFixture<PlusflatApp>
{
    [Fact]
    public async Task Demo_AmsterdamHasAnApplicationInEachState_EachWithItsRealHistory()
    {
        var lead = await app.SignedInClientAsync(Lead);

        var list = (await lead.GetJsonAsync($"/api/v1/{Programme}/dos-applications")).EnumerateArray()
            .ToDictionary(a => a.GetProperty("complexName").GetString()!, a => a);

        Assert.Equal(["De Boomgaard", "De Klimop", "De Sleutelbloem", "Het Vlierhof"], list.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("draft", list["De Boomgaard"].GetProperty("status").GetString());
        Assert.Equal("submitted", list["De Sleutelbloem"].GetProperty("status").GetString());
        Assert.Equal("moreInformationRequested", list["De Klimop"].GetProperty("status").GetString());
        Assert.Equal("granted", list["Het Vlierhof"].GetProperty("status").GetString());
        Assert.All(list.Values, a => Assert.Equal("Zorgkantoor Amsterdam", a.GetProperty("zorgkantoor").GetString()));

        var draft = await lead.GetJsonAsync($"/api/v1/{Programme}/dos-applications/{list["De Boomgaard"].GetProperty("id").GetGuid()}");
        Assert.Equal(4, draft.GetProperty("unmetConditions").GetArrayLength());
        var granted = await lead.GetJsonAsync($"/api/v1/{Programme}/dos-applications/{list["Het Vlierhof"].GetProperty("id").GetGuid()}");
        Assert.Equal(["created", "submitted", "questionAsked", "resubmitted", "granted"], granted.GetProperty("timeline").EnumerateArray().Select(t => t.GetProperty("kind").GetString()));
        Assert.True(granted.GetProperty("snapshot").GetProperty("businessCase").GetProperty("positive").GetBoolean());
        Assert.Equal(195_000m, granted.GetProperty("decision").GetProperty("total").GetDecimal());
        var asked = await lead.GetJsonAsync($"/api/v1/{Programme}/dos-applications/{list["De Klimop"].GetProperty("id").GetGuid()}");
        Assert.StartsWith("Stuur de nulmeting", asked.GetProperty("openQuestion").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_TheGrantedLabelIsInTheRegisterAndItsAmountsAreCommitted()
    {
        var assessor = await app.SignedInClientAsync(Assessor);

        var label = Assert.Single((await assessor.GetJsonAsync($"/api/v1/{Zorgkantoor}/labels")).EnumerateArray());
        Assert.Equal("Het Vlierhof", label.GetProperty("complexName").GetString());
        Assert.Equal("Lang Leven Thuisflats Amsterdam", label.GetProperty("programmeName").GetString());
        foreach (var year in new[] { 2027, 2028, 2029 })
        {
            var budget = await assessor.GetJsonAsync($"/api/v1/{Zorgkantoor}/dos-budget/{year}");
            Assert.Equal(65_000m, budget.GetProperty("committed").GetDecimal());
            Assert.Equal(budget.GetProperty("total").GetDecimal() - 65_000m, budget.GetProperty("available").GetDecimal());
        }

        var queue = (await assessor.GetJsonAsync($"/api/v1/{Zorgkantoor}/received-applications")).EnumerateArray().ToList();
        Assert.Equal(["De Klimop", "De Sleutelbloem", "Het Vlierhof"], queue.Select(a => a.GetProperty("complexName").GetString()).Order(StringComparer.Ordinal));
        Assert.InRange(queue.Single(a => a.GetProperty("complexName").GetString() == "De Sleutelbloem").GetProperty("daysSinceReceipt").GetInt32(), 2, 4);
    }

    [Fact]
    public async Task Demo_RotterdamHasOneApplicationAddressedToZorgkantoorRotterdam_ThatAmsterdamDoesNotSee()
    {
        var rotterdam = await app.SignedInClientAsync(OtherAssessor);
        var amsterdam = await app.SignedInClientAsync(Assessor);

        var received = Assert.Single((await rotterdam.GetJsonAsync($"/api/v1/{OtherZorgkantoor}/received-applications")).EnumerateArray());
        Assert.Equal("Thuisplusflat Rotterdam", received.GetProperty("programme").GetString());
        Assert.Equal("submitted", received.GetProperty("status").GetString());
        Assert.Equal("Rotterdam", received.GetProperty("municipality").GetString());
        Assert.DoesNotContain((await amsterdam.GetJsonAsync($"/api/v1/{Zorgkantoor}/received-applications")).EnumerateArray(), a => a.GetProperty("programme").GetString() == "Thuisplusflat Rotterdam");
    }

    [Fact]
    public async Task Demo_SeedingAgain_AddsNoApplicationEventOrLabel()
    {
        const string Counts = "SELECT (SELECT count(*) FROM dos_applications) * 1000000 + (SELECT count(*) FROM dos_application_events) * 1000 + (SELECT count(*) FROM dos_labels)";
        var before = await app.ScalarAsync<long>(Counts);

        await Plusflat.Infrastructure.Demo.DemoSeeder.SeedAsync(app.Services, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);

        Assert.Equal(before, await app.ScalarAsync<long>(Counts));
        Assert.True(before > 5_000_000, $"{before}");
    }

    [Theory]
    [InlineData(Zorgkantoor, Assessor)]
    [InlineData(OtherZorgkantoor, OtherAssessor)]
    public async Task Demo_BothZorgkantorenHaveABudgetFor2027To2029(string tenant, string assessor)
    {
        var client = await app.SignedInClientAsync(assessor);

        foreach (var year in new[] { 2027, 2028, 2029 })
        {
            var budget = await client.GetJsonAsync($"/api/v1/{tenant}/dos-budget/{year}");
            Assert.True(budget.GetProperty("total").GetDecimal() > 0, $"{tenant} {year}");
            Assert.Equal(budget.GetProperty("total").GetDecimal() - budget.GetProperty("committed").GetDecimal(), budget.GetProperty("available").GetDecimal());
        }
    }
}
