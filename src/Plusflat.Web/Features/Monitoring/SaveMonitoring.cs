using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Plusflat.Domain.Common;
using Plusflat.Domain.Monitoring;
using Plusflat.Domain.Tenancy;
using Plusflat.Infrastructure.Persistence;
using Plusflat.Web.Features.Shared;
using Plusflat.Web.Tenancy;

namespace Plusflat.Web.Features.Monitoring;

/// <summary>The baseline as the form and the API send it: a value per indicator key (empty: not measured). <see cref="Version"/>: the stored one's (null: none yet).</summary>
public sealed class BaselineInput
{
    public DateOnly? MeasuredOn { get; set; }

    public Dictionary<string, decimal?> Values { get; set; } = new(StringComparer.Ordinal);

    [MultilineText]
    public string? Notes { get; set; }

    public uint? Version { get; set; }

    public static BaselineInput From(MonitoringView view) => new()
    {
        MeasuredOn = view.Baseline?.MeasuredOn,
        Values = view.Catalogue.Indicators.ToDictionary(i => i.Key, i => view.Baseline?.Values.TryGetValue(i.Key, out var v) == true ? v : (decimal?)null, StringComparer.Ordinal),
        Notes = view.Baseline?.Notes,
        Version = view.Baseline?.Version,
    };
}

public sealed class BaselineInputValidator : InputValidator<BaselineInput>
{
    public BaselineInputValidator()
    {
        RuleFor(i => i.MeasuredOn).NotNull().WithMessage("Vul de datum van de nulmeting in.");
    }
}

/// <summary>One quarter's values as the form and the API send them. <see cref="Version"/>: the stored quarter's (null: none yet).</summary>
public sealed class QuarterInput
{
    public Dictionary<string, decimal?> Values { get; set; } = new(StringComparer.Ordinal);

    public uint? Version { get; set; }

    public static QuarterInput From(MonitoringView view, string quarter) => new()
    {
        Values = view.Catalogue.Indicators.ToDictionary(i => i.Key, i => view.Find(quarter)?.Values.TryGetValue(i.Key, out var v) == true ? v : (decimal?)null, StringComparer.Ordinal),
        Version = view.Find(quarter)?.Version,
    };
}

/// <summary>
/// A lead records or corrects a complex's baseline, or a quarter's values. A stale version (someone saved meanwhile, or
/// created the first one) is a conflict, never an overwrite. Quarters before the baseline are refused by the domain.
/// </summary>
public sealed class SaveMonitoringHandler(IDbContextFactory<PlusflatDbContext> contexts, CurrentTenant tenant, TimeProvider clock)
{
    public async Task<HandlerResult> SaveBaselineAsync(Guid complexId, BaselineInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        tenant.Demand(Permission.EditProgramme);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await HandlerExecution.SaveAsync(db, new BaselineInputValidator(), input, async () =>
        {
            if (!await db.Complexes.AnyAsync(c => c.Id == complexId, ct))
            {
                return HandlerResult.NotFound();
            }

            var now = clock.GetUtcNow();
            var catalogue = await MonitoringAccess.GetOrStartCatalogueAsync(db, tenant.Id, now, ct);
            var actor = await Actor.CurrentAsync(db, tenant, ct);
            var earliest = await db.QuarterlyValues.Where(v => v.ComplexId == complexId).OrderBy(v => v.Quarter).Select(v => (Quarter?)v.Quarter).FirstOrDefaultAsync(ct);
            var baseline = await db.MonitoringBaselines.FirstOrDefaultAsync(b => b.ComplexId == complexId, ct);
            var values = ValuesOf(input.Values);
            if (baseline is null)
            {
                if (input.Version is not null)
                {
                    return HandlerResult.Conflict();
                }

                db.MonitoringBaselines.Add(new MonitoringBaseline(tenant.Id, complexId, catalogue, input.MeasuredOn!.Value, values, input.Notes, earliest,
                    Dates.Today(clock), actor.Name, now));
                return HandlerResult.Ok();
            }

            if (input.Version != baseline.Version)
            {
                return HandlerResult.Conflict();
            }

            db.Entry(baseline).Property(b => b.Version).OriginalValue = input.Version.Value;
            baseline.Correct(catalogue, input.MeasuredOn!.Value, values, input.Notes, earliest, Dates.Today(clock), actor.Name, now);
            return HandlerResult.Ok();
        }, ct);
    }

    public async Task<HandlerResult> SaveQuarterAsync(Guid complexId, Quarter quarter, QuarterInput input, CancellationToken ct)
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

            var now = clock.GetUtcNow();
            var catalogue = await MonitoringAccess.GetOrStartCatalogueAsync(db, tenant.Id, now, ct);
            var actor = await Actor.CurrentAsync(db, tenant, ct);
            var baseline = await db.MonitoringBaselines.AsNoTracking().FirstOrDefaultAsync(b => b.ComplexId == complexId, ct);
            var stored = await db.QuarterlyValues.FirstOrDefaultAsync(v => v.ComplexId == complexId && v.Quarter == quarter, ct);
            var values = ValuesOf(input.Values);
            if (stored is null)
            {
                if (input.Version is not null)
                {
                    return HandlerResult.Conflict();
                }

                QuarterlyValues.CheckQuarter(baseline, quarter, Dates.Today(clock));
                db.QuarterlyValues.Add(new QuarterlyValues(tenant.Id, baseline!, quarter, catalogue, values, Dates.Today(clock), actor.Name, now));
                return HandlerResult.Ok();
            }

            if (input.Version != stored.Version)
            {
                return HandlerResult.Conflict();
            }

            db.Entry(stored).Property(v => v.Version).OriginalValue = input.Version.Value;
            stored.Replace(catalogue, values, actor.Name, now);
            return HandlerResult.Ok();
        }, ct);
    }

    private static List<IndicatorValue> ValuesOf(Dictionary<string, decimal?>? values) =>
        [.. (values ?? []).Where(v => v.Value is not null).Select(v => new IndicatorValue(v.Key, v.Value!.Value))];
}
