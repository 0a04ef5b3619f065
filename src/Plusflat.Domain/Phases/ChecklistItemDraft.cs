namespace Plusflat.Domain.Phases;

/// <summary>
/// An item to put on a new <see cref="PhaseCatalogue"/> version: its phase (0..4), a stable short
/// code (lower case, digits and hyphens, e.g. "p1-ambitie") and a Dutch title. The catalogue
/// validates it and gives it its sort order.
/// </summary>
public sealed record ChecklistItemDraft(int Phase, string Code, string Title);
