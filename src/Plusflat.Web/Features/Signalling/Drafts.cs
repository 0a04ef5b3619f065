using Microsoft.EntityFrameworkCore;
using Plusflat.Domain.Signalling;
using Plusflat.Infrastructure.Persistence;
using Plusflat.Web.Features.Shared;
using Plusflat.Web.Tenancy;

namespace Plusflat.Web.Features.Signalling;

public sealed record DraftSignalView(Guid Id, int Position, DraftSignalContent Content, uint Version, DateTimeOffset UpdatedAt);

/// <summary>The meeting being entered for a complex, as stored: date, attendees (with the version) and every signal with its own version.</summary>
public sealed record DraftView(Guid Id, DateOnly? HeldOn, IReadOnlyList<Guid> AttendeeIds, uint Version, DateTimeOffset UpdatedAt, IReadOnlyList<DraftSignalView> Signals);

/// <summary>My change of the date and attendees, with what it started from (for the merge with someone else's change).</summary>
public sealed record DraftHeaderChange(uint? BasedOn, DateOnly? BaseHeldOn, IReadOnlyList<Guid> BaseAttendeeIds, DateOnly? HeldOn, IReadOnlyList<Guid> AttendeeIds);

/// <summary>My change of one signal: its content (or its removal) and the version it started from (null: new).</summary>
public sealed record DraftSignalChange(Guid Id, uint? BasedOn, DraftSignalContent Content, bool Removed = false);

/// <summary>Someone else changed (or removed: <see cref="Theirs"/> null) this signal since my edit started; mine was NOT saved.</summary>
public sealed record DraftConflict(Guid SignalId, DraftSignalContent? Theirs, uint? TheirVersion);

/// <summary>What the prerender read of the draft (possibly none), carried to the interactive page.</summary>
public sealed record DraftHandOver(DraftView? Draft);

public sealed record DraftSaveResult(DraftView? Draft, IReadOnlyList<DraftConflict> Conflicts, bool DateConflict, bool Allowed = true);

/// <summary>
/// The draft of the meeting being entered, saved as the team types (ADR 0024). Same access as the signals: the
/// complex's flat team only (handler and row-level security). Every signal is a row with its own version: a save
/// writes only the signals this user changed, and refuses — keeping the typed text on the page — a change to a
/// signal someone else changed meanwhile. Saves of one draft are serialised by a row lock on the draft.
/// </summary>
public sealed class MeetingDraftHandler(IDbContextFactory<PlusflatDbContext> contexts, CurrentTenant tenant, SignallingGate gate, AccessLogWriter log, TimeProvider clock)
{
    /// <summary>How long one "concept gewijzigd" access-log entry covers a user's continued typing in the same draft.</summary>
    public static readonly TimeSpan LogWindow = TimeSpan.FromMinutes(15);

    public async Task<DraftView?> LoadAsync(Guid complexId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (!await gate.MaySeeDetailsAsync(db, complexId, ct))
        {
            return null;
        }

        var draft = await db.MeetingDrafts.AsNoTracking().FirstOrDefaultAsync(d => d.ComplexId == complexId, ct);
        if (draft is null)
        {
            return null;
        }

        await log.WriteAsync(db, AccessAction.View, complexId, draft.Id, null, "concept van het overleg geopend", ct);
        return await ViewAsync(db, draft, ct);
    }

