using System.Diagnostics.CodeAnalysis;
using Plusflat.Domain.Common;
using Plusflat.Domain.Phases;

namespace Plusflat.Domain.Complexes;

/// <summary>
/// An apartment complex (<i>wooncomplex</i>) in a programme: its facts, the phase (0..4) of the
/// structured approach it is in, the checklist items it ticked and its phase history.
/// </summary>
/// <remarks>
/// Phase rules:
/// <list type="bullet">
/// <item>Only items of the current phase can be ticked or unticked. The checklist is the gate to the
/// next phase, so every phase below the current one stays as it was when the complex left it (complete,
/// or an override that is on record). To correct an earlier phase, return to it first.</item>
/// <item>A complex moves one phase at a time: forward when the current checklist is complete (or a
/// programme lead overrides it with a reason), back to the previous phase only, always with a reason.
/// The target phase is passed in even when only one value is legal, so a stale form that repeats a
/// move is refused instead of moving the complex twice.</item>
/// </list>
/// </remarks>
public sealed class Complex : ITenantOwned
{
    public const int NameMaxLength = 200;

    public const int AddressMaxLength = 200;

    public const int MunicipalityMaxLength = 100;

    public const int DistrictMaxLength = 100;

    public const int ClusterNameMaxLength = 100;

    public const int NotesMaxLength = 2000;

    public const int ByNameMaxLength = 200;

    public const int ArchiveReasonMaxLength = 1000;

    /// <summary>The refusal of every change to an archived complex.</summary>
    public const string ArchivedMessage = "Dit wooncomplex is gearchiveerd. Zet het eerst terug om het te wijzigen.";

    /// <summary>The earliest date a checklist item can be ticked on.</summary>
    public static readonly DateOnly EarliestTickDate = new(2000, 1, 1);

    private readonly List<ChecklistTick> _checklistTicks = [];

    private readonly List<PhaseTransition> _phaseTransitions = [];

    private readonly List<ComplexHistoryEntry> _history = [];

    /// <summary>
    /// Adds a complex in phase 0, using <paramref name="catalogue"/> (the tenant's latest version) for its checklists.
    /// Its history starts with who added it and when.
    /// </summary>
    public Complex(Guid tenantId, ComplexFacts facts, PhaseCatalogue catalogue, Guid by, string byName, DateTimeOffset now)
    {
        var actorName = ValidActor(by, byName);
        ArgumentNullException.ThrowIfNull(catalogue);
        if (catalogue.TenantId != tenantId)
        {
            throw new ArgumentException("The phase catalogue belongs to another tenant.", nameof(catalogue));
        }

        Id = Guid.CreateVersion7();
        TenantId = tenantId;
        CatalogueId = catalogue.Id;
        CurrentPhase = PhaseNames.First;
        CreatedAt = now;
        Apply(facts);
        _history.Add(new ComplexHistoryEntry(TenantId, Id, ComplexHistoryKind.Created, now, 0, by, actorName));
    }

