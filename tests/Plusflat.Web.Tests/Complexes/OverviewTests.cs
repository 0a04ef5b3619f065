using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Plusflat.Web.Features.Overview;
using Plusflat.Web.Tests.Start;

namespace Plusflat.Web.Tests.Complexes;

/// <summary>The programme overview (interactive page) with the real handlers on the real database.</summary>
public sealed class OverviewTests(PlusflatApp app) : ComponentTest(app)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private const string Rotterdam = "thuisplusflat-rotterdam";
    private const string Amsterdam = "lltf-amsterdam";

    [Fact]
    public async Task Overview_CountsComplexesPerPhaseFromTheData()
    {
        await SignInAsync("lead@thuisplusflat-rotterdam.demo", Rotterdam);
        await App.AddComplexAsync(Rotterdam, district: "Telwijk");
        var counts = await App.PhaseCountsAsync(Rotterdam);

        var page = Render();

        for (var phase = 0; phase <= 4; phase++)
        {
            Assert.Equal(counts[phase].ToString(System.Globalization.CultureInfo.InvariantCulture), page.Find($"[data-testid=phase-count-{phase}]").TextContent.Trim());
            Assert.Equal($"/{Rotterdam}/complexen?fase={phase}", page.Find($"[data-testid=phase-link-{phase}]").GetAttribute("href"));
        }

        Assert.Contains($"In totaal {counts.Sum()} wooncomplexen", page.Find("[data-testid=total]").TextContent, StringComparison.Ordinal);
        var district = page.FindAll("[data-testid=per-wijk] tbody tr").Single(r => r.QuerySelector("th")!.TextContent.Trim() == "Telwijk");
        Assert.Equal("1", district.QuerySelectorAll("td")[0].TextContent.Trim());
        Assert.Equal($"/{Rotterdam}/complexen?wijk=Telwijk", district.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Overview_Chart_HasOneBarPerPhaseAsHighAsItsCount()
    {
        await SignInAsync("lead@lltf-amsterdam.demo", Amsterdam);
        var counts = await App.PhaseCountsAsync(Amsterdam);

        var page = Render();

        var chart = page.Find("[data-testid=phase-chart]");
        Assert.Equal("img", chart.GetAttribute("role"));
        Assert.Equal(["Fase 0", "Fase 1", "Fase 2", "Fase 3", "Fase 4"], chart.QuerySelectorAll(".mud-charts-xaxis text").Select(t => t.TextContent.Trim()));
        var heights = chart.QuerySelectorAll("path.mud-chart-bar").Select(BarHeight).ToList();
        Assert.Equal(5, heights.Count);
        var highest = Array.IndexOf(counts, counts.Max());
        for (var phase = 0; phase <= 4; phase++)
        {
            // Bars are drawn to scale: each bar's height relative to the highest is its count relative to the highest count.
            Assert.Equal((double)counts[phase] / counts[highest], heights[phase] / heights[highest], 3);
        }

        Assert.Contains($"Fase 3 Uitvoeren: {counts[3]}", chart.GetAttribute("aria-label"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ambition_SetByLead_ShowsProgressComputedFromPhases()
    {
        await SignInAsync("lead@thuisplusflat-rotterdam.demo", Rotterdam);
        var counts = await App.PhaseCountsAsync(Rotterdam);
        var inExecution = counts[3] + counts[4];
        var page = Render();
        Assert.NotNull(page.Find("[data-testid=ambition-empty]"));

        page.Find("[data-testid=target-count]").Change("8");
        page.Find("[data-testid=target-year]").Change("2029");
        page.Find("[data-testid=save-ambition]").Click();

        page.WaitForAssertion(() => Assert.Equal(
            $"{inExecution} van de 8 beoogde Plusflats in uitvoering (fase 3 of verder), doel in 2029.",
            page.Find("[data-testid=ambition-progress]").TextContent.Trim()), Wait);
        var percent = Math.Round(inExecution * 100m / 8, 1, MidpointRounding.AwayFromZero);
        Assert.Equal($"{percent.ToString("0.#", System.Globalization.CultureInfo.CurrentCulture)}% van het doel", page.Find("[data-testid=ambition-percent]").TextContent.Trim());
        Snackbars.WaitForAssertion(() => Assert.Contains("Ambitie opgeslagen.", Snackbars.Markup, StringComparison.Ordinal), Wait);
        Assert.Equal((8, 2029), await StoredAmbitionAsync(Rotterdam));
    }

    [Theory]
    [InlineData("0", "2030", "target-count", "Het doel moet tussen 1 en 10.000 complexen liggen.")]
    [InlineData("30", "1999", "target-year", "Het doeljaar moet tussen 2024 en 2100 liggen.")]
    [InlineData("", "2030", "target-count", "Vul het aantal Plusflats in dat het programma wil bereiken.")]
    public async Task Ambition_BadInput_IsRefusedAtTheFieldAndKeepsValues(string count, string year, string wrongField, string message)
    {
        await SignInAsync("lead@lltf-amsterdam.demo", Amsterdam);
        var page = Render();

        page.Find("[data-testid=target-count]").Change(count);
        page.Find("[data-testid=target-year]").Change(year);
        page.Find("[data-testid=save-ambition]").Click();

        page.WaitForAssertion(() => Assert.Equal(message, MudFieldLookup.ErrorAt(page.Find($"[data-testid={wrongField}]"))), Wait);
        var other = wrongField == "target-count" ? "target-year" : "target-count";
        Assert.Null(MudFieldLookup.ErrorAt(page.Find($"[data-testid={other}]")));
        Assert.Equal(count, page.Find("[data-testid=target-count]").GetAttribute("value") ?? "");
        Assert.Equal(year, page.Find("[data-testid=target-year]").GetAttribute("value"));
        Assert.Contains("van de 30 beoogde Plusflats", page.Find("[data-testid=ambition-progress]").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Ambitie opgeslagen.", Snackbars.Markup, StringComparison.Ordinal);
        Assert.Equal((30, 2030), await StoredAmbitionAsync(Amsterdam));
    }

    [Fact]
    public async Task Overview_FlatTeamMember_SeesTheOverviewWithoutTheAmbitionForm()
    {
        await SignInAsync("team@lltf-amsterdam.demo", Amsterdam);

        var page = Render();

        Assert.NotEmpty(page.FindAll("[data-testid=phase-table]"));
        Assert.Empty(page.FindAll("[data-testid=ambition-form]"));
        await Assert.ThrowsAsync<Plusflat.Web.Tenancy.ForbiddenException>(() =>
            Services.GetRequiredService<SaveAmbitionHandler>().SaveAsync(new AmbitionInput { TargetCount = 1, TargetYear = 2030 }, CancellationToken.None));
    }

    private IRenderedComponent<Overview> Render()
    {
        var page = RenderWithProviders<Overview>(p => p.Add(x => x.Tenant, "unused"));
        page.WaitForAssertion(() => page.Find("[data-testid=phase-table]"), Wait);
        return page;
    }

    private static double BarHeight(AngleSharp.Dom.IElement bar)
    {
        // "M x y0 L x y1": a vertical stroke from the axis up to the value.
        var parts = bar.GetAttribute("d")!.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return double.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture) - double.Parse(parts[5], System.Globalization.CultureInfo.InvariantCulture);
    }

    private Task<(int, int)> StoredAmbitionAsync(string slug) =>
        App.InTenantAsync(slug, async db =>
        {
            var ambition = await db.ProgrammeAmbitions.AsNoTracking().SingleAsync();
            return (ambition.TargetCount, ambition.TargetYear);
        });
}
