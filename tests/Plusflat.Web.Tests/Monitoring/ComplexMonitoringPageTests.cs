using System.Net.Http.Json;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Plusflat.Domain.Monitoring;
using Plusflat.Web.Features.Monitoring;
using Plusflat.Web.Tests.Infrastructure;
using Plusflat.Web.Tests.Start;

namespace Plusflat.Web.Tests.Monitoring;

/// <summary>The complex's monitoring page with the real handlers on real PostgreSQL: the trend beside the baseline, a refused value at its field, read-only roles.</summary>
public sealed class ComplexMonitoringPageTests(PlusflatApp app) : ComponentTest(app)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private const string Tenant = "lltf-amsterdam";

    private static Quarter BaselineQuarter => Quarter.Of(DateOnly.FromDateTime(DateTime.UtcNow)).Plus(-2);

    [Fact]
    public async Task Page_BaselineAndAQuarter_ShowsTheValueWithItsChangeAgainstTheBaselineAndTheSignalTable()
    {
        var id = await ComplexWithBaselineAndQuarterAsync();
        await SignInAsync("lead@lltf-amsterdam.demo", Tenant);

        var page = Render(id);

        var cell = page.Find($"[data-testid='cell-wlz-instroom-{BaselineQuarter.Next()}']");
        Assert.StartsWith("3", cell.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal("(-1, beter)", cell.QuerySelector("[data-testid=trend]")!.TextContent.Trim());
        Assert.NotNull(page.Find("[data-testid=signal-counts]"));
        Assert.Contains("Kwartaalreview", page.Find("[data-testid=review-status]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SaveQuarter_AValueOutOfRange_IsShownAtThatFieldAndNothingIsSaved()
    {
        var id = await ComplexWithBaselineAndQuarterAsync();
        await SignInAsync("lead@lltf-amsterdam.demo", Tenant);
        var page = Render(id);

        page.Find("[data-testid='quarter-mentaal-welzijn']").Change("12");
        page.Find("[data-testid=save-quarter]").Click();

        page.WaitForAssertion(() => Assert.Contains("buiten het bereik", MudFieldLookup.ErrorAt(page.Find("[data-testid='quarter-mentaal-welzijn']")), StringComparison.Ordinal), Wait);
        Assert.Null(MudFieldLookup.ErrorAt(page.Find("[data-testid='baseline-mentaal-welzijn']")));
        var stored = await App.InTenantAsync(Tenant, db => db.QuarterlyValues.AsNoTracking().SingleAsync(v => v.ComplexId == id));
        Assert.Null(stored.ValueOf("mentaal-welzijn"));
    }

    [Fact]
    public async Task Page_FlatTeamMemberOnTheTeam_ReadsWithoutForms()
    {
        var id = await ComplexWithBaselineAndQuarterAsync();
        var team = await App.ScalarAsync<Guid>("SELECT id FROM users WHERE email = @p0", "team@lltf-amsterdam.demo");
        await App.ExecuteAsync("""
            INSERT INTO flat_team_members (id, tenant_id, complex_id, name, organisation, role, starts_on, user_id)
            SELECT gen_random_uuid(), c.tenant_id, c.id, 'Teamlid', 'Welzijn', 'FlatCoach', current_date - 1, @p1 FROM complexes c WHERE c.id = @p0
            """, id, team);
        await SignInAsync("team@lltf-amsterdam.demo", Tenant);

        var page = RenderWithProviders<ComplexMonitoring>(p => p.Add(x => x.Tenant, Tenant).Add(x => x.Id, id));

        page.WaitForAssertion(() => page.Find("[data-testid=values]"), Wait);
        Assert.Empty(page.FindAll("[data-testid=baseline-form]"));
        Assert.Empty(page.FindAll("[data-testid=quarter-form]"));
    }

    private IRenderedComponent<ComplexMonitoring> Render(Guid id)
    {
        var page = RenderWithProviders<ComplexMonitoring>(p => p.Add(x => x.Tenant, Tenant).Add(x => x.Id, id));
        page.WaitForAssertion(() => page.Find("[data-testid=save-quarter]"), Wait);
        return page;
    }

    /// <summary>A fresh complex with a baseline (Wlz inflow 4) and the quarter after it (Wlz inflow 3), made through the API.</summary>
    private async Task<Guid> ComplexWithBaselineAndQuarterAsync()
    {
        var client = await App.SignedInClientAsync("lead@lltf-amsterdam.demo");
        var id = await ApiTestData.NewComplexAsync(client, Tenant, "Monitorpagina");
        Assert.Equal(HttpStatusCode.NoContent, (await client.PutAsJsonAsync($"/api/v1/{Tenant}/complexes/{id}/baseline", new
        {
            measuredOn = BaselineQuarter.Start, values = new Dictionary<string, decimal> { ["wlz-instroom"] = 4m }, notes = (string?)null,
        })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PutAsJsonAsync($"/api/v1/{Tenant}/complexes/{id}/indicator-values/{BaselineQuarter.Next()}",
            new { values = new Dictionary<string, decimal> { ["wlz-instroom"] = 3m } })).StatusCode);
        return id;
    }
}
