using Plusflat.Domain.Common;

namespace Plusflat.Domain.Signalling;

/// <summary>What a new signal says, as the meeting page or the API hands it in.</summary>
public sealed record SignalDraft(string? ResidentCode, SignalCategory Category, NoticedBy NoticedBy, string? Description, IReadOnlyList<ActionDraft> Actions);

/// <summary>A new action on a signal.</summary>
public sealed record ActionDraft(Guid OwnerId, DateOnly Due, int EscalationLevel, bool WarmHandover);

/// <summary>
/// One weekly early-signalling meeting of a complex's flat team: its date, who attended (team member ids) and the
/// signals raised, each with its actions. The whole meeting is checked at once: every wrong field is named
/// (<c>Signals[0].ResidentCode</c>, <c>Signals[1].Actions[0].OwnerId</c>…).
/// </summary>
public sealed class SignalMeeting : ITenantOwned
{
    private readonly List<Signal> _signals = [];

    private SignalMeeting()
    {
        AttendeeIds = [];
    }

    private SignalMeeting(Guid tenantId, Guid complexId, DateOnly heldOn, List<Guid> attendees, Guid createdBy, DateTimeOffset createdAt)
    {
        Id = Guid.CreateVersion7();
        TenantId = tenantId;
        ComplexId = complexId;
        HeldOn = heldOn;
        AttendeeIds = attendees;
        CreatedBy = createdBy;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid ComplexId { get; private set; }

    public DateOnly HeldOn { get; private set; }

    public List<Guid> AttendeeIds { get; private set; }

    public Guid CreatedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public uint Version { get; private set; }

    public IReadOnlyList<Signal> Signals => _signals;

    /// <param name="teamMemberIds">The complex's team members active on the meeting date: attendees and owners must be among them.</param>
    public static SignalMeeting Hold(Guid tenantId, Guid complexId, DateOnly heldOn, IReadOnlyList<Guid> attendeeIds,
        IReadOnlyList<SignalDraft> signals, IReadOnlySet<Guid> teamMemberIds, ResidentCodePattern pattern, Guid createdBy, DateTimeOffset now)
    {
        var errors = new List<DomainError>();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        if (heldOn > today.AddDays(1))
        {
            errors.Add(new DomainError(nameof(HeldOn), "Een overleg ligt niet in de toekomst: vul de datum in waarop het is gehouden."));
        }

        if (attendeeIds.Count == 0)
        {
            errors.Add(new DomainError(nameof(AttendeeIds), "Kies wie er bij het overleg waren."));
        }
        else if (attendeeIds.Any(a => !teamMemberIds.Contains(a)))
        {
            errors.Add(new DomainError(nameof(AttendeeIds), "Kies de aanwezigen uit het flatteam van dit complex."));
        }

        var meeting = new SignalMeeting(tenantId, complexId, heldOn, [.. attendeeIds.Distinct()], createdBy, now);
        for (var i = 0; i < signals.Count; i++)
        {
            try
            {
                meeting._signals.Add(Signal.Raise(meeting, signals[i], teamMemberIds, pattern, $"Signals[{i}]."));
            }
            catch (DomainException ex)
            {
                errors.AddRange(ex.Errors);
            }
        }

        if (errors.Count > 0)
        {
            throw new DomainException(errors);
        }

        return meeting;
    }
}

/// <summary>A signal raised in a meeting: pseudonymous code, category, who noticed it, a short description, status and actions.</summary>
public sealed class Signal : ITenantOwned
{
    private readonly List<SignalAction> _actions = [];

