using Microsoft.EntityFrameworkCore;
using Plusflat.Domain.Organisations;
using Plusflat.Domain.Tenancy;
using Plusflat.Infrastructure.Persistence;
using Plusflat.Web.Tenancy;

namespace Plusflat.Web.Features.Organisations;

/// <summary>One line of an organisation's history: values are invariant text as stored (the page words them).</summary>
public sealed record OrganisationHistoryItem(
    DateTimeOffset At, int Sequence, string Who, OrganisationHistoryKind Kind, string? Field, string? OldValue, string? NewValue);

/// <summary>The history as one read it, for the organisation and version it was read at (persisted from the prerender to the circuit).</summary>
public sealed record OrganisationHistoryRead(Guid OrganisationId, uint Version, IReadOnlyList<OrganisationHistoryItem> Items);

/// <summary>An organisation's history, newest first; the lines of one save in the form's field order.</summary>
public sealed class GetOrganisationHistoryHandler(IDbContextFactory<PlusflatDbContext> contexts, CurrentTenant tenant)
{
    public async Task<IReadOnlyList<OrganisationHistoryItem>> GetAsync(Guid organisationId, CancellationToken ct)
    {
        tenant.Demand(Permission.ViewProgramme);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Set<OrganisationHistoryEntry>().AsNoTracking()
            .Where(h => h.OrganisationId == organisationId)
            .OrderByDescending(h => h.At).ThenBy(h => h.Sequence).ThenBy(h => h.Id)
            .Select(h => new OrganisationHistoryItem(h.At, h.Sequence, h.ByName, h.Kind, h.Field, h.OldValue, h.NewValue))
            .ToListAsync(ct);
    }
}
