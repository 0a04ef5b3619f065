using Microsoft.EntityFrameworkCore;
using Plusflat.Domain.BusinessCases;
using Plusflat.Domain.Common;
using Plusflat.Domain.Tenancy;
using Plusflat.Infrastructure.Persistence;
using Plusflat.Web.Features.Shared;
using Plusflat.Web.Tenancy;

namespace Plusflat.Web.Features.BusinessCases;

/// <summary>How a new business case starts: from the reference template (default) or empty, with its period.</summary>
public sealed class CreateBusinessCaseInput
{
    public bool FromTemplate { get; set; } = true;

    public int? FirstYear { get; set; }

    public int? Years { get; set; } = BusinessCasePlan.DefaultYears;

    /// <summary>The year the template's quantified benefits start in (default: the second year).</summary>
    public int? BenefitStartYear { get; set; }
}

/// <summary>A programme lead starts a complex's business case. One per complex: a second one is a conflict.</summary>
public sealed class CreateBusinessCaseHandler(IDbContextFactory<PlusflatDbContext> contexts, CurrentTenant tenant, TimeProvider clock)
{
    public async Task<HandlerResult> CreateAsync(Guid complexId, CreateBusinessCaseInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        tenant.Demand(Permission.EditProgramme);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await HandlerExecution.SaveAsync(db, async () =>
        {
            if (!await db.Complexes.AnyAsync(c => c.Id == complexId, ct))
            {
                return HandlerResult.NotFound();
            }

            if (await db.BusinessCases.AnyAsync(b => b.ComplexId == complexId, ct))
            {
                return new HandlerResult([new FieldError(null, "Dit wooncomplex heeft al een business case.")], ResultKind.Conflict);
            }

            var missing = new List<FieldError>();
            if (input.FirstYear is null)
            {
                missing.Add(new FieldError(nameof(input.FirstYear), "Vul het eerste jaar in."));
            }

            if (input.Years is null)
            {
                missing.Add(new FieldError(nameof(input.Years), "Vul het aantal jaren in."));
            }

            if (missing.Count > 0)
            {
                return HandlerResult.Invalid([.. missing]);
            }

            var firstYear = input.FirstYear!.Value;
            var years = input.Years!.Value;
            BusinessCasePlan plan = null!;
            DomainException.ThrowAll(
                () => plan = input.FromTemplate
                    ? BusinessCaseTemplate.Create(firstYear, years, input.BenefitStartYear)
                    : BusinessCasePlan.Create(firstYear, years, BusinessCasePlan.DefaultWmoKeyPerWeek, [], [], []));
            var actor = await Actor.CurrentAsync(db, tenant, ct);
            var businessCase = new BusinessCase(tenant.Id, complexId, plan, actor.Id, actor.Name, clock.GetUtcNow());
            db.BusinessCases.Add(businessCase);
            return HandlerResult.Ok(businessCase.Id);
        }, ct);
    }
}
