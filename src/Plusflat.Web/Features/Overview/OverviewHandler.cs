using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Plusflat.Domain.Complexes;
using Plusflat.Domain.Tenancy;
using Plusflat.Infrastructure.Persistence;
using Plusflat.Web.Features.Complexes;
using Plusflat.Web.Features.Shared;
using Plusflat.Web.Tenancy;

namespace Plusflat.Web.Features.Overview;

public sealed class AmbitionInput
{
    public string TargetCount { get; set; } = "";

    public string TargetYear { get; set; } = "";

    public uint Version { get; set; }
}

public sealed class AmbitionInputValidator : AbstractValidator<AmbitionInput>
{
    public AmbitionInputValidator()
    {
        RuleFor(x => x.TargetCount).NotEmpty().WithMessage("Vul het aantal Plusflats in dat het programma wil bereiken.")
            .Must(v => NumberParsing.Integer(v) is not null).When(x => !string.IsNullOrWhiteSpace(x.TargetCount))
            .WithMessage("Vul een heel getal in, bijvoorbeeld 30.");
        RuleFor(x => x.TargetYear).NotEmpty().WithMessage("Vul het jaar in, bijvoorbeeld 2030.")
            .Must(v => NumberParsing.Integer(v) is not null).When(x => !string.IsNullOrWhiteSpace(x.TargetYear))
            .WithMessage("Vul een jaartal in, bijvoorbeeld 2030.");
    }
}

public sealed record OverviewComplex(Guid Id, string Name, int Phase, string? District, string? Corporation);

public sealed record GroupCount(string Name, int Count, int InExecution);

public sealed record ProgrammeOverview(
    PortfolioProgress Progress, int? TargetYear, AmbitionInput Ambition, IReadOnlyList<OverviewComplex> Complexes,
    IReadOnlyList<GroupCount> PerDistrict, IReadOnlyList<GroupCount> PerCorporation);

/// <summary>The programme overview: complexes per phase, district and corporation, and progress towards the ambition.</summary>
public sealed class OverviewHandler(PlusflatDbContext db, CurrentTenant tenant, IValidator<AmbitionInput> validator)
{
    public async Task<ProgrammeOverview> GetAsync(CancellationToken ct)
    {
        tenant.Demand(Permission.ViewProgramme);
        var complexes = await db.Complexes.AsNoTracking()
            .OrderBy(c => c.Name)
            .Select(c => new OverviewComplex(c.Id, c.Name, c.CurrentPhase, c.District,
                db.Organisations.Where(o => o.Id == c.HousingCorporationId).Select(o => o.Name).FirstOrDefault()))
            .ToListAsync(ct);
        var ambition = await db.ProgrammeAmbitions.AsNoTracking().FirstOrDefaultAsync(ct);
        var progress = PortfolioProgress.Compute(complexes.Select(c => c.Phase), ambition?.TargetCount);
        return new ProgrammeOverview(
            progress,
            ambition?.TargetYear,
            ambition is null
                ? new AmbitionInput()
                : new AmbitionInput { TargetCount = ambition.TargetCount.ToString(System.Globalization.CultureInfo.InvariantCulture), TargetYear = ambition.TargetYear.ToString(System.Globalization.CultureInfo.InvariantCulture), Version = ambition.Version },
            complexes,
            Group(complexes, c => c.District ?? "Onbekend"),
            Group(complexes, c => c.Corporation ?? "Geen corporatie gekozen"));
    }

    public async Task<HandlerResult> SaveAmbitionAsync(AmbitionInput input, CancellationToken ct)
    {
        tenant.Demand(Permission.EditProgramme);
        return await HandlerExecution.SaveAsync(db, validator, input, async () =>
        {
            var count = NumberParsing.Integer(input.TargetCount)!.Value;
            var year = NumberParsing.Integer(input.TargetYear)!.Value;
            var ambition = await db.ProgrammeAmbitions.FirstOrDefaultAsync(ct);
            if (ambition is null)
            {
                db.ProgrammeAmbitions.Add(new ProgrammeAmbition(tenant.Id, count, year));
            }
            else
            {
                db.Entry(ambition).Property(a => a.Version).OriginalValue = input.Version;
                ambition.Update(count, year);
            }

            return HandlerResult.Ok();
        }, ct);
    }

    private static List<GroupCount> Group(IEnumerable<OverviewComplex> complexes, Func<OverviewComplex, string> key) =>
        complexes.GroupBy(key)
            .Select(g => new GroupCount(g.Key, g.Count(), g.Count(c => c.Phase >= PortfolioProgress.ExecutionPhase)))
            .OrderByDescending(g => g.Count).ThenBy(g => g.Name)
            .ToList();
}
