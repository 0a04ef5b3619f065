using System.Net.Http.Json;
using System.Text.Json;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Plusflat.Domain.Complexes;
using Plusflat.Web.Features.Complexes;
using Plusflat.Web.Features.Shared;

namespace Plusflat.Web.Tests.Complexes;

/// <summary>
/// A complex that looks like one already there (same postcode and house number, or the same name in the same
/// municipality): the form shows the likely duplicate with a link and lets the user go on; the handler and the API
/// refuse it unless told to save anyway.
/// </summary>
public sealed class ComplexDuplicateTests(PlusflatApp app) : ComponentTest(app)
{
    private const string Tenant = "lltf-amsterdam";
    private const string Lead = "lead@lltf-amsterdam.demo";
    private const string ApiUrl = $"/api/v1/{Tenant}/complexes";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private EditComplexHandler Complexes => Services.GetRequiredService<EditComplexHandler>();

    private static string Unique(string prefix) => $"{prefix} {Guid.NewGuid().ToString("N")[..8]}";

    private static ComplexInput Input(string name, string address, string municipality = "Amsterdam", string postcode = "1011 AB") => new()
    {
        Name = name, Address = address, Postcode = postcode, Municipality = municipality, DwellingCount = 120,
    };

    private async Task<Guid> CreateAsync(ComplexInput input)
    {
        var result = await Complexes.CreateAsync(input, CancellationToken.None);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
        return result.Id!.Value;
    }

    private async Task<int> CountAsync(string text) =>
        (await Services.GetRequiredService<ListComplexesHandler>().ListAsync(new ComplexFilter { Text = text }, CancellationToken.None)).TotalCount;

    [Fact]
    public async Task Create_SamePostcodeAndHouseNumber_RefusedAsALikelyDuplicateUnlessAllowed()
    {
        await SignInAsync(Lead, Tenant);
        var street = Unique("Dubbelstraat");
        var existing = await CreateAsync(Input(Unique("Eerste"), $"{street} 12"));
        var second = Input(Unique("Tweede"), $"{street} 12-3", postcode: "1011ab");

        var refused = await Complexes.CreateAsync(second, CancellationToken.None);
        var candidates = await Services.GetRequiredService<FindDuplicateComplexesHandler>().FindAsync(second, null, CancellationToken.None);

        Assert.Equal(ResultKind.Conflict, refused.Kind);
        Assert.Equal(EditComplexHandler.DuplicateField, Assert.Single(refused.Errors).Field);
        Assert.Equal(0, await CountAsync(second.Name));
        var candidate = Assert.Single(candidates);
        Assert.Equal((existing, false), (candidate.Id, candidate.Archived));
        Assert.Equal([DuplicateReason.SameAddress], candidate.Reasons);

        var saved = await Complexes.CreateAsync(second, allowDuplicate: true, CancellationToken.None);

        Assert.True(saved.Succeeded);
        Assert.Equal(1, await CountAsync(second.Name));
    }

    [Fact]
    public async Task Create_SameNameInTheSameMunicipalityIgnoringCaseAndSpaces_IsALikelyDuplicate()
    {
        await SignInAsync(Lead, Tenant);
        var name = Unique("De Naamgenoot");
        var town = Unique("Naamdorp");
        var existing = await CreateAsync(Input(name, TestComplexes.UniqueAddress("Eenweg"), town));
        var typed = Input("  " + name.ToUpperInvariant().Replace(" ", "  ", StringComparison.Ordinal), TestComplexes.UniqueAddress("Anderweg"), town.ToLowerInvariant(), "2000 AA");

        var candidates = await Services.GetRequiredService<FindDuplicateComplexesHandler>().FindAsync(typed, null, CancellationToken.None);
        var otherTown = await Services.GetRequiredService<FindDuplicateComplexesHandler>().FindAsync(
            Input(name, TestComplexes.UniqueAddress("Anderweg"), "Elders", "2000 AA"), null, CancellationToken.None);

        Assert.Equal(existing, Assert.Single(candidates).Id);
        Assert.Equal([DuplicateReason.SameNameInMunicipality], candidates[0].Reasons);
        Assert.Empty(otherTown);
    }

    [Fact]
    public async Task Create_LikeAnArchivedComplex_ListsItMarkedAsArchived()
    {
        await SignInAsync(Lead, Tenant);
        var address = TestComplexes.UniqueAddress("Archiefdubbelweg");
        var archived = await CreateAsync(Input(Unique("Oud"), address));
        var version = (await Complexes.GetAsync(archived, CancellationToken.None))!.Input.Version;
        Assert.True((await Services.GetRequiredService<ArchiveComplexHandler>().ArchiveAsync(archived,
            new ArchiveInput { ArchiveReason = "Gesloopt", Version = version }, CancellationToken.None)).Succeeded);

        var candidates = await Services.GetRequiredService<FindDuplicateComplexesHandler>().FindAsync(Input(Unique("Nieuw"), address), null, CancellationToken.None);

        Assert.True(Assert.Single(candidates).Archived);
    }

