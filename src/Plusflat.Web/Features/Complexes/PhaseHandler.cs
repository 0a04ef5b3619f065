using System.Text.Json.Serialization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Plusflat.Domain.Complexes;
using Plusflat.Domain.Phases;
using Plusflat.Domain.Tenancy;
using Plusflat.Infrastructure.Persistence;
using Plusflat.Web.Features.Shared;
using Plusflat.Web.Tenancy;

namespace Plusflat.Web.Features.Complexes;

public sealed class TickInput
{
    public Guid? ItemId { get; set; }

    /// <summary>The day the item was done (not when it is entered).</summary>
    public DateOnly? TickedOn { get; set; }

    [MultilineText]
    public string? Note { get; set; }

    public string? EvidenceUrl { get; set; }
}

public sealed class TickInputValidator : InputValidator<TickInput>
{
    public TickInputValidator()
    {
        RuleFor(x => x.ItemId).NotNull().WithMessage("Kies het punt dat je afvinkt.");
        RuleFor(x => x.TickedOn).NotNull().WithMessage("Vul de datum in.");
    }
}

public sealed class UntickInput
{
    public Guid? ItemId { get; set; }

    [MultilineText]
    public string? UntickReason { get; set; }
}

public sealed class UntickInputValidator : InputValidator<UntickInput>
{
    public UntickInputValidator()
    {
        RuleFor(x => x.ItemId).NotNull().WithMessage("Kies het punt dat je terugdraait.");
        RuleFor(x => x.UntickReason).NotEmpty().WithMessage("Geef een reden waarom het punt niet meer is afgevinkt.");
    }
}

/// <summary>A phase move from the form or the API: to the next phase (with an optional override reason) or back one (with a reason).</summary>
public sealed class TransitionInput
{
    public int? ToPhase { get; set; }

    [MultilineText]
    public string? Reason { get; set; }

    public uint Version { get; set; }
}

public sealed class TransitionInputValidator : InputValidator<TransitionInput>
{
    public TransitionInputValidator()
    {
        RuleFor(x => x.ToPhase).NotNull().WithMessage("Kies de fase waar het complex naartoe gaat.");
    }
}

public sealed record ChecklistItemView(
    Guid ItemId, int Phase, string Title, bool Ticked, DateOnly? TickedOn, string? TickedBy, string? Note, string? EvidenceUrl)
{
    /// <summary>Every item of the complex's catalogue, in phase and sort order, with its active tick.</summary>
    public static IReadOnlyList<ChecklistItemView> Of(Complex complex, PhaseCatalogue catalogue) =>
        catalogue.Items.OrderBy(i => i.Phase).ThenBy(i => i.SortOrder).Select(item =>
        {
            var tick = complex.ActiveTickFor(item.Id);
            return new ChecklistItemView(item.Id, item.Phase, item.Title, tick is not null, tick?.TickedOn, tick?.TickedByName, tick?.Note, tick?.EvidenceUrl);
        }).ToList();
}

/// <summary>One line of a complex's phase timeline (API): <see cref="At"/> is when it was recorded; a tick names the day it was done in <see cref="What"/>.</summary>
public sealed record TimelineEntry(DateTimeOffset At, string Who, string What, string? Reason, bool WasOverride, bool DateOnly = false);

public sealed record PhaseView(
    Guid ComplexId, string ComplexName, int CurrentPhase, uint Version, int CatalogueVersion,
    IReadOnlyList<ChecklistItemView> Items, IReadOnlyList<TimelineEntry> Timeline)
{
    [JsonIgnore] public IReadOnlyList<ChecklistItemView> CurrentItems => Items.Where(i => i.Phase == CurrentPhase).ToList();

    [JsonIgnore] public IReadOnlyList<ChecklistItemView> OpenItems => CurrentItems.Where(i => !i.Ticked).ToList();

    [JsonIgnore] public IReadOnlyList<ChecklistItemView> TickedItems => CurrentItems.Where(i => i.Ticked).ToList();
}

