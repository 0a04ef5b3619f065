using System.Net.Http.Json;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Plusflat.Web.Features.Complexes;
using ComplexesPage = Plusflat.Web.Features.Complexes.Complexes;

namespace Plusflat.Web.Tests.Complexes;

/// <summary>
/// The complex list (bunit, real handlers on real PostgreSQL): filter, sort and page come from the URL and go
/// back into it; a query change on the same page is followed; the CSV link exports the same selection.
/// </summary>
public sealed class ComplexListTests(PlusflatApp app) : ComponentTest(app)
{
    private const string Tenant = "lltf-amsterdam";
    private const string Lead = "lead@lltf-amsterdam.demo";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private static string Town() => "Testdorp" + Guid.NewGuid().ToString("N")[..8];

    private async Task CreateAsync(string town, params (string Name, int Dwellings)[] complexes)
    {
        var handler = Services.GetRequiredService<EditComplexHandler>();
        foreach (var (name, dwellings) in complexes)
        {
            var result = await handler.CreateAsync(new ComplexInput
            {
                Name = name, Address = TestComplexes.UniqueAddress("Teststraat"), Postcode = "1011 AB", Municipality = town, DwellingCount = dwellings,
            }, CancellationToken.None);
            Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
        }
    }

    private IRenderedComponent<ComplexesPage> RenderList(string query)
    {
        Navigation.NavigateTo($"/{Tenant}/complexen{query}");
        return RenderWithProviders<ComplexesPage>(p => p.Add(x => x.Tenant, Tenant));
    }

    private static List<string> Names(IRenderedComponent<ComplexesPage> list) =>
        [.. list.FindAll("tbody tr td[data-label=Naam] a").Select(a => a.TextContent.Trim())];

    private static string Count(IRenderedComponent<ComplexesPage> list) => list.Find("[data-testid=complex-count]").TextContent.Trim();

    [Fact]
    public async Task List_SortingByAColumnHeader_PutsTheSortInTheUrl()
    {
        await SignInAsync(Lead, Tenant);
        var town = Town();
        await CreateAsync(town, ($"Alfa {town}", 150), ($"Bravo {town}", 90));
        var list = RenderList($"?gemeente={town}");
        list.WaitForAssertion(() => Assert.Equal([$"Alfa {town}", $"Bravo {town}"], Names(list)), Wait);

        list.FindAll(".sortable-column-header").Single(h => h.TextContent.Trim() == "Woningen").Click();

        list.WaitForAssertion(() => Assert.Equal([$"Bravo {town}", $"Alfa {town}"], Names(list)), Wait);
        Assert.Equal(ComplexSort.Dwellings, ComplexQueryString.FromUri(Navigation.Uri).Sort);
        Assert.Equal(town, ComplexQueryString.FromUri(Navigation.Uri).Municipality);
    }

    [Fact]
    public async Task ExportLink_CarriesTheFilterAndDownloadsTheSameSelectionInTheSameOrder()
    {
        await SignInAsync(Lead, Tenant);
        var town = Town();
        await CreateAsync(town, ($"Alfa {town}", 150), ($"Bravo {town}", 90), ($"Charlie {town}", 300));
        var list = RenderList($"?gemeente={town}&sorteer=woningen&richting=af");
        list.WaitForAssertion(() => Assert.Equal(3, Names(list).Count), Wait);

        var link = list.Find("[data-testid=export-csv]");
        var client = await App.SignedInClientAsync(Lead);
        var csv = await client.GetStringAsync(link.GetAttribute("href"));

        Assert.NotNull(link.GetAttribute("download"));
        var lines = csv.Trim('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("Naam;Adres;Postcode;Gemeente", lines[0], StringComparison.Ordinal);
        Assert.Equal(Names(list), lines.Skip(1).Select(l => l.Split(';')[0]).ToList());
        Assert.Contains(";300;;;;0;Programma opzet;", lines[1], StringComparison.Ordinal);
    }
}

/// <summary>The list and the form over HTTP: the prerendered page and the page permissions per role.</summary>
public sealed class ComplexPagesHttpTests(PlusflatApp app) : IClassFixture<PlusflatApp>
{
    private const string Tenant = "lltf-amsterdam";

    [Fact]
    public async Task ListPage_Prerendered_ShowsTheCountOfTheFilterFromTheUrl()
    {
        var client = await app.SignedInClientAsync("lead@lltf-amsterdam.demo");
        var town = "Httpdorp" + Guid.NewGuid().ToString("N")[..6];
        foreach (var name in new[] { "Alfa", "Bravo" })
        {
            var response = await client.PostAsJsonAsync($"/api/v1/{Tenant}/complexes", new
            {
                name = $"{name} {town}", address = TestComplexes.UniqueAddress("Straat"), postcode = "1011 AB", municipality = town, dwellingCount = 110,
            });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }

        var page = await client.GetAsync($"/{Tenant}/complexen?gemeente={town}&fase=abc&pagina=-3");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("2 wooncomplexen gevonden", await page.TextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FlatTeamMember_MayReadTheListButNotOpenTheForm()
    {
        var team = await app.SignedInClientAsync("team@lltf-amsterdam.demo");

        var list = await team.GetAsync($"/{Tenant}/complexen");
        var form = await team.GetAsync($"/{Tenant}/complexen/nieuw");

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.DoesNotContain("Nieuw wooncomplex", await list.TextAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, form.StatusCode);
    }
}
