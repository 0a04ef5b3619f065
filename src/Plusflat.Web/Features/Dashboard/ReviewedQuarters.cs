using Plusflat.Domain.Monitoring;
using Plusflat.Infrastructure.Persistence;

namespace Plusflat.Web.Features.Dashboard;

/// <summary>
/// THE place the dashboard learns which quarters of which complexes have had their quarterly review. There is no
/// table of reviews yet, so every complex has none (and every ended quarter since its baseline counts as due or
/// overdue, as on the monitoring pages). When stored review records arrive, this one function reads them and the
/// dashboard, its print view, PDF and API follow without another change.
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
