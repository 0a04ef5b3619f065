using System.Net.Http.Json;
using System.Text.Json;
using Plusflat.Web.Tests.Infrastructure;

namespace Plusflat.Web.Tests.DosApplications;

/// <summary>A complex made eligible through the API (gate passed, every must met, a positive frozen business case) and a complete application for it.</summary>
internal static class DosApiTestData
{
    public const string Programme = "lltf-amsterdam";
    public const string Lead = "lead@lltf-amsterdam.demo";
    public const string Zorgkantoor = "zorgkantoor-amsterdam";
    public const string Assessor = "assessor@zorgkantoor-amsterdam.demo";
    public const string OtherZorgkantoor = "zorgkantoor-rotterdam";
    public const string OtherAssessor = "assessor@zorgkantoor-rotterdam.demo";

    public static async Task<Guid> EligibleComplexAsync(HttpClient lead, string prefix = "Dosflat")
    {
        var id = await ApiTestData.NewComplexAsync(lead, Programme, prefix, 140);
        var gate = new Dictionary<string, object?>
        {
            ["concentration"] = new { sharedEntrance = true, groupedWith = Array.Empty<Guid>(), coreFunctionsSecured = false, evidence = "Eén entree" },
            ["need"] = new { loneliness = "Veel alleenstaanden", liveabilityPressure = (string?)null, missedEarlySignalling = (string?)null, careConcentration = (string?)null, mostlySelfSufficient = false, hardlyAnyHomeCare = false },
            ["governance"] = new object[]
            {
                new { party = "municipality", agreedBy = "Wethouder", agreedOn = "2025-01-10", reference = "GEM-1" },
                new { party = "corporation", agreedBy = "Directeur", agreedOn = "2025-01-11", reference = "CORP-1" },
                new { party = "careProvider", agreedBy = "Regiodirecteur", agreedOn = "2025-01-12", reference = "ZA-1" },
            },
        };
        Assert.True((await lead.PutAsJsonAsync($"/api/v1/{Programme}/complexes/{id}/admission", gate)).IsSuccessStatusCode);
        var catalogue = await lead.GetJsonAsync($"/api/v1/{Programme}/standard-catalogue");
        var items = catalogue.GetProperty("items").EnumerateArray().Select(i => new
        {
            key = i.GetProperty("key").GetString(),
            status = i.GetProperty("kind").GetString() == "not" ? "doesNotApply" : "met",
            evidence = "Vastgelegd",
        }).ToList();
        Assert.Equal(HttpStatusCode.NoContent, (await lead.PutAsJsonAsync($"/api/v1/{Programme}/complexes/{id}/standard", new { items })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await lead.PostAsJsonAsync($"/api/v1/{Programme}/complexes/{id}/business-case", new { fromTemplate = true, firstYear = 2027 })).StatusCode);
        Assert.True((await lead.PostAsJsonAsync($"/api/v1/{Programme}/complexes/{id}/business-case/versions", new { note = "Voor DOS" })).IsSuccessStatusCode);
        return id;
    }

    public static object Application(Guid complexId, string zorgkantoor = Zorgkantoor, decimal perYear = 100_000m, bool complete = true) => new
    {
        complexId,
        zorgkantoor,
        submitter = "Woonstichting De Key",
        coalition = complete
            ? new object[]
            {
                new { party = "municipality", organisation = "Gemeente Amsterdam", agreedBy = "Wethouder Zorg", agreedOn = "2026-09-01" },
                new { party = "housingCorporation", organisation = "De Key", agreedBy = "Directeur", agreedOn = "2026-09-02" },
                new { party = "careProvider", organisation = "Zorg Thuis", agreedBy = "Bestuurder", agreedOn = "2026-09-03" },
            }
            : [],
        establishment = complete ? new { body = "IZA-coalitie Amsterdam", date = "2026-10-01", reference = "IZA-2026-17" } : null,
        firstYear = 2027,
        lastYear = 2029,
        requested = new[] { new { year = 2027, amount = perYear }, new { year = 2028, amount = perYear }, new { year = 2029, amount = perYear } },
        businessCaseVersion = (int?)null,
    };

    public static async Task<Guid> CreateAsync(HttpClient lead, object application)
    {
        var response = await lead.PostAsJsonAsync($"/api/v1/{Programme}/dos-applications", application);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid();
    }

    public static async Task<Guid> SubmittedAsync(HttpClient lead, string zorgkantoor = Zorgkantoor, decimal perYear = 100_000m)
    {
        var complex = await EligibleComplexAsync(lead);
        var id = await CreateAsync(lead, Application(complex, zorgkantoor, perYear));
        var submit = await lead.PostAsync($"/api/v1/{Programme}/dos-applications/{id}/submit", null);
        Assert.True(submit.StatusCode == HttpStatusCode.OK, await submit.Content.ReadAsStringAsync());
        return id;
    }

    public static async Task ScoreAllAsync(HttpClient assessor, Guid id, int score = 2)
    {
        var criteria = await assessor.GetJsonAsync($"/api/v1/{Zorgkantoor}/dos-criteria");
        var scores = criteria.GetProperty("criteria").EnumerateArray().Select(c => new { key = c.GetProperty("key").GetString(), score, justification = "Blijkt uit de snapshot" }).ToList();
        var response = await assessor.PutAsJsonAsync($"/api/v1/{Zorgkantoor}/received-applications/{id}/assessment", new { catalogueVersion = 1, scores, comments = "Compleet dossier" });
        Assert.True(response.StatusCode == HttpStatusCode.NoContent, await response.Content.ReadAsStringAsync());
    }
}
