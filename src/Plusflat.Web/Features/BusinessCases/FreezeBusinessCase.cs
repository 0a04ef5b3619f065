using Microsoft.EntityFrameworkCore;
using Plusflat.Domain.Tenancy;
using Plusflat.Infrastructure.Persistence;
using Plusflat.Web.Features.Shared;
using Plusflat.Web.Tenancy;

namespace Plusflat.Web.Features.BusinessCases;

public sealed class FreezeBusinessCaseInput
{
    public string? Note { get; set; }

    /// <summary>The working copy's version the lead looked at (optional on the API): freezing something else is a conflict.</summary>
    public uint? Version { get; set; }
}

/// <summary>What a freeze answers: the result and, when it worked, the new version's number.</summary>
public sealed record FreezeResult(HandlerResult Result, int? Number);

/// <summary>
/// A programme lead freezes the stored working copy as a numbered version (who, when, note). The version never changes;
/// the working copy goes on. Two freezes at once cannot get the same number (unique index), and the counter is on the
/// working copy, whose xmin makes the second one a conflict.
/// </summary>
public sealed class FreezeBusinessCaseHandler(IDbContextFactory<PlusflatDbContext> contexts, CurrentTenant tenant, TimeProvider clock)
{
    public async Task<FreezeResult> FreezeAsync(Guid complexId, FreezeBusinessCaseInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        tenant.Demand(Permission.EditProgramme);
        await using var db = await contexts.CreateDbContextAsync(ct);
        int? number = null;
        var result = await HandlerExecution.SaveAsync(db, async () =>
        {
            var businessCase = await db.BusinessCases.FirstOrDefaultAsync(b => b.ComplexId == complexId, ct);
            if (businessCase is null)
            {
                return HandlerResult.NotFound();
            }

            if (input.Version is { } seen && seen != businessCase.Version)
            {
                return HandlerResult.Conflict();
            }

            var actor = await Actor.CurrentAsync(db, tenant, ct);
            var version = businessCase.Freeze(input.Note, actor.Id, actor.Name, clock.GetUtcNow());
            db.BusinessCaseVersions.Add(version);
            number = version.Number;
            return HandlerResult.Ok(version.Id);
        }, ct);
        return new FreezeResult(result, result.Succeeded ? number : null);
    }
}
