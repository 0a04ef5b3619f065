using Plusflat.Domain.Common;
using Plusflat.Domain.Organisations;
using Plusflat.Domain.Partners;
using static Plusflat.Domain.Tests.TestData;

namespace Plusflat.Domain.Tests.Partners;

public class PreferredProviderRuleTests
{
    private static readonly CareProviderFacts AllFacts = new(true, true, true, true, true, false, false, false);

    private static ProviderCandidate Candidate(bool committed = true, bool handover = true) => new(Guid.NewGuid(), committed, handover, []);

    [Fact]
    public void Failing_EveryHardCriterionMet_IsEmpty()
    {
        Assert.Empty(PreferredProviderRule.Failing(AllFacts, Candidate()));
    }

    [Theory]
    [InlineData(0, "Levert geen wijkverpleging (Zvw)")]
    [InlineData(1, "Levert geen modulair pakket thuis (Wlz MPT)")]
    [InlineData(2, "Levert geen volledig pakket thuis (Wlz VPT)")]
    [InlineData(3, "Heeft geen casemanagers dementie")]
    [InlineData(4, "Is niet gecontracteerd door het zorgkantoor")]
    public void Failing_OneOrganisationCriterionMissing_NamesExactlyThatOne(int missing, string expected)
    {
        var flags = Enumerable.Range(0, 5).Select(i => i != missing).ToArray();
        var facts = new CareProviderFacts(flags[0], flags[1], flags[2], flags[3], flags[4], true, true, true);

        Assert.Equal([expected], PreferredProviderRule.Failing(facts, Candidate()));
    }

    [Fact]
    public void Failing_NotCommittedToTheGoals_IsNamed()
    {
        Assert.Equal([PreferredProviderRule.NotCommitted], PreferredProviderRule.Failing(AllFacts, Candidate(committed: false)));
    }

    [Fact]
    public void Failing_NoHandoverCooperation_IsNamed()
    {
        Assert.Equal([PreferredProviderRule.NoHandover], PreferredProviderRule.Failing(AllFacts, Candidate(handover: false)));
    }

    [Fact]
    public void Failing_NoFactsAndNotACandidate_SaysBoth()
    {
        Assert.Equal([PreferredProviderRule.NoFacts, PreferredProviderRule.NotACandidate], PreferredProviderRule.Failing(null, null));
    }

    [Fact]
    public void Failing_WeighingAspectsDoNotDecide()
    {
        var facts = AllFacts with { KnownInNeighbourhood = false, GpFirstLineAgreements = false, IntramuralLocationNearby = false };

        Assert.Empty(PreferredProviderRule.Failing(facts, Candidate()));
    }

    [Fact]
    public void Refusal_EveryHardCriterionMet_IsNone()
    {
        Assert.Null(PreferredProviderRule.Refusal(AllFacts, Candidate()));
    }

    [Fact]
    public void Refusal_FailingCriteria_IsOneSentenceNamingEachInOrder()
    {
        var facts = AllFacts with { WlzVpt = false };

        Assert.Equal(
            "Deze zorgaanbieder kan geen voorkeursaanbieder worden: Levert geen volledig pakket thuis (Wlz VPT); " + PreferredProviderRule.NoHandover + ".",
            PreferredProviderRule.Refusal(facts, Candidate(handover: false)));
    }
}

public class PartnerSelectionTests
{
    private static readonly Guid ComplexId = Guid.NewGuid();
    private static readonly Guid ProviderA = Guid.NewGuid();
    private static readonly Guid ProviderB = Guid.NewGuid();

    private static PartnerSelection New() => new(TenantId, ComplexId);

    private static ProviderCandidate Scored(Guid id, int score, string justification = "Al jaren actief in de wijk") =>
        new(id, true, true, [new AspectScore(WeighingAspect.KnownInNeighbourhood, score, justification)]);

