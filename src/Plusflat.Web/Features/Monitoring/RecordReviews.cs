using System.Text.Json.Serialization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Plusflat.Domain.DosApplications;
using Plusflat.Domain.Monitoring;
using Plusflat.Domain.Tenancy;
using Plusflat.Infrastructure.Persistence;
using Plusflat.Web.Features.Shared;
using Plusflat.Web.Tenancy;

namespace Plusflat.Web.Features.Monitoring;

/// <summary>One action as the form and the API send it; every part is required (the domain says so at the field).</summary>
public sealed class ReviewActionInput
{
    [MultilineText]
    public string? Text { get; set; }

    public string? Owner { get; set; }

    public DateOnly? DueOn { get; set; }
}

/// <summary>A quarterly review as the form and the API send it: the quarter as <c>2027Q1</c>.</summary>
public sealed class ReviewInput
{
    public string? Quarter { get; set; }

    public DateOnly? HeldOn { get; set; }

    [MultilineText]
    public string? Participants { get; set; }

    [MultilineText]
    public string? Notes { get; set; }

    public List<ReviewActionInput> Actions { get; set; } = [];
}

public sealed class ReviewInputValidator : InputValidator<ReviewInput>
{
    public ReviewInputValidator()
    {
        RuleFor(i => i.Quarter).Must(q => Plusflat.Domain.Monitoring.Quarter.TryParse(q) is not null).WithMessage("Kies het kwartaal dat besproken is.");
    }
}

/// <summary>One drift question's answer as sent: <see cref="Observed"/> null when left open.</summary>
public sealed class DriftInput
{
    public string Key { get; set; } = "";

    public bool? Observed { get; set; }

    [MultilineText]
    public string? Explanation { get; set; }
}

/// <summary>An annual evaluation as the form and the API send it. <see cref="Judgements"/>: a comment per indicator key.</summary>
public sealed class EvaluationInput
{
    public int? Year { get; set; }

    public DateOnly? HeldOn { get; set; }

    [MultilineText]
    public string? Participants { get; set; }

    public Dictionary<string, string?> Judgements { get; set; } = new(StringComparer.Ordinal);

    public List<DriftInput> Drift { get; set; } = [];

    [JsonConverter(typeof(CamelCaseEnum<EvaluationDecision>))]
    public EvaluationDecision? Decision { get; set; }

    [MultilineText]
    public string? Reason { get; set; }

    /// <summary>Every drift question, unanswered: what a new form starts from.</summary>
    public static EvaluationInput Blank(int year) => new()
    {
        Year = year,
        Drift = [.. AnnualEvaluation.DriftItems.Select(i => new DriftInput { Key = i.Key })],
    };
}

public sealed class EvaluationInputValidator : InputValidator<EvaluationInput>
{
    public EvaluationInputValidator()
    {
        RuleFor(i => i.Year).NotNull().WithMessage("Vul het jaar in dat geëvalueerd is.");
    }
}

/// <summary>
/// A lead or admin records a complex's quarterly review, or its annual evaluation. A second review of a quarter, a second
/// evaluation of a year, and ending a label that has already ended are conflicts (409); every other refusal is at its
/// field. An evaluation deciding "end the label" ends every running label of the complex in the same transaction (the
/// application rows locked first), so the evaluation and the end are saved together or not at all.
/// </summary>
public sealed class RecordReviewHandler(IDbContextFactory<PlusflatDbContext> contexts, CurrentTenant tenant, TimeProvider clock)
{
    public async Task<HandlerResult> RecordReviewAsync(Guid complexId, ReviewInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        tenant.Demand(Permission.EditProgramme);
        await using var db = await contexts.CreateDbContextAsync(ct);
        try
        {
            return await HandlerExecution.SaveAsync(db, new ReviewInputValidator(), input, async () =>
            {
                if (!await db.Complexes.AnyAsync(c => c.Id == complexId, ct))
                {
                    return HandlerResult.NotFound();
                }

                var quarter = Quarter.TryParse(input.Quarter)!.Value;
                var baseline = await db.MonitoringBaselines.AsNoTracking().FirstOrDefaultAsync(b => b.ComplexId == complexId, ct);
                var reviewed = await db.QuarterlyReviews.Where(r => r.ComplexId == complexId).Select(r => r.Quarter).ToListAsync(ct);
                var actor = await Actor.CurrentAsync(db, tenant, ct);
                var review = new QuarterlyReview(tenant.Id, complexId, baseline, quarter, input.HeldOn, input.Participants, input.Notes,
                    [.. input.Actions.Select(a => new ReviewActionDraft(a.Text, a.Owner, a.DueOn))], reviewed, Dates.Today(clock), actor.Name, clock.GetUtcNow());
                db.QuarterlyReviews.Add(review);
                return HandlerResult.Ok(review.Id);
            }, ct);
        }
        catch (ReviewAlreadyRecordedException ex)
        {
            return new HandlerResult([new FieldError(nameof(ReviewInput.Quarter), ex.Message)], ResultKind.Conflict);
        }
    }

