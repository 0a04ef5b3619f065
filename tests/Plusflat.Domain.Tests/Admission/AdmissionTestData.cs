using Plusflat.Domain.Admission;

namespace Plusflat.Domain.Tests.Admission;

/// <summary>Facts that pass every threshold, to change one fact at a time.</summary>
internal static class AdmissionTestData
{
    public static readonly Guid ComplexId = Guid.Parse("0195f000-0000-7000-8000-0000000000c1");

    public static readonly Guid NeighbourId = Guid.Parse("0195f000-0000-7000-8000-0000000000c2");

    public static readonly Guid SecondNeighbourId = Guid.Parse("0195f000-0000-7000-8000-0000000000c3");

    public static readonly DateOnly Today = TestData.Today;

    public static ConcentrationFacts Concentration(bool sharedEntrance = true, bool coreFunctions = false, params Guid[] groupedWith) =>
        new(sharedEntrance, groupedWith, coreFunctions, "Eén entree met lift, 1 gebouw");

    public static NeedFacts Need(string? loneliness = "Veel alleenstaanden, weinig bezoek", bool selfSufficient = false, bool hardlyAnyCare = false) =>
        new(loneliness, null, null, null, selfSufficient, hardlyAnyCare);

    public static GovernanceAgreement Agreement(GovernanceParty party, DateOnly? on = null) =>
        new(party, "Wethouder Zorg", on ?? Today.AddDays(-10), "BESLUIT-2025-" + (int)party);

    public static IReadOnlyList<GovernanceAgreement> AllAgreements() =>
        [.. Enum.GetValues<GovernanceParty>().Select(p => Agreement(p))];

    public static AdmissionFacts Passing() => new(Concentration(), Need(), AllAgreements());

    public static AdmissionScale Scale(int dwellings = 150, int minimum = 100, params GroupedComplex[] grouped) => new(minimum, dwellings, grouped);
}
