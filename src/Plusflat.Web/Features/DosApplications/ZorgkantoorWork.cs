using Microsoft.EntityFrameworkCore;
using Plusflat.Domain.Common;
using Plusflat.Domain.DosApplications;
using Plusflat.Domain.Tenancy;
using Plusflat.Infrastructure.Persistence;
using Plusflat.Web.Features.Shared;
using Plusflat.Web.Tenancy;

namespace Plusflat.Web.Features.DosApplications;

public sealed class DosAssessmentInput
{
    public int? CatalogueVersion { get; set; }

    public List<CriterionScore> Scores { get; set; } = [];

    [MultilineText]
    public string? Comments { get; set; }

    public uint? Version { get; set; }
}

/// <summary>The zorgkantoor scores an application against the national criteria (its own data; the programme never sees it).</summary>
public sealed class SaveDosAssessmentHandler(IDbContextFactory<PlusflatDbContext> contexts, CurrentTenant tenant, TimeProvider clock)
{
    public async Task<HandlerResult> SaveAsync(Guid applicationId, DosAssessmentInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        tenant.Demand(Permission.AssessApplications);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await HandlerExecution.SaveAsync(db, async () =>
        {
            if (PlainText.Problem(input.Comments, multiline: true) is { } problem)
            {
                return HandlerResult.Invalid(new FieldError(nameof(input.Comments), problem));
            }

            var application = await db.DosApplications.AsNoTracking().FirstOrDefaultAsync(a => a.Id == applicationId && a.ZorgkantoorTenantId == tenant.Id, ct);
            if (application is null)
            {
                return HandlerResult.NotFound();
            }

            if (DosTransitions.IsFinal(application.Status))
            {
                return new HandlerResult([new FieldError(null, "Deze aanvraag is al afgehandeld: de beoordeling ligt vast.")], ResultKind.Conflict);
            }

            var catalogue = input.CatalogueVersion is { } v ? DosCriteriaCatalogue.OfVersion(v) : DosCriteriaCatalogue.Current(Dates.Today(clock));
            var actor = await Actor.CurrentAsync(db, tenant, ct);
            var stored = await db.DosAssessments.FirstOrDefaultAsync(a => a.ApplicationId == applicationId, ct);
            if (stored is null)
            {
                if (input.Version is not null)
                {
                    return HandlerResult.Conflict();
                }

                db.DosAssessments.Add(new DosAssessment(tenant.Id, applicationId, catalogue, input.Scores, input.Comments, actor.Name, clock.GetUtcNow()));
            }
            else
            {
                if (input.Version != stored.Version)
                {
                    return HandlerResult.Conflict();
                }

                stored.Save(catalogue, input.Scores, input.Comments, actor.Name, clock.GetUtcNow());
            }

            return HandlerResult.Ok(applicationId);
        }, ct);
    }
}

