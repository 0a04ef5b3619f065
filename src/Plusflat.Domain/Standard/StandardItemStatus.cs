namespace Plusflat.Domain.Standard;

/// <summary>
/// How an item was assessed. A must or should is met, not met or not applicable; a not-item (an exclusion)
/// applies or does not apply.
/// </summary>
public enum StandardItemStatus
{
    Met,
    NotMet,
    NotApplicable,
    Applies,
    DoesNotApply,
}

public static class StandardItemStatuses
{
    /// <summary>The statuses an item of this kind can have, in the order a form offers them.</summary>
    public static IReadOnlyList<StandardItemStatus> For(StandardItemKind kind) => kind == StandardItemKind.Not
        ? [StandardItemStatus.DoesNotApply, StandardItemStatus.Applies]
        : [StandardItemStatus.Met, StandardItemStatus.NotMet, StandardItemStatus.NotApplicable];

    public static bool Fits(StandardItemKind kind, StandardItemStatus status) => For(kind).Contains(status);

    /// <summary>A status that claims something about the complex needs its evidence: a met must or should, an exclusion that applies.</summary>
    public static bool NeedsEvidence(StandardItemStatus status) => status is StandardItemStatus.Met or StandardItemStatus.Applies;
}