    [Fact]
    public void Record_ACompleteProcedure_IsKeptTrimmed()
    {
        var selection = New();

        selection.Record(
            [Scored(ProviderA, 3, "  Bekend  "), new(ProviderB, true, false, [])],
            new ResidentsVoice(Today, " bewonersavond ", "Vaste gezichten", "Zorg om wachttijden", "Vast team toegezegd"),
            new Dictionary<SelectionStep, DateOnly> { [SelectionStep.ExploreWithResidents] = Today },
            [new OpenEntryProvider(ProviderB, " Sanne de Vries ", [OpenEntryRule.HandoverProtocol, OpenEntryRule.OneContactPerson, OpenEntryRule.OneContactPerson])],
            Today);

        Assert.Equal(3, selection.CandidateOf(ProviderA)!.TotalScore);
        Assert.Equal("Bekend", selection.CandidateOf(ProviderA)!.Scores[0].Justification);
        Assert.Equal("bewonersavond", selection.Residents.How);
        Assert.Equal(Today, selection.Steps[SelectionStep.ExploreWithResidents]);
        Assert.Equal("Sanne de Vries", selection.OpenEntry[0].ContactPerson);
        Assert.Equal([OpenEntryRule.OneContactPerson, OpenEntryRule.HandoverProtocol], selection.OpenEntry[0].AgreedRules);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(4)]
    public void Record_AScoreOutsideZeroToThree_IsRefusedAtThatScore(int score)
    {
        var ex = Assert.Throws<DomainException>(() => New().Record([Scored(ProviderA, score)], ResidentsVoice.None, new Dictionary<SelectionStep, DateOnly>(), [], Today));

        Assert.Equal("Candidates[0].KnownInNeighbourhood", Assert.Single(ex.Errors).Field);
    }

    [Fact]
    public void Record_AScoreWithoutJustification_IsRefused()
    {
        var ex = Assert.Throws<DomainException>(() => New().Record([Scored(ProviderA, 2, " ")], ResidentsVoice.None, new Dictionary<SelectionStep, DateOnly>(), [], Today));

        Assert.Equal("Candidates[0].KnownInNeighbourhoodJustification", Assert.Single(ex.Errors).Field);
    }

    [Fact]
    public void Record_EveryProblemAtOnce_AndNothingChanges()
    {
        var selection = New();

        var ex = Assert.Throws<DomainException>(() => selection.Record(
            [Scored(ProviderA, 1), Scored(ProviderA, 2)],
            new ResidentsVoice(Today.AddDays(1), null, null, "Bezwaar", null),
            new Dictionary<SelectionStep, DateOnly> { [SelectionStep.InformNeighbourhoodPartners] = Today.AddDays(3) },
            [new OpenEntryProvider(ProviderB, "", [])],
            Today));

        Assert.Equal(
            ["Candidates[1].OrganisationId", "OpenEntry[0].ContactPerson", "Residents.Answers", "Residents.ConsultedOn", "Steps.InformNeighbourhoodPartners"],
            ex.Errors.Select(e => e.Field!).Order(StringComparer.Ordinal));
        Assert.Empty(selection.Candidates);
        Assert.Equal(ResidentsVoice.None, selection.Residents);
    }

    [Fact]
    public void Record_TextTooLong_IsRefused()
    {
        var ex = Assert.Throws<DomainException>(() => New().Record([], new ResidentsVoice(null, null, new string('x', PartnerSelection.TextMaxLength + 1), null, null),
            new Dictionary<SelectionStep, DateOnly>(), [], Today));

        Assert.Equal("Residents.Priorities", Assert.Single(ex.Errors).Field);
    }

    [Fact]
    public void Record_AControlOrBidiCharacter_IsRefusedAtItsField()
    {
        var ex = Assert.Throws<DomainException>(() => New().Record([], new ResidentsVoice(null, "avond\u0000", "a\u202Eb", null, null),
            new Dictionary<SelectionStep, DateOnly>(), [new OpenEntryProvider(ProviderB, "Sanne\u0007", [])], Today));

        Assert.Equal(["OpenEntry[0].ContactPerson", "Residents.How", "Residents.Priorities"], ex.Errors.Select(e => e.Field!).Order(StringComparer.Ordinal));
    }
}