    public async Task<DraftSaveResult> SaveAsync(Guid complexId, DraftHeaderChange? header, IReadOnlyList<DraftSignalChange> signals, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(signals);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await SaveOnceAsync(complexId, header, signals, ct);
            }
            catch (DbUpdateException ex) when (attempt == 0 && ex.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
            {
                // Two members started the draft at the same moment: the other's is there now; save into it.
            }
        }
    }

    private async Task<DraftSaveResult> SaveOnceAsync(Guid complexId, DraftHeaderChange? header, IReadOnlyList<DraftSignalChange> signals, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (!await gate.MaySeeDetailsAsync(db, complexId, ct))
        {
            return new DraftSaveResult(null, [], false, Allowed: false);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow();
        var draft = await LockAsync(db, complexId, ct);
        var dateConflict = false;
        if (draft is null)
        {
            draft = new MeetingDraft(tenant.Id, complexId, header?.HeldOn ?? gate.Today, tenant.UserId, now);
            if (header is not null)
            {
                draft.Change(header.HeldOn, header.AttendeeIds, tenant.UserId, now);
            }

            db.MeetingDrafts.Add(draft);
        }
        else if (header is not null)
        {
            if (header.BasedOn == draft.Version)
            {
                draft.Change(header.HeldOn, header.AttendeeIds, tenant.UserId, now);
            }
            else
            {
                var merged = DraftMerge.Header(header.BaseHeldOn, header.BaseAttendeeIds, header.HeldOn, header.AttendeeIds, draft.HeldOn, draft.AttendeeIds);
                dateConflict = merged.DateConflict;
                draft.Change(merged.HeldOn, merged.AttendeeIds, tenant.UserId, now);
            }
        }

        var stored = await db.DraftSignals.Where(s => s.DraftId == draft.Id).ToDictionaryAsync(s => s.Id, ct);
        var next = stored.Count == 0 ? 0 : stored.Values.Max(s => s.Position) + 1;
        var conflicts = new List<DraftConflict>();
        foreach (var change in signals)
        {
            var current = stored.GetValueOrDefault(change.Id);
            if (change.Removed)
            {
                if (current is null)
                {
                    continue;
                }

                if (current.Version != change.BasedOn)
                {
                    conflicts.Add(new DraftConflict(change.Id, current.Content, current.Version));
                    continue;
                }

                db.DraftSignals.Remove(current);
            }
            else if (current is null && change.BasedOn is not null)
            {
                // It was there when this edit started and is gone now: someone removed it. Not silently back.
                conflicts.Add(new DraftConflict(change.Id, null, null));
            }
            else if (DraftMerge.IsConflict(change.BasedOn, current, change.Content))
            {
                conflicts.Add(new DraftConflict(change.Id, current!.Content, current.Version));
            }
            else if (current is null)
            {
                db.DraftSignals.Add(new DraftSignal(draft, change.Id, next++, change.Content, tenant.UserId, now));
            }
            else if (!current.Content.SameAs(change.Content.Bounded()))
            {
                current.Change(change.Content, tenant.UserId, now);
            }
        }

        var since = now - LogWindow;
        var user = tenant.UserId;
        if (!await db.AccessLog.AnyAsync(e => e.UserId == user && e.MeetingId == draft.Id && e.Action == AccessAction.Change && e.At > since, ct))
        {
            await log.AddAsync(db, AccessAction.Change, complexId, draft.Id, null, "concept van het overleg bijgewerkt", ct);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        var view = await ViewAsync(db, (await db.MeetingDrafts.AsNoTracking().FirstAsync(d => d.Id == draft.Id, ct)), ct);
        return new DraftSaveResult(view, conflicts, dateConflict);
    }

    /// <summary>Removes the draft (the page's "Concept weggooien"); a stale version is refused.</summary>
    public async Task<HandlerResult> DiscardAsync(Guid complexId, Guid draftId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (!await gate.MaySeeDetailsAsync(db, complexId, ct))
        {
            return HandlerResult.NotFound();
        }

        return await HandlerExecution.SaveAsync(db, async () =>
        {
            var draft = await LockAsync(db, complexId, ct);
            if (draft is null || draft.Id != draftId)
            {
                return HandlerResult.Ok();
            }

            db.MeetingDrafts.Remove(draft);
            await log.AddAsync(db, AccessAction.Change, complexId, draft.Id, null, "concept van het overleg weggegooid", ct);
            return HandlerResult.Ok();
        }, ct);
    }

    /// <summary>The complex's draft, locked for this transaction (so saves of one draft run one after the other).</summary>
    internal static async Task<MeetingDraft?> LockAsync(PlusflatDbContext db, Guid complexId, CancellationToken ct) =>
        await db.MeetingDrafts.FromSql($"SELECT d.*, d.xmin FROM signal_meeting_drafts d WHERE d.complex_id = {complexId} FOR UPDATE").FirstOrDefaultAsync(ct);

    internal static MeetingInput ToInput(MeetingDraft draft, IReadOnlyList<DraftSignal> signals) => new()
    {
        HeldOn = draft.HeldOn?.ToDateTime(TimeOnly.MinValue),
        AttendeeIds = [.. draft.AttendeeIds],
        Signals = [.. signals.Select(s => ToInput(s.Content))],
    };

    public static SignalInput ToInput(DraftSignalContent content) => new()
    {
        ResidentCode = content.ResidentCode,
        Category = content.Category,
        NoticedBy = content.NoticedBy,
        Description = content.Description,
        Actions = [.. content.Actions.Select(a => new ActionInput
        {
            OwnerId = a.OwnerId, Due = a.Due?.ToDateTime(TimeOnly.MinValue), EscalationLevel = a.EscalationLevel, WarmHandover = a.WarmHandover,
        })],
    };

    public static DraftSignalContent ToContent(SignalInput input) => new(input.ResidentCode, input.Category, input.NoticedBy, input.Description,
        [.. input.Actions.Select(a => new DraftActionContent(a.OwnerId, a.Due is { } d ? DateOnly.FromDateTime(d) : null, a.EscalationLevel, a.WarmHandover))]);

    private static async Task<DraftView> ViewAsync(PlusflatDbContext db, MeetingDraft draft, CancellationToken ct)
    {
        var signals = await db.DraftSignals.AsNoTracking().Where(s => s.DraftId == draft.Id).OrderBy(s => s.Position).ThenBy(s => s.UpdatedAt).ToListAsync(ct);
        return new DraftView(draft.Id, draft.HeldOn, draft.AttendeeIds, draft.Version, draft.UpdatedAt,
            [.. signals.Select(s => new DraftSignalView(s.Id, s.Position, s.Content, s.Version, s.UpdatedAt))]);
    }
}
