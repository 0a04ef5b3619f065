using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Plusflat.Domain.Common;
using Plusflat.Domain.DosApplications;
using Plusflat.Domain.Tenancy;
using Plusflat.Infrastructure.Persistence;
using Plusflat.Web.Features.Shared;
using Plusflat.Web.Tenancy;

namespace Plusflat.Web.Features.DosApplications;

/// <summary>Reads applications for either side: the query filter and row-level security decide what the tenant sees.</summary>
public sealed class GetDosApplicationsHandler(IDbContextFactory<PlusflatDbContext> contexts, CurrentTenant tenant, TimeProvider clock, IConfiguration configuration)
{
    public async Task<IReadOnlyList<ZorgkantoorOption>> ZorgkantorenAsync(CancellationToken ct)
    {
        // The zorgkantoren an application can be addressed to: only for those who may prepare one.
        tenant.Demand(Permission.SubmitApplications);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Tenants.AsNoTracking().Where(t => t.Kind == TenantKind.Zorgkantoor).OrderBy(t => t.Name)
            .Select(t => new ZorgkantoorOption(t.Id, t.Slug, t.Name)).ToListAsync(ct);
    }

    /// <summary>The programme's own applications, or (in a zorgkantoor) the ones received, filtered.</summary>
    public async Task<IReadOnlyList<DosListItem>> ListAsync(DosApplicationStatus? status, string? programme, string? municipality, Guid? complexId, CancellationToken ct)
    {
        var receiving = tenant.Kind == TenantKind.Zorgkantoor;
        tenant.Demand(receiving ? Permission.ViewReceivedApplications : Permission.ViewProgramme);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var query = db.DosApplications.AsNoTracking();
        query = receiving ? query.Where(a => a.ZorgkantoorTenantId == tenant.Id) : query.Where(a => a.TenantId == tenant.Id);
        if (status is { } s)
        {
            query = query.Where(a => a.Status == s);
        }

        if (complexId is { } c)
        {
            query = query.Where(a => a.ComplexId == c);
        }

        var rows = await query.OrderByDescending(a => a.UpdatedAt).ToListAsync(ct);
        var names = await TenantNamesAsync(db, rows.Select(r => r.ZorgkantoorTenantId), ct);
        var settings = DosOptions.From(configuration);
        var today = Dates.Today(clock);
        return [.. rows
            .Where(a => string.IsNullOrWhiteSpace(programme) || a.ProgrammeName.Contains(programme.Trim(), StringComparison.OrdinalIgnoreCase))
            .Where(a => string.IsNullOrWhiteSpace(municipality) || a.Snapshot.Complex.Municipality.Contains(municipality.Trim(), StringComparison.OrdinalIgnoreCase))
            .Select(a => new DosListItem(a.Id, a.ComplexId, a.Snapshot.Complex.Name, a.Snapshot.Complex.Municipality, a.ProgrammeName,
                names.GetValueOrDefault(a.ZorgkantoorTenantId, ""), a.Status, a.Details.FirstYear, a.Details.LastYear, a.Details.RequestedTotal, a.SubmittedAt,
                a.SubmittedAt is { } at ? DosDeadlines.DaysSinceReceipt(DateOnly.FromDateTime(Dates.Local(at).DateTime), today) : null,
                DosDeadlines.Next(a.Status, a.CompleteOn, a.QuestionAskedOn, settings, today), a.UpdatedAt))];
    }

