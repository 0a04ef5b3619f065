using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Plusflat.Domain.Complexes;
using Plusflat.Domain.Phases;
using Plusflat.Domain.Tenancy;
using Plusflat.Infrastructure.Persistence;
using Plusflat.Web.Tenancy;

namespace Plusflat.Web.Features.Complexes;

/// <summary>
/// Everything the complex detail page shows, read in one go: facts, the partners' names, the phase with its
/// checklist, the phase table and the timeline (newest first). Plain values only, so the prerender can hand it
/// to the circuit (<c>[PersistentState]</c>) and the database is read once per page load.
/// </summary>
public sealed record ComplexDetails(
    Guid Id,
    string Name,
    uint Version,
    ComplexFactsView Facts,
    PartnerNames Partners,
    int CurrentPhase,
    int CatalogueVersion,
    IReadOnlyList<ChecklistItemView> Items,
    IReadOnlyList<PhaseRow> Phases,
    IReadOnlyList<TimelineItem> Timeline,
    ArchiveView? Archive = null,
    int? NewerCatalogueVersion = null)
{
    [JsonIgnore] public bool IsArchived => Archive is not null;

    [JsonIgnore] public IReadOnlyList<ChecklistItemView> CurrentItems => Items.Where(i => i.Phase == CurrentPhase).ToList();

    [JsonIgnore] public IReadOnlyList<ChecklistItemView> OpenItems => CurrentItems.Where(i => !i.Ticked).ToList();

    [JsonIgnore] public IReadOnlyList<ChecklistItemView> TickedItems => CurrentItems.Where(i => i.Ticked).ToList();
}

public sealed record ComplexFactsView(
    string Address, string Postcode, string Municipality, string? District, int DwellingCount,
    decimal? ShareAged65Plus, int? ZeroStepDwellings, decimal? ShareSocialRent,
    bool HasCommonRoom, bool CommonRoomOpenToNeighbourhood, bool NearFacilities, bool HasWorkspaceForTeam,
    string? ClusterName, string? Notes);

/// <summary>The linked organisations by name; null where none is chosen.</summary>
public sealed record PartnerNames(string? HousingCorporation, string? PreferredCareProvider, string? WelfareParty);

public enum PhaseStatus
{
    NotStarted,
    Current,
    Completed,

    /// <summary>Left with open items by a programme lead's override: never shown as completed.</summary>
    SkippedWithReason,
}

/// <summary>One row of the phase table; <see cref="OverrideReason"/> is the lead's reason when the phase was passed by override.</summary>
public sealed record PhaseRow(int Phase, int Ticked, int Total, PhaseStatus Status, string? OverrideReason);

public enum TimelineKind
{
    Ticked,
    Unticked,
    Advanced,
    Returned,
    Created,
    FactChanged,
    Archived,
    Restored,
    ChecklistVersionChanged,
}

/// <summary>Since when and why the complex is archived, and by whom.</summary>
public sealed record ArchiveView(DateTimeOffset At, string By, string Reason);

/// <summary>
/// One line of the timeline as plain values; the page words it in the user's language. <see cref="At"/> is the moment
/// it was recorded (for a tick: when it was entered; <see cref="Day"/> is the day the item was done, as the user said).
/// A fact change has its <see cref="Field"/> and the old and new value as invariant text, except that a partner's value
/// is already the organisation's name. <see cref="Sequence"/> orders the lines of one save.
/// </summary>
public sealed record TimelineItem(
    DateTimeOffset At, DateOnly? Day, string Who, TimelineKind Kind, string? ItemTitle, int? FromPhase, int? ToPhase, string? Reason, bool WasOverride,
    string? Field = null, string? OldValue = null, string? NewValue = null, int Sequence = 0)
{
    /// <summary>
    /// Newest first, every kind in one order: by the recorded moment, the lines of one save in the order the save made
    /// them (the form's field order), then by kind so equal moments never swap between two reads.
    /// </summary>
    public static IReadOnlyList<TimelineItem> Ordered(IEnumerable<TimelineItem> items) =>
        [.. items.OrderByDescending(i => i.At).ThenBy(i => i.Sequence).ThenBy(i => i.Kind).ThenBy(i => i.Field, StringComparer.Ordinal)];
}

/// <summary>The complex fields whose history value is an organisation id, shown as the organisation's name.</summary>
public static class PartnerFields
{
    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        nameof(Domain.Complexes.ComplexFacts.HousingCorporationId),
        nameof(Domain.Complexes.ComplexFacts.PreferredCareProviderId),
        nameof(Domain.Complexes.ComplexFacts.WelfarePartyId),
    };
}

