using Microsoft.EntityFrameworkCore;
using Plusflat.Domain.Standard;
using Plusflat.Domain.Tenancy;
using Plusflat.Infrastructure.Persistence;
using Plusflat.Web.Features.Shared;
using Plusflat.Web.Tenancy;

namespace Plusflat.Web.Features.Standard;

/// <summary>An assessment as the form and the API send it. <see cref="Version"/>: the number of the latest assessment the user saw (null: none yet).</summary>
public sealed class StandardAssessmentInput
{
    public List<StandardItemInput> Items { get; set; } = [];

    public int? Version { get; set; }

    public static StandardAssessmentInput From(StandardView view) => new()
    {
        Items = [.. view.FormItems.Select(i => new StandardItemInput { Key = i.Key, Status = i.Status, Evidence = i.Evidence })],
        Version = view.Version,
    };
}

public sealed class StandardItemInput
{
    public string Key { get; set; } = "";

    public StandardItemStatus? Status { get; set; }

    public string? Evidence { get; set; }
}

/// <summary>
/// A programme lead records a new assessment of a complex against the newest version of the standard. The earlier
/// ones stay; an assessment made on a stale version (someone assessed meanwhile) is a conflict, never an overwrite.
/// </summary>
public sealed class SaveStandardAssessmentHandler(IDbContextFactory<PlusflatDbContext> contexts, CurrentTenant tenant, TimeProvider clock)
{
    public async Task<HandlerResult> SaveAsync(Guid complexId, StandardAssessmentInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        tenant.Demand(Permission.EditProgramme);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await HandlerExecution.SaveAsync(db, async () =>
        {
            if (!await db.Complexes.AnyAsync(c => c.Id == complexId, ct))
            {
                return HandlerResult.NotFound();
            }

            var latest = await db.StandardAssessments.Where(a => a.ComplexId == complexId)
                .MaxAsync(a => (int?)a.Number, ct);
            if (latest != input.Version)
            {
                return HandlerResult.Conflict();
            }

            var now = clock.GetUtcNow();
            var catalogue = await CurrentStandard.GetOrStartAsync(db, tenant.Id, now, ct);
            var actor = await Actor.CurrentAsync(db, tenant, ct);
            // Items without a status are left out: the domain then names each of them with the other errors, all at once.
            var items = (input.Items ?? []).Where(i => i?.Status is not null)
                .Select(i => new AssessedItem(i.Key ?? "", i.Status!.Value, i.Evidence));
            db.StandardAssessments.Add(new StandardAssessment(tenant.Id, complexId, catalogue, (latest ?? 0) + 1, items, actor.Id, actor.Name, now));
            return HandlerResult.Ok();
        }, ct);
    }
}