    [Fact]
    public async Task Update_OtherFieldsOfAComplexThatHasATwin_DoesNotAskAgain_ButMovingOntoAnotherAddressDoes()
    {
        await SignInAsync(Lead, Tenant);
        var address = TestComplexes.UniqueAddress("Tweelingweg");
        await CreateAsync(Input(Unique("Tweeling A"), address));
        var twin = Input(Unique("Tweeling B"), address);
        Assert.True((await Complexes.CreateAsync(twin, allowDuplicate: true, CancellationToken.None)).Succeeded);
        var twinId = (await Services.GetRequiredService<ListComplexesHandler>().ListAsync(new ComplexFilter { Text = twin.Name }, CancellationToken.None)).Items.Single().Id;
        var third = await CreateAsync(Input(Unique("Derde"), TestComplexes.UniqueAddress("Derdeweg")));

        var stored = (await Complexes.GetAsync(twinId, CancellationToken.None))!.Input;
        stored.Notes = "Alleen een notitie";
        Assert.True((await Complexes.UpdateAsync(twinId, stored, CancellationToken.None)).Succeeded);

        var moved = (await Complexes.GetAsync(third, CancellationToken.None))!.Input;
        moved.Address = address;
        var refused = await Complexes.UpdateAsync(third, moved, CancellationToken.None);
        Assert.Equal(ResultKind.Conflict, refused.Kind);
        Assert.Equal(EditComplexHandler.DuplicateField, Assert.Single(refused.Errors).Field);
        Assert.Equal(2, (await Services.GetRequiredService<FindDuplicateComplexesHandler>().FindAsync(moved, third, CancellationToken.None)).Count);
        Assert.True((await Complexes.UpdateAsync(third, moved, allowDuplicate: true, CancellationToken.None)).Succeeded);
    }

    [Fact]
    public async Task Api_PostLikeAnExistingComplex_Returns409WithTheCandidates_AndAllowDuplicateSaves()
    {
        await SignInAsync(Lead, Tenant);
        var address = TestComplexes.UniqueAddress("Apidubbelweg");
        var existing = await CreateAsync(Input(Unique("Api eerste"), address));
        var client = await App.SignedInClientAsync(Lead);
        var body = new { name = Unique("Api tweede"), address, postcode = "1011 AB", municipality = "Amsterdam", dwellingCount = 100 };

        var refused = await client.PostAsJsonAsync(ApiUrl, body);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        using (var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()))
        {
            var duplicate = problem.RootElement.GetProperty("duplicates")[0];
            Assert.Equal(existing, duplicate.GetProperty("id").GetGuid());
            Assert.Equal("SameAddress", duplicate.GetProperty("reasons")[0].GetString());
            Assert.Equal($"/{Tenant}/complexen/{existing}", duplicate.GetProperty("href").GetString());
        }

        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync($"{ApiUrl}?allowDuplicate=misschien", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"{ApiUrl}?allowDuplicate=true", body)).StatusCode);
    }

    [Fact]
    public async Task Api_OpenApiDocument_DescribesTheDuplicateAnswer()
    {
        var client = App.CreateClient();

        var document = await client.GetStringAsync("/openapi/v1.json");

        Assert.Contains("allowDuplicate=true", document, StringComparison.Ordinal);
        Assert.Contains("/complexes/{id}/archive", document, StringComparison.Ordinal);
        Assert.Contains("/complexes/{id}/checklist-version", document, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Form_LikeAnExistingComplex_ShowsItWithALinkAndSavesOnlyWhenTheUserGoesOn()
    {
        await SignInAsync(Lead, Tenant);
        var address = TestComplexes.UniqueAddress("Formdubbelweg");
        var existingName = Unique("Bestaand");
        var existing = await CreateAsync(Input(existingName, address));
        var name = Unique("Formflat");
        var form = RenderWithProviders<EditComplex>(p => p.Add(x => x.Tenant, Tenant));
        form.WaitForElement("[data-testid=save]", Wait);
        form.Find("input[data-field=Name]").Change(name);
        form.Find("input[data-field=Address]").Change(address);
        form.Find("input[data-field=Postcode]").Change("1011ab");
        form.Find("input[data-field=DwellingCount]").Change("150");

        await form.InvokeAsync(() => form.Find("[data-testid=save]").Click());

        Dialogs.WaitForElement("[data-testid=duplicate-dialog]", Wait);
        var link = Dialogs.Find("[data-testid=duplicate-link]");
        Assert.Equal(existingName, link.TextContent.Trim());
        Assert.Equal($"/{Tenant}/complexen/{existing}", link.GetAttribute("href"));
        Assert.Equal("zelfde postcode en huisnummer", Dialogs.Find("[data-testid=duplicate-reason]").TextContent.Trim());
        Assert.Equal(0, await CountAsync(name));

        await Dialogs.InvokeAsync(() => Dialogs.Find("[data-testid=duplicate-back]").Click());
        Dialogs.WaitForAssertion(() => Assert.Empty(Dialogs.FindAll("[data-testid=duplicate-dialog]")), Wait);
        Assert.Equal(0, await CountAsync(name));
        Assert.Equal(name, form.Find("input[data-field=Name]").GetAttribute("value"));

        await form.InvokeAsync(() => form.Find("[data-testid=save]").Click());
        Dialogs.WaitForElement("[data-testid=duplicate-save]", Wait);
        await Dialogs.InvokeAsync(() => Dialogs.Find("[data-testid=duplicate-save]").Click());

        form.WaitForAssertion(() => Assert.Matches($"/{Tenant}/complexen/[0-9a-f-]{{36}}$", Navigation.Uri), Wait);
        Assert.Equal(1, await CountAsync(name));
    }
}
