using Plusflat.Web.Tests.Infrastructure;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Plusflat.Web.Tests.Start;

namespace Plusflat.Web.Tests.BusinessCases;

/// <summary>The business case's JSON API on real PostgreSQL: create from the template, computed results, save, bad input, stale versions, freeze, compare, rights.</summary>
public sealed class BusinessCaseApiTests(PlusflatApp app) : IClassFixture<PlusflatApp>
{
    private const string Tenant = "lltf-amsterdam";
    private const string Lead = "lead@lltf-amsterdam.demo";

    [Fact]
    public async Task Post_FromTemplate_AnswersTheResultsComputedFromTheReferenceLines()
    {
        var client = await app.SignedInClientAsync(Lead);
        var id = await NewComplexAsync(client);

        var response = await client.PostAsJsonAsync(Url(id), new { fromTemplate = true, firstYear = 2027, years = 4 });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var got = await client.GetJsonAsync(Url(id));
        foreach (var body in new[] { created, got })
        {
            Assert.Equal(2027, body.GetProperty("firstYear").GetInt32());
            var years = body.GetProperty("years").EnumerateArray().ToList();
            Assert.Equal([1, 2, 3, 4], years.Select(y => y.GetProperty("index").GetInt32()));
            Assert.Equal([2027, 2028, 2029, 2030], years.Select(y => y.GetProperty("year").GetInt32()));
            Assert.Equal([129_250m, 96_450m, 96_450m, 96_450m], years.Select(y => y.GetProperty("costs").GetDecimal()));
            Assert.Equal([0m, 167_741m, 167_741m, 167_741m], years.Select(y => y.GetProperty("benefits").GetDecimal()));
            Assert.Equal([-129_250m, 71_291m, 71_291m, 71_291m], years.Select(y => y.GetProperty("net").GetDecimal()));
            Assert.Equal([-129_250m, -57_959m, 13_332m, 84_623m], years.Select(y => y.GetProperty("cumulativeNet").GetDecimal()));
            Assert.Equal(418_600m, body.GetProperty("totalCosts").GetDecimal());
            Assert.Equal(503_223m, body.GetProperty("totalBenefits").GetDecimal());
            Assert.Equal(1.20m, body.GetProperty("ratio").GetDecimal());
            Assert.Equal(2029, body.GetProperty("breakEvenYear").GetInt32());
            Assert.True(body.GetProperty("positive").GetBoolean());
            Assert.Equal(6, body.GetProperty("pmItems").GetArrayLength());
            Assert.Contains("Bijdrage aan de exploitatie van de ontmoetingsruimte", body.GetProperty("pmItems").EnumerateArray().Select(p => p.GetString()));
            Assert.Equal("exclusief 6 PM-posten", body.GetProperty("pmNote").GetString());
            Assert.Equal(15, body.GetProperty("lines").GetArrayLength());
            Assert.True(body.GetProperty("version").GetUInt32() > 0);
        }
    }

    [Fact]
    public async Task Post_Twice_Returns409WithTheExistingCase()
    {
        var client = await app.SignedInClientAsync(Lead);
        var id = await CaseAsync(client);

        var again = await client.PostAsJsonAsync(Url(id), new { fromTemplate = true, firstYear = 2030 });

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(2027, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("current").GetProperty("firstYear").GetInt32());
    }

