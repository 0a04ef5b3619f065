using Plusflat.Domain.Common;

namespace Plusflat.Domain.Organisations;

/// <summary>What an <see cref="OrganisationHistoryEntry"/> records.</summary>
public enum OrganisationHistoryKind
{
    Created = 1,

    /// <summary>One field changed: <see cref="OrganisationHistoryEntry.Field"/>, old and new value.</summary>
    FieldChanged = 2,
}

/// <summary>
/// One line of an organisation's history: who added it, and each field a save changed (old → new, invariant text
/// as <see cref="FieldValues.Of"/> writes it). The entries of one save share <see cref="At"/> and are numbered by
/// <see cref="Sequence"/> in the form's field order.
/// </summary>
public sealed class OrganisationHistoryEntry : ITenantOwned
{
    internal OrganisationHistoryEntry(
        Guid tenantId, Guid organisationId, OrganisationHistoryKind kind, DateTimeOffset at, int sequence, Guid by, string byName,
        string? field = null, string? oldValue = null, string? newValue = null)
    {
        Id = Guid.CreateVersion7();
        TenantId = tenantId;
        OrganisationId = organisationId;
        Kind = kind;
        At = at;
        Sequence = sequence;
        By = by;
        ByName = byName;
        Field = field;
        OldValue = oldValue;
        NewValue = newValue;
    }

    private OrganisationHistoryEntry()
    {
        ByName = null!;
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid OrganisationId { get; private set; }

    public OrganisationHistoryKind Kind { get; private set; }

    public DateTimeOffset At { get; private set; }

    public int Sequence { get; private set; }

    public Guid By { get; private set; }

    public string ByName { get; private set; }

    /// <summary>
    /// The <see cref="Organisation"/> property name; a care-provider criterion is
    /// "CareProviderFacts.&lt;criterion&gt;" (value <c>null</c>: not assessed).
    /// </summary>
    public string? Field { get; private set; }

    public string? OldValue { get; private set; }

    public string? NewValue { get; private set; }
}
