using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Plusflat.Domain.Signalling;
using Plusflat.Domain.Tenancy;
using Plusflat.Infrastructure.Persistence;
using Plusflat.Web.Features.Shared;
using Plusflat.Web.Tenancy;

namespace Plusflat.Web.Features.Signalling;

/// <summary>The early-signalling settings form: the retention period in months and the stored version (0: the programme still uses the default).</summary>
public sealed class SignallingSettingsInput
{
    public int? RetentionMonths { get; set; }

    public uint Version { get; set; }
}

/// <summary>The shape of the input; the range is <see cref="SignallingSettings"/>'s own rule.</summary>
public sealed class SignallingSettingsInputValidator : InputValidator<SignallingSettingsInput>
{
    public SignallingSettingsInputValidator()
    {
        RuleFor(x => x.RetentionMonths).NotNull().WithMessage("Vul de bewaartermijn in maanden in, bijvoorbeeld 24.");
    }
}

/// <summary>The programme's early-signalling settings; the default period when it has not set its own.</summary>
public sealed class GetSignallingSettingsHandler(IDbContextFactory<PlusflatDbContext> contexts, CurrentTenant tenant)
{
    public async Task<SignallingSettingsInput> GetAsync(CancellationToken ct)
    {
        tenant.Demand(Permission.ViewProgramme);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var settings = await db.SignallingSettings.AsNoTracking().FirstOrDefaultAsync(ct);
        return new SignallingSettingsInput { RetentionMonths = SignallingSettings.RetentionFor(settings), Version = settings?.Version ?? 0 };
    }
}

/// <summary>A programme lead sets the retention period; a save on a stale version is a conflict, never an overwrite.</summary>
public sealed class SaveSignallingSettingsHandler(
    IDbContextFactory<PlusflatDbContext> contexts, CurrentTenant tenant, IValidator<SignallingSettingsInput> validator)
{
    public async Task<HandlerResult> SaveAsync(SignallingSettingsInput input, CancellationToken ct)
    {
        tenant.Demand(Permission.EditProgramme);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await HandlerExecution.SaveAsync(db, validator, input, async () =>
        {
            var months = input.RetentionMonths!.Value;
            var settings = await db.SignallingSettings.FirstOrDefaultAsync(ct);
            if (settings is null)
            {
                if (input.Version != 0)
                {
                    return HandlerResult.Conflict();
                }

                db.SignallingSettings.Add(new SignallingSettings(tenant.Id, months));
            }
            else if (input.Version != settings.Version)
            {
                return HandlerResult.Conflict();
            }
            else
            {
                db.Entry(settings).Property(s => s.Version).OriginalValue = input.Version;
                settings.ChangeRetention(months);
            }

            return HandlerResult.Ok();
        }, ct);
    }
}
