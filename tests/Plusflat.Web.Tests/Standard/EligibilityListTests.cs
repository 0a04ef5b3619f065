using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Plusflat.Domain.Standard;
using Plusflat.Web.Features.Complexes;
using Plusflat.Web.Features.Overview;
using Plusflat.Web.Features.Standard;
using ComplexesPage = Plusflat.Web.Features.Complexes.Complexes;

namespace Plusflat.Web.Tests.Standard;

/// <summary>
/// The complexes list, its API and the overview show and filter each complex's gate, product standard, label and
/// re-assessment, computed from the demo's assessments (DemoAdmissionContent, DemoStandardContent) on real PostgreSQL.
/// </summary>
public sealed class EligibilityListTests(PlusflatApp app) : ComponentTest(app)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private const string Tenant = "lltf-amsterdam";
    private const string Lead = "lead@lltf-amsterdam.demo";
    private const string NoMeeting = "Een structureel vroegsignaleringsoverleg";

    private async Task<List<ComplexRow>> ListAsync(ComplexFilter filter) =>
        [.. (await Services.GetRequiredService<ListComplexesHandler>().ListAsync(filter with { PageSize = 200 }, CancellationToken.None)).Items];

    [Fact]
    public async Task List_FiltersOnGateStandardLabelAndReassessment_AsTheDemoAssessedThem()
    {
        await SignInAsync(Lead, Tenant);

        var eligible = (await ListAsync(new ComplexFilter { Eligible = true })).Select(r => r.Name).ToList();
        var failedGate = await ListAsync(new ComplexFilter { Gate = GateState.Failed });
        var notMet = await ListAsync(new ComplexFilter { Standard = StandardState.NotMet });
        var overdue = (await ListAsync(new ComplexFilter { Reassessment = AssessmentDue.Overdue })).Select(r => r.Name).ToList();
        var due = (await ListAsync(new ComplexFilter { Reassessment = AssessmentDue.Due })).Select(r => r.Name).ToList();

        Assert.Equal(["De Klimop", "De Sleutelbloem", "Het Vlierhof"], eligible.Order(StringComparer.Ordinal));
        Assert.Equal(["concentration"], failedGate.Single(r => r.Name == "Lindenhove").Standing!.FailedThresholds);
        var parkzicht = failedGate.Single(r => r.Name == "Parkzicht").Standing!;
        Assert.Equal(["need"], parkzicht.FailedThresholds);
        Assert.Equal(StandardState.Met, parkzicht.Standard);
        Assert.False(parkzicht.Eligible);
        var lindenhove = Assert.Single(notMet).Standing!;
        Assert.StartsWith(NoMeeting, Assert.Single(lindenhove.MissingMusts), StringComparison.Ordinal);
        Assert.Equal(["Parkzicht"], overdue);
        Assert.Equal(["Het Vlierhof"], due);
        Assert.All(await ListAsync(new ComplexFilter { Gate = GateState.NotAssessed }), r => Assert.Equal(GateState.NotAssessed, r.Standing!.Gate));
        // Combined with the other filters, and counted and paged in the database.
        var page = await Services.GetRequiredService<ListComplexesHandler>().ListAsync(new ComplexFilter { Eligible = true, PageSize = 2 }, CancellationToken.None);
        Assert.Equal(3, page.TotalCount);
        Assert.Equal(2, page.Items.Count);
        Assert.Empty(await ListAsync(new ComplexFilter { Eligible = true, District = "Noord", Standard = StandardState.NotMet }));
    }

    [Fact]
    public async Task Api_ListsEachComplexsStandingAndFiltersOnIt_AndABadValueIs400NamingIt()
    {
        var client = await App.SignedInClientAsync(Lead);

        var eligible = await client.GetJsonAsync($"/api/v1/{Tenant}/complexes?eligible=true&pageSize=50");
        var notMet = await client.GetJsonAsync($"/api/v1/{Tenant}/complexes?standard=notMet&gate=failed");
        var bad = await client.GetAsync($"/api/v1/{Tenant}/complexes?gate=open&reassessment=soon");

        Assert.Equal(3, eligible.GetProperty("totalCount").GetInt32());
        Assert.All(eligible.GetProperty("items").EnumerateArray(), i =>
        {
            Assert.True(i.GetProperty("eligible").GetBoolean());
            Assert.Equal("passed", i.GetProperty("gate").GetString());
            Assert.Equal("met", i.GetProperty("standard").GetString());
        });
        var lindenhove = Assert.Single(notMet.GetProperty("items").EnumerateArray().ToList());
        Assert.Equal("Lindenhove", lindenhove.GetProperty("name").GetString());
        Assert.Equal("concentration", Assert.Single(lindenhove.GetProperty("failedThresholds").EnumerateArray().ToList()).GetString());
        Assert.StartsWith(NoMeeting, lindenhove.GetProperty("missingMusts")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal("current", lindenhove.GetProperty("reassessment").GetString());
        var errors = await ApiTestData.ProblemErrorsAsync(bad);
        Assert.StartsWith("Kies uit: notAssessed, passed, failed", errors.GetProperty("gate")[0].GetString(), StringComparison.Ordinal);
        Assert.True(errors.TryGetProperty("reassessment", out _));
    }

    [Fact]
    public async Task ListPage_TheFilterInTheUrl_ShowsOnlyThoseComplexesWithTheirGateStandardAndLabel()
    {
        await SignInAsync(Lead, Tenant);
        Navigation.NavigateTo($"/{Tenant}/complexen?poort=niet-gehaald&standaard=voldoet-niet");

        var list = RenderWithProviders<ComplexesPage>(p => p.Add(x => x.Tenant, Tenant));

        list.WaitForAssertion(() => Assert.Equal(["Lindenhove"], list.FindAll("tbody tr td[data-label=Naam] a").Select(a => a.TextContent.Trim())), Wait);
        var row = list.Find("tbody tr");
        Assert.Contains("Niet door de poort", row.QuerySelector("[data-testid^=gate-]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("concentratie", row.TextContent, StringComparison.Ordinal);
        Assert.Equal("1 must ontbreekt", row.QuerySelector("[data-testid^=standard-]")!.TextContent.Trim());
        Assert.Equal("Niet geschikt", row.QuerySelector("[data-testid^=label-]")!.TextContent.Trim());
        Assert.Contains("Filters wissen", list.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListPage_AnOverdueReassessment_IsShownAtTheComplex()
    {
        await SignInAsync(Lead, Tenant);
        Navigation.NavigateTo($"/{Tenant}/complexen?herbeoordeling=te-laat");

        var list = RenderWithProviders<ComplexesPage>(p => p.Add(x => x.Tenant, Tenant));

        list.WaitForAssertion(() => Assert.Equal(["Parkzicht"], list.FindAll("tbody tr td[data-label=Naam] a").Select(a => a.TextContent.Trim())), Wait);
        Assert.StartsWith("Herbeoordeling te laat", list.Find("[data-testid^=reassessment-]").TextContent.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Overview_CountsEachStateAndLinksToTheListFilteredOnIt_WithTheSameNumber()
    {
        await SignInAsync(Lead, Tenant);
        var handler = Services.GetRequiredService<ListComplexesHandler>();

        var page = RenderWithProviders<Overview>(p => p.Add(x => x.Tenant, Tenant));
        page.WaitForAssertion(() => page.Find("[data-testid=eligibility] [data-testid=label-eligible-count]"), Wait);

        Assert.Equal("3", page.Find("[data-testid=label-eligible-count]").TextContent.Trim());
        Assert.Equal("1", page.Find("[data-testid=reassessment-overdue-count]").TextContent.Trim());
        foreach (var key in new[] { "gate-passed", "gate-failed", "gate-not-assessed", "standard-met", "standard-not-met", "standard-not-assessed",
                     "label-eligible", "label-not-eligible", "reassessment-due", "reassessment-overdue" })
        {
            var href = page.Find($"[data-testid={key}-link]").GetAttribute("href")!;
            Assert.StartsWith($"/{Tenant}/complexen?", href, StringComparison.Ordinal);
            var listed = await handler.ListAsync(ComplexQueryString.FromUri(href), CancellationToken.None);
            Assert.Equal(listed.TotalCount.ToString(System.Globalization.CultureInfo.InvariantCulture), page.Find($"[data-testid={key}-count]").TextContent.Trim());
        }
    }

    [Fact]
    public void QueryString_TheStandingFilters_RoundTripAndUnknownValuesAreIgnored()
    {
        var filter = new ComplexFilter { Gate = GateState.Passed, Standard = StandardState.NotAssessed, Eligible = false, Reassessment = AssessmentDue.Due };

        var query = ComplexQueryString.Build(filter);

        Assert.Equal("?poort=gehaald&standaard=niet-beoordeeld&label=niet-geschikt&herbeoordeling=nodig", query);
        Assert.Equal(filter, ComplexQueryString.FromUri(query));
        Assert.Equal(new ComplexFilter(), ComplexQueryString.FromUri("?poort=misschien&label=ja&herbeoordeling=1"));
    }
}