/// <summary>
/// The phase checklist and transitions of one complex (gestructureerde aanpak, fases 0–4). Every method demands
/// its permission first and works on a context of its own, so it is safe to call from a circuit.
/// </summary>
public sealed class PhaseHandler(
    IDbContextFactory<PlusflatDbContext> contexts, CurrentTenant tenant, TimeProvider clock,
    IValidator<TickInput> tickValidator, IValidator<UntickInput> untickValidator, IValidator<TransitionInput> transitionValidator)
{
    /// <summary>The phase, checklist and timeline as the API shows them (newest first).</summary>
    public async Task<PhaseView?> GetAsync(Guid complexId, CancellationToken ct)
    {
        tenant.Demand(Permission.ViewProgramme);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var complex = await db.Complexes.AsNoTracking()
            .Include(c => c.ChecklistTicks).Include(c => c.PhaseTransitions)
            .AsSplitQuery()
            .FirstOrDefaultAsync(c => c.Id == complexId, ct);
        if (complex is null)
        {
            return null;
        }

        var catalogue = await db.PhaseCatalogues.AsNoTracking().FirstAsync(c => c.Id == complex.CatalogueId, ct);
        // Ticks may point at items of an earlier checklist version (those that did not carry over in a move).
        var tickedItems = complex.ChecklistTicks.Select(t => t.ItemId).Distinct().ToList();
        var titles = await db.PhaseCatalogues.AsNoTracking().SelectMany(c => c.Items).Where(i => tickedItems.Contains(i.Id))
            .ToDictionaryAsync(i => i.Id, i => i.Title, ct);
        var timeline = complex.PhaseTransitions
            .Select(t => new TimelineEntry(t.At, t.ByName,
                t.ToPhase > t.FromPhase
                    ? $"Van {PhaseNames.Label(t.FromPhase)} naar {PhaseNames.Label(t.ToPhase)}"
                    : $"Terug van {PhaseNames.Label(t.FromPhase)} naar {PhaseNames.Label(t.ToPhase)}",
                t.Reason, t.WasOverride))
            .Concat(complex.ChecklistTicks.Select(t => new TimelineEntry(
                t.RecordedAt, t.TickedByName,
                $"Afgevinkt: {titles.GetValueOrDefault(t.ItemId, "?")} (gedaan op {t.TickedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)})",
                t.Note, false)))
            .Concat(complex.ChecklistTicks.Where(t => t.UntickedAt is not null).Select(t => new TimelineEntry(
                t.UntickedAt!.Value, t.UntickedByName ?? "", $"Teruggedraaid: {titles.GetValueOrDefault(t.ItemId, "?")}", t.UntickReason, false)))
            .OrderByDescending(e => e.At).ThenBy(e => e.What, StringComparer.Ordinal)
            .ToList();
        return new PhaseView(complex.Id, complex.Name, complex.CurrentPhase, complex.Version, catalogue.Version,
            ChecklistItemView.Of(complex, catalogue), timeline);
    }

    /// <summary>
    /// Midnight of a Dutch calendar day as a moment. A tick dated today must sort before what happened later today;
    /// midnight UTC would lie an hour or two in Dutch "tomorrow".
    /// </summary>
    public static DateTimeOffset StartOfDutchDay(DateOnly day)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(midnight, Dates.Local(new DateTimeOffset(midnight, TimeSpan.Zero)).Offset);
    }

    public async Task<HandlerResult> TickAsync(Guid complexId, TickInput input, CancellationToken ct)
    {
        tenant.Demand(Permission.EditProgramme);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await HandlerExecution.SaveAsync(db, tickValidator, input, async () =>
        {
            if (await LoadAsync(db, complexId, ct) is not var (complex, catalogue))
            {
                return HandlerResult.NotFound();
            }

            var actor = await Actor.CurrentAsync(db, tenant, ct);
            complex.TickItem(catalogue, input.ItemId!.Value, input.TickedOn!.Value, actor.Id, actor.Name,
                input.Note, input.EvidenceUrl, Dates.Today(clock), clock.GetUtcNow());
            return HandlerResult.Ok(complex.Id);
        }, ct);
    }

    public async Task<HandlerResult> UntickAsync(Guid complexId, UntickInput input, CancellationToken ct)
    {
        tenant.Demand(Permission.EditProgramme);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await HandlerExecution.SaveAsync(db, untickValidator, input, async () =>
        {
            if (await LoadAsync(db, complexId, ct) is not var (complex, _))
            {
                return HandlerResult.NotFound();
            }

            var actor = await Actor.CurrentAsync(db, tenant, ct);
            complex.UntickItem(input.ItemId!.Value, actor.Id, actor.Name, input.UntickReason ?? "", clock.GetUtcNow());
            return HandlerResult.Ok(complex.Id);
        }, ct);
    }

    /// <summary>
    /// Moves the complex one phase forward or back. The version the user saw must still be current:
    /// two people advancing at once would otherwise skip a phase.
    /// </summary>
    public async Task<HandlerResult> TransitionAsync(Guid complexId, TransitionInput input, CancellationToken ct)
    {
        tenant.Demand(Permission.EditProgramme);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await HandlerExecution.SaveAsync(db, transitionValidator, input, async () =>
        {
            if (await LoadAsync(db, complexId, ct) is not var (complex, catalogue))
            {
                return HandlerResult.NotFound();
            }

            // Checked before the domain rules: on a stale version "skip a phase" or "already there" would
            // be a misleading answer to "someone else moved it meanwhile".
            if (complex.Version != input.Version)
            {
                return HandlerResult.Conflict();
            }

            db.Entry(complex).Property(c => c.Version).OriginalValue = input.Version;
            var actor = await Actor.CurrentAsync(db, tenant, ct);
            var transition = complex.TransitionTo(catalogue, input.ToPhase!.Value, actor.Id, actor.Name, clock.GetUtcNow(),
                input.Reason, tenant.Can(Permission.OverridePhaseChecklist));
            db.Add(transition);
            return HandlerResult.Ok(complex.Id);
        }, ct);
    }

    private static async Task<(Complex Complex, PhaseCatalogue Catalogue)?> LoadAsync(PlusflatDbContext db, Guid complexId, CancellationToken ct)
    {
        var complex = await db.Complexes.Include(c => c.ChecklistTicks).FirstOrDefaultAsync(c => c.Id == complexId, ct);
        if (complex is null)
        {
            return null;
        }

        var catalogue = await db.PhaseCatalogues.FirstAsync(c => c.Id == complex.CatalogueId, ct);
        return (complex, catalogue);
    }
}
