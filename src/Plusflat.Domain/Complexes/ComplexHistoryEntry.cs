using Plusflat.Domain.Common;

namespace Plusflat.Domain.Complexes;

/// <summary>What a <see cref="ComplexHistoryEntry"/> records.</summary>
public enum ComplexHistoryKind
{
    /// <summary>The complex was added.</summary>
    Created = 1,

    /// <summary>One fact or partner changed: <see cref="ComplexHistoryEntry.Field"/>, old and new value.</summary>
    FactChanged = 2,

    /// <summary>Archived, with the reason in <see cref="ComplexHistoryEntry.Note"/>.</summary>
    Archived = 3,

    /// <summary>Taken back out of the archive.</summary>
    Restored = 4,

    /// <summary>
    /// Moved to a newer checklist version: old and new version number; <see cref="ComplexHistoryEntry.Note"/> lists the
    /// titles of ticked items that are not on the new version (one per line), <c>null</c> when every tick carried over.
    /// </summary>
    ChecklistVersionChanged = 5,
}

/// <summary>
/// One line of a complex's history other than ticks and phase moves (those are their own records): who, when,
/// what. Entries are only ever added. The entries of one save share <see cref="At"/> and are numbered by
/// <see cref="Sequence"/> in the order the save made them (the form's field order), so they always read in the
/// same order.
/// </summary>
public sealed class ComplexHistoryEntry : ITenantOwned
{
    internal ComplexHistoryEntry(
        Guid tenantId, Guid complexId, ComplexHistoryKind kind, DateTimeOffset at, int sequence, Guid by, string byName,
        string? field = null, string? oldValue = null, string? newValue = null, string? note = null)
    {
        Id = Guid.CreateVersion7();
        TenantId = tenantId;
        ComplexId = complexId;
        Kind = kind;
        At = at;
        Sequence = sequence;
        By = by;
        ByName = byName;
        Field = field;
        OldValue = oldValue;
        NewValue = newValue;
        Note = note;
    }

    private ComplexHistoryEntry()
    {
        ByName = null!;
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid ComplexId { get; private set; }

    public ComplexHistoryKind Kind { get; private set; }

    public DateTimeOffset At { get; private set; }

    /// <summary>Position within one save (0, 1, ...).</summary>
    public int Sequence { get; private set; }

    /// <summary>The acting user; <see cref="Guid.Empty"/> only for entries added for complexes that existed before the history was kept.</summary>
    public Guid By { get; private set; }

    public string ByName { get; private set; }

    /// <summary>For <see cref="ComplexHistoryKind.FactChanged"/>: the <see cref="ComplexFacts"/> property name.</summary>
    public string? Field { get; private set; }

    /// <summary>Invariant text (<see cref="FieldValues.Of"/>); a partner is its organisation id.</summary>
    public string? OldValue { get; private set; }

    public string? NewValue { get; private set; }

    /// <summary>The archive reason, or the items of a checklist move whose ticks did not carry over.</summary>
    public string? Note { get; private set; }
}
