using Plusflat.Domain.Tenancy;
using Plusflat.Web.Features.Shared;
using Plusflat.Web.Tenancy;

namespace Plusflat.Web.Features.Dashboard;

/// <summary>The figures behind the programme dashboard (the page's own handler), and its PDF next to the page.</summary>
public static class DashboardApi
{
    public static RouteGroupBuilder Map(RouteGroupBuilder api)
    {
        api.MapGet("/dashboard", async (string? district, string? corporation, GetDashboardHandler handler, CancellationToken ct) =>
            {
                var query = new QueryValues();
                var filter = new DashboardFilter(query.Text("district", district), query.Guid("corporation", corporation));
                return query.HasErrors ? query.Problem() : Results.Ok(await handler.GetAsync(filter, ct));
            })
            .WithTags("Dashboard")
            .WithName("GetDashboard")
            .WithSummary("The programme dashboard's figures, computed from the data for the active (not archived) complexes, optionally of one `district` and/or one housing `corporation` (organisation id): complexes per phase, the ambition's progress, gate / standard / label counts (eligible and granted), overdue early-signalling actions (counts only, 1 and 2 as \"< 3\"), quarterly reviews due and overdue, per indicator the change against the baseline per complex and for the programme (the median of the complexes' relative changes, per quarter too), and DOS funding granted per year.")
            .WithMetadata(new RequirePermissionAttribute(Permission.ViewDashboard))
            .Produces<DashboardView>().ProducesValidationProblem();
        return api;
    }

    /// <summary>The PDF, as a download next to the page (the page's own URL with a file name and the same filters).</summary>
    public static IEndpointRouteBuilder MapReport(IEndpointRouteBuilder app)
    {
        app.MapGet("/{tenant}/dashboard.pdf", async (string? wijk, string? corporatie, DashboardReportHandler reports, CancellationToken ct) =>
                Results.File(await reports.PdfAsync(DashboardQuery.Parse(wijk, corporatie), ct), "application/pdf", "programmadashboard.pdf"))
            .WithMetadata(new RequirePermissionAttribute(Permission.ViewDashboard))
            .ExcludeFromDescription();
        return app;
    }
}

/// <summary>The page's, print view's and PDF's query string: a filter from a URL never fails (an unreadable corporation is no filter).</summary>
public static class DashboardQuery
{
    public static DashboardFilter Parse(string? district, string? corporation) => new(
        Plusflat.Domain.Common.PlainText.Clean(district),
        Guid.TryParse(corporation, out var id) ? id : null);
}
