using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Plusflat.Domain.Tenancy;
using Plusflat.Infrastructure.Persistence;
using Plusflat.Web.Features.Shared;
using Plusflat.Web.Tenancy;

namespace Plusflat.Web.Features.Complexes;

/// <summary>Archiving a complex (dialog and API): the reason, and the version the user saw.</summary>
public sealed class ArchiveInput
{
    /// <summary>Named as the complex's property, so the domain's refusal lands at this field.</summary>
    public string? ArchiveReason { get; set; }

    public uint Version { get; set; }
}

public sealed class ArchiveInputValidator : InputValidator<ArchiveInput>
{
    public ArchiveInputValidator()
    {
        RuleFor(x => x.ArchiveReason).NotEmpty().WithMessage("Geef een reden waarom het wooncomplex wordt gearchiveerd.");
    }
}

/// <summary>Restoring an archived complex: the version the user saw.</summary>
public sealed class RestoreInput
{
    public uint Version { get; set; }
}

public sealed class RestoreInputValidator : InputValidator<RestoreInput>;

/// <summary>
/// Archives a complex with a reason, or restores it. An archived complex leaves the lists, counts, start page and
/// overview (they read active complexes only), keeps everything it had, and cannot change until it is restored; both
/// moves are on its timeline. The permission is the one for editing a complex.
/// </summary>
public sealed class ArchiveComplexHandler(
    IDbContextFactory<PlusflatDbContext> contexts, CurrentTenant tenant, TimeProvider clock,
    IValidator<ArchiveInput> archiveValidator, IValidator<RestoreInput> restoreValidator)
{
    public async Task<HandlerResult> ArchiveAsync(Guid complexId, ArchiveInput input, CancellationToken ct)
    {
        tenant.Demand(Permission.EditProgramme);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await HandlerExecution.SaveAsync(db, archiveValidator, input, async () =>
        {
            var complex = await db.Complexes.FirstOrDefaultAsync(c => c.Id == complexId, ct);
            if (complex is null)
            {
                return HandlerResult.NotFound();
            }

            if (complex.Version != input.Version)
            {
                return HandlerResult.Conflict();
            }

            db.Entry(complex).Property(c => c.Version).OriginalValue = input.Version;
            var actor = await Actor.CurrentAsync(db, tenant, ct);
            complex.Archive(input.ArchiveReason ?? "", actor.Id, actor.Name, clock.GetUtcNow());
            return HandlerResult.Ok(complex.Id);
        }, ct);
    }

    public async Task<HandlerResult> RestoreAsync(Guid complexId, RestoreInput input, CancellationToken ct)
    {
        tenant.Demand(Permission.EditProgramme);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await HandlerExecution.SaveAsync(db, restoreValidator, input, async () =>
        {
            var complex = await db.Complexes.FirstOrDefaultAsync(c => c.Id == complexId, ct);
            if (complex is null)
            {
                return HandlerResult.NotFound();
            }

            if (complex.Version != input.Version)
            {
                return HandlerResult.Conflict();
            }

            db.Entry(complex).Property(c => c.Version).OriginalValue = input.Version;
            var actor = await Actor.CurrentAsync(db, tenant, ct);
            complex.Restore(actor.Id, actor.Name, clock.GetUtcNow());
            return HandlerResult.Ok(complex.Id);
        }, ct);
    }
}