    private Complex()
    {
        Name = null!;
        Address = null!;
        Postcode = null!;
        Municipality = null!;
        DwellingCount = null!;
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public string Name { get; private set; }

    public string Address { get; private set; }

    /// <summary>Always "1234 AB".</summary>
    public string Postcode { get; private set; }

    public string Municipality { get; private set; }

    /// <summary>City district or neighbourhood (<i>stadsdeel / wijk</i>).</summary>
    public string? District { get; private set; }

    /// <summary>The owning housing corporation (an <c>Organisation</c>); the handler checks its kind.</summary>
    public Guid? HousingCorporationId { get; private set; }

    /// <summary>The one preferred care provider (<i>voorkeursaanbieder</i>), organising party of the plus layer.</summary>
    public Guid? PreferredCareProviderId { get; private set; }

    /// <summary>The welfare party (<i>welzijnspartij</i>) that provides the community worker.</summary>
    public Guid? WelfarePartyId { get; private set; }

    public DwellingCount DwellingCount { get; private set; }

    /// <summary>Share of residents aged 65 or over; <c>null</c> when unknown.</summary>
    public Percentage? ShareAged65Plus { get; private set; }

    /// <summary>Zero-step dwellings (<i>nultredenwoningen</i>), never more than <see cref="DwellingCount"/>; <c>null</c> when unknown.</summary>
    public int? ZeroStepDwellings { get; private set; }

    /// <summary>Share of social-rent dwellings; <c>null</c> when unknown.</summary>
    public Percentage? ShareSocialRent { get; private set; }

    public bool HasCommonRoom { get; private set; }

    /// <summary>The common room is open to the neighbourhood too; only possible with a common room.</summary>
    public bool CommonRoomOpenToNeighbourhood { get; private set; }

    public bool NearFacilities { get; private set; }

    /// <summary>There is room for a workspace for the coach and care team.</summary>
    public bool HasWorkspaceForTeam { get; private set; }

    /// <summary>Groups nearby complexes that share capacity (the "light" variant).</summary>
    public string? ClusterName { get; private set; }

    public string? Notes { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The <see cref="PhaseCatalogue"/> version this complex's checklists come from.</summary>
    public Guid CatalogueId { get; private set; }

    /// <summary>0..4; see <see cref="PhaseNames"/>.</summary>
    public int CurrentPhase { get; private set; }

    /// <summary>Every tick, withdrawn ones included; see <see cref="ActiveTicks"/>.</summary>
    public IReadOnlyList<ChecklistTick> ChecklistTicks => _checklistTicks;

    public IReadOnlyList<PhaseTransition> PhaseTransitions => _phaseTransitions;

    /// <summary>
    /// Creation, fact and partner changes, archiving and checklist moves (ticks and phase moves are their own
    /// records). Only what was loaded, plus what this instance added: handlers load it for reading only.
    /// </summary>
    public IReadOnlyList<ComplexHistoryEntry> History => _history;

    /// <summary>
    /// Set while the complex is archived: it is left out of lists, counts and the overview, nothing of it is
    /// deleted, and it cannot change until it is restored.
    /// </summary>
    public DateTimeOffset? ArchivedAt { get; private set; }

    public Guid? ArchivedBy { get; private set; }

    public string? ArchivedByName { get; private set; }

    public string? ArchiveReason { get; private set; }

    /// <summary>Computed; not a column.</summary>
    public bool IsArchived => ArchivedAt is not null;

    /// <summary>
    /// Counts checklist changes. Ticking only adds a row to the ticks table; raising this counter also
    /// updates the complex's own row, so its <see cref="Version"/> (xmin) check catches two people
    /// changing the checklist or the phase at the same time.
    /// </summary>
    public int ChecklistRevision { get; private set; }

    public uint Version { get; private set; }

    /// <summary>
    /// Saves the edited facts of the complex and records each changed field (old and new stored value) in its
    /// history, in the form's field order, all at <paramref name="now"/>. Returns the changes (empty: nothing changed,
    /// nothing recorded). Refused for an archived complex.
    /// </summary>
    public IReadOnlyList<FieldChange> UpdateFacts(ComplexFacts facts, Guid by, string byName, DateTimeOffset now)
    {
        var actorName = ValidActor(by, byName);
        EnsureNotArchived();
        var before = ToFacts().Snapshot();
        Apply(facts);
        var changes = FieldValues.Changes(before, ToFacts().Snapshot());
        for (var i = 0; i < changes.Count; i++)
        {
            _history.Add(new ComplexHistoryEntry(
                TenantId, Id, ComplexHistoryKind.FactChanged, now, i, by, actorName, changes[i].Field, changes[i].OldValue, changes[i].NewValue));
        }

        return changes;
    }

    /// <summary>
    /// Archives the complex with a reason: it leaves lists, counts and the overview; nothing is deleted. Refused when
    /// it is archived already.
    /// </summary>
    public ComplexHistoryEntry Archive(string reason, Guid by, string byName, DateTimeOffset now)
    {
        var actorName = ValidActor(by, byName);
        if (IsArchived)
        {
            throw new DomainException("Dit wooncomplex is al gearchiveerd.");
        }

        var validReason = Guard.RequiredText(reason, ArchiveReasonMaxLength, nameof(ArchiveReason), "De reden");
        ArchivedAt = now;
        ArchivedBy = by;
        ArchivedByName = actorName;
        ArchiveReason = validReason;
        var entry = new ComplexHistoryEntry(TenantId, Id, ComplexHistoryKind.Archived, now, 0, by, actorName, note: validReason);
        _history.Add(entry);
        return entry;
    }

    /// <summary>Takes an archived complex back: it is in lists and counts again, as it was. Refused when it is not archived.</summary>
    public ComplexHistoryEntry Restore(Guid by, string byName, DateTimeOffset now)
    {
        var actorName = ValidActor(by, byName);
        if (!IsArchived)
        {
            throw new DomainException("Dit wooncomplex is niet gearchiveerd.");
        }

        ArchivedAt = null;
        ArchivedBy = null;
        ArchivedByName = null;
        ArchiveReason = null;
        var entry = new ComplexHistoryEntry(TenantId, Id, ComplexHistoryKind.Restored, now, 0, by, actorName);
        _history.Add(entry);
        return entry;
    }

    /// <summary>
    /// Moves the complex from its checklist version (<paramref name="current"/>) to a newer one of the programme.
    /// Each active tick whose item still exists in <paramref name="newer"/> (the same code) carries over to that item,
    /// keeping who ticked it, when and why; ticks of items the newer version no longer has stay on record but no longer
    /// count, and are reported. The phase stays. The move is recorded in the history.
    /// </summary>
    public ChecklistMove MoveToCatalogue(PhaseCatalogue current, PhaseCatalogue newer, Guid by, string byName, DateTimeOffset now)
    {
        EnsureOwnCatalogue(current);
        ArgumentNullException.ThrowIfNull(newer);
        var actorName = ValidActor(by, byName);
        EnsureNotArchived();
        if (newer.TenantId != TenantId)
        {
            throw new ArgumentException("The phase catalogue belongs to another tenant.", nameof(newer));
        }

        if (newer.Version <= current.Version)
        {
            throw new DomainException(
                $"Dit complex gebruikt checklist versie {current.Version}; kies een nieuwere versie dan die.", nameof(CatalogueId));
        }

        var carried = new List<string>();
        var notCarried = new List<string>();
        var active = _checklistTicks.Where(tick => tick.IsActive)
            .Select(tick => (Tick: tick, Item: current.Find(tick.ItemId)))
            .Where(pair => pair.Item is not null)
            .OrderBy(pair => pair.Item!.Phase).ThenBy(pair => pair.Item!.SortOrder)
            .ToList();
        foreach (var (tick, item) in active)
        {
            if (newer.Items.FirstOrDefault(candidate => candidate.Code == item!.Code) is { } successor)
            {
                tick.MoveToItem(successor.Id, successor.Phase);
                carried.Add(successor.Title);
            }
            else
            {
                notCarried.Add(item!.Title);
            }
        }

        var from = current.Version;
        CatalogueId = newer.Id;
        ChecklistRevision++;
        _history.Add(new ComplexHistoryEntry(
            TenantId, Id, ComplexHistoryKind.ChecklistVersionChanged, now, 0, by, actorName,
            nameof(CatalogueId), FieldValues.Of(from), FieldValues.Of(newer.Version),
            notCarried.Count == 0 ? null : string.Join('\n', notCarried)));
        return new ChecklistMove(from, newer.Version, carried, notCarried);
    }

    /// <summary>The current facts, e.g. to fill an edit form.</summary>
    public ComplexFacts ToFacts() => new()
    {
        Name = Name,
        Address = Address,
        Postcode = Postcode,
        Municipality = Municipality,
        District = District,
        HousingCorporationId = HousingCorporationId,
        PreferredCareProviderId = PreferredCareProviderId,
        WelfarePartyId = WelfarePartyId,
        DwellingCount = DwellingCount.Value,
        ShareAged65Plus = ShareAged65Plus?.Value,
        ZeroStepDwellings = ZeroStepDwellings,
        ShareSocialRent = ShareSocialRent?.Value,
        HasCommonRoom = HasCommonRoom,
        CommonRoomOpenToNeighbourhood = CommonRoomOpenToNeighbourhood,
        NearFacilities = NearFacilities,
        HasWorkspaceForTeam = HasWorkspaceForTeam,
        ClusterName = ClusterName,
        Notes = Notes,
    };

    /// <summary>Ticks that are not withdrawn.</summary>
    public IReadOnlyList<ChecklistTick> ActiveTicks() => [.. _checklistTicks.Where(tick => tick.IsActive)];

    /// <summary>The active tick of an item, if it is ticked.</summary>
    public ChecklistTick? ActiveTickFor(Guid itemId) => _checklistTicks.Find(tick => tick.IsActive && tick.ItemId == itemId);

    /// <summary>The items of the current phase that are not (actively) ticked, in their sort order.</summary>
    public IReadOnlyList<PhaseChecklistItem> OpenItems(PhaseCatalogue catalogue)
    {
        EnsureOwnCatalogue(catalogue);
        return [.. catalogue.ItemsOf(CurrentPhase).Where(item => ActiveTickFor(item.Id) is null)];
    }

    public bool IsCurrentPhaseComplete(PhaseCatalogue catalogue) => OpenItems(catalogue).Count == 0;

    /// <summary>
    /// Records that an item of the current phase was done on <paramref name="tickedOn"/> (not in the
    /// future, not before 2000). Refused for an item of another phase or one already ticked.
    /// </summary>
    public ChecklistTick TickItem(
        PhaseCatalogue catalogue,
        Guid itemId,
        DateOnly tickedOn,
        Guid by,
        string byName,
        string? note,
        string? evidenceUrl,
        DateOnly today,
        DateTimeOffset now)
    {
        EnsureOwnCatalogue(catalogue);
        var actorName = ValidActor(by, byName);
        EnsureNotArchived();
        var item = catalogue.Find(itemId)
            ?? throw new DomainException("Dit punt staat niet op de checklist van dit complex.", nameof(ChecklistTick.ItemId));
        if (item.Phase != CurrentPhase)
        {
            throw new DomainException(
                $"'{item.Title}' hoort bij {PhaseNames.Label(item.Phase)}, maar het complex zit in {PhaseNames.Label(CurrentPhase)}. "
                + "Alleen punten van de huidige fase kunnen worden afgevinkt.",
                nameof(ChecklistTick.ItemId));
        }

        if (ActiveTickFor(itemId) is not null)
        {
            throw new DomainException($"'{item.Title}' is al afgevinkt.", nameof(ChecklistTick.ItemId));
        }

        if (tickedOn > today)
        {
            throw new DomainException("De datum mag niet in de toekomst liggen.", nameof(ChecklistTick.TickedOn));
        }

        if (tickedOn < EarliestTickDate)
        {
            throw new DomainException("De datum mag niet vóór 1 januari 2000 liggen.", nameof(ChecklistTick.TickedOn));
        }

        var validNote = Guard.OptionalText(note, ChecklistTick.NoteMaxLength, nameof(ChecklistTick.Note), "De toelichting", multiline: true);
        var validUrl = ValidEvidenceUrl(evidenceUrl);
        var tick = new ChecklistTick(TenantId, Id, itemId, item.Phase, tickedOn, by, actorName, validNote, validUrl, now);
        _checklistTicks.Add(tick);
        ChecklistRevision++;
        return tick;
    }

    /// <summary>
    /// Withdraws the active tick of an item of the current phase, with a reason. The tick stays in the
    /// history; the item is open again and can be ticked anew.
    /// </summary>
    public ChecklistTick UntickItem(Guid itemId, Guid by, string byName, string reason, DateTimeOffset now)
    {
        var actorName = ValidActor(by, byName);
        EnsureNotArchived();
        var tick = ActiveTickFor(itemId)
            ?? throw new DomainException("Dit punt is niet afgevinkt.", nameof(ChecklistTick.ItemId));
        if (tick.Phase != CurrentPhase)
        {
            throw new DomainException(
                $"Dit punt hoort bij {PhaseNames.Label(tick.Phase)}. Alleen punten van de huidige fase kunnen worden teruggedraaid; "
                + "zet het complex eerst terug naar die fase.",
                nameof(ChecklistTick.ItemId));
        }

        var validReason = Guard.RequiredText(
            reason, ChecklistTick.UntickReasonMaxLength, nameof(ChecklistTick.UntickReason), "De reden", multiline: true);
        tick.Withdraw(by, actorName, validReason, now);
        ChecklistRevision++;
        return tick;
    }

    /// <summary>
    /// Moves the complex to the next phase. Allowed when every item of the current phase is ticked, or,
    /// with open items, when <paramref name="mayOverride"/> (a programme lead) and an
    /// <paramref name="overrideReason"/> is given: that transition is marked <see cref="PhaseTransition.WasOverride"/>.
    /// A reason from someone who may not override is refused, even with a complete checklist. A lead's
    /// reason on a complete checklist is kept as a remark on a normal transition (the last item may have
    /// been ticked while the lead filled in the override).
    /// </summary>
    public PhaseTransition AdvancePhase(
        PhaseCatalogue catalogue, Guid by, string byName, DateTimeOffset now, string? overrideReason, bool mayOverride)
    {
        EnsureOwnCatalogue(catalogue);
        var actorName = ValidActor(by, byName);
        EnsureNotArchived();
        if (CurrentPhase == PhaseNames.Last)
        {
            throw new DomainException(
                $"Het complex zit in {PhaseNames.Label(PhaseNames.Last)}, de laatste fase; verder kan niet.",
                nameof(PhaseTransition.ToPhase));
        }

        var reason = Guard.OptionalText(overrideReason, PhaseTransition.ReasonMaxLength, nameof(PhaseTransition.Reason), "De reden", multiline: true);
        if (reason is not null && !mayOverride)
        {
            throw new DomainException(
                "Alleen een programmaleider mag met een reden afwijken van de checklist.", nameof(PhaseTransition.Reason));
        }

        var open = OpenItems(catalogue);
        if (open.Count > 0 && reason is null)
        {
            var total = catalogue.ItemsOf(CurrentPhase).Count;
            var titles = string.Join(", ", open.Select(item => item.Title));
            var verb = open.Count == 1 ? "staat" : "staan";
            var advice = mayOverride
                ? "Vink ze af, of vul een reden in om toch naar de volgende fase te gaan."
                : "Vink ze eerst af, of vraag een programmaleider om af te wijken.";
            throw new DomainException(
                $"Nog {open.Count} van {total} punten van {PhaseNames.Label(CurrentPhase)} {verb} open: {titles}. {advice}",
                mayOverride ? nameof(PhaseTransition.Reason) : null);
        }

        return Move(CurrentPhase + 1, by, actorName, now, reason, wasOverride: open.Count > 0);
    }

    /// <summary>
    /// Moves the complex back to the previous phase (<paramref name="targetPhase"/> must be
    /// <see cref="CurrentPhase"/> − 1), with a reason. Ticks stay as they are.
    /// </summary>
    public PhaseTransition ReturnToPhase(int targetPhase, Guid by, string byName, DateTimeOffset now, string reason)
    {
        var actorName = ValidActor(by, byName);
        EnsureNotArchived();
        if (CurrentPhase == PhaseNames.First)
        {
            throw new DomainException(
                $"Het complex zit in {PhaseNames.Label(PhaseNames.First)}, de eerste fase; verder terug kan niet.",
                nameof(PhaseTransition.ToPhase));
        }

        if (targetPhase != CurrentPhase - 1)
        {
            throw new DomainException(
                $"Terug kan alleen naar de vorige fase: {PhaseNames.Label(CurrentPhase - 1)}.", nameof(PhaseTransition.ToPhase));
        }

        var validReason = Guard.RequiredText(reason, PhaseTransition.ReasonMaxLength, nameof(PhaseTransition.Reason), "De reden", multiline: true);
        return Move(targetPhase, by, actorName, now, validReason, wasOverride: false);
    }

    /// <summary>
    /// Moves the complex to <paramref name="targetPhase"/>, which must be the next phase
    /// (<see cref="AdvancePhase"/>, <paramref name="reason"/> as override reason) or the previous one
    /// (<see cref="ReturnToPhase"/>, <paramref name="reason"/> required). Skipping a phase is refused.
    /// </summary>
    public PhaseTransition TransitionTo(
        PhaseCatalogue catalogue,
        int targetPhase,
        Guid by,
        string byName,
        DateTimeOffset now,
        string? reason,
        bool mayOverride)
    {
        PhaseNames.Valid(targetPhase, nameof(PhaseTransition.ToPhase));
        if (targetPhase == CurrentPhase + 1)
        {
            return AdvancePhase(catalogue, by, byName, now, reason, mayOverride);
        }

        if (targetPhase == CurrentPhase - 1)
        {
            return ReturnToPhase(targetPhase, by, byName, now, reason ?? "");
        }

        if (targetPhase == CurrentPhase)
        {
            throw new DomainException($"Het complex zit al in {PhaseNames.Label(CurrentPhase)}.", nameof(PhaseTransition.ToPhase));
        }

        var options = new List<string>(2);
        if (CurrentPhase < PhaseNames.Last)
        {
            options.Add($"naar fase {CurrentPhase + 1}");
        }

        if (CurrentPhase > PhaseNames.First)
        {
            options.Add($"terug naar fase {CurrentPhase - 1}");
        }

        throw new DomainException(
            $"Een fase overslaan kan niet: vanuit fase {CurrentPhase} kan het complex alleen {string.Join(" of ", options)}.",
            nameof(PhaseTransition.ToPhase));
    }

    private PhaseTransition Move(int toPhase, Guid by, string byName, DateTimeOffset now, string? reason, bool wasOverride)
    {
        var transition = new PhaseTransition(TenantId, Id, CurrentPhase, toPhase, now, by, byName, reason, wasOverride);
        _phaseTransitions.Add(transition);
        CurrentPhase = toPhase;
        return transition;
    }

    /// <summary>Every rule the facts of a complex must meet, checked all at once (empty: valid). Pure; the rules are the facts' own.</summary>
    public static IReadOnlyList<DomainError> Check(ComplexFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return facts.Check();
    }

    [MemberNotNull(nameof(Name), nameof(Address), nameof(Postcode), nameof(Municipality), nameof(DwellingCount))]
    private void Apply(ComplexFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var valid = facts.Validated();
        Name = valid.Name;
        Address = valid.Address;
        Postcode = valid.Postcode;
        Municipality = valid.Municipality;
        District = valid.District;
        HousingCorporationId = facts.HousingCorporationId;
        PreferredCareProviderId = facts.PreferredCareProviderId;
        WelfarePartyId = facts.WelfarePartyId;
        DwellingCount = valid.Dwellings;
        ShareAged65Plus = valid.ShareAged65Plus;
        ZeroStepDwellings = facts.ZeroStepDwellings;
        ShareSocialRent = valid.ShareSocialRent;
        HasCommonRoom = facts.HasCommonRoom;
        CommonRoomOpenToNeighbourhood = facts.CommonRoomOpenToNeighbourhood;
        NearFacilities = facts.NearFacilities;
        HasWorkspaceForTeam = facts.HasWorkspaceForTeam;
        ClusterName = valid.ClusterName;
        Notes = valid.Notes;
    }

    private void EnsureNotArchived()
    {
        if (IsArchived)
        {
            throw new DomainException(ArchivedMessage);
        }
    }

    private void EnsureOwnCatalogue(PhaseCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        if (catalogue.Id != CatalogueId)
        {
            // A handler bug, not a user error: load the catalogue by Complex.CatalogueId.
            throw new ArgumentException(
                $"Complex {Id} uses phase catalogue {CatalogueId}, not {catalogue.Id}.", nameof(catalogue));
        }
    }

    /// <summary>Who acts comes from the signed-in user, never from a form, so a bad value is a bug.</summary>
    private static string ValidActor(Guid by, string byName)
    {
        if (by == Guid.Empty)
        {
            throw new ArgumentException("The acting user is missing.", nameof(by));
        }

        var name = byName?.Trim() ?? "";
        if (name.Length is 0 or > ByNameMaxLength)
        {
            throw new ArgumentException($"The acting user's display name must be 1 to {ByNameMaxLength} characters.", nameof(byName));
        }

        return name;
    }

    private static string? ValidEvidenceUrl(string? evidenceUrl)
    {
        var value = evidenceUrl?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (PlainText.Problem(value) is { } problem)
        {
            throw new DomainException(problem, nameof(ChecklistTick.EvidenceUrl));
        }

        if (value.Length > ChecklistTick.EvidenceUrlMaxLength)
        {
            throw new DomainException(
                $"De link mag hoogstens {ChecklistTick.EvidenceUrlMaxLength} tekens lang zijn.", nameof(ChecklistTick.EvidenceUrl));
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || string.IsNullOrEmpty(uri.Host))
        {
            throw new DomainException(
                "Vul een volledige link in die begint met https:// of http://.", nameof(ChecklistTick.EvidenceUrl));
        }

        return value;
    }
}
