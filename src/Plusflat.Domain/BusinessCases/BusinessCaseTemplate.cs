using Plusflat.Domain.Common;

namespace Plusflat.Domain.BusinessCases;

/// <summary>
/// The reference business case of the position paper (annexes C and D): the average plus-layer cost lines of the
/// Rotterdam and Amsterdam complexes (start year, year 2, year 3; later years as year 3) with the meeting room's running
/// costs as PM, and the two quantified societal benefits of the Rotterdam business case per running year, from a start
/// year the lead chooses (default: the second year), with its PM items by name. Only lines: every total is computed.
/// </summary>
public static class BusinessCaseTemplate
{
    /// <summary>The average number of dwellings of the reference complexes, for per-dwelling comparisons.</summary>
    public const int ReferenceDwellings = 318;

    public const decimal CarePrevention = 72_825m;
    public const decimal LonelinessPrevention = 94_916m;

    private static readonly (string Name, CostCategory Category, decimal Start, decimal Year2, decimal Year3, string? Note)[] Costs =
    [
        ("Personeel (opbouwwerker / sociaal werker / programmacoördinatie)", CostCategory.Staff, 60_000m, 70_000m, 70_000m, null),
        ("Projectmanagement", CostCategory.ProjectManagement, 22_000m, 2_000m, 2_000m, "Afstemming met gemeente en andere aanbieders"),
        ("Overhead", CostCategory.Overhead, 15_000m, 12_900m, 12_900m, "Interne coördinatie; in de bron omschreven als \"15% van de totale kosten\""),
        ("Scholing", CostCategory.Training, 1_750m, 750m, 750m, null),
        ("Activiteiten", CostCategory.Activities, 6_000m, 8_000m, 8_000m, "Materialen voor activiteiten met en door senioren"),
        ("Inrichting", CostCategory.Building, 20_000m, 2_000m, 2_000m, "De flat aanpassen aan de startsituatie"),
        ("PR en communicatie", CostCategory.Communication, 4_500m, 800m, 800m, "Opening, stimuleren van het gemeenschapsleven"),
    ];

    /// <summary>The benefit PM items of the Rotterdam business case, each with the domain it would land in.</summary>
    public static readonly IReadOnlyList<(string Name, BenefitDomain Domain)> PmBenefits =
    [
        ("Brede opvatting van gezondheid", BenefitDomain.Society),
        ("Effectieve inzet van mantelzorg", BenefitDomain.Wmo),
        ("Voorkomen van intramurale zorg", BenefitDomain.Wlz),
        ("Voorkomen van overbelaste mantelzorgers", BenefitDomain.Wmo),
        ("Behoud van capaciteit van zorgpersoneel", BenefitDomain.Society),
    ];

    public const string MeetingRoomLine = "Bijdrage aan de exploitatie van de ontmoetingsruimte";

    /// <param name="firstYear">The first calendar year of the case.</param>
    /// <param name="years">The number of years (default 4).</param>
    /// <param name="benefitStartYear">The calendar year the quantified benefits start in (default: the second year).</param>
    public static BusinessCasePlan Create(int firstYear, int years = BusinessCasePlan.DefaultYears, int? benefitStartYear = null)
    {
        var startYear = benefitStartYear ?? firstYear + 1;
        if (years >= BusinessCasePlan.MinYears && years <= BusinessCasePlan.MaxYears && (startYear < firstYear || startYear > firstYear + years - 1))
        {
            throw new DomainException($"Het startjaar van de baten moet binnen de business case liggen ({firstYear}–{firstYear + years - 1}).", "BenefitStartYear");
        }

        List<YearAmount> Amounts(Func<int, decimal> byIndex) => [.. Enumerable.Range(0, Math.Max(0, years)).Select(i => new YearAmount(firstYear + i, byIndex(i)))];

        var costs = Costs.Select(c => new CostLineEntry(null, c.Name, c.Category, false, null, c.Note,
                Amounts(i => i switch { 0 => c.Start, 1 => c.Year2, _ => c.Year3 })))
            .Append(new CostLineEntry(null, MeetingRoomLine, CostCategory.MeetingRoom, true, null, "Huur, verzekering, verwarming, beheer, schoonmaak", []))
            .ToList();
        var benefits = new List<BenefitLineEntry>
        {
            new(null, "Zorgpreventie (gebruik van zorg en ondersteuning)", BenefitDomain.Zvw, false, "Rotterdamse maatschappelijke business case",
                Amounts(i => firstYear + i >= startYear ? CarePrevention : 0m)),
            new(null, "Voorkomen van sociaal isolement en eenzaamheid", BenefitDomain.Wmo, false, "Rotterdamse maatschappelijke business case",
                Amounts(i => firstYear + i >= startYear ? LonelinessPrevention : 0m)),
        };
        benefits.AddRange(PmBenefits.Select(p => new BenefitLineEntry(null, p.Name, p.Domain, true, null, [])));
        return BusinessCasePlan.Create(firstYear, years, BusinessCasePlan.DefaultWmoKeyPerWeek, costs, benefits, []);
    }
}
