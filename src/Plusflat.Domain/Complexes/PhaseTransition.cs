using Plusflat.Domain.Common;

namespace Plusflat.Domain.Complexes;

/// <summary>
/// One move of a complex from one phase to the next or back to the previous one: the complex's
/// phase history. <see cref="WasOverride"/> marks an advance whose checklist was not complete.
/// </summary>
public sealed class PhaseTransition : ITenantOwned
{
    public const int ReasonMaxLength = 1000;

    internal PhaseTransition(
        Guid tenantId,
        Guid complexId,
        int fromPhase,
        int toPhase,
        DateTimeOffset at,
        Guid by,
        string byName,
        string? reason,
        bool wasOverride)
    {
        Id = Guid.CreateVersion7();
        TenantId = tenantId;
        ComplexId = complexId;
        FromPhase = fromPhase;
        ToPhase = toPhase;
        At = at;
        By = by;
        ByName = byName;
        Reason = reason;
        WasOverride = wasOverride;
    }

    private PhaseTransition()
    {
        ByName = null!;
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid ComplexId { get; private set; }

    public int FromPhase { get; private set; }

    public int ToPhase { get; private set; }

    public DateTimeOffset At { get; private set; }

    public Guid By { get; private set; }

    public string ByName { get; private set; }

    /// <summary>
    /// Why: required when going back and when overriding an incomplete checklist; an optional remark
    /// on a normal advance.
    /// </summary>
    public string? Reason { get; private set; }

    /// <summary>The complex advanced although items of its phase were open (a programme lead's decision).</summary>
    public bool WasOverride { get; private set; }

    /// <summary>True for a move back to the previous phase.</summary>
    public bool IsReturn => ToPhase < FromPhase;
}
