using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Plusflat.Domain.Standard;
using Plusflat.Web.Features.Admission;
using Plusflat.Web.Features.Complexes;
using Plusflat.Web.Features.Standard;
using Plusflat.Web.Tests.Admission;

namespace Plusflat.Web.Tests.Standard;

/// <summary>
/// The complex's own page says whether it is eligible for the Plusflat label and why not: the failed threshold with the
/// fact it failed on, the missing must, the exclusion that applies (real handlers on real PostgreSQL, the page in bunit).
/// </summary>
public sealed class ComplexEligibilityPanelTests(PlusflatApp app) : ComponentTest(app)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private const string Tenant = AdmissionTestData.Amsterdam;

    private const string Evidence = "Vastgelegd in de samenwerkingsovereenkomst";

    [Fact]
    public async Task DetailPage_GatePassedAndEveryMustMet_SaysEligible()
    {
        await SignInAsync(AdmissionTestData.Lead, Tenant);
        var id = await App.ComplexAsync(150);
        await GateAsync(id, AdmissionTestData.Passing());
        await StandardAsync(id);

        var page = Render(id);

        Assert.Equal("Komt in aanmerking voor het Plusflat-label.", page.Find("[data-testid=label-verdict]").TextContent.Trim());
        Assert.Equal("De toelatingspoort is gehaald.", Text(page, "label-gate").Replace("Naar de toelatingspoort", "", StringComparison.Ordinal).Trim());
        Assert.StartsWith("Aan alle musts is voldaan", Text(page, "label-standard"), StringComparison.Ordinal);
        Assert.StartsWith("Herbeoordeling op ", Text(page, "label-reassessment"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DetailPage_GateFailedOnScaleAndAMustNotMet_NamesTheThresholdTheFactAndTheMust()
    {
        await SignInAsync(AdmissionTestData.Lead, Tenant);
        var id = await App.ComplexAsync(60);
        await GateAsync(id, AdmissionTestData.Passing());
        await StandardAsync(id, notMet: "organisatie-bewonersstem");

        var page = Render(id);

        Assert.Equal("Komt (nog) niet in aanmerking voor het Plusflat-label.", page.Find("[data-testid=label-verdict]").TextContent.Trim());
        var threshold = page.Find("[data-testid=label-threshold-concentration]").TextContent;
        Assert.Contains("1. Concentratie", threshold, StringComparison.Ordinal);
        Assert.Contains("Het complex heeft 60 woningen, minder dan de ondergrens van 100", threshold, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=label-threshold-need]"));
        Assert.Equal(["De bewonersstem is herkenbaar geborgd in de uitvoering en de complexregie."],
            page.FindAll("[data-testid=label-missing-musts] li").Select(li => li.TextContent.Trim()));
    }

    [Fact]
    public async Task DetailPage_AFutureAgreementAndAnExclusion_AreNamed()
    {
        await SignInAsync(AdmissionTestData.Lead, Tenant);
        var id = await App.ComplexAsync(150);
        var future = AdmissionTestData.Passing();
        future.CorporationAgreedOn = DateTime.Today.AddDays(30);
        await GateAsync(id, future);
        await StandardAsync(id, applies: "doelgroep-intramuraal");

        var page = Render(id);

        Assert.Contains("De instemming van de woningcorporatie is gedateerd op", page.Find("[data-testid=label-threshold-governance]").TextContent, StringComparison.Ordinal);
        Assert.Equal(["Intramurale of verpleeghuislogica (niet zelfstandig wonen)."], page.FindAll("[data-testid=label-exclusions] li").Select(li => li.TextContent.Trim()));
        Assert.Equal("Komt (nog) niet in aanmerking voor het Plusflat-label.", page.Find("[data-testid=label-verdict]").TextContent.Trim());
    }

    [Fact]
    public async Task DetailPage_NothingRecorded_SaysTheGateAndTheStandardAreStillOpen()
    {
        await SignInAsync(AdmissionTestData.Lead, Tenant);
        var empty = Render(await App.ComplexAsync(150));

        Assert.StartsWith("De toelatingspoort is nog niet vastgelegd.", Text(empty, "label-gate"), StringComparison.Ordinal);
        Assert.StartsWith("De productstandaard is nog niet beoordeeld.", Text(empty, "label-standard"), StringComparison.Ordinal);
    }

    private IRenderedComponent<ComplexDetail> Render(Guid id)
    {
        var page = RenderWithProviders<ComplexDetail>(p => p.Add(x => x.Tenant, Tenant).Add(x => x.Id, id));
        page.WaitForAssertion(() => page.Find("[data-testid=label-eligibility]"), Wait);
        return page;
    }

    private static string Text(IRenderedComponent<ComplexDetail> page, string testId) => page.Find($"[data-testid={testId}]").TextContent.Trim();

    private async Task GateAsync(Guid id, AdmissionInput input)
    {
        var result = await Services.GetRequiredService<RecordAdmissionHandler>().RecordAsync(id, input, CancellationToken.None);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
    }

    private async Task StandardAsync(Guid id, string? notMet = null, string? applies = null)
    {
        var input = new StandardAssessmentInput
        {
            Items = [.. StandardCatalogue.DefaultItems.Select(i => new StandardItemInput
            {
                Key = i.Key,
                Status = i.Key == notMet ? StandardItemStatus.NotMet
                    : i.Key == applies ? StandardItemStatus.Applies
                    : i.Kind == StandardItemKind.Not ? StandardItemStatus.DoesNotApply : StandardItemStatus.Met,
                Evidence = Evidence,
            })],
        };
        var result = await Services.GetRequiredService<SaveStandardAssessmentHandler>().SaveAsync(id, input, CancellationToken.None);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
    }
}
