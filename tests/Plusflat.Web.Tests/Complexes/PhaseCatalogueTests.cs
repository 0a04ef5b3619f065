using System.Net.Http.Json;
using System.Text.Json;
using Plusflat.Web.Features.Phases;

namespace Plusflat.Web.Tests.Complexes;

public sealed class PhaseCatalogueTests(PlusflatApp app) : IClassFixture<PlusflatApp>
{
    [Fact]
    public async Task AddItem_MakesANewVersionThatNewComplexesUseWhileExistingKeepTheirs()
    {
        var lead = await app.SignedInClientAsync("lead@thuisplusflat-rotterdam.demo");
        var existing = await CreateAsync(lead);
        var title = "Sleutelbeheer geregeld " + Guid.NewGuid().ToString("N")[..4];

        var response = await lead.PostFormAsync("/thuisplusflat-rotterdam/fasechecklist", "punt-toevoegen", new Dictionary<string, string>
        {
            ["AddForm.Phase"] = "0", ["AddForm.Title"] = title,
        });
        var created = await CreateAsync(lead);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains(title, await lead.GetStringAsync("/thuisplusflat-rotterdam/fasechecklist"), StringComparison.Ordinal);
        Assert.Equal(2, await PhaseZeroItemCountAsync(lead, existing));
        Assert.Equal(3, await PhaseZeroItemCountAsync(lead, created));
    }

    [Fact]
    public async Task RemoveItem_WithoutChoosingOne_ShowsFieldError()
    {
        var lead = await app.SignedInClientAsync("lead@thuisplusflat-rotterdam.demo");

        var response = await lead.PostFormAsync("/thuisplusflat-rotterdam/fasechecklist", "punt-verwijderen", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Kies het punt dat je wilt verwijderen.", await response.TextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddItem_FlatTeamMember_SeesNoFormAndCannotPost()
    {
        var team = await app.SignedInClientAsync("team@lltf-amsterdam.demo");
        var page = await team.GetStringAsync("/lltf-amsterdam/fasechecklist");

        // The form is not rendered for a reader, so the post is refused before any handler runs.
        var response = await team.PostFormAsync("/lltf-amsterdam/fasechecklist", "punt-toevoegen", new Dictionary<string, string>
        {
            ["AddForm.Phase"] = "1", ["AddForm.Title"] = "Mag niet toegevoegd worden",
        });

        Assert.DoesNotContain("Punt toevoegen", page, StringComparison.Ordinal);
        Assert.False(response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.Redirect);
        Assert.DoesNotContain("Mag niet toegevoegd worden", await team.GetStringAsync("/lltf-amsterdam/fasechecklist"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2, "Sleutelbeheer geregeld", "p2-sleutelbeheer-geregeld")]
    [InlineData(1, "Één ambitie & één plan!", "p1-een-ambitie-een-plan")]
    [InlineData(0, "???", "p0-punt")]
    public void UniqueCode_IsReadableAndValid(int phase, string title, string expected) =>
        Assert.Equal(expected, PhaseCatalogueHandler.UniqueCode(phase, title, new HashSet<string>()));

    [Fact]
    public void UniqueCode_TakenCode_GetsASuffix() =>
        Assert.Equal("p0-punt-2", PhaseCatalogueHandler.UniqueCode(0, "Punt", new HashSet<string> { "p0-punt" }));

    private static async Task<Guid> CreateAsync(HttpClient client)
    {
        var response = await client.PostAsJsonAsync("/api/v1/thuisplusflat-rotterdam/complexes", new
        {
            name = "Versieflat " + Guid.NewGuid().ToString("N")[..6], address = "Versieweg 1", postcode = "3012 AB", municipality = "Rotterdam", dwellingCount = 150,
        });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<int> PhaseZeroItemCountAsync(HttpClient client, Guid id) =>
        (await client.GetJsonAsync($"/api/v1/thuisplusflat-rotterdam/complexes/{id}/phase"))
            .GetProperty("items").EnumerateArray().Count(i => i.GetProperty("phase").GetInt32() == 0);
}
