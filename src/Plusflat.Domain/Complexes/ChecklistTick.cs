using Plusflat.Domain.Common;

namespace Plusflat.Domain.Complexes;

/// <summary>
/// A complex's record that one checklist item is done. Unticking does not delete the tick but
/// withdraws it (who, when, why), so the history stays; ticking again adds a new tick.
/// </summary>
public sealed class ChecklistTick : ITenantOwned
{
    public const int NoteMaxLength = 1000;

    public const int EvidenceUrlMaxLength = 500;

    public const int UntickReasonMaxLength = 1000;

    internal ChecklistTick(
        Guid tenantId,
        Guid complexId,
        Guid itemId,
        int phase,
        DateOnly tickedOn,
        Guid tickedBy,
        string tickedByName,
        string? note,
        string? evidenceUrl,
        DateTimeOffset recordedAt)
    {
        Id = Guid.CreateVersion7();
        TenantId = tenantId;
        ComplexId = complexId;
        ItemId = itemId;
        Phase = phase;
        TickedOn = tickedOn;
        TickedBy = tickedBy;
        TickedByName = tickedByName;
        Note = note;
        EvidenceUrl = evidenceUrl;
        RecordedAt = recordedAt;
    }

    private ChecklistTick()
    {
        TickedByName = null!;
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid ComplexId { get; private set; }

    /// <summary>The <c>PhaseChecklistItem</c> ticked, from the complex's catalogue version.</summary>
    public Guid ItemId { get; private set; }

    /// <summary>The item's phase, copied so the history reads without the catalogue.</summary>
    public int Phase { get; private set; }

    /// <summary>The day the item was done, as the user says (not when it was entered).</summary>
    public DateOnly TickedOn { get; private set; }

    /// <summary>
    /// The moment the tick was entered. The timeline sorts on it: <see cref="TickedOn"/> is only a day, and several
    /// ticks on one day must still read newest first.
    /// </summary>
    public DateTimeOffset RecordedAt { get; private set; }

    public Guid TickedBy { get; private set; }

    public string TickedByName { get; private set; }

    public string? Note { get; private set; }

    /// <summary>An absolute http(s) link to the evidence, e.g. a signed agreement in a document system.</summary>
    public string? EvidenceUrl { get; private set; }

    public DateTimeOffset? UntickedAt { get; private set; }

    public Guid? UntickedBy { get; private set; }

    public string? UntickedByName { get; private set; }

    public string? UntickReason { get; private set; }

    /// <summary>Not withdrawn. Computed; not a column.</summary>
    public bool IsActive => UntickedAt is null;

    /// <summary>Points an active tick at the same item (same code) of a newer checklist version.</summary>
    internal void MoveToItem(Guid itemId, int phase)
    {
        ItemId = itemId;
        Phase = phase;
    }

    internal void Withdraw(Guid by, string byName, string reason, DateTimeOffset now)
    {
        UntickedAt = now;
        UntickedBy = by;
        UntickedByName = byName;
        UntickReason = reason;
    }
}