    public async Task<HandlerResult> RecordEvaluationAsync(Guid complexId, EvaluationInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        tenant.Demand(Permission.EditProgramme);
        await using var db = await contexts.CreateDbContextAsync(ct);
        try
        {
            return await HandlerExecution.SaveAsync(db, new EvaluationInputValidator(), input, async () =>
            {
                if (!await db.Complexes.AnyAsync(c => c.Id == complexId, ct))
                {
                    return HandlerResult.NotFound();
                }

                var now = clock.GetUtcNow();
                var catalogue = await MonitoringAccess.ReadCatalogueAsync(db, tenant.Id, now, ct);
                var baseline = await db.MonitoringBaselines.AsNoTracking().FirstOrDefaultAsync(b => b.ComplexId == complexId, ct);
                var years = await db.AnnualEvaluations.Where(e => e.ComplexId == complexId).Select(e => e.Year).ToListAsync(ct);
                var actor = await Actor.CurrentAsync(db, tenant, ct);
                var evaluation = new AnnualEvaluation(tenant.Id, complexId, baseline, catalogue, input.Year!.Value, input.HeldOn, input.Participants,
                    [.. input.Judgements.Where(j => !string.IsNullOrWhiteSpace(j.Value)).Select(j => new IndicatorJudgement(j.Key, j.Value!))],
                    [.. input.Drift.Select(d => new DriftAnswerDraft(d.Key, d.Observed, d.Explanation))],
                    input.Decision, input.Reason, years, Dates.Today(clock), actor.Name, now);
                db.AnnualEvaluations.Add(evaluation);
                if (evaluation.Decision != EvaluationDecision.EndLabel)
                {
                    return HandlerResult.Ok(evaluation.Id);
                }

                // The granted applications of this complex, locked: two evaluations ending the same label queue here.
                await db.Database.ExecuteSqlAsync(
                    $"SELECT 1 FROM dos_applications WHERE tenant_id = {tenant.Id} AND complex_id = {complexId} AND status = 'Granted' FOR UPDATE", ct);
                var granted = await db.DosApplications
                    .Where(a => a.TenantId == tenant.Id && a.ComplexId == complexId && a.Status == DosApplicationStatus.Granted).ToListAsync(ct);
                if (granted.Count == 0)
                {
                    return HandlerResult.Invalid(new FieldError(nameof(EvaluationInput.Decision), "Dit wooncomplex heeft geen toegekend label om te beëindigen."));
                }

                var running = granted.Where(a => a.LabelEndedOn is null).ToList();
                if (running.Count == 0)
                {
                    throw new DosLabelAlreadyEndedException(granted.Max(a => a.LabelEndedOn!.Value));
                }

                foreach (var application in running)
                {
                    db.DosApplicationEvents.Add(application.EndLabel(evaluation, tenant.Id, actor.Name, now));
                }

                return HandlerResult.Ok(evaluation.Id);
            }, ct);
        }
        catch (EvaluationAlreadyRecordedException ex)
        {
            return new HandlerResult([new FieldError(nameof(EvaluationInput.Year), ex.Message)], ResultKind.Conflict);
        }
        catch (DosLabelAlreadyEndedException ex)
        {
            return new HandlerResult([new FieldError(nameof(EvaluationInput.Decision), ex.Message)], ResultKind.Conflict);
        }
    }
}
