using Microsoft.EntityFrameworkCore;
using Plusflat.Domain.Common;
using Plusflat.Domain.FlatTeams;
using Plusflat.Domain.Signalling;
using Plusflat.Infrastructure.Persistence;
using Plusflat.Web.Features.Shared;
using Plusflat.Web.Tenancy;

namespace Plusflat.Web.Features.Signalling;

/// <summary>A team member as a choice (attendee, action owner).</summary>
public sealed record MemberOption(Guid Id, string Name, TeamRole Role, string Organisation);

public sealed record MeetingRow(Guid Id, DateOnly HeldOn, int Signals, int OpenActions);

public sealed record AgendaItem(Guid ActionId, Guid MeetingId, DateOnly RaisedOn, string ResidentCode, SignalCategory Category, string OwnerName, DateOnly Due, int EscalationLevel, bool Overdue,
    Guid SignalId, uint Version, bool WarmHandover);

/// <summary>A signal not yet closed, on the agenda with its status (and version, for the change).</summary>
public sealed record OpenSignalItem(Guid SignalId, Guid MeetingId, DateOnly RaisedOn, string ResidentCode, SignalCategory Category, SignalStatus Status, uint Version, int OpenActions);

/// <summary>The meetings of a complex for its flat team: timeline (with gap weeks), team, and the open actions of earlier meetings.</summary>
public sealed record MeetingsView(Guid ComplexId, string ComplexName, IReadOnlyList<MemberOption> Team, IReadOnlyList<MeetingRow> Meetings,
    IReadOnlyList<string> GapWeeks, IReadOnlyList<AgendaItem> Agenda, int OverdueActions, IReadOnlyList<OpenSignalItem>? OpenSignals = null);

public sealed record ActionView(Guid Id, Guid OwnerId, string OwnerName, DateOnly Due, int EscalationLevel, bool WarmHandover, ActionStatus Status, string? Outcome, bool Overdue);

public sealed record SignalView(Guid Id, string? ResidentCode, SignalCategory Category, NoticedBy NoticedBy, string? Description, SignalStatus Status, IReadOnlyList<ActionView> Actions);

public sealed record MeetingView(Guid Id, Guid ComplexId, string ComplexName, DateOnly HeldOn, IReadOnlyList<MemberOption> Attendees, IReadOnlyList<SignalView> Signals);

public sealed class ActionInput
{
    public Guid? OwnerId { get; set; }

    public DateTime? Due { get; set; }

    public int EscalationLevel { get; set; }

    public bool WarmHandover { get; set; }
}

public sealed class SignalInput
{
    public string? ResidentCode { get; set; }

    public SignalCategory Category { get; set; } = SignalCategory.GoingOutLess;

    public NoticedBy NoticedBy { get; set; } = NoticedBy.Housing;

    public string? Description { get; set; }

    public List<ActionInput> Actions { get; set; } = [];
}

/// <summary>A meeting as the page and the API hand it in.</summary>
public sealed class MeetingInput
{
    public DateTime? HeldOn { get; set; }

    public List<Guid> AttendeeIds { get; set; } = [];

    public List<SignalInput> Signals { get; set; } = [];
}

internal static class TeamQueries
{
    public static async Task<List<FlatTeamMember>> TeamAsync(PlusflatDbContext db, Guid complexId, CancellationToken ct) =>
        await db.FlatTeamMembers.AsNoTracking().Where(m => m.ComplexId == complexId).OrderBy(m => m.Name).ToListAsync(ct);

    public static MemberOption Option(FlatTeamMember m) => new(m.Id, m.Name, m.Role, m.Organisation);
}

