using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Plusflat.Domain.Admission;
using Plusflat.Domain.Tenancy;
using Plusflat.Infrastructure.Persistence;
using Plusflat.Web.Features.Shared;
using Plusflat.Web.Tenancy;

namespace Plusflat.Web.Features.Admission;

/// <summary>The shape of the settings input; the range is <see cref="AdmissionSettings"/>'s own rule.</summary>
public sealed class AdmissionSettingsInputValidator : InputValidator<AdmissionSettingsInput>
{
    public AdmissionSettingsInputValidator()
    {
        RuleFor(x => x.MinimumDwellings).NotNull().WithMessage("Vul de ondergrens in, bijvoorbeeld 100 woningen.");
    }
}

/// <summary>A programme lead sets the lower bound of dwellings; a save on a stale version is a conflict, never an overwrite.</summary>
public sealed class SaveAdmissionSettingsHandler(
    IDbContextFactory<PlusflatDbContext> contexts, CurrentTenant tenant, IValidator<AdmissionSettingsInput> validator)
{
    public async Task<HandlerResult> SaveAsync(AdmissionSettingsInput input, CancellationToken ct)
    {
        tenant.Demand(Permission.RecordAdmission);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await HandlerExecution.SaveAsync(db, validator, input, async () =>
        {
            var minimum = input.MinimumDwellings!.Value;
            var settings = await db.AdmissionSettings.FirstOrDefaultAsync(ct);
            if (settings is null)
            {
                if (input.Version != 0)
                {
                    return HandlerResult.Conflict();
                }

                db.AdmissionSettings.Add(new AdmissionSettings(tenant.Id, minimum));
            }
            else if (input.Version != settings.Version)
            {
                return HandlerResult.Conflict();
            }
            else
            {
                db.Entry(settings).Property(s => s.Version).OriginalValue = input.Version;
                settings.ChangeMinimumDwellings(minimum);
            }

            return HandlerResult.Ok();
        }, ct);
    }
}
