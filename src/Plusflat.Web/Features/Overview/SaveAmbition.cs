using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Plusflat.Domain.Complexes;
using Plusflat.Domain.Tenancy;
using Plusflat.Infrastructure.Persistence;
using Plusflat.Web.Features.Shared;
using Plusflat.Web.Tenancy;

namespace Plusflat.Web.Features.Overview;

/// <summary>The ambition form: typed numbers; <see cref="Version"/> is the stored version the form was loaded from.</summary>
public sealed class AmbitionInput
{
    public int? TargetCount { get; set; }

    public int? TargetYear { get; set; }

    public uint Version { get; set; }
}

/// <summary>The shape of the input; the ranges are the ambition's own rules (<see cref="ProgrammeAmbition"/>).</summary>
public sealed class AmbitionInputValidator : InputValidator<AmbitionInput>
{
    public AmbitionInputValidator()
    {
        RuleFor(x => x.TargetCount).NotNull().WithMessage("Vul het aantal Plusflats in dat het programma wil bereiken.");
        RuleFor(x => x.TargetYear).NotNull().WithMessage("Vul het jaar in, bijvoorbeeld 2030.");
    }
}

/// <summary>A programme lead sets or changes the ambition; a save on a stale version is a conflict, never an overwrite.</summary>
public sealed class SaveAmbitionHandler(IDbContextFactory<PlusflatDbContext> contexts, CurrentTenant tenant, IValidator<AmbitionInput> validator)
{
    public async Task<HandlerResult> SaveAsync(AmbitionInput input, CancellationToken ct)
    {
        tenant.Demand(Permission.EditProgramme);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await HandlerExecution.SaveAsync(db, validator, input, async () =>
        {
            var count = input.TargetCount!.Value;
            var year = input.TargetYear!.Value;
            var ambition = await db.ProgrammeAmbitions.FirstOrDefaultAsync(ct);
            if (ambition is null)
            {
                if (input.Version != 0)
                {
                    return HandlerResult.Conflict(); // loaded an ambition that is gone meanwhile
                }

                db.ProgrammeAmbitions.Add(new ProgrammeAmbition(tenant.Id, count, year));
            }
            else if (input.Version != ambition.Version)
            {
                return HandlerResult.Conflict();
            }
            else
            {
                db.Entry(ambition).Property(a => a.Version).OriginalValue = input.Version;
                ambition.Update(count, year);
            }

            return HandlerResult.Ok();
        }, ct);
    }
}