public sealed class ListMeetingsHandler(IDbContextFactory<PlusflatDbContext> contexts, SignallingGate gate, AccessLogWriter log)
{
    public async Task<MeetingsView?> ListAsync(Guid complexId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (!await gate.MaySeeDetailsAsync(db, complexId, ct))
        {
            return null;
        }

        var complex = await db.Complexes.AsNoTracking().Where(c => c.Id == complexId).Select(c => c.Name).FirstOrDefaultAsync(ct);
        if (complex is null)
        {
            return null;
        }

        var team = await TeamQueries.TeamAsync(db, complexId, ct);
        var meetings = await db.SignalMeetings.AsNoTracking().Include(m => m.Signals).ThenInclude(s => s.Actions)
            .Where(m => m.ComplexId == complexId).OrderByDescending(m => m.HeldOn).AsSplitQuery().ToListAsync(ct);
        var today = gate.Today;
        var names = team.ToDictionary(m => m.Id, m => m.Name);
        var signals = meetings.SelectMany(m => m.Signals).ToDictionary(s => s.Id);
        var actions = signals.Values.SelectMany(s => s.Actions).ToDictionary(a => a.Id);
        var agenda = Agenda.CarriedOver(meetings, today.AddDays(1))
            .Select(a => new AgendaItem(a.ActionId, a.MeetingId, a.RaisedOn, signals[a.SignalId].ResidentCode ?? "", signals[a.SignalId].Category,
                names.GetValueOrDefault(a.OwnerId, ""), a.Due, a.EscalationLevel, a.Due < today, a.SignalId, actions[a.ActionId].Version, actions[a.ActionId].WarmHandover)).ToList();
        var raised = meetings.ToDictionary(m => m.Id, m => m.HeldOn);
        var open = signals.Values.Where(s => s.Status != SignalStatus.Closed)
            .Select(s => new OpenSignalItem(s.Id, s.MeetingId, raised[s.MeetingId], s.ResidentCode ?? "", s.Category, s.Status, s.Version, s.Actions.Count(a => a.Status == ActionStatus.Open)))
            .OrderBy(s => s.RaisedOn).ThenBy(s => s.ResidentCode, StringComparer.Ordinal).ToList();
        await log.WriteAsync(db, AccessAction.View, complexId, null, null, "overleggen en open acties", ct);
        return new MeetingsView(complexId, complex, [.. team.Where(m => m.IsActiveOn(today)).Select(TeamQueries.Option)],
            [.. meetings.Select(m => new MeetingRow(m.Id, m.HeldOn, m.Signals.Count, m.Signals.Sum(s => s.Actions.Count(a => a.Status == ActionStatus.Open))))],
            [.. MeetingTimeline.GapWeeks(meetings.Select(m => m.HeldOn), today).Select(w => w.ToString())],
            agenda,
            Agenda.OverdueCount(meetings.SelectMany(m => m.Signals).SelectMany(s => s.Actions), today), open);
    }
}

public sealed class GetMeetingHandler(IDbContextFactory<PlusflatDbContext> contexts, SignallingGate gate, AccessLogWriter log)
{
    public async Task<MeetingView?> GetAsync(Guid complexId, Guid meetingId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (!await gate.MaySeeDetailsAsync(db, complexId, ct))
        {
            return null;
        }

        var meeting = await db.SignalMeetings.AsNoTracking().Include(m => m.Signals).ThenInclude(s => s.Actions)
            .AsSplitQuery().FirstOrDefaultAsync(m => m.Id == meetingId && m.ComplexId == complexId, ct);
        if (meeting is null)
        {
            return null;
        }

        var complex = await db.Complexes.AsNoTracking().Where(c => c.Id == complexId).Select(c => c.Name).FirstAsync(ct);
        var team = (await TeamQueries.TeamAsync(db, complexId, ct)).ToDictionary(m => m.Id);
        var today = gate.Today;
        await log.WriteAsync(db, AccessAction.View, complexId, meetingId, null, "overleg met signalen en acties", ct);
        return new MeetingView(meeting.Id, complexId, complex, meeting.HeldOn,
            [.. meeting.AttendeeIds.Where(team.ContainsKey).Select(id => TeamQueries.Option(team[id]))],
            [.. meeting.Signals.OrderBy(s => s.Id).Select(s => new SignalView(s.Id, s.ResidentCode, s.Category, s.NoticedBy, s.Description, s.Status,
                [.. s.Actions.OrderBy(a => a.Due).Select(a => new ActionView(a.Id, a.OwnerId, team.TryGetValue(a.OwnerId, out var o) ? o.Name : "",
                    a.Due, a.EscalationLevel, a.WarmHandover, a.Status, a.Outcome, a.IsOverdue(today)))]))]);
    }
}

