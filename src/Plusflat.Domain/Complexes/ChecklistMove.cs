namespace Plusflat.Domain.Complexes;

/// <summary>
/// The outcome of <see cref="Complex.MoveToCatalogue"/>: the versions, the titles (on the new version) of the items
/// whose ticks carried over, and the titles (on the old version) of ticked items the new version no longer has.
/// </summary>
public sealed record ChecklistMove(int FromVersion, int ToVersion, IReadOnlyList<string> CarriedOver, IReadOnlyList<string> NotCarriedOver);
