using Plusflat.Domain.Monitoring;
using Plusflat.Infrastructure.Persistence;

namespace Plusflat.Web.Features.Monitoring;

/// <summary>
/// The one place that says which quarters of which complexes have had their quarterly review, for the monitoring pages,
/// the dashboard, its print view, PDF and API alike. There is no table of reviews on main yet (issue 12, branch
/// `reviews`), so every complex has none and every ended quarter since its baseline counts as due or overdue. When the
/// stored reviews arrive, only this function changes.
/// </summary>
public static class ReviewedQuarters
{
    public static Task<IReadOnlyDictionary<Guid, IReadOnlyList<Quarter>>> ForComplexesAsync(
        PlusflatDbContext db, IReadOnlyCollection<Guid> complexIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(complexIds);
        ct.ThrowIfCancellationRequested();
        return Task.FromResult<IReadOnlyDictionary<Guid, IReadOnlyList<Quarter>>>(new Dictionary<Guid, IReadOnlyList<Quarter>>());
    }
}
