using Microsoft.EntityFrameworkCore;
using Plusflat.Domain.Common;
using Plusflat.Domain.Signalling;
using Plusflat.Infrastructure.Persistence;
using Plusflat.Web.Features.Shared;

namespace Plusflat.Web.Features.Signalling;

/// <summary>
/// After the meeting: the team moves a signal along (not yet picked up → picked up → monitoring → closed) and finishes
/// its actions with their outcome, on the next meeting's agenda. Versions (xmin) refuse a stale change; every change is logged.
/// </summary>
public sealed class FollowUpHandler(IDbContextFactory<PlusflatDbContext> contexts, SignallingGate gate, AccessLogWriter log)
{
    public async Task<HandlerResult> SetSignalStatusAsync(Guid complexId, Guid signalId, SignalStatus status, uint version, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (!await gate.MaySeeDetailsAsync(db, complexId, ct))
        {
            return HandlerResult.NotFound();
        }

        return await HandlerExecution.SaveAsync(db, async () =>
        {
            var signal = await db.Set<Signal>().Include(s => s.Actions).FirstOrDefaultAsync(s => s.Id == signalId && s.ComplexId == complexId, ct);
            if (signal is null)
            {
                return HandlerResult.NotFound();
            }

            if (!Enum.IsDefined(status))
            {
                return HandlerResult.Invalid(new FieldError(nameof(Signal.Status), "Kies een status uit de lijst."));
            }

            db.Entry(signal).Property(s => s.Version).OriginalValue = version;
            signal.SetStatus(status, gate.Today);
            // The row must change for the version check to run, also when the status stays the same.
            db.Entry(signal).Property(s => s.Status).IsModified = true;
            await log.AddAsync(db, AccessAction.Change, complexId, signal.MeetingId, signal.Id, $"status van signaal: {status}", ct);
            return HandlerResult.Ok(signal.Id);
        }, ct);
    }

    public async Task<HandlerResult> FinishActionAsync(Guid complexId, Guid actionId, ActionStatus status, string? outcome, uint version, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (!await gate.MaySeeDetailsAsync(db, complexId, ct))
        {
            return HandlerResult.NotFound();
        }

        return await HandlerExecution.SaveAsync(db, async () =>
        {
            var action = await db.Set<SignalAction>().FirstOrDefaultAsync(a => a.Id == actionId && a.ComplexId == complexId, ct);
            if (action is null)
            {
                return HandlerResult.NotFound();
            }

            if (!Enum.IsDefined(status))
            {
                return HandlerResult.Invalid(new FieldError(nameof(SignalAction.Status), "Kies een status uit de lijst."));
            }

            db.Entry(action).Property(a => a.Version).OriginalValue = version;
            action.Finish(status, outcome);
            db.Entry(action).Property(a => a.Status).IsModified = true;
            var meetingId = await db.Set<Signal>().Where(s => s.Id == action.SignalId).Select(s => s.MeetingId).FirstAsync(ct);
            await log.AddAsync(db, AccessAction.Change, complexId, meetingId, action.SignalId, $"actie: {status}", ct);
            return HandlerResult.Ok(action.Id);
        }, ct);
    }
}

/// <summary>The programme's resident-code pattern (lead edits, everyone with the programme reads; used by every meeting save).</summary>
public sealed record ResidentCodeSettingsView(string Pattern, string Example, bool IsDefault, uint? Version);

public sealed class ResidentCodeSettingsHandler(IDbContextFactory<PlusflatDbContext> contexts, Plusflat.Web.Tenancy.CurrentTenant tenant)
{
    public async Task<ResidentCodeSettingsView> GetAsync(CancellationToken ct)
    {
        tenant.Demand(Plusflat.Domain.Tenancy.Permission.ViewProgramme);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var settings = await db.ResidentCodeSettings.AsNoTracking().FirstOrDefaultAsync(ct);
        return settings is null
            ? new ResidentCodeSettingsView(ResidentCodePattern.Default.Pattern.TrimStart('^').TrimEnd('$'), ResidentCodePattern.Default.Example, true, null)
            : new ResidentCodeSettingsView(settings.Pattern, settings.Example, false, settings.Version);
    }

    /// <param name="version">The version last read; null when the programme had no pattern of its own yet.</param>
    public async Task<HandlerResult> SaveAsync(string? pattern, string? example, uint? version, CancellationToken ct)
    {
        tenant.Demand(Plusflat.Domain.Tenancy.Permission.EditProgramme);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await HandlerExecution.SaveAsync(db, async () =>
        {
            var settings = await db.ResidentCodeSettings.FirstOrDefaultAsync(ct);
            if (settings is null)
            {
                if (version is not null)
                {
                    return HandlerResult.Conflict();
                }

                db.ResidentCodeSettings.Add(new ResidentCodeSettings(tenant.Id, pattern, example));
            }
            else
            {
                if (version is null)
                {
                    return HandlerResult.Conflict();
                }

                db.Entry(settings).Property(s => s.Version).OriginalValue = version.Value;
                settings.Change(pattern, example);
                db.Entry(settings).Property(s => s.Pattern).IsModified = true;
            }

            return HandlerResult.Ok();
        }, ct);
    }
}