/// <summary>The flat team records a meeting with its signals and actions; every refused field is named at once, nothing is saved on an error.</summary>
public sealed class HoldMeetingHandler(IDbContextFactory<PlusflatDbContext> contexts, CurrentTenant tenant, SignallingGate gate, AccessLogWriter log, TimeProvider clock)
{
    public async Task<HandlerResult> HoldAsync(Guid complexId, MeetingInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (!await gate.MaySeeDetailsAsync(db, complexId, ct))
        {
            return HandlerResult.NotFound();
        }

        return await HandlerExecution.SaveAsync(db, () => HoldInAsync(db, complexId, input, ct), ct);
    }

    /// <summary>
    /// Finishing the meeting entered as a draft: the draft as it is stored now (with every team member's signals) becomes
    /// the meeting, and the draft is gone — in one transaction. Refused fields are named by the draft's signal order.
    /// </summary>
    public async Task<HandlerResult> FinishDraftAsync(Guid complexId, Guid draftId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (!await gate.MaySeeDetailsAsync(db, complexId, ct))
        {
            return HandlerResult.NotFound();
        }

        return await HandlerExecution.SaveAsync(db, async () =>
        {
            var draft = await MeetingDraftHandler.LockAsync(db, complexId, ct);
            if (draft is null || draft.Id != draftId)
            {
                return new HandlerResult([new FieldError(null, "Dit overleg is intussen al afgerond of verwijderd door een ander teamlid.")], ResultKind.NotFound);
            }

            var signals = await db.DraftSignals.AsNoTracking().Where(s => s.DraftId == draft.Id).OrderBy(s => s.Position).ThenBy(s => s.UpdatedAt).ToListAsync(ct);
            var result = await HoldInAsync(db, complexId, MeetingDraftHandler.ToInput(draft, signals), ct);
            if (result.Succeeded)
            {
                db.MeetingDrafts.Remove(draft);
            }

            return result;
        }, ct);
    }

    private async Task<HandlerResult> HoldInAsync(PlusflatDbContext db, Guid complexId, MeetingInput input, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        if (input.HeldOn is null)
        {
            errors.Add(new FieldError(nameof(MeetingInput.HeldOn), "Vul de datum van het overleg in."));
        }

        for (var i = 0; i < input.Signals.Count; i++)
        {
            for (var a = 0; a < input.Signals[i].Actions.Count; a++)
            {
                var action = input.Signals[i].Actions[a];
                if (action.OwnerId is null)
                {
                    errors.Add(new FieldError($"Signals[{i}].Actions[{a}].OwnerId", "Kies wie de actie oppakt."));
                }

                if (action.Due is null)
                {
                    errors.Add(new FieldError($"Signals[{i}].Actions[{a}].Due", "Vul in wanneer de actie klaar moet zijn."));
                }
            }
        }

        var team = await TeamQueries.TeamAsync(db, complexId, ct);
        var pattern = ResidentCodeSettings.For(await db.ResidentCodeSettings.AsNoTracking().FirstOrDefaultAsync(ct));
        var heldOn = input.HeldOn is { } h ? DateOnly.FromDateTime(h) : gate.Today;
        var active = team.Where(m => m.IsActiveOn(heldOn)).Select(m => m.Id).ToHashSet();
        SignalMeeting? meeting = null;
        try
        {
            meeting = SignalMeeting.Hold(tenant.Id, complexId, heldOn, input.AttendeeIds,
                [.. input.Signals.Select(s => new SignalDraft(s.ResidentCode, s.Category, s.NoticedBy, s.Description,
                    [.. s.Actions.Select(a => new ActionDraft(a.OwnerId ?? Guid.Empty, a.Due is { } d ? DateOnly.FromDateTime(d) : heldOn, a.EscalationLevel, a.WarmHandover))]))],
                active, pattern, tenant.UserId, clock.GetUtcNow());
        }
        catch (DomainException ex)
        {
            errors.AddRange(ex.Errors.Where(e => !errors.Any(x => x.Field == e.Field))
                .Where(e => input.HeldOn is not null || e.Field != nameof(MeetingInput.HeldOn))
                .Select(e => new FieldError(e.Field, e.Message)));
        }

        if (errors.Count > 0 || meeting is null)
        {
            return HandlerResult.Invalid([.. errors]);
        }

        db.SignalMeetings.Add(meeting);
        await log.AddAsync(db, AccessAction.Create, complexId, meeting.Id, null, $"overleg vastgelegd met {meeting.Signals.Count} signalen", ct);
        return HandlerResult.Ok(meeting.Id);
    }
}
