using Microsoft.EntityFrameworkCore;
using Plusflat.Domain.Tenancy;
using Plusflat.Infrastructure.Persistence;
using Plusflat.Web.Features.Shared;
using Plusflat.Web.Tenancy;

namespace Plusflat.Web.Features.BusinessCases;

/// <summary>
/// A programme lead saves the working copy: settings, lines and shares replace the stored ones as a whole, or nothing is saved
/// (every wrong field reported at once). A stale <see cref="BusinessCaseInput.Version"/> is a conflict, never an overwrite.
/// </summary>
public sealed class SaveBusinessCaseHandler(IDbContextFactory<PlusflatDbContext> contexts, CurrentTenant tenant, TimeProvider clock)
{
    public async Task<HandlerResult> SaveAsync(Guid complexId, BusinessCaseInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        tenant.Demand(Permission.EditProgramme);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await HandlerExecution.SaveAsync(db, async () =>
        {
            var businessCase = await db.BusinessCases.FirstOrDefaultAsync(b => b.ComplexId == complexId, ct);
            if (businessCase is null)
            {
                return HandlerResult.NotFound();
            }

            var plan = input.ToPlan(out var errors);
            if (errors.Count > 0)
            {
                return HandlerResult.Invalid([.. errors]);
            }

            if (input.Version != businessCase.Version)
            {
                return HandlerResult.Conflict();
            }

            // The loaded version is the one the update must match (xmin), so a save made meanwhile makes this one fail.
            db.Entry(businessCase).Property(b => b.Version).OriginalValue = input.Version.Value;
            var actor = await Actor.CurrentAsync(db, tenant, ct);
            businessCase.Replace(plan, actor.Id, actor.Name, clock.GetUtcNow());
            return HandlerResult.Ok(businessCase.Id);
        }, ct);
    }
}