    private Signal()
    {
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid ComplexId { get; private set; }

    public Guid MeetingId { get; private set; }

    /// <summary>Null once the retention job removed it.</summary>
    public string? ResidentCode { get; private set; }

    public SignalCategory Category { get; private set; }

    public NoticedBy NoticedBy { get; private set; }

    /// <summary>Null when none was given or once the retention job removed it.</summary>
    public string? Description { get; private set; }

    public SignalStatus Status { get; private set; }

    public DateOnly? ClosedOn { get; private set; }

    public DateTimeOffset? DetailsRemovedAt { get; private set; }

    public uint Version { get; private set; }

    public IReadOnlyList<SignalAction> Actions => _actions;

    internal static Signal Raise(SignalMeeting meeting, SignalDraft draft, IReadOnlySet<Guid> team, ResidentCodePattern pattern, string prefix)
    {
        var signal = new Signal
        {
            Id = Guid.CreateVersion7(),
            TenantId = meeting.TenantId,
            ComplexId = meeting.ComplexId,
            MeetingId = meeting.Id,
            Category = draft.Category,
            NoticedBy = draft.NoticedBy,
            Status = SignalStatus.NotPickedUp,
        };
        var checks = new List<Action>
        {
            () => signal.ResidentCode = pattern.Check(draft.ResidentCode, prefix + nameof(ResidentCode)),
            () => signal.Description = IdentifyingText.Check(draft.Description, prefix + nameof(Description)),
            () =>
            {
                if (!Enum.IsDefined(draft.Category))
                {
                    throw new DomainException("Kies een categorie.", prefix + nameof(Category));
                }
            },
            () =>
            {
                if (!Enum.IsDefined(draft.NoticedBy))
                {
                    throw new DomainException("Kies wie het signaal opmerkte.", prefix + nameof(NoticedBy));
                }
            },
        };
        for (var a = 0; a < draft.Actions.Count; a++)
        {
            var index = a;
            checks.Add(() => signal._actions.Add(SignalAction.Agree(signal, draft.Actions[index], team, $"{prefix}Actions[{index}].")));
        }

        DomainException.ThrowAll([.. checks]);
        if (signal._actions.Count > 0)
        {
            signal.Status = SignalStatus.PickedUp;
        }

        return signal;
    }

    /// <summary>Moves the signal along; closing needs every action finished.</summary>
    public void SetStatus(SignalStatus status, DateOnly today)
    {
        if (status == SignalStatus.Closed && _actions.Any(a => a.Status == ActionStatus.Open))
        {
            throw new DomainException("Rond eerst de open acties af voordat je het signaal sluit.", nameof(Status));
        }

        Status = status;
        ClosedOn = status == SignalStatus.Closed ? ClosedOn ?? today : null;
    }

    /// <summary>Retention: removes the code and description of a signal closed before the cut-off; keeps category and counts. False when there was nothing to remove.</summary>
    public bool RemoveDetails(DateOnly cutOff, DateTimeOffset now)
    {
        if (!Retention.IsDue(this, cutOff))
        {
            return false;
        }

        ResidentCode = null;
        Description = null;
        DetailsRemovedAt = now;
        return true;
    }
}

/// <summary>An agreed action on a signal: who, by when, at which escalation level, warm handover, and how it ended.</summary>
public sealed class SignalAction : ITenantOwned
{
    public const int MaxEscalationLevel = 3;
    public const int OutcomeMax = 300;

    private SignalAction()
    {
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid ComplexId { get; private set; }

    public Guid SignalId { get; private set; }

    public Guid OwnerId { get; private set; }

    public DateOnly Due { get; private set; }

    public int EscalationLevel { get; private set; }

    public bool WarmHandover { get; private set; }

    public ActionStatus Status { get; private set; }

    public string? Outcome { get; private set; }

    public uint Version { get; private set; }

    internal static SignalAction Agree(Signal signal, ActionDraft draft, IReadOnlySet<Guid> team, string prefix)
    {
        DomainException.ThrowAll(
            () =>
            {
                if (!team.Contains(draft.OwnerId))
                {
                    throw new DomainException("Kies een eigenaar uit het flatteam van dit complex.", prefix + nameof(OwnerId));
                }
            },
            () =>
            {
                if (draft.EscalationLevel is < 0 or > MaxEscalationLevel)
                {
                    throw new DomainException($"Het opschalingsniveau ligt tussen 0 en {MaxEscalationLevel}.", prefix + nameof(EscalationLevel));
                }
            });
        return new SignalAction
        {
            Id = Guid.CreateVersion7(),
            TenantId = signal.TenantId,
            ComplexId = signal.ComplexId,
            SignalId = signal.Id,
            OwnerId = draft.OwnerId,
            Due = draft.Due,
            EscalationLevel = draft.EscalationLevel,
            WarmHandover = draft.WarmHandover,
            Status = ActionStatus.Open,
        };
    }

    /// <summary>Finishes (or cancels) the action with its outcome; an outcome is required, and refused when it identifies someone.</summary>
    public void Finish(ActionStatus status, string? outcome)
    {
        var text = IdentifyingText.Check(outcome, nameof(Outcome));
        if (status != ActionStatus.Open && text is null)
        {
            throw new DomainException("Schrijf kort op wat de actie heeft opgeleverd.", nameof(Outcome));
        }

        if (text?.Length > OutcomeMax)
        {
            throw new DomainException($"Houd de uitkomst kort: hoogstens {OutcomeMax} tekens.", nameof(Outcome));
        }

        Status = status;
        Outcome = text;
    }

    /// <summary>Open and past its due date (due today is not yet overdue).</summary>
    public bool IsOverdue(DateOnly today) => Status == ActionStatus.Open && Due < today;
}