    public async Task<DosApplicationView?> GetAsync(Guid id, CancellationToken ct)
    {
        var receiving = tenant.Kind == TenantKind.Zorgkantoor;
        tenant.Demand(receiving ? Permission.ViewReceivedApplications : Permission.ViewProgramme);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var application = await db.DosApplications.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (application is null || (receiving ? application.ZorgkantoorTenantId != tenant.Id : application.TenantId != tenant.Id))
        {
            return null;
        }

        var events = await db.DosApplicationEvents.AsNoTracking().Where(e => e.ApplicationId == id).OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync(ct);
        var names = await TenantNamesAsync(db, [application.ZorgkantoorTenantId], ct);
        DosAssessmentView? assessment = null;
        IReadOnlyList<BudgetPosition> budgets = [];
        if (receiving)
        {
            var stored = await db.DosAssessments.AsNoTracking().FirstOrDefaultAsync(a => a.ApplicationId == id, ct);
            var catalogue = stored is null ? DosCriteriaCatalogue.Current(Dates.Today(clock)) : DosCriteriaCatalogue.OfVersion(stored.CatalogueVersion);
            assessment = new DosAssessmentView(catalogue.Version, stored?.Scores ?? [], stored?.Comments, DosScoring.Evaluate(catalogue, stored?.Scores ?? []),
                stored?.Version, stored?.UpdatedBy, stored?.UpdatedAt);
            budgets = await DosBudgetHandler.PositionsAsync(db, application.Details.FirstYear, application.Details.LastYear, ct);
        }

        var unmet = application.Status is DosApplicationStatus.Draft or DosApplicationStatus.MoreInformationRequested ? application.UnmetConditions() : [];
        return new DosApplicationView(application.Id, application.ComplexId, application.ZorgkantoorTenantId, names.GetValueOrDefault(application.ZorgkantoorTenantId, ""),
            application.ProgrammeName, application.Status, application.Details, application.Snapshot, application.CreatedAt, application.SubmittedAt,
            application.CompleteOn, application.OpenQuestion, application.QuestionAskedOn, application.Decision,
            DosDeadlines.Next(application.Status, application.CompleteOn, application.QuestionAskedOn, DosOptions.From(configuration), Dates.Today(clock)),
            [.. unmet.Select(e => e.Message)], unmet,
            [.. events.Select(e => new DosTimelineEntry(e.At, e.Kind, e.FromStatus, e.ToStatus, e.ActorName, e.ActorTenantId == e.ZorgkantoorTenantId, e.Text, e.Snapshot is not null))],
            application.Version, assessment, budgets);
    }

    internal static async Task<Dictionary<Guid, string>> TenantNamesAsync(PlusflatDbContext db, IEnumerable<Guid> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        return await db.Tenants.AsNoTracking().Where(t => wanted.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Name, ct);
    }
}

