using Plusflat.Domain.DosApplications;

namespace Plusflat.Domain.Tests.DosApplications;

internal static class DosTestData
{
    public static readonly Guid Programme = Guid.Parse("0195f000-0000-7000-8000-0000000000c1");
    public static readonly Guid Zorgkantoor = Guid.Parse("0195f000-0000-7000-8000-0000000000c2");
    public static readonly Guid OtherZorgkantoor = Guid.Parse("0195f000-0000-7000-8000-0000000000c3");
    public static readonly DateTimeOffset Now = new(2026, 11, 2, 10, 0, 0, TimeSpan.Zero);
    public static readonly DateOnly Today = new(2026, 11, 2);

    public static IReadOnlyList<CoalitionAgreement> FullCoalition() =>
    [
        new(CoalitionParty.Municipality, "Gemeente Amsterdam", "Wethouder Zorg", new DateOnly(2026, 9, 1)),
        new(CoalitionParty.HousingCorporation, "Woonstad", "Directeur wonen", new DateOnly(2026, 9, 2)),
        new(CoalitionParty.CareProvider, "Zorg Thuis", "Bestuurder", new DateOnly(2026, 9, 3)),
    ];

    public static DosApplicationDetails Details(IReadOnlyList<CoalitionAgreement>? coalition = null, bool establishment = true, decimal perYear = 100_000m) =>
        DosApplicationDetails.Create("Woonstad", coalition ?? FullCoalition(),
            establishment ? new RegionalEstablishment("IZA-coalitie Amsterdam", new DateOnly(2026, 10, 1), "IZA-2026-17") : null,
            2027, 2029, [new(2027, perYear), new(2028, perYear), new(2029, perYear)]);

    public static DosSnapshot Snapshot(bool gate = true, bool eligible = true, bool positive = true, bool withGate = true, bool withStandard = true, bool withCase = true) =>
        new(Now, new ComplexSnapshot("De Klimop", "Klimopweg 1", "Amsterdam", "Noord", 140),
            withGate ? new GateSnapshot(gate, gate ? [] : ["Te weinig woningen"]) : null,
            withStandard ? new StandardSnapshot(eligible, 1, Now, eligible ? [] : ["ontmoetingsruimte"], []) : null,
            withCase ? new BusinessCaseSnapshot(2, Now, positive, 2027, 4, 400_000m, positive ? 600_000m : 100_000m, positive ? 200_000m : -300_000m, 1.5m, 2028, "") : null);

    public static DosApplication Draft(DosApplicationDetails? details = null, DosSnapshot? snapshot = null) =>
        new(Programme, Zorgkantoor, "Lang Leven Thuisflats Amsterdam", Guid.CreateVersion7(), details ?? Details(), snapshot ?? Snapshot(), "Lotte", Now);

    public static DosApplication Submitted()
    {
        var application = Draft();
        application.Submit(Programme, "Lotte", Now);
        return application;
    }

    public static IReadOnlyList<CriterionScore> AllScored(int score = 2) =>
        [.. DosCriteriaCatalogue.OfVersion(1).Criteria.Select(c => new CriterionScore(c.Key, score, "Onderbouwd in de snapshot."))];

    public static DosScoring CompleteScoring() => DosScoring.Evaluate(DosCriteriaCatalogue.OfVersion(1), AllScored());

    public static DosGrantTerms Terms(decimal perYear = 100_000m) =>
        new([new(2027, perYear), new(2028, perYear), new(2029, perYear)], Today, new DateOnly(2027, 1, 1), new DateOnly(2028, 1, 1), "Voldoet aan de criteria.", "PF-2026-0001");
}
