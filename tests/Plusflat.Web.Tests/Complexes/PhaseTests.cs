using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace Plusflat.Web.Tests.Complexes;

public sealed class PhaseTests(PlusflatApp app) : IClassFixture<PlusflatApp>
{
    private const string Tenant = "lltf-amsterdam";

    [Fact]
    public async Task TickAllItemsThenAdvance_MovesToNextPhaseAndRecordsTimeline()
    {
        var lead = await app.SignedInClientAsync("lead@lltf-amsterdam.demo");
        var id = await CreateAsync(lead);
        var page = $"/{Tenant}/complexen/{id}";

        foreach (var item in await OpenItemsAsync(lead, id))
        {
            var tick = await lead.PostFormAsync(page, "afvinken", new Dictionary<string, string>
            {
                ["TickForm.ItemId"] = item.ToString(),
                ["TickForm.TickedOn"] = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["TickForm.Note"] = "Besproken met de corporatie",
            });
            Assert.Equal(HttpStatusCode.Redirect, tick.StatusCode);
        }

        var advance = await lead.PostFormAsync(page, "volgende-fase", await TransitionFieldsAsync(lead, id, "AdvanceForm", 1));

        Assert.Equal(HttpStatusCode.Redirect, advance.StatusCode);
        var phase = await lead.GetJsonAsync($"/api/v1/{Tenant}/complexes/{id}/phase");
        Assert.Equal(1, phase.GetProperty("currentPhase").GetInt32());
        var html = await (await lead.GetAsync(page)).TextAsync();
        Assert.Contains("Van fase 0 (Programma opzet) naar fase 1 (Verkennen samenwerking)", html, StringComparison.Ordinal);
        Assert.Contains("Besproken met de corporatie", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Advance_OpenItemsWithoutReason_IsRefusedWithTheOpenItems()
    {
        var lead = await app.SignedInClientAsync("lead@lltf-amsterdam.demo");
        var id = await CreateAsync(lead);

        var response = await lead.PostFormAsync($"/{Tenant}/complexen/{id}", "volgende-fase", await TransitionFieldsAsync(lead, id, "AdvanceForm", 1));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Nog 2 van 2 punten van fase 0 (Programma opzet) staan open", await response.TextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, (await PhaseAsync(lead, id)).GetProperty("currentPhase").GetInt32());
    }

    [Fact]
    public async Task Advance_LeadOverrideWithReason_IsAllowedAndMarked()
    {
        var lead = await app.SignedInClientAsync("lead@lltf-amsterdam.demo");
        var id = await CreateAsync(lead);
        var fields = await TransitionFieldsAsync(lead, id, "AdvanceForm", 1);
        fields["AdvanceForm.Reason"] = "Locatiekeuze is al door de gemeente vastgesteld";

        var response = await lead.PostFormAsync($"/{Tenant}/complexen/{id}", "volgende-fase", fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var html = await (await lead.GetAsync($"/{Tenant}/complexen/{id}")).TextAsync();
        Assert.Contains("afwijking van de checklist", html, StringComparison.Ordinal);
        Assert.Contains("Locatiekeuze is al door de gemeente vastgesteld", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Advance_OverrideByTenantAdminWhoIsNoLead_IsRefused()
    {
        var admin = await app.SignedInClientAsync("admin@plusflat.demo");
        var id = await CreateAsync(admin);

        var response = await admin.PostAsJsonAsync($"/api/v1/{Tenant}/complexes/{id}/phase",
            new { toPhase = 1, reason = "Haast", version = await VersionAsync(admin, id) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("Alleen een programmaleider", problem.GetProperty("errors").GetProperty("reason")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_SkippingAPhase_IsRefusedWith400ProblemDetails()
    {
        var lead = await app.SignedInClientAsync("lead@lltf-amsterdam.demo");
        var id = await CreateAsync(lead);

        var response = await lead.PostAsJsonAsync($"/api/v1/{Tenant}/complexes/{id}/phase",
            new { toPhase = 2, reason = "Versnellen", version = await VersionAsync(lead, id) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, (await PhaseAsync(lead, id)).GetProperty("currentPhase").GetInt32());
    }

    [Fact]
    public async Task Api_TwoAdvancesFromTheSameVersion_SecondIsAConflict()
    {
        var lead = await app.SignedInClientAsync("lead@lltf-amsterdam.demo");
        var id = await CreateAsync(lead);
        var version = await VersionAsync(lead, id);

        var first = await lead.PostAsJsonAsync($"/api/v1/{Tenant}/complexes/{id}/phase", new { toPhase = 1, reason = "Start", version });
        var second = await lead.PostAsJsonAsync($"/api/v1/{Tenant}/complexes/{id}/phase", new { toPhase = 2, reason = "Nog een", version });

        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal(1, (await PhaseAsync(lead, id)).GetProperty("currentPhase").GetInt32());
    }

    [Fact]
    public async Task ReturnToPreviousPhase_NeedsAReason()
    {
        var lead = await app.SignedInClientAsync("lead@lltf-amsterdam.demo");
        var id = await CreateAsync(lead);
        var forward = await lead.PostAsJsonAsync($"/api/v1/{Tenant}/complexes/{id}/phase",
            new { toPhase = 1, reason = "Start", version = await VersionAsync(lead, id) });
        forward.EnsureSuccessStatusCode();

        var withoutReason = await lead.PostFormAsync($"/{Tenant}/complexen/{id}", "vorige-fase", await TransitionFieldsAsync(lead, id, "ReturnForm", 0));
        var fields = await TransitionFieldsAsync(lead, id, "ReturnForm", 0);
        fields["ReturnForm.Reason"] = "Corporatie trekt zich terug";
        var withReason = await lead.PostFormAsync($"/{Tenant}/complexen/{id}", "vorige-fase", fields);

        Assert.Equal(HttpStatusCode.OK, withoutReason.StatusCode);
        Assert.Contains("reden", await withoutReason.TextAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.Redirect, withReason.StatusCode);
        Assert.Equal(0, (await PhaseAsync(lead, id)).GetProperty("currentPhase").GetInt32());
    }

    [Fact]
    public async Task Tick_DateInTheFuture_IsRefusedAndTypedValuesKept()
    {
        var lead = await app.SignedInClientAsync("lead@lltf-amsterdam.demo");
        var id = await CreateAsync(lead);
        var item = (await OpenItemsAsync(lead, id))[0];

        var response = await lead.PostFormAsync($"/{Tenant}/complexen/{id}", "afvinken", new Dictionary<string, string>
        {
            ["TickForm.ItemId"] = item.ToString(),
            ["TickForm.TickedOn"] = "2999-01-01",
            ["TickForm.Note"] = "Mijn toelichting",
        });

        var html = await response.TextAsync();
        Assert.Contains("De datum mag niet in de toekomst liggen.", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Mijn toelichting\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"2999-01-01\"", html, StringComparison.Ordinal);
        Assert.Equal(2, (await OpenItemsAsync(lead, id)).Count);
    }

    [Fact]
    public async Task Untick_WithReason_ReopensTheItemAndKeepsHistory()
    {
        var lead = await app.SignedInClientAsync("lead@lltf-amsterdam.demo");
        var id = await CreateAsync(lead);
        var item = (await OpenItemsAsync(lead, id))[0];
        var page = $"/{Tenant}/complexen/{id}";
        await lead.PostFormAsync(page, "afvinken", new Dictionary<string, string>
        {
            ["TickForm.ItemId"] = item.ToString(),
            ["TickForm.TickedOn"] = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        });

        var withoutReason = await lead.PostFormAsync(page, "terugdraaien", new Dictionary<string, string> { ["UntickForm.ItemId"] = item.ToString() });
        var withReason = await lead.PostFormAsync(page, "terugdraaien", new Dictionary<string, string>
        {
            ["UntickForm.ItemId"] = item.ToString(), ["UntickForm.UntickReason"] = "Te vroeg afgevinkt",
        });

        Assert.Contains("Geef een reden", await withoutReason.TextAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, withReason.StatusCode);
        Assert.Equal(2, (await OpenItemsAsync(lead, id)).Count);
        Assert.Contains("Te vroeg afgevinkt", await (await lead.GetAsync(page)).TextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PhaseForms_FlatTeamMember_SeesNoFormsAndCannotPost()
    {
        var lead = await app.SignedInClientAsync("lead@lltf-amsterdam.demo");
        var team = await app.SignedInClientAsync("team@lltf-amsterdam.demo");
        var id = await CreateAsync(lead);

        var page = await team.GetAsync($"/{Tenant}/complexen/{id}");
        var api = await team.PostAsJsonAsync($"/api/v1/{Tenant}/complexes/{id}/phase", new { toPhase = 1, reason = "x", version = 0 });

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.DoesNotContain("Punt afvinken", await page.TextAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
    }

    [Fact]
    public async Task Tick_FlatTeamMemberPostsPageForm_IsRefusedAndTicksNothing()
    {
        var lead = await app.SignedInClientAsync("lead@lltf-amsterdam.demo");
        var team = await app.SignedInClientAsync("team@lltf-amsterdam.demo");
        var id = await CreateAsync(lead);
        var item = (await OpenItemsAsync(lead, id))[0];

        // The page does not render the form for a reader; the post is crafted with the antiforgery token of the page they can see.
        var response = await team.PostFormAsync($"/{Tenant}/complexen/{id}", "afvinken", new Dictionary<string, string>
        {
            ["TickForm.ItemId"] = item.ToString(),
            ["TickForm.TickedOn"] = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        });

        Assert.NotEqual(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(response.IsSuccessStatusCode, $"The flat-team member's tick answered {(int)response.StatusCode}.");
        var phase = await PhaseAsync(lead, id);
        Assert.DoesNotContain(phase.GetProperty("items").EnumerateArray(), i => i.GetProperty("ticked").GetBoolean());
        Assert.Equal(0, phase.GetProperty("timeline").GetArrayLength());
    }

    private static async Task<Guid> CreateAsync(HttpClient client)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/{Tenant}/complexes", new
        {
            name = "Fasetest " + Guid.NewGuid().ToString("N")[..8], address = "Fasestraat 3", postcode = "1012 CD", municipality = "Amsterdam", dwellingCount = 130,
        });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static Task<JsonElement> PhaseAsync(HttpClient client, Guid id) => client.GetJsonAsync($"/api/v1/{Tenant}/complexes/{id}/phase");

    private static async Task<uint> VersionAsync(HttpClient client, Guid id) => (await PhaseAsync(client, id)).GetProperty("version").GetUInt32();

    private static async Task<List<Guid>> OpenItemsAsync(HttpClient client, Guid id)
    {
        var phase = await PhaseAsync(client, id);
        var current = phase.GetProperty("currentPhase").GetInt32();
        return phase.GetProperty("items").EnumerateArray()
            .Where(i => i.GetProperty("phase").GetInt32() == current && !i.GetProperty("ticked").GetBoolean())
            .Select(i => i.GetProperty("itemId").GetGuid()).ToList();
    }

    private static async Task<Dictionary<string, string>> TransitionFieldsAsync(HttpClient client, Guid id, string prefix, int toPhase) => new()
    {
        [$"{prefix}.ToPhase"] = toPhase.ToString(CultureInfo.InvariantCulture),
        [$"{prefix}.Version"] = (await VersionAsync(client, id)).ToString(CultureInfo.InvariantCulture),
    };
}
