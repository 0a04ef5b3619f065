using System.Text.RegularExpressions;
using Plusflat.Domain.Common;

namespace Plusflat.Domain.Phases;

/// <summary>
/// One version of a programme's phase checklists: for each phase 0..4 the items a complex ticks
/// before it moves on. Stored as data so a programme can adapt the items without a code change.
/// A catalogue never changes after it is created; <see cref="Derive"/> makes the next version, and
/// each complex keeps the version it started with (<c>Complex.CatalogueId</c>).
/// </summary>
/// <remarks>
/// <see cref="Version"/> is the catalogue's number within the tenant (1, 2, ...), not a row version:
/// the table needs a unique index on (TenantId, Version), which also refuses two versions derived
/// from the same one at the same time.
/// </remarks>
public sealed partial class PhaseCatalogue : ITenantOwned
{
    public const int CodeMaxLength = 50;

    public const int TitleMaxLength = 200;

    private const int SortStep = 10;

    private readonly List<PhaseChecklistItem> _items = [];

    /// <summary>
    /// Creates a catalogue version from drafts. Every phase needs at least one item (otherwise a
    /// phase could be passed without doing anything) and codes must be unique. Items are sorted
    /// within their phase in the order given.
    /// </summary>
    public PhaseCatalogue(Guid tenantId, int version, IEnumerable<ChecklistItemDraft> items, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (version < 1)
        {
            throw new DomainException("Het versienummer van de checklist moet minstens 1 zijn.", nameof(Version));
        }

        Id = Guid.CreateVersion7();
        TenantId = tenantId;
        Version = version;
        CreatedAt = now;

        var codes = new HashSet<string>(StringComparer.Ordinal);
        var nextSortOrder = new int[PhaseNames.Last + 1];
        foreach (var draft in items)
        {
            ArgumentNullException.ThrowIfNull(draft);
            var phase = PhaseNames.Valid(draft.Phase, nameof(PhaseChecklistItem.Phase));
            var code = ValidCode(draft.Code);
            var title = Guard.RequiredText(draft.Title, TitleMaxLength, nameof(PhaseChecklistItem.Title), "De titel");
            if (!codes.Add(code))
            {
                throw new DomainException($"De code '{code}' komt meer dan eens voor.", nameof(PhaseChecklistItem.Code));
            }

            nextSortOrder[phase] += SortStep;
            _items.Add(new PhaseChecklistItem(TenantId, Id, phase, code, title, nextSortOrder[phase]));
        }

        foreach (var phase in PhaseNames.Numbers)
        {
            if (nextSortOrder[phase] == 0)
            {
                throw new DomainException(
                    $"{Capitalise(PhaseNames.Label(phase))} moet minstens één punt op de checklist hebben.",
                    nameof(PhaseChecklistItem.Phase));
            }
        }
    }

    private PhaseCatalogue()
    {
    }

    /// <summary>
    /// The items of version 1, taken from the programme's structured approach (phases 0..4).
    /// </summary>
    public static IReadOnlyList<ChecklistItemDraft> DefaultItems { get; } =
    [
        new(0, "p0-programma", "Programma opgezet"),
        new(0, "p0-locatiekeuze", "Locatiekeuze gemaakt"),
        new(1, "p1-verkend", "Samenwerking verkend"),
        new(1, "p1-ambitie", "Gezamenlijke ambitie"),
        new(1, "p1-afspraken", "Samenwerkingsafspraken"),
        new(1, "p1-projectstructuur", "Projectstructuur"),
        new(1, "p1-geborgd", "Samenwerking geborgd"),
        new(1, "p1-plan-van-aanpak", "Plan van aanpak met begroting"),
        new(2, "p2-flatteam", "Flatteam ingericht (projectleider, flatcoach)"),
        new(2, "p2-activiteitenplan", "Gezamenlijk activiteitenplan met bewoners"),
        new(3, "p3-start-activiteiten", "Start activiteitenplan"),
        new(3, "p3-cursus-samenzorg", "Cursus Samenzorg in de toekomst"),
        new(3, "p3-domeinoverstijgend", "Domeinoverstijgend werken"),
        new(4, "p4-evalueren", "Evalueren"),
        new(4, "p4-kennis-delen", "Kennis delen"),
        new(4, "p4-borgen", "Borgen in reguliere werkprocessen"),
    ];

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    /// <summary>The catalogue's number within the tenant, starting at 1. Not a concurrency token.</summary>
    public int Version { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>All items, in no particular order; use <see cref="ItemsOf"/> for one phase in order.</summary>
    public IReadOnlyList<PhaseChecklistItem> Items => _items;

    /// <summary>Version 1 of a new programme's catalogue, with <see cref="DefaultItems"/>.</summary>
    public static PhaseCatalogue CreateDefault(Guid tenantId, DateTimeOffset now) => new(tenantId, 1, DefaultItems, now);

    /// <summary>The items of one phase, in their sort order.</summary>
    public IReadOnlyList<PhaseChecklistItem> ItemsOf(int phase) =>
        [.. _items.Where(item => item.Phase == phase).OrderBy(item => item.SortOrder)];

    public PhaseChecklistItem? Find(Guid itemId) => _items.Find(item => item.Id == itemId);

    /// <summary>
    /// Makes the next version (<see cref="Version"/> + 1) from this one: the items whose codes are in
    /// <paramref name="removedCodes"/> are left out, the <paramref name="additions"/> are put after the
    /// remaining items of their phase. Removing and adding the same code changes an item's title or
    /// phase. Derive from the tenant's latest version; complexes on this version keep it.
    /// </summary>
    public PhaseCatalogue Derive(
        IEnumerable<ChecklistItemDraft> additions, IEnumerable<string> removedCodes, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(additions);
        ArgumentNullException.ThrowIfNull(removedCodes);
        var added = additions.ToList();
        var removed = new HashSet<string>(removedCodes.Select(code => code?.Trim() ?? ""), StringComparer.Ordinal);
        if (added.Count == 0 && removed.Count == 0)
        {
            throw new DomainException("Voeg minstens één punt toe of verwijder er één; anders is er geen nieuwe versie nodig.");
        }

        foreach (var code in removed)
        {
            if (!_items.Exists(item => item.Code == code))
            {
                throw new DomainException(
                    $"Versie {Version} van de checklist heeft geen punt met code '{code}'.", nameof(PhaseChecklistItem.Code));
            }
        }

        var kept = _items
            .Where(item => !removed.Contains(item.Code))
            .OrderBy(item => item.Phase)
            .ThenBy(item => item.SortOrder)
            .Select(item => new ChecklistItemDraft(item.Phase, item.Code, item.Title));

        // Stable ordering by phase keeps the remaining items first and the additions after them.
        var drafts = kept.Concat(added).OrderBy(draft => draft.Phase);
        return new PhaseCatalogue(TenantId, Version + 1, drafts, now);
    }

    private static string ValidCode(string? code)
    {
        var value = code?.Trim() ?? "";
        if (value.Length is 0 or > CodeMaxLength || !CodePattern().IsMatch(value))
        {
            throw new DomainException(
                $"Een code bestaat uit 1 tot {CodeMaxLength} kleine letters, cijfers en koppeltekens, zoals 'p1-ambitie'.",
                nameof(PhaseChecklistItem.Code));
        }

        return value;
    }

    private static string Capitalise(string text) => string.Concat(text[..1].ToUpperInvariant(), text[1..]);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex CodePattern();
}
