using AngleSharp.Dom;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Plusflat.Web.Features.Admission;
using static Plusflat.Web.Tests.Admission.AdmissionTestData;

namespace Plusflat.Web.Tests.Admission;

/// <summary>The admission page (bunit, real handlers on real PostgreSQL): refusals at their fields with typed values kept; read-only for other roles.</summary>
public sealed class AdmissionPageTests(PlusflatApp app) : ComponentTest(app)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private IRenderedComponent<ComplexAdmission> RenderPage(Guid id)
    {
        var page = RenderWithProviders<ComplexAdmission>(p => p.Add(x => x.Tenant, Amsterdam).Add(x => x.Id, id));
        page.WaitForElement("[data-testid=gate-result]", Wait);
        return page;
    }

    private static IElement Field(IRenderedComponent<ComplexAdmission> page, string field) =>
        page.Find($"input[data-field={field}], textarea[data-field={field}]");

    private static string? ErrorAt(IRenderedComponent<ComplexAdmission> page, string field) =>
        Field(page, field).Closest(".mud-input-control")?.QuerySelector(".mud-input-helper-text.mud-input-error")?.TextContent.Trim();

    [Fact]
    public async Task Save_AgreementWithoutDateAndReference_MarksBothFieldsAndKeepsTheTypedName()
    {
        var id = await App.ComplexAsync(150);
        await SignInAsync(Lead, Amsterdam);
        var page = RenderPage(id);

        Field(page, "MunicipalityAgreedBy").Change("Wethouder Zorg");
        page.Find("[data-testid=save]").Click();

        page.WaitForAssertion(() => Assert.Equal("Vul de datum in waarop de gemeente instemde.", ErrorAt(page, "MunicipalityAgreedOn")), Wait);
        Assert.Equal("Vul het kenmerk in van het besluit of de brief waarmee de gemeente instemde.", ErrorAt(page, "MunicipalityReference"));
        Assert.Null(ErrorAt(page, "MunicipalityAgreedBy"));
        Assert.Equal("Wethouder Zorg", Field(page, "MunicipalityAgreedBy").GetAttribute("value"));
        Assert.Equal("Nog geen vastleggingen.", page.Find("[data-testid=history-empty]").TextContent.Trim());
    }

    [Fact]
    public async Task Page_FlatTeamMember_SeesTheOutcomeButNoForm()
    {
        var id = await App.ComplexAsync(150);
        await SignInAsync(Team, Amsterdam);

        var page = RenderPage(id);

        Assert.Equal("false", page.Find("[data-testid=gate-result]").GetAttribute("data-passed"));
        Assert.Equal(3, page.FindAll("[data-testid=threshold-concentration], [data-testid=threshold-need], [data-testid=threshold-governance]").Count);
        Assert.Empty(page.FindAll("[data-testid=save]"));
    }

    [Fact]
    public async Task Overview_FilteredOnFailed_ListsOnlyFailedComplexesWithTheirThresholds()
    {
        await SignInAsync(Team, Amsterdam);

        Navigation.NavigateTo($"/{Amsterdam}/toelating?uitkomst=niet-gehaald");

        var page = RenderWithProviders<AdmissionOverview>(p => p.Add(x => x.Tenant, Amsterdam));

        page.WaitForElement("[data-testid=outcomes]", Wait);
        var rows = page.FindAll("[data-testid=outcomes] tbody tr");
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal("Niet door de poort", r.QuerySelector("[data-testid=outcome]")!.TextContent.Trim()));
        var lindenhove = rows.Single(r => r.QuerySelector("th")!.TextContent.Trim() == "Lindenhove");
        Assert.Equal("1. Concentratie", lindenhove.QuerySelectorAll("td")[2].TextContent.Trim());
        Assert.DoesNotContain(rows, r => r.QuerySelector("th")!.TextContent.Trim() == "De Klimop");
    }

    [Fact]
    public async Task Save_SomeoneElseRecordedMeanwhile_ConflictDialogMergesAndTheMergeIsSaved()
    {
        var id = await App.ComplexAsync(150);
        await SignInAsync(Lead, Amsterdam);
        var page = RenderPage(id);
        var other = Passing();
        other.Loneliness = "Vastgelegd door iemand anders";
        Assert.True((await Services.GetRequiredService<RecordAdmissionHandler>().RecordAsync(id, other, CancellationToken.None)).Succeeded);

        Field(page, "CareConcentration").Change("Mijn eigen invoer");
        page.Find("[data-testid=save]").Click();

        Dialogs.WaitForAssertion(() => Assert.Equal("Iemand anders heeft dit intussen gewijzigd", Dialogs.Find("#conflict-title").TextContent.Trim()), Wait);
        Assert.Equal(["Mijn eigen invoer", "(leeg)"], Dialogs.Find("tr[data-field=CareConcentration]").QuerySelectorAll("td").Select(td => td.TextContent.Trim()));
        Assert.Empty(Dialogs.FindAll("tr[data-field=GroupedWith]"));
        Dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Opslaan met deze keuzes").Click();

        page.WaitForAssertion(() => Assert.Equal("true", page.Find("[data-testid=gate-result]").GetAttribute("data-passed")), Wait);
        var stored = (await Services.GetRequiredService<GetAdmissionHandler>().GetAsync(id, CancellationToken.None))!;
        Assert.Equal(2, stored.Version);
        Assert.Equal("Vastgelegd door iemand anders", stored.Input.Loneliness);
        Assert.Equal("Mijn eigen invoer", stored.Input.CareConcentration);
    }

    [Fact]
    public async Task Save_NeighbourChosenByName_TheLightRoutePassesWithTheNeighboursDwellings()
    {
        var small = await App.ComplexAsync(60);
        var neighbour = "Buurflat " + Guid.NewGuid().ToString("N")[..6];
        await App.ComplexAsync(50, neighbour);
        await SignInAsync(Lead, Amsterdam);
        var facts = Passing();
        facts.CoreFunctionsSecured = true;
        Assert.True((await Services.GetRequiredService<RecordAdmissionHandler>().RecordAsync(small, facts, CancellationToken.None)).Succeeded);
        var page = RenderPage(small);
        Assert.Equal("false", page.Find("[data-testid=gate-result]").GetAttribute("data-passed"));

        page.Find("[data-field=GroupedWith]").Closest(".mud-input-control")!.MouseDown();
        var option = $"{neighbour} (50 woningen)";
        Popovers.WaitForAssertion(() => Assert.Contains(Popovers.FindAll(".mud-list-item"), i => i.TextContent.Trim() == option), Wait);
        Popovers.FindAll(".mud-list-item").First(i => i.TextContent.Trim() == option).Click();
        page.Find("[data-testid=save]").Click();

        page.WaitForAssertion(() => Assert.Equal("true", page.Find("[data-testid=gate-result]").GetAttribute("data-passed")), Wait);
        Assert.Contains($"samen met {neighbour} (50) zijn dat 110 woningen", page.Find("[data-testid=threshold-concentration]").TextContent, StringComparison.Ordinal);
    }
}