/// <summary>
/// The zorgkantoor decides: grant, reject or ask for more information. The application row is locked first, so two assessors
/// cannot both decide it (the second finds it decided: 409). A grant also locks every budget row of the zorgkantoor, so two grants
/// at once are checked one after the other against what is committed; the loser hears which year is short. Nothing is half-saved.
/// </summary>
public sealed class DecideDosApplicationHandler(IDbContextFactory<PlusflatDbContext> contexts, CurrentTenant tenant, TimeProvider clock, IConfiguration configuration)
{
    public async Task<HandlerResult> DecideAsync(Guid applicationId, DosDecisionInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        tenant.Demand(Permission.AssessApplications);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var settings = DosOptions.From(configuration);
        try
        {
            return await HandlerExecution.SaveAsync(db, new DosDecisionInputValidator(), input, async () =>
            {
                await db.Database.ExecuteSqlAsync($"SELECT 1 FROM dos_applications WHERE id = {applicationId} FOR UPDATE", ct);
                var application = await db.DosApplications.FirstOrDefaultAsync(a => a.Id == applicationId && a.ZorgkantoorTenantId == tenant.Id, ct);
                if (application is null)
                {
                    return HandlerResult.NotFound();
                }

                var actor = await Actor.CurrentAsync(db, tenant, ct);
                var now = clock.GetUtcNow();
                var today = Dates.Today(clock);
                switch (input.Outcome)
                {
                    case "moreInformation":
                        db.DosApplicationEvents.Add(application.AskForInformation(input.Reasons, tenant.Id, actor.Name, now));
                        return HandlerResult.Ok(applicationId);
                    case "reject":
                        db.DosApplicationEvents.Add(application.Reject(input.Reasons, input.DecidedOn ?? today, settings, tenant.Id, actor.Name, now));
                        return HandlerResult.Ok(applicationId);
                }

                if (DosTransitions.IsFinal(application.Status))
                {
                    throw new DosAlreadyDecidedException(application.Status);
                }

                // Every budget row of this zorgkantoor, in one order: concurrent grants queue here and each sees the ones before it.
                await db.Database.ExecuteSqlAsync($"SELECT 1 FROM dos_budgets WHERE tenant_id = {tenant.Id} ORDER BY year FOR UPDATE", ct);
                var amounts = input.Amounts.Select(a => new YearAmount(a.Year, a.Amount ?? 0m)).ToList();
                if (amounts.Count == 0)
                {
                    amounts = [.. application.Details.Requested];
                }

                var assessment = await db.DosAssessments.AsNoTracking().FirstOrDefaultAsync(a => a.ApplicationId == applicationId, ct);
                var scoring = assessment?.Scoring ?? DosScoring.Evaluate(DosCriteriaCatalogue.Current(today), []);
                var decidedOn = input.DecidedOn ?? today;
                var effectiveOn = input.EffectiveOn ?? new DateOnly(Math.Max(application.Details.FirstYear, decidedOn.Year), 1, 1);
                if (effectiveOn < decidedOn)
                {
                    effectiveOn = input.EffectiveOn ?? decidedOn;
                }

                var reviewOn = input.ReviewOn ?? effectiveOn.AddYears(1);
                var labels = await db.DosLabels.AsNoTracking().Select(l => l.Amounts).ToListAsync(ct);
                var number = DosLabel.NumberFor(decidedOn.Year, labels.Count + 1);
                var terms = new DosGrantTerms(amounts, decidedOn, effectiveOn, reviewOn, input.Reasons ?? "", number);
                var entry = application.Grant(terms, scoring, settings, tenant.Id, actor.Name, now);

                var positions = await DosBudgetHandler.PositionsAsync(db, amounts.Min(a => a.Year), amounts.Max(a => a.Year), ct);
                if (BudgetPosition.Check(positions, application.Decision!.Amounts) is { Count: > 0 } shortfall)
                {
                    return new HandlerResult([.. shortfall.Select(e => new FieldError(null, e.Message + " Een andere toekenning ging net voor; er is niets vastgelegd."))], ResultKind.Conflict);
                }

                db.DosApplicationEvents.Add(entry);
                db.DosLabels.Add(new DosLabel(tenant.Id, application, application.Decision!));
                return HandlerResult.Ok(applicationId);
            }, ct);
        }
        catch (DosAlreadyDecidedException ex)
        {
            return new HandlerResult([new FieldError(null, ex.Message)], ResultKind.Conflict);
        }
    }
}

public sealed record DosLabelRow(Guid ApplicationId, string Number, string ComplexName, string ProgrammeName, string Municipality, int FirstYear, int LastYear,
    IReadOnlyList<YearAmount> Amounts, DateOnly GrantedOn, DateOnly EffectiveOn, DateOnly ReviewOn)
{
    public decimal Total => Amounts.Sum(a => a.Amount);
}

/// <summary>The zorgkantoor's DOS budget per year (total set by hand; committed computed from the labels) and its label register.</summary>
public sealed class DosBudgetHandler(IDbContextFactory<PlusflatDbContext> contexts, CurrentTenant tenant, TimeProvider clock)
{
    public async Task<IReadOnlyList<BudgetPosition>> ListAsync(CancellationToken ct)
    {
        tenant.Demand(Permission.ViewReceivedApplications);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var years = await db.DosBudgets.AsNoTracking().Select(b => b.Year).ToListAsync(ct);
        return years.Count == 0 ? [] : await PositionsAsync(db, years.Min(), years.Max(), ct);
    }

    public async Task<(BudgetPosition Position, uint? Version)> GetAsync(int year, CancellationToken ct)
    {
        tenant.Demand(Permission.ViewReceivedApplications);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var budget = await db.DosBudgets.AsNoTracking().FirstOrDefaultAsync(b => b.Year == year, ct);
        var position = (await PositionsAsync(db, year, year, ct)).FirstOrDefault() ?? new BudgetPosition(year, 0m, 0m);
        return (position, budget?.Version);
    }

