using Bunit;
using Microsoft.EntityFrameworkCore;
using Plusflat.Web.Features.Overview;
using Plusflat.Web.Tests.Start;

namespace Plusflat.Web.Tests.Complexes;

/// <summary>
/// The ambition form's optimistic concurrency. A class of its own (its own database): it saves Rotterdam's
/// ambition, which <see cref="OverviewTests"/> needs unset.
/// </summary>
public sealed class AmbitionConflictTests(PlusflatApp app) : ComponentTest(app)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private const string Rotterdam = "thuisplusflat-rotterdam";

    [Fact]
    public async Task SaveAmbition_TwoSavesFromTheSameLoadedVersion_SecondGetsConflictDialogAndDatabaseKeepsFirst()
    {
        await SignInAsync("lead@thuisplusflat-rotterdam.demo", Rotterdam);
        var first = RenderWithProviders<Overview>(p => p.Add(x => x.Tenant, Rotterdam));
        var second = Context.Render<Overview>(p => p.Add(x => x.Tenant, Rotterdam));
        first.WaitForAssertion(() => first.Find("[data-testid=ambition-form]"), Wait);
        second.WaitForAssertion(() => second.Find("[data-testid=ambition-form]"), Wait);

        Type(first, "12", "2031");
        first.Find("[data-testid=save-ambition]").Click();
        Snackbars.WaitForAssertion(() => Assert.Contains("Ambitie opgeslagen.", Snackbars.Markup, StringComparison.Ordinal), Wait);
        Type(second, "13", "2032");
        second.Find("[data-testid=save-ambition]").Click();

        Dialogs.WaitForAssertion(() => Assert.Equal("Iemand anders heeft dit intussen gewijzigd", Dialogs.Find("#conflict-title").TextContent.Trim()), Wait);
        var count = Dialogs.Find("tr[data-field=TargetCount]");
        Assert.Equal(["13", "12"], count.QuerySelectorAll("td").Select(td => td.TextContent.Trim()));
        Assert.Equal((12, 2031), await StoredAsync());

        Dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Annuleren").Click();

        second.WaitForAssertion(() => Assert.Contains("van de 12 beoogde Plusflats", second.Find("[data-testid=ambition-progress]").TextContent, StringComparison.Ordinal), Wait);
        Assert.Equal("13", second.Find("[data-testid=target-count]").GetAttribute("value"));
        Assert.Equal((12, 2031), await StoredAsync());

        // Saving again after the cancel asks again: a cancel never turns into a silent overwrite.
        second.Find("[data-testid=save-ambition]").Click();
        Dialogs.WaitForAssertion(() => Assert.Equal("Iemand anders heeft dit intussen gewijzigd", Dialogs.Find("#conflict-title").TextContent.Trim()), Wait);
        Assert.Equal((12, 2031), await StoredAsync());
    }

    private static void Type(IRenderedComponent<Overview> page, string count, string year)
    {
        page.Find("[data-testid=target-count]").Change(count);
        page.Find("[data-testid=target-year]").Change(year);
    }

    private Task<(int, int)> StoredAsync() =>
        App.InTenantAsync(Rotterdam, async db =>
        {
            var ambition = await db.ProgrammeAmbitions.AsNoTracking().SingleAsync();
            return (ambition.TargetCount, ambition.TargetYear);
        });
}
