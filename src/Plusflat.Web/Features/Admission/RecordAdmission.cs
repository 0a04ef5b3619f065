using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Plusflat.Domain.Admission;
using Plusflat.Domain.Common;
using Plusflat.Domain.Tenancy;
using Plusflat.Infrastructure.Persistence;
using Plusflat.Web.Features.Shared;
using Plusflat.Web.Tenancy;

namespace Plusflat.Web.Features.Admission;

/// <summary>
/// A programme lead records a complex's admission facts: a new assessment (who, when) on top of the kept ones. The
/// input's version must be the latest assessment's sequence (0: none yet); otherwise someone else recorded meanwhile.
/// </summary>
/// <remarks>
/// Each rule runs once: the validator for the shape (an agreement's date), the domain for the rest, the handler for
/// the grouped complexes (they must be this programme's). All refusals come back together.
/// </remarks>
public sealed class RecordAdmissionHandler(
    IDbContextFactory<PlusflatDbContext> contexts, CurrentTenant tenant, IValidator<AdmissionInput> validator, TimeProvider clock)
{
    public async Task<HandlerResult> RecordAsync(Guid complexId, AdmissionInput input, CancellationToken ct)
    {
        tenant.Demand(Permission.RecordAdmission);
        var shape = (await validator.ValidateAsync(input, ct)).Errors.Select(e => new FieldError(e.PropertyName, e.ErrorMessage)).ToList();
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await HandlerExecution.SaveAsync(db, async () =>
        {
            if (!await db.Complexes.AnyAsync(c => c.Id == complexId, ct))
            {
                return HandlerResult.NotFound();
            }

            var latest = await db.AdmissionAssessments.Where(a => a.ComplexId == complexId)
                .MaxAsync(a => (int?)a.Sequence, ct) ?? 0;
            if (input.Version != latest)
            {
                return HandlerResult.Conflict();
            }

            var errors = new List<FieldError>(shape);
            var wanted = input.GroupedWith.Where(id => id != Guid.Empty && id != complexId).Distinct().ToList();
            if (wanted.Count > 0)
            {
                var known = await db.Complexes.Where(c => wanted.Contains(c.Id)).CountAsync(ct);
                if (known != wanted.Count)
                {
                    errors.Add(new FieldError(AdmissionFacts.Fields.GroupedWith, "Kies de gegroepeerde complexen uit de complexen van het programma."));
                }
            }

            AdmissionAssessment? assessment = null;
            try
            {
                var actor = await Actor.CurrentAsync(db, tenant, ct);
                assessment = new AdmissionAssessment(tenant.Id, complexId, latest + 1, input.ToFacts(), actor.Id, actor.Name, clock.GetUtcNow());
            }
            catch (DomainException ex)
            {
                errors.AddRange(ex.Errors
                    .Where(e => e.Field is null || !shape.Exists(s => s.Field == e.Field))
                    .Where(e => !errors.Exists(s => s.Field == e.Field && s.Message == e.Message))
                    .Select(e => new FieldError(e.Field, e.Message)));
            }

            if (errors.Count > 0 || assessment is null)
            {
                return HandlerResult.Invalid([.. errors]);
            }

            db.AdmissionAssessments.Add(assessment);
            return HandlerResult.Ok(assessment.Id);
        }, ct);
    }
}