    public async Task<HandlerResult> SetAsync(int year, decimal? total, uint? version, CancellationToken ct)
    {
        tenant.Demand(Permission.AssessApplications);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await HandlerExecution.SaveAsync(db, async () =>
        {
            if (total is null)
            {
                return HandlerResult.Invalid(new FieldError("Total", "Vul het budget in."));
            }

            await db.Database.ExecuteSqlAsync($"SELECT 1 FROM dos_budgets WHERE tenant_id = {tenant.Id} ORDER BY year FOR UPDATE", ct);
            var committed = Committed(await db.DosLabels.AsNoTracking().Select(l => l.Amounts).ToListAsync(ct), year);
            var budget = await db.DosBudgets.FirstOrDefaultAsync(b => b.Year == year, ct);
            if (budget is null)
            {
                db.DosBudgets.Add(new DosBudget(tenant.Id, year, total.Value, clock.GetUtcNow()));
            }
            else
            {
                if (version is { } seen && seen != budget.Version)
                {
                    return HandlerResult.Conflict();
                }

                budget.SetTotal(total.Value, committed, clock.GetUtcNow());
            }

            return HandlerResult.Ok();
        }, ct);
    }

    public async Task<IReadOnlyList<DosLabelRow>> LabelsAsync(CancellationToken ct)
    {
        tenant.Demand(Permission.ViewReceivedApplications);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.DosLabels.AsNoTracking().OrderBy(l => l.Number)
            .Select(l => new DosLabelRow(l.ApplicationId, l.Number, l.ComplexName, l.ProgrammeName, l.Municipality, l.FirstYear, l.LastYear, l.Amounts, l.GrantedOn, l.EffectiveOn, l.ReviewOn))
            .ToListAsync(ct);
    }

    /// <summary>Budget positions for the years from..to of the current zorgkantoor (years without a budget row are left out).</summary>
    internal static async Task<IReadOnlyList<BudgetPosition>> PositionsAsync(PlusflatDbContext db, int from, int to, CancellationToken ct)
    {
        var budgets = await db.DosBudgets.AsNoTracking().Where(b => b.Year >= from && b.Year <= to).OrderBy(b => b.Year).ToListAsync(ct);
        var committed = BudgetPosition.CommittedPerYear(await db.DosLabels.AsNoTracking().Select(l => l.Amounts).ToListAsync(ct));
        return [.. budgets.Select(b => new BudgetPosition(b.Year, b.Total, committed.GetValueOrDefault(b.Year)))];
    }

    private static decimal Committed(IEnumerable<IReadOnlyList<YearAmount>> labels, int year) => BudgetPosition.CommittedPerYear(labels).GetValueOrDefault(year);
}

public sealed record DosNotification(Guid ApplicationId, DateTimeOffset At, DosEventKind Kind, string ComplexName, string By, string? Text);

/// <summary>
/// In-portal notifications: the history entries of the last 30 days that the OTHER side wrote (for the programme: questions and
/// decisions; for the zorgkantoor: submissions, answers and withdrawals). Derived from the append-only history, nothing stored.
/// </summary>
public sealed class DosNotificationsHandler(IDbContextFactory<PlusflatDbContext> contexts, CurrentTenant tenant, TimeProvider clock)
{
    public async Task<IReadOnlyList<DosNotification>> ListAsync(CancellationToken ct)
    {
        var receiving = tenant.Kind == TenantKind.Zorgkantoor;
        if (!tenant.Can(receiving ? Permission.ViewReceivedApplications : Permission.ViewProgramme))
        {
            return [];
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var since = clock.GetUtcNow().AddDays(-30);
        var events = await db.DosApplicationEvents.AsNoTracking()
            .Where(e => e.At >= since && e.ActorTenantId != tenant.Id && e.Kind != DosEventKind.Created)
            .Where(e => receiving ? e.ZorgkantoorTenantId == tenant.Id : e.TenantId == tenant.Id)
            .OrderByDescending(e => e.At).Take(20).ToListAsync(ct);
        var ids = events.Select(e => e.ApplicationId).Distinct().ToList();
        var names = await db.DosApplications.AsNoTracking().Where(a => ids.Contains(a.Id)).Select(a => new { a.Id, a.Snapshot }).ToListAsync(ct);
        var byId = names.ToDictionary(n => n.Id, n => n.Snapshot.Complex.Name);
        return [.. events.Select(e => new DosNotification(e.ApplicationId, e.At, e.Kind, byId.GetValueOrDefault(e.ApplicationId, ""), e.ActorName, e.Text))];
    }
}
