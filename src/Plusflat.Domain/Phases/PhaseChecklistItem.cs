using Plusflat.Domain.Common;

namespace Plusflat.Domain.Phases;

/// <summary>
/// One point on the checklist of one phase, in one catalogue version. Items never change once the
/// catalogue exists: a programme changes its checklist by deriving a new catalogue version, so the
/// items a complex ticked stay as they were.
/// </summary>
public sealed class PhaseChecklistItem : ITenantOwned
{
    internal PhaseChecklistItem(Guid tenantId, Guid catalogueId, int phase, string code, string title, int sortOrder)
    {
        Id = Guid.CreateVersion7();
        TenantId = tenantId;
        CatalogueId = catalogueId;
        Phase = phase;
        Code = code;
        Title = title;
        SortOrder = sortOrder;
    }

    private PhaseChecklistItem()
    {
        Code = null!;
        Title = null!;
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid CatalogueId { get; private set; }

    /// <summary>The phase (0..4) this item belongs to.</summary>
    public int Phase { get; private set; }

    /// <summary>Stable short key, unique within a catalogue and kept across versions (e.g. "p1-ambitie").</summary>
    public string Code { get; private set; }

    public string Title { get; private set; }

    /// <summary>Position within the phase: 10, 20, 30, ...</summary>
    public int SortOrder { get; private set; }
}
