namespace Plusflat.Domain.DosApplications;

/// <summary>The complex as it was when the snapshot was taken (the zorgkantoor never reads the programme's complexes).</summary>
public sealed record ComplexSnapshot(string Name, string Address, string Municipality, string? District, int Dwellings);

/// <summary>The admission gate's computed outcome at the moment of the snapshot, with the reasons per threshold.</summary>
public sealed record GateSnapshot(bool Passed, IReadOnlyList<string> Reasons);

/// <summary>The product standard's computed outcome at the moment of the snapshot.</summary>
public sealed record StandardSnapshot(bool Eligible, int CatalogueVersion, DateTimeOffset? AssessedAt, IReadOnlyList<string> MissingMusts, IReadOnlyList<string> Exclusions);

/// <summary>A frozen business-case version's results (the version itself never changes).</summary>
public sealed record BusinessCaseSnapshot(
    int VersionNumber, DateTimeOffset FrozenAt, bool Positive, int FirstYear, int Years,
    decimal TotalCosts, decimal TotalBenefits, decimal TotalNet, decimal? Ratio, int? BreakEvenYear, string Explanation);

/// <summary>
/// What the zorgkantoor assesses: frozen copies of the complex, the gate, the standard and a frozen business-case version,
/// taken when the programme saves or answers. Null parts were not available (the submit conditions then name them).
/// </summary>
public sealed record DosSnapshot(DateTimeOffset TakenAt, ComplexSnapshot Complex, GateSnapshot? Gate, StandardSnapshot? Standard, BusinessCaseSnapshot? BusinessCase);

/// <summary>An amount for one calendar year (euros with cents).</summary>
public sealed record YearAmount(int Year, decimal Amount);

/// <summary>The kinds of coalition party whose agreement a DOS application needs.</summary>
public enum CoalitionParty
{
    Municipality = 1,
    HousingCorporation = 2,
    CareProvider = 3,
}

/// <summary>One coalition party's agreement: who (organisation and person) and when.</summary>
public sealed record CoalitionAgreement(CoalitionParty Party, string Organisation, string AgreedBy, DateOnly AgreedOn);

/// <summary>The regional establishment (e.g. an IZA coalition) that confirmed the complex meets need and conditions.</summary>
public sealed record RegionalEstablishment(string Body, DateOnly EstablishedOn, string Reference);