/// <summary>The programme creates, revises, submits, answers and withdraws its applications.</summary>
public sealed class SaveDosApplicationHandler(
    IDbContextFactory<PlusflatDbContext> contexts, CurrentTenant tenant, TimeProvider clock, IValidator<DosApplicationInput> validator, Standard.GetStandardHandler standard)
{
    public async Task<HandlerResult> CreateAsync(DosApplicationInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        tenant.Demand(Permission.SubmitApplications);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await HandlerExecution.SaveAsync(db, validator, input, async () =>
        {
            if (await ZorgkantoorErrorAsync(db, input.ZorgkantoorTenantId!.Value, ct) is { } wrong)
            {
                return wrong;
            }

            var details = input.ToDetails();
            var snapshot = await DosSnapshots.TakeAsync(db, input.ComplexId!.Value, input.BusinessCaseVersion, clock, standard, ct);
            if (snapshot is null)
            {
                return HandlerResult.Invalid(new FieldError(nameof(DosApplicationInput.ComplexId), "Dit complex bestaat niet in dit programma."));
            }

            if (BusinessCaseVersionError(input, snapshot) is { } missing)
            {
                return missing;
            }

            var actor = await Actor.CurrentAsync(db, tenant, ct);
            var application = new DosApplication(tenant.Id, input.ZorgkantoorTenantId!.Value, tenant.Name, input.ComplexId!.Value, details, snapshot, actor.Name, clock.GetUtcNow());
            db.DosApplications.Add(application);
            db.DosApplicationEvents.Add(DosApplicationEvent.Created(application, tenant.Id, actor.Name, clock.GetUtcNow()));
            return HandlerResult.Ok(application.Id);
        }, ct);
    }

    /// <summary>Changes a draft (or one with an open question) and takes fresh snapshots.</summary>
    public async Task<HandlerResult> ReviseAsync(Guid id, DosApplicationInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        tenant.Demand(Permission.SubmitApplications);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await HandlerExecution.SaveAsync(db, validator, input, async () =>
        {
            var application = await OwnAsync(db, id, ct);
            if (application is null)
            {
                return HandlerResult.NotFound();
            }

            if (input.Version is { } seen && seen != application.Version)
            {
                return HandlerResult.Conflict();
            }

            if (await ZorgkantoorErrorAsync(db, input.ZorgkantoorTenantId!.Value, ct) is { } wrong)
            {
                return wrong;
            }

            var details = input.ToDetails();
            var snapshot = (await DosSnapshots.TakeAsync(db, application.ComplexId, input.BusinessCaseVersion, clock, standard, ct))!;
            if (BusinessCaseVersionError(input, snapshot) is { } missing)
            {
                return missing;
            }

            var actor = await Actor.CurrentAsync(db, tenant, ct);
            application.Revise(details, snapshot, input.ZorgkantoorTenantId!.Value, actor.Name, clock.GetUtcNow());
            return HandlerResult.Ok(application.Id);
        }, ct);
    }

    /// <summary>Submits a draft with fresh snapshots; refused with every unmet condition at once.</summary>
    public async Task<HandlerResult> SubmitAsync(Guid id, CancellationToken ct)
    {
        tenant.Demand(Permission.SubmitApplications);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await HandlerExecution.SaveAsync(db, async () =>
        {
            var application = await OwnAsync(db, id, ct);
            if (application is null)
            {
                return HandlerResult.NotFound();
            }

            var actor = await Actor.CurrentAsync(db, tenant, ct);
            if (application.Status == DosApplicationStatus.Draft)
            {
                var snapshot = (await DosSnapshots.TakeAsync(db, application.ComplexId, application.Snapshot.BusinessCase?.VersionNumber, clock, standard, ct))!;
                application.Revise(application.Details, snapshot, application.ZorgkantoorTenantId, actor.Name, clock.GetUtcNow());
            }

            db.DosApplicationEvents.Add(application.Submit(tenant.Id, actor.Name, clock.GetUtcNow()));
            return HandlerResult.Ok(application.Id);
        }, ct);
    }

    /// <summary>Answers the open question and resubmits, with fresh snapshots (of the chosen business-case version, or the same one).</summary>
    public async Task<HandlerResult> AnswerAsync(Guid id, string? answer, int? businessCaseVersion, CancellationToken ct)
    {
        tenant.Demand(Permission.SubmitApplications);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await HandlerExecution.SaveAsync(db, async () =>
        {
            if (PlainText.Problem(answer, multiline: true) is { } problem)
            {
                return HandlerResult.Invalid(new FieldError("Answer", problem));
            }

            var application = await OwnAsync(db, id, ct);
            if (application is null)
            {
                return HandlerResult.NotFound();
            }

            var snapshot = (await DosSnapshots.TakeAsync(db, application.ComplexId, businessCaseVersion ?? application.Snapshot.BusinessCase?.VersionNumber, clock, standard, ct))!;
            var actor = await Actor.CurrentAsync(db, tenant, ct);
            db.DosApplicationEvents.Add(application.AnswerAndResubmit(answer, snapshot, tenant.Id, actor.Name, clock.GetUtcNow()));
            return HandlerResult.Ok(application.Id);
        }, ct);
    }

    public async Task<HandlerResult> WithdrawAsync(Guid id, string? reason, CancellationToken ct)
    {
        tenant.Demand(Permission.SubmitApplications);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await HandlerExecution.SaveAsync(db, async () =>
        {
            if (PlainText.Problem(reason, multiline: true) is { } problem)
            {
                return HandlerResult.Invalid(new FieldError("Reason", problem));
            }

            // Locked, so a withdrawal and a decision at the same moment cannot both happen.
            await db.Database.ExecuteSqlAsync($"SELECT 1 FROM dos_applications WHERE id = {id} FOR UPDATE", ct);
            var application = await OwnAsync(db, id, ct);
            if (application is null)
            {
                return HandlerResult.NotFound();
            }

            if (DosTransitions.IsFinal(application.Status))
            {
                return new HandlerResult([new FieldError(null, $"Deze aanvraag is al afgehandeld ({DosTransitions.Name(application.Status)}).")], ResultKind.Conflict);
            }

            var actor = await Actor.CurrentAsync(db, tenant, ct);
            db.DosApplicationEvents.Add(application.Withdraw(reason, tenant.Id, actor.Name, clock.GetUtcNow()));
            return HandlerResult.Ok(application.Id);
        }, ct);
    }

    private Task<DosApplication?> OwnAsync(PlusflatDbContext db, Guid id, CancellationToken ct) =>
        db.DosApplications.FirstOrDefaultAsync(a => a.Id == id && a.TenantId == tenant.Id, ct);

    private static async Task<HandlerResult?> ZorgkantoorErrorAsync(PlusflatDbContext db, Guid zorgkantoorId, CancellationToken ct) =>
        await db.Tenants.AnyAsync(t => t.Id == zorgkantoorId && t.Kind == TenantKind.Zorgkantoor, ct)
            ? null
            : HandlerResult.Invalid(new FieldError(nameof(DosApplicationInput.ZorgkantoorTenantId), "Kies een zorgkantoor."));

    private static HandlerResult? BusinessCaseVersionError(DosApplicationInput input, DosSnapshot snapshot) =>
        input.BusinessCaseVersion is { } number && snapshot.BusinessCase?.VersionNumber != number
            ? HandlerResult.Invalid(new FieldError(nameof(DosApplicationInput.BusinessCaseVersion), $"Versie {number} van de businesscase bestaat niet."))
            : null;
}
