using Plusflat.Domain.Common;

namespace Plusflat.Domain.Signalling;

/// <summary>An action as it was typed into a draft (nothing checked yet: that happens when the meeting is finished).</summary>
public sealed record DraftActionContent(Guid? OwnerId, DateOnly? Due, int EscalationLevel, bool WarmHandover);

/// <summary>A signal as it was typed into a draft. Kept as typed, so a half-written signal survives a dropped connection.</summary>
public sealed record DraftSignalContent(string? ResidentCode, SignalCategory Category, NoticedBy NoticedBy, string? Description, IReadOnlyList<DraftActionContent> Actions)
{
    public const int ResidentCodeMax = 100;
    public const int DescriptionMax = 2 * IdentifyingText.DescriptionMax;
    public const int ActionsMax = 20;

    public static readonly DraftSignalContent Empty = new(null, SignalCategory.GoingOutLess, NoticedBy.Housing, null, []);

    /// <summary>What may be stored of the typed text: NUL dropped (PostgreSQL refuses it), over-long text cut, at most <see cref="ActionsMax"/> actions.</summary>
    public DraftSignalContent Bounded() => this with
    {
        ResidentCode = Cut(ResidentCode, ResidentCodeMax),
        Description = Cut(Description, DescriptionMax),
        Actions = [.. Actions.Take(ActionsMax)],
    };

    /// <summary>Same content (the actions by value, not by list reference).</summary>
    public bool SameAs(DraftSignalContent? other) =>
        other is not null && ResidentCode == other.ResidentCode && Category == other.Category && NoticedBy == other.NoticedBy
        && Description == other.Description && Actions.SequenceEqual(other.Actions);

    /// <summary>The draft as a signal for <see cref="SignalMeeting.Hold"/>; an action without owner or date stays invalid (owner empty, date the meeting's).</summary>
    public SignalDraft ToSignal(DateOnly heldOn) => new(ResidentCode, Category, NoticedBy, Description,
        [.. Actions.Select(a => new ActionDraft(a.OwnerId ?? Guid.Empty, a.Due ?? heldOn, a.EscalationLevel, a.WarmHandover))]);

    private static string? Cut(string? text, int max)
    {
        var clean = text?.Replace("\0", "", StringComparison.Ordinal);
        return clean is { Length: > 0 } && clean.Length > max ? clean[..max] : clean;
    }
}

/// <summary>
/// A meeting while it is being entered: its date and attendees. Its signals are <see cref="DraftSignal"/> rows of their
/// own, each with its own version, so two team members typing in different signals never overwrite each other.
/// One draft per complex; finishing the meeting turns it into a <see cref="SignalMeeting"/> and deletes it.
/// </summary>
public sealed class MeetingDraft : ITenantOwned
{
    private MeetingDraft()
    {
        AttendeeIds = [];
    }

    public MeetingDraft(Guid tenantId, Guid complexId, DateOnly? heldOn, Guid startedBy, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        TenantId = tenantId;
        ComplexId = complexId;
        HeldOn = heldOn;
        AttendeeIds = [];
        StartedBy = startedBy;
        StartedAt = now;
        UpdatedBy = startedBy;
        UpdatedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid ComplexId { get; private set; }

    public DateOnly? HeldOn { get; private set; }

    public List<Guid> AttendeeIds { get; private set; }

    public Guid StartedBy { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }

    public Guid UpdatedBy { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public uint Version { get; private set; }

    public void Change(DateOnly? heldOn, IEnumerable<Guid> attendeeIds, Guid by, DateTimeOffset now)
    {
        HeldOn = heldOn;
        AttendeeIds = [.. attendeeIds.Distinct()];
        UpdatedBy = by;
        UpdatedAt = now;
    }
}

/// <summary>One signal of a draft meeting, as typed; <see cref="Version"/> (xmin) tells whether someone else changed it meanwhile.</summary>
public sealed class DraftSignal : ITenantOwned
{
    private DraftSignal()
    {
        Content = DraftSignalContent.Empty;
    }

    /// <param name="id">Chosen by the page when the signal is added, so a retried save after a dropped connection does not add it twice.</param>
    public DraftSignal(MeetingDraft draft, Guid id, int position, DraftSignalContent content, Guid by, DateTimeOffset now)
    {
        Id = id;
        TenantId = draft.TenantId;
        ComplexId = draft.ComplexId;
        DraftId = draft.Id;
        Position = position;
        Content = content.Bounded();
        UpdatedBy = by;
        UpdatedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid ComplexId { get; private set; }

    public Guid DraftId { get; private set; }

    public int Position { get; private set; }

    public DraftSignalContent Content { get; private set; }

    public Guid UpdatedBy { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public uint Version { get; private set; }

    public void Change(DraftSignalContent content, Guid by, DateTimeOffset now)
    {
        Content = content.Bounded();
        UpdatedBy = by;
        UpdatedAt = now;
    }
}

/// <summary>What happens to a typed change of a draft when someone else may have saved in between (pure rules).</summary>
public static class DraftMerge
{
    /// <summary>
    /// A signal: saved when nobody changed it since the version this edit started from, or when the stored content is
    /// already the same; otherwise a conflict (the typed text stays with the user, the stored one is shown beside it).
    /// </summary>
    public static bool IsConflict(uint? basedOn, DraftSignal? stored, DraftSignalContent mine) =>
        stored is not null && basedOn != stored.Version && !stored.Content.SameAs(mine.Bounded());

    /// <summary>
    /// The date and attendees: a three-way merge of my edit and theirs against the version mine started from. Attendees
    /// merge (my additions and removals applied to theirs); the date conflicts only when both changed it differently.
    /// </summary>
    public static DraftHeaderMerge Header(DateOnly? baseDate, IReadOnlyCollection<Guid> baseAttendees, DateOnly? myDate, IReadOnlyCollection<Guid> myAttendees,
        DateOnly? theirDate, IReadOnlyCollection<Guid> theirAttendees)
    {
        var added = myAttendees.Except(baseAttendees);
        var removed = baseAttendees.Except(myAttendees).ToHashSet();
        var attendees = theirAttendees.Where(a => !removed.Contains(a)).Concat(added).Distinct().ToList();
        if (myDate == baseDate || myDate == theirDate)
        {
            return new DraftHeaderMerge(theirDate, attendees, false);
        }

        return theirDate == baseDate ? new DraftHeaderMerge(myDate, attendees, false) : new DraftHeaderMerge(theirDate, attendees, true);
    }
}

/// <param name="DateConflict">Both changed the date differently: theirs is kept and the user is told.</param>
public sealed record DraftHeaderMerge(DateOnly? HeldOn, IReadOnlyList<Guid> AttendeeIds, bool DateConflict);