/// <summary>Reads <see cref="ComplexDetails"/> for the current tenant (another tenant's complex reads as not found).</summary>
public sealed class ComplexDetailsHandler(IDbContextFactory<PlusflatDbContext> contexts, CurrentTenant tenant)
{
    public async Task<ComplexDetails?> GetAsync(Guid id, CancellationToken ct)
    {
        tenant.Demand(Permission.ViewProgramme);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var complex = await db.Complexes.AsNoTracking()
            .Include(c => c.ChecklistTicks).Include(c => c.PhaseTransitions).Include(c => c.History)
            .AsSplitQuery()
            .FirstOrDefaultAsync(c => c.Id == id, ct);
        if (complex is null)
        {
            return null;
        }

        var catalogue = await db.PhaseCatalogues.AsNoTracking().FirstAsync(c => c.Id == complex.CatalogueId, ct);
        var historyPartners = complex.History.Where(h => h.Field is { } field && PartnerFields.All.Contains(field))
            .SelectMany(h => new[] { h.OldValue, h.NewValue })
            .Select(v => Guid.TryParse(v, out var partner) ? partner : (Guid?)null);
        var partnerIds = new[] { complex.HousingCorporationId, complex.PreferredCareProviderId, complex.WelfarePartyId }.Concat(historyPartners)
            .Where(p => p is not null).Select(p => p!.Value).Distinct().ToList();
        var names = partnerIds.Count == 0
            ? []
            : await db.Organisations.AsNoTracking().Where(o => partnerIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        string? NameOf(Guid? partner) => partner is { } key ? names.GetValueOrDefault(key) : null;

        var facts = complex.ToFacts();
        var items = ChecklistItemView.Of(complex, catalogue);
        // Ticks may point at items of an earlier checklist version (those that did not carry over in a move).
        var tickedItems = complex.ChecklistTicks.Select(t => t.ItemId).Distinct().ToList();
        var titles = await db.PhaseCatalogues.AsNoTracking().SelectMany(c => c.Items).Where(i => tickedItems.Contains(i.Id))
            .ToDictionaryAsync(i => i.Id, i => i.Title, ct);

        var phases = PhaseNames.Numbers.Select(phase =>
        {
            var ofPhase = items.Where(i => i.Phase == phase).ToList();
            // The latest move out of this phase decides how it was left (it may have been re-entered and left again).
            var left = complex.PhaseTransitions.Where(t => t.FromPhase == phase && t.ToPhase == phase + 1).MaxBy(t => t.At);
            var status = phase == complex.CurrentPhase ? PhaseStatus.Current
                : phase > complex.CurrentPhase ? PhaseStatus.NotStarted
                : left?.WasOverride == true ? PhaseStatus.SkippedWithReason
                : PhaseStatus.Completed;
            return new PhaseRow(phase, ofPhase.Count(i => i.Ticked), ofPhase.Count, status,
                status == PhaseStatus.SkippedWithReason ? left!.Reason : null);
        }).ToList();

        string? ValueOf(string? field, string? value) =>
            field is not null && PartnerFields.All.Contains(field) && Guid.TryParse(value, out var partner) ? NameOf(partner) ?? value : value;
        var timeline = TimelineItem.Ordered(complex.PhaseTransitions
            .Select(t => new TimelineItem(t.At, null, t.ByName, t.IsReturn ? TimelineKind.Returned : TimelineKind.Advanced,
                null, t.FromPhase, t.ToPhase, t.Reason, t.WasOverride))
            .Concat(complex.ChecklistTicks.Select(t => new TimelineItem(
                t.RecordedAt, t.TickedOn, t.TickedByName, TimelineKind.Ticked,
                titles.GetValueOrDefault(t.ItemId), t.Phase, null, t.Note, false)))
            .Concat(complex.ChecklistTicks.Where(t => t.UntickedAt is not null).Select(t => new TimelineItem(
                t.UntickedAt!.Value, null, t.UntickedByName ?? "", TimelineKind.Unticked,
                titles.GetValueOrDefault(t.ItemId), t.Phase, null, t.UntickReason, false)))
            .Concat(complex.History.Select(h => new TimelineItem(
                h.At, null, h.ByName, KindOf(h.Kind), null, null, null, h.Note, false,
                h.Field, ValueOf(h.Field, h.OldValue), ValueOf(h.Field, h.NewValue), h.Sequence))));
        var latestVersion = await db.PhaseCatalogues.AsNoTracking().MaxAsync(c => (int?)c.Version, ct);

        return new ComplexDetails(
            complex.Id, complex.Name, complex.Version,
            new ComplexFactsView(facts.Address, facts.Postcode, facts.Municipality, facts.District, facts.DwellingCount,
                facts.ShareAged65Plus, facts.ZeroStepDwellings, facts.ShareSocialRent, facts.HasCommonRoom,
                facts.CommonRoomOpenToNeighbourhood, facts.NearFacilities, facts.HasWorkspaceForTeam, facts.ClusterName, facts.Notes),
            new PartnerNames(NameOf(facts.HousingCorporationId), NameOf(facts.PreferredCareProviderId), NameOf(facts.WelfarePartyId)),
            complex.CurrentPhase, catalogue.Version, items, phases, timeline,
            complex.ArchivedAt is { } archivedAt ? new ArchiveView(archivedAt, complex.ArchivedByName ?? "", complex.ArchiveReason ?? "") : null,
            latestVersion > catalogue.Version ? latestVersion : null);
    }

    private static TimelineKind KindOf(ComplexHistoryKind kind) => kind switch
    {
        ComplexHistoryKind.Created => TimelineKind.Created,
        ComplexHistoryKind.FactChanged => TimelineKind.FactChanged,
        ComplexHistoryKind.Archived => TimelineKind.Archived,
        ComplexHistoryKind.Restored => TimelineKind.Restored,
        ComplexHistoryKind.ChecklistVersionChanged => TimelineKind.ChecklistVersionChanged,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "A history kind the timeline does not know."),
    };
}
