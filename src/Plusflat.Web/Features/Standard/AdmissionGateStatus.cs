using Plusflat.Infrastructure.Persistence;

namespace Plusflat.Web.Features.Standard;

/// <summary>Whether the complex passed the admission gate (chapter 4): the product standard only counts behind it.</summary>
internal static class AdmissionGateStatus
{
    public static Task<bool> PassedAsync(PlusflatDbContext db, Guid complexId, TimeProvider clock, CancellationToken ct) =>
        Task.FromResult(false);
}