    [Fact]
    public async Task Post_BenefitStartYearOutsideTheCase_Returns400AtThatField()
    {
        var client = await app.SignedInClientAsync(Lead);
        var id = await NewComplexAsync(client);

        var errors = await ProblemErrorsAsync(await client.PostAsJsonAsync(Url(id), new { fromTemplate = true, firstYear = 2027, years = 4, benefitStartYear = 2035 }));

        Assert.True(errors.TryGetProperty("benefitStartYear", out _), errors.GetRawText());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(Url(id))).StatusCode);
    }

    [Fact]
    public async Task Put_OneAmountChanged_RecomputesEveryDependentTotal()
    {
        var client = await app.SignedInClientAsync(Lead);
        var id = await CaseAsync(client);
        var body = await EditableAsync(client, id);
        SetAmount(body, 0, 2028, 80_000m);

        var response = await client.PutAsJsonAsync(Url(id), body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var saved = await client.GetJsonAsync(Url(id));
        Assert.Equal(106_450m, saved.GetProperty("years")[1].GetProperty("costs").GetDecimal());
        Assert.Equal([-129_250m, -67_959m, 3_332m, 74_623m], saved.GetProperty("years").EnumerateArray().Select(y => y.GetProperty("cumulativeNet").GetDecimal()));
        Assert.Equal(428_600m, saved.GetProperty("totalCosts").GetDecimal());
        Assert.Equal(80_000m, saved.GetProperty("lines")[0].GetProperty("amounts")[1].GetProperty("amount").GetDecimal());
        Assert.NotEqual(body["version"]!.GetValue<uint>(), saved.GetProperty("version").GetUInt32());
    }

    [Fact]
    public async Task Put_PercentageOverheadAndShares_ShowsTheOverheadAmountsAndTheFinancingGap()
    {
        var client = await app.SignedInClientAsync(Lead);
        var id = await CaseAsync(client);
        var body = await EditableAsync(client, id);
        var overhead = body["lines"]!.AsArray().First(l => (string?)l!["category"] == "overhead")!;
        overhead["percentage"] = 15;
        overhead["amounts"] = new JsonArray();
        body["payerShares"] = new JsonArray(
            new JsonObject { ["payer"] = "zorgkantoorDos", ["year"] = 2027, ["percentage"] = 40 },
            new JsonObject { ["payer"] = "municipalityWmo", ["year"] = 2027, ["percentage"] = 30 });

        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync(Url(id), body)).StatusCode);

        var saved = await client.GetJsonAsync(Url(id));
        var first = saved.GetProperty("years")[0];
        Assert.Equal(131_387.50m, first.GetProperty("costs").GetDecimal()); // 114,250 + 15 %
        Assert.Equal(70m, first.GetProperty("sharesTotal").GetDecimal());
        Assert.Equal(39_416.25m, first.GetProperty("financingGap").GetDecimal()); // 30 % of 131,387.50
        Assert.Equal(17_137.50m, saved.GetProperty("lines").EnumerateArray().First(l => l.GetProperty("category").GetString() == "overhead").GetProperty("amounts")[0].GetProperty("amount").GetDecimal());
    }

    [Fact]
    public async Task Put_BadInput_Returns400NamingEachFieldAndSavesNothing()
    {
        var client = await app.SignedInClientAsync(Lead);
        var id = await CaseAsync(client);
        var before = await client.GetJsonAsync(Url(id));
        var body = await EditableAsync(client, id);
        SetAmount(body, 1, 2028, -5m);
        body["lines"]![0]!["amounts"]![0]!["year"] = 2031;
        var overheadIndex = body["lines"]!.AsArray().Select((l, i) => (l, i)).First(x => (string?)x.l!["category"] == "overhead").i;
        body["lines"]![overheadIndex]!["percentage"] = 120;
        body["lines"]![overheadIndex]!["amounts"] = new JsonArray();
        body["payerShares"] = new JsonArray(
            new JsonObject { ["payer"] = "zorgkantoorDos", ["year"] = 2027, ["percentage"] = 60 },
            new JsonObject { ["payer"] = "insurerZvw", ["year"] = 2027, ["percentage"] = 50 });

        var errors = await ProblemErrorsAsync(await client.PutAsJsonAsync(Url(id), body));

        Assert.Equal("Een bedrag kan niet negatief zijn.", errors.GetProperty("lines[1].amounts[1].amount")[0].GetString());
        Assert.Equal("Het jaar 2031 valt buiten de business case (2027–2030).", errors.GetProperty("lines[0].amounts[0].year")[0].GetString());
        Assert.Equal("Het percentage moet groter dan 0 en hoogstens 100 zijn.", errors.GetProperty($"lines[{overheadIndex}].percentage")[0].GetString());
        Assert.Equal("In 2027 is samen 110 % verdeeld; dat mag hoogstens 100 % zijn.", errors.GetProperty("payerShares[0].percentage")[0].GetString());
        Assert.True(errors.TryGetProperty("payerShares[1].percentage", out _), errors.GetRawText());
        var after = await client.GetJsonAsync(Url(id));
        Assert.Equal(before.GetProperty("version").GetUInt32(), after.GetProperty("version").GetUInt32());
        Assert.Equal(418_600m, after.GetProperty("totalCosts").GetDecimal());
    }

    [Theory]
    [InlineData("\"veel\"", "lines[0].amounts[0].amount")]
    [InlineData("true", "lines[0].amounts[0].amount")]
    public async Task Put_NotANumber_Returns400AtThatField(string value, string field)
    {
        var client = await app.SignedInClientAsync(Lead);
        var id = await CaseAsync(client);
        var body = await EditableAsync(client, id);
        var json = body.ToJsonString().Replace("\"amount\":60000", "\"amount\":" + value, StringComparison.Ordinal);
        Assert.Contains(value, json, StringComparison.Ordinal);

        var errors = await ProblemErrorsAsync(await client.PutAsync(Url(id), new StringContent(json, System.Text.Encoding.UTF8, "application/json")));

        Assert.True(errors.TryGetProperty(field, out _), errors.GetRawText());
    }

    [Fact]
    public async Task Put_UnknownCategoryOrPayer_Returns400AtThatField()
    {
        var client = await app.SignedInClientAsync(Lead);
        var id = await CaseAsync(client);
        var body = await EditableAsync(client, id);
        body["lines"]![0]!["category"] = "koffie";
        body["payerShares"] = new JsonArray(new JsonObject { ["payer"] = "sinterklaas", ["year"] = 2027, ["percentage"] = 10 });

        var errors = await ProblemErrorsAsync(await client.PutAsJsonAsync(Url(id), body));

        Assert.True(errors.TryGetProperty("lines[0].category", out _), errors.GetRawText());
        Assert.True(errors.TryGetProperty("payerShares[0].payer", out _), errors.GetRawText());
    }

    [Fact]
    public async Task Put_StaleVersion_Returns409WithTheCurrentValues()
    {
        var client = await app.SignedInClientAsync(Lead);
        var id = await CaseAsync(client);
        var first = await EditableAsync(client, id);
        var second = await EditableAsync(client, id);
        SetAmount(first, 0, 2027, 61_000m);
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync(Url(id), first)).StatusCode);
        SetAmount(second, 0, 2027, 62_000m);

        var stale = await client.PutAsJsonAsync(Url(id), second);

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var current = (await stale.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("current");
        Assert.Equal(61_000m, current.GetProperty("lines")[0].GetProperty("amounts")[0].GetProperty("amount").GetDecimal());
        Assert.Equal(130_250m, current.GetProperty("years")[0].GetProperty("costs").GetDecimal());
        second["version"] = current.GetProperty("version").GetUInt32();
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync(Url(id), second)).StatusCode);
    }

    [Fact]
    public async Task Put_WithoutVersion_Returns400()
    {
        var client = await app.SignedInClientAsync(Lead);
        var id = await CaseAsync(client);
        var body = await EditableAsync(client, id);
        body.Remove("version");

        var errors = await ProblemErrorsAsync(await client.PutAsJsonAsync(Url(id), body));
        Assert.True(errors.TryGetProperty("version", out _), errors.GetRawText());
    }

    [Fact]
    public async Task Freeze_KeepsTheVersionAsItWasWhileTheWorkingCopyGoesOn_AndComparesLineByLine()
    {
        var client = await app.SignedInClientAsync(Lead);
        var id = await CaseAsync(client);

        var frozen = await client.PostAsJsonAsync($"{Url(id)}/versions", new { note = "Voor het zorgkantoor" });
        Assert.Equal(HttpStatusCode.Created, frozen.StatusCode);
        Assert.Equal(1, (await frozen.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetInt32());
        var body = await EditableAsync(client, id);
        SetAmount(body, 0, 2028, 80_000m);
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync(Url(id), body)).StatusCode);

        var version = await client.GetJsonAsync($"{Url(id)}/versions/1");
        Assert.Equal(418_600m, version.GetProperty("totalCosts").GetDecimal());
        Assert.Equal(1, version.GetProperty("number").GetInt32());
        Assert.Equal("Voor het zorgkantoor", version.GetProperty("note").GetString());
        Assert.Equal("Lotte de Leeuw", version.GetProperty("frozenBy").GetString());
        Assert.Equal(428_600m, (await client.GetJsonAsync(Url(id))).GetProperty("totalCosts").GetDecimal());
        var listed = Assert.Single((await client.GetJsonAsync(Url(id))).GetProperty("frozenVersions").EnumerateArray());
        Assert.Equal(1, listed.GetProperty("number").GetInt32());

        var comparison = await client.GetJsonAsync($"{Url(id)}/compare?from=1");
        var changed = Assert.Single(comparison.GetProperty("lines").EnumerateArray(), l => l.GetProperty("change").GetString() != "same");
        Assert.StartsWith("Personeel", changed.GetProperty("name").GetString(), StringComparison.Ordinal);
        var year = changed.GetProperty("years")[1];
        Assert.Equal(70_000m, year.GetProperty("from").GetDecimal());
        Assert.Equal(80_000m, year.GetProperty("to").GetDecimal());
        Assert.Equal(10_000m, year.GetProperty("difference").GetDecimal());

        Assert.Equal(2, (await (await client.PostAsJsonAsync($"{Url(id)}/versions", new { })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetInt32());
        Assert.Equal(428_600m, (await client.GetJsonAsync($"{Url(id)}/versions/2")).GetProperty("totalCosts").GetDecimal());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{Url(id)}/versions/3")).StatusCode);
    }

    [Fact]
    public async Task Freeze_StaleVersion_Returns409_AndATooLongNote_Returns400_AndNothingIsFrozen()
    {
        var client = await app.SignedInClientAsync(Lead);
        var id = await CaseAsync(client);
        var seen = (await client.GetJsonAsync(Url(id))).GetProperty("version").GetUInt32();
        var body = await EditableAsync(client, id);
        SetAmount(body, 0, 2028, 80_000m);
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync(Url(id), body)).StatusCode);

        var stale = await client.PostAsJsonAsync($"{Url(id)}/versions", new { note = "Wat ik zag", version = seen });
        var tooLong = await ProblemErrorsAsync(await client.PostAsJsonAsync($"{Url(id)}/versions", new { note = new string('x', 501) }));

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(428_600m, (await stale.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("current").GetProperty("totalCosts").GetDecimal());
        Assert.True(tooLong.TryGetProperty("note", out _), tooLong.GetRawText());
        Assert.Equal(0, (await client.GetJsonAsync(Url(id))).GetProperty("frozenVersions").GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{Url(id)}/versions/1")).StatusCode);
    }

    [Fact]
    public async Task FrozenVersion_RefusesAnUpdateEvenInTheDatabase()
    {
        var client = await app.SignedInClientAsync(Lead);
        var id = await CaseAsync(client);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"{Url(id)}/versions", new { note = "Vast" })).StatusCode);

        var error = await Assert.ThrowsAsync<Npgsql.PostgresException>(() =>
            app.ExecuteAsync("UPDATE business_case_versions SET note = 'Anders' WHERE complex_id = @p0", id));

        Assert.Contains("never changes", error.MessageText, StringComparison.Ordinal);
        Assert.Equal("Vast", (await client.GetJsonAsync($"{Url(id)}/versions/1")).GetProperty("note").GetString());
    }

    [Fact]
    public async Task Put_FlatTeam_IsForbiddenButMayRead()
    {
        var lead = await app.SignedInClientAsync(Lead);
        var id = await CaseAsync(lead);
        var team = await app.SignedInClientAsync("team@lltf-amsterdam.demo");

        Assert.Equal(HttpStatusCode.Forbidden, (await team.PutAsJsonAsync(Url(id), await EditableAsync(lead, id))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await team.PostAsJsonAsync($"{Url(id)}/versions", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await team.GetAsync(Url(id))).StatusCode);
    }

    [Fact]
    public async Task Get_AnotherProgrammesComplex_Is404()
    {
        var lead = await app.SignedInClientAsync(Lead);
        var id = await CaseAsync(lead);
        var rotterdam = await app.SignedInClientAsync("lead@thuisplusflat-rotterdam.demo");

        Assert.Equal(HttpStatusCode.NotFound, (await rotterdam.GetAsync($"/api/v1/thuisplusflat-rotterdam/complexes/{id}/business-case")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await rotterdam.GetAsync(Url(id))).StatusCode);
    }

    [Fact]
    public async Task Demo_CasesForSeveralComplexes_OnePositiveAndFrozen_OneNotPositive_OneWithCapexApart()
    {
        var client = await app.SignedInClientAsync(Lead);
        // The seeder's first three complexes by name (this class adds complexes of its own, all named "Businesscaseflat ...").
        var ids = await app.InTenantAsync(Tenant, db => db.Complexes.Where(c => !c.Name.StartsWith("Businesscaseflat"))
            .OrderBy(c => c.Name).Select(c => c.Id).Take(3).ToListAsync());

        var cases = new List<JsonElement>();
        foreach (var id in ids)
        {
            cases.Add(await client.GetJsonAsync(Url(id)));
        }

        Assert.True(cases[0].GetProperty("positive").GetBoolean());
        Assert.Equal(1, cases[0].GetProperty("frozenVersions").GetArrayLength());
        Assert.Equal(0m, cases[0].GetProperty("totalFinancingGap").GetDecimal()); // 40 + 30 + 20 + 10 %
        Assert.False(cases[1].GetProperty("positive").GetBoolean());
        Assert.Equal(JsonValueKind.Null, cases[1].GetProperty("breakEvenYear").ValueKind);
        Assert.Equal(45_000m, cases[2].GetProperty("totalCapex").GetDecimal());
        // Its one frozen version is the positive variant the demo DOS application carries (DemoDosApplications); the working copy stays not positive.
        Assert.Equal(1, cases[1].GetProperty("frozenVersions").GetArrayLength());
    }

    [Fact]
    public async Task VersionPdf_SaysTheSameNumbersAsTheApi()
    {
        var client = await app.SignedInClientAsync(Lead);
        var id = await CaseAsync(client);
        var body = await EditableAsync(client, id);
        SetAmount(body, 0, 2028, 80_000m);
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync(Url(id), body)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"{Url(id)}/versions", new { note = "Voor het zorgkantoor" })).StatusCode);
        var version = await client.GetJsonAsync($"{Url(id)}/versions/1");

        var response = await client.GetAsync($"{Url(id)}/versions/1/export.pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        var text = string.Join(" ", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
        var dutch = System.Globalization.CultureInfo.GetCultureInfo("nl-NL");
        string Euro(decimal amount) => "€ " + amount.ToString("N0", dutch);
        Assert.Contains("Voor het zorgkantoor", text, StringComparison.Ordinal);
        Assert.Contains("Kosten plus-laag (totaal): " + Euro(version.GetProperty("totalCosts").GetDecimal()) + " (exclusief 6 PM-posten)", text, StringComparison.Ordinal);
        Assert.Contains("Baten (totaal): " + Euro(version.GetProperty("totalBenefits").GetDecimal()), text, StringComparison.Ordinal);
        Assert.Contains("Saldo: " + Euro(version.GetProperty("totalNet").GetDecimal()), text, StringComparison.Ordinal);
        Assert.Contains("Eerste jaar met positief cumulatief saldo: " + version.GetProperty("breakEvenYear").GetInt32(), text, StringComparison.Ordinal);
        foreach (var year in version.GetProperty("years").EnumerateArray())
        {
            Assert.Contains($"{year.GetProperty("year").GetInt32()}: kosten {Euro(year.GetProperty("costs").GetDecimal())} · baten {Euro(year.GetProperty("benefits").GetDecimal())} · saldo {Euro(year.GetProperty("net").GetDecimal())} · cumulatief saldo {Euro(year.GetProperty("cumulativeNet").GetDecimal())}",
                text, StringComparison.Ordinal);
        }

        Assert.Contains("€ 428.600", text, StringComparison.Ordinal);
        Assert.Contains("Bijdrage aan de exploitatie van de ontmoetingsruimte", text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{Url(id)}/versions/2/export.pdf")).StatusCode);
    }

    [Fact]
    public async Task OpenApi_ListsTheBusinessCaseEndpoints()
    {
        var document = await app.Client().GetStringAsync("/openapi/v1.json");

        Assert.Contains("/api/v1/{tenant}/complexes/{id}/business-case/versions/{number}", document, StringComparison.Ordinal);
        Assert.Contains("SaveBusinessCase", document, StringComparison.Ordinal);
    }

    internal static string Url(Guid id) => $"/api/v1/{Tenant}/complexes/{id}/business-case";

    private static void SetAmount(JsonObject body, int line, int year, decimal amount) =>
        body["lines"]![line]!["amounts"]!.AsArray().First(a => (int)a!["year"]! == year)!["amount"] = amount;

    /// <summary>The GET body, which is also the PUT body (the computed parts are ignored on the way in).</summary>
    private static async Task<JsonObject> EditableAsync(HttpClient client, Guid id)
    {
        var json = await client.GetStringAsync(Url(id));
        var body = JsonNode.Parse(json)!.AsObject();
        body["numberOfYears"] = body["numberOfYears"]!.GetValue<int>();
        return body;
    }

    private async Task<Guid> CaseAsync(HttpClient client)
    {
        var id = await NewComplexAsync(client);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync(Url(id), new { fromTemplate = true, firstYear = 2027, years = 4 })).StatusCode);
        return id;
    }

    internal static Task<Guid> NewComplexAsync(HttpClient client) => ApiTestData.NewComplexAsync(client, Tenant, "Businesscaseflat", 159);

    private static Task<JsonElement> ProblemErrorsAsync(HttpResponseMessage response) => ApiTestData.ProblemErrorsAsync(response);
}
