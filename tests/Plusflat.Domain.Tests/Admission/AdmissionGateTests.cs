using Plusflat.Domain.Admission;
using static Plusflat.Domain.Tests.Admission.AdmissionTestData;

namespace Plusflat.Domain.Tests.Admission;

public class AdmissionGateTests
{
    private static AdmissionOutcome Evaluate(AdmissionFacts? facts, AdmissionScale? scale = null, DateOnly? today = null) =>
        AdmissionGate.Evaluate(facts, scale ?? Scale(), today ?? Today);

    private static IEnumerable<string> Blocking(AdmissionOutcome outcome, AdmissionThreshold threshold) =>
        outcome.Of(threshold).Reasons.Where(r => r.Blocks).Select(r => r.Template);

    [Fact]
    public void Evaluate_EveryThresholdMet_Passes()
    {
        var outcome = Evaluate(Passing());

        Assert.True(outcome.Passed);
        Assert.Equal([AdmissionThreshold.Concentration, AdmissionThreshold.Need, AdmissionThreshold.Governance], outcome.Thresholds.Select(t => t.Threshold));
        Assert.All(outcome.Thresholds, t => Assert.True(t.Passed));
        Assert.All(outcome.Thresholds, t => Assert.NotEmpty(t.Reasons));
    }

    [Fact]
    public void Evaluate_NothingRecorded_FailsEveryThreshold()
    {
        var outcome = Evaluate(null);

        Assert.False(outcome.Passed);
        Assert.All(outcome.Thresholds, t => Assert.False(t.Passed));
        Assert.Contains(AdmissionReasons.NoSharedEntrance, Blocking(outcome, AdmissionThreshold.Concentration));
        Assert.Contains(AdmissionReasons.NoNeed, Blocking(outcome, AdmissionThreshold.Need));
        Assert.Equal(
            [AdmissionReasons.MunicipalityMissing, AdmissionReasons.CorporationMissing, AdmissionReasons.CareProviderMissing],
            Blocking(outcome, AdmissionThreshold.Governance));
    }

    [Fact]
    public void Evaluate_OneThresholdFailed_FailsTheGateAndOnlyThatThreshold()
    {
        var outcome = Evaluate(Passing() with { Need = Need(loneliness: null) });

        Assert.False(outcome.Passed);
        Assert.True(outcome.Of(AdmissionThreshold.Concentration).Passed);
        Assert.False(outcome.Of(AdmissionThreshold.Need).Passed);
        Assert.True(outcome.Of(AdmissionThreshold.Governance).Passed);
    }

    // --- Concentration: shared entrance and scale ---

    [Fact]
    public void Evaluate_NoSharedEntrance_FailsConcentrationNamingTheEntrance()
    {
        var outcome = Evaluate(Passing() with { Concentration = Concentration(sharedEntrance: false) });

        Assert.False(outcome.Passed);
        Assert.Equal([AdmissionReasons.NoSharedEntrance], Blocking(outcome, AdmissionThreshold.Concentration));
    }

    [Fact]
    public void Evaluate_ExactlyAtTheLowerBound_PassesConcentration()
    {
        var outcome = Evaluate(Passing(), Scale(dwellings: 100, minimum: 100));

        Assert.True(outcome.Of(AdmissionThreshold.Concentration).Passed);
        var scale = outcome.Of(AdmissionThreshold.Concentration).Reasons.Single(r => r.Template == AdmissionReasons.ScaleMet);
        Assert.Equal("Het complex heeft 100 woningen en haalt daarmee de ondergrens van 100 woningen.", scale.Text);
    }

    [Fact]
    public void Evaluate_JustBelowTheLowerBoundAndNotGrouped_FailsConcentrationNamingTheScale()
    {
        var outcome = Evaluate(Passing(), Scale(dwellings: 99, minimum: 100));

        Assert.False(outcome.Passed);
        var reason = Assert.Single(outcome.Of(AdmissionThreshold.Concentration).Reasons, r => r.Blocks);
        Assert.Equal(AdmissionReasons.BelowBoundNotGrouped, reason.Template);
        Assert.Equal(
            "Het complex heeft 99 woningen, minder dan de ondergrens van 100, en is niet gegroepeerd met complexen in de buurt (lichte route).",
            reason.Text);
    }

    [Fact]
    public void Evaluate_TheProgrammesOwnBound_IsTheOneApplied()
    {
        Assert.False(Evaluate(Passing(), Scale(dwellings: 150, minimum: 151)).Passed);
        Assert.True(Evaluate(Passing(), Scale(dwellings: 60, minimum: 60)).Passed);
    }

    [Fact]
    public void Evaluate_AboveTheBound_DoesNotNeedCoreFunctionsOrGrouping()
    {
        var outcome = Evaluate(Passing() with { Concentration = Concentration(coreFunctions: false) }, Scale(dwellings: 101));

        Assert.True(outcome.Of(AdmissionThreshold.Concentration).Passed);
        Assert.DoesNotContain(outcome.Of(AdmissionThreshold.Concentration).Reasons, r => r.Template == AdmissionReasons.CoreFunctionsNotSecured);
    }

    // --- Concentration: the light route ---

    [Fact]
    public void Evaluate_LightRouteReachingTheBoundWithCoreFunctionsSecured_PassesConcentration()
    {
        var facts = Passing() with { Concentration = Concentration(coreFunctions: true, groupedWith: NeighbourId) };

        var outcome = Evaluate(facts, Scale(60, 100, new GroupedComplex(NeighbourId, "De Buren", 40)));

        Assert.True(outcome.Passed);
        var reason = outcome.Of(AdmissionThreshold.Concentration).Reasons.Single(r => r.Template == AdmissionReasons.GroupedReachesBound);
        Assert.Equal(
            "Lichte route: het complex heeft 60 woningen; samen met De Buren (40) zijn dat 100 woningen, genoeg voor de ondergrens van 100.",
            reason.Text);
    }

    [Fact]
    public void Evaluate_LightRouteWithoutSecuredCoreFunctions_FailsConcentrationNamingTheCoreFunctions()
    {
        var facts = Passing() with { Concentration = Concentration(coreFunctions: false, groupedWith: NeighbourId) };

        var outcome = Evaluate(facts, Scale(60, 100, new GroupedComplex(NeighbourId, "De Buren", 80)));

        Assert.False(outcome.Passed);
        Assert.Equal([AdmissionReasons.CoreFunctionsNotSecured], Blocking(outcome, AdmissionThreshold.Concentration));
    }

    [Fact]
    public void Evaluate_GroupedComplexesTogetherStillBelowTheBound_FailsConcentrationEvenWithCoreFunctions()
    {
        var facts = Passing() with { Concentration = Concentration(coreFunctions: true, groupedWith: [NeighbourId, SecondNeighbourId]) };

        var outcome = Evaluate(facts, Scale(40, 100,
            new GroupedComplex(NeighbourId, "De Buren", 30), new GroupedComplex(SecondNeighbourId, "Het Hofje", 29)));

        Assert.False(outcome.Passed);
        var reason = Assert.Single(outcome.Of(AdmissionThreshold.Concentration).Reasons, r => r.Blocks);
        Assert.Equal(AdmissionReasons.GroupedBelowBound, reason.Template);
        Assert.Equal(
            "Lichte route: het complex heeft 40 woningen; samen met De Buren (30), Het Hofje (29) zijn dat 99 woningen, nog minder dan de ondergrens van 100.",
            reason.Text);
    }

    [Fact]
    public void Evaluate_GroupedComplexesReachingTheBoundOnlyTogether_CountsEveryGroupedComplex()
    {
        var facts = Passing() with { Concentration = Concentration(coreFunctions: true, groupedWith: [NeighbourId, SecondNeighbourId]) };

        var outcome = Evaluate(facts, Scale(40, 100,
            new GroupedComplex(NeighbourId, "De Buren", 30), new GroupedComplex(SecondNeighbourId, "Het Hofje", 30)));

        Assert.True(outcome.Of(AdmissionThreshold.Concentration).Passed);
    }

    [Fact]
    public void Evaluate_LightRouteButNoSharedEntrance_FailsOnTheEntranceOnly()
    {
        var facts = Passing() with { Concentration = Concentration(sharedEntrance: false, coreFunctions: true, groupedWith: NeighbourId) };

        var outcome = Evaluate(facts, Scale(60, 100, new GroupedComplex(NeighbourId, "De Buren", 50)));

        Assert.Equal([AdmissionReasons.NoSharedEntrance], Blocking(outcome, AdmissionThreshold.Concentration));
    }

    [Fact]
    public void Evaluate_LightRouteGroupedBelowAndNoCoreFunctions_NamesBothFacts()
    {
        var facts = Passing() with { Concentration = Concentration(coreFunctions: false, groupedWith: NeighbourId) };

        var outcome = Evaluate(facts, Scale(40, 100, new GroupedComplex(NeighbourId, "De Buren", 10)));

        Assert.Equal([AdmissionReasons.GroupedBelowBound, AdmissionReasons.CoreFunctionsNotSecured], Blocking(outcome, AdmissionThreshold.Concentration));
    }

    // --- Need and the exclusion ---

    [Theory]
    [InlineData("loneliness")]
    [InlineData("liveability")]
    [InlineData("signalling")]
    [InlineData("care")]
    public void Evaluate_AnyOneNeedWithItsNote_PassesNeed(string which)
    {
        var need = NeedFacts.None with
        {
            Loneliness = which == "loneliness" ? "Bewoners zien elkaar weinig" : null,
            LiveabilityPressure = which == "liveability" ? "Overlast in de portieken" : null,
            MissedEarlySignalling = which == "signalling" ? "Val pas na dagen opgemerkt" : null,
            CareConcentration = which == "care" ? "Veel Wlz-indicaties" : null,
        };

        var outcome = Evaluate(Passing() with { Need = need });

        Assert.True(outcome.Of(AdmissionThreshold.Need).Passed);
        Assert.Single(outcome.Of(AdmissionThreshold.Need).Reasons);
    }

    [Fact]
    public void Evaluate_NoNeedRecorded_FailsNeedNamingIt()
    {
        var outcome = Evaluate(Passing() with { Need = NeedFacts.None });

        Assert.False(outcome.Passed);
        Assert.Equal([AdmissionReasons.NoNeed], Blocking(outcome, AdmissionThreshold.Need));
    }

    [Fact]
    public void Evaluate_NeedNoteOfOnlySpaces_DoesNotCountAsANeed()
    {
        var outcome = Evaluate(Passing() with { Need = Need(loneliness: "   ") });

        Assert.Equal([AdmissionReasons.NoNeed], Blocking(outcome, AdmissionThreshold.Need));
    }

    [Fact]
    public void Evaluate_SeveralNeeds_ExplainsEach()
    {
        var need = new NeedFacts("Eenzaam", "Druk", "Gemist", "Zorg", false, false);

        var reasons = Evaluate(Passing() with { Need = need }).Of(AdmissionThreshold.Need).Reasons;

        Assert.Equal(
            [AdmissionReasons.NeedLoneliness, AdmissionReasons.NeedLiveabilityPressure, AdmissionReasons.NeedMissedEarlySignalling, AdmissionReasons.NeedCareConcentration],
            reasons.Select(r => r.Template));
        Assert.Equal("Opgave eenzaamheid: Eenzaam", reasons[0].Text);
    }

    [Fact]
    public void Evaluate_MostlySelfSufficientAndHardlyAnyHomeCare_IsExcludedEvenWithANeed()
    {
        var outcome = Evaluate(Passing() with { Need = Need(selfSufficient: true, hardlyAnyCare: true) });

        Assert.False(outcome.Passed);
        Assert.Equal([AdmissionReasons.ExcludedSelfSufficient], Blocking(outcome, AdmissionThreshold.Need));
    }

    [Fact]
    public void Evaluate_OnlyMostlySelfSufficient_DoesNotExclude()
    {
        var outcome = Evaluate(Passing() with { Need = Need(selfSufficient: true, hardlyAnyCare: false) });

        Assert.True(outcome.Of(AdmissionThreshold.Need).Passed);
        Assert.True(outcome.Passed);
    }

    [Fact]
    public void Evaluate_OnlyHardlyAnyHomeCare_DoesNotExclude()
    {
        var outcome = Evaluate(Passing() with { Need = Need(selfSufficient: false, hardlyAnyCare: true) });

        Assert.True(outcome.Of(AdmissionThreshold.Need).Passed);
        Assert.True(outcome.Passed);
    }

    [Fact]
    public void Evaluate_ExcludedAndNoNeed_NamesBoth()
    {
        var outcome = Evaluate(Passing() with { Need = Need(loneliness: null, selfSufficient: true, hardlyAnyCare: true) });

        Assert.Equal([AdmissionReasons.NoNeed, AdmissionReasons.ExcludedSelfSufficient], Blocking(outcome, AdmissionThreshold.Need));
    }

    // --- Governance ---

    [Theory]
    [InlineData(GovernanceParty.Municipality, AdmissionReasons.MunicipalityMissing)]
    [InlineData(GovernanceParty.Corporation, AdmissionReasons.CorporationMissing)]
    [InlineData(GovernanceParty.CareProvider, AdmissionReasons.CareProviderMissing)]
    public void Evaluate_OneAgreementMissing_FailsGovernanceNamingThatParty(GovernanceParty missing, string reason)
    {
        var facts = Passing() with { Governance = [.. AllAgreements().Where(a => a.Party != missing)] };

        var outcome = Evaluate(facts);

        Assert.False(outcome.Passed);
        Assert.Equal([reason], Blocking(outcome, AdmissionThreshold.Governance));
    }

    [Theory]
    [InlineData(GovernanceParty.Municipality, AdmissionReasons.MunicipalityFuture)]
    [InlineData(GovernanceParty.Corporation, AdmissionReasons.CorporationFuture)]
    [InlineData(GovernanceParty.CareProvider, AdmissionReasons.CareProviderFuture)]
    public void Evaluate_AgreementDatedTomorrow_DoesNotCountYet(GovernanceParty party, string reason)
    {
        var facts = Passing() with { Governance = [.. AllAgreements().Select(a => a.Party == party ? Agreement(party, Today.AddDays(1)) : a)] };

        var outcome = Evaluate(facts);

        Assert.False(outcome.Passed);
        Assert.Equal([reason], Blocking(outcome, AdmissionThreshold.Governance));
    }

    [Fact]
    public void Evaluate_AgreementDatedToday_Counts()
    {
        var facts = Passing() with { Governance = [.. AllAgreements().Select(a => a with { AgreedOn = Today })] };

        Assert.True(Evaluate(facts).Of(AdmissionThreshold.Governance).Passed);
    }

    [Fact]
    public void Evaluate_FutureAgreement_CountsOnceThatDayHasCome()
    {
        var facts = Passing() with { Governance = [.. AllAgreements().Select(a => a with { AgreedOn = Today.AddDays(7) })] };

        Assert.False(Evaluate(facts, today: Today).Passed);
        Assert.True(Evaluate(facts, today: Today.AddDays(7)).Passed);
    }

    [Fact]
    public void Evaluate_FutureAgreement_ExplainsTheDateInWords()
    {
        var facts = Passing() with { Governance = [.. AllAgreements().Select(a => a.Party == GovernanceParty.Municipality ? Agreement(a.Party, new DateOnly(2025, 4, 1)) : a)] };

        var reason = Evaluate(facts).Of(AdmissionThreshold.Governance).Reasons.Single(r => r.Blocks);

        Assert.Equal("De instemming van de gemeente is gedateerd op 1 april 2025, in de toekomst; die telt nog niet.", reason.Text);
    }

    [Fact]
    public void Evaluate_AgreementRecorded_ExplainsWhoWhenAndReference()
    {
        var reasons = Evaluate(Passing()).Of(AdmissionThreshold.Governance).Reasons;

        Assert.Equal("De gemeente stemde in op 4 maart 2025 (Wethouder Zorg, kenmerk BESLUIT-2025-1).", reasons[0].Text);
    }

    [Fact]
    public void Evaluate_NoAgreementAtAll_NamesEveryParty()
    {
        var outcome = Evaluate(Passing() with { Governance = [] });

        Assert.Equal(3, Blocking(outcome, AdmissionThreshold.Governance).Count());
    }

    [Fact]
    public void Reasons_EveryTemplateFormatsWithItsArguments()
    {
        foreach (var template in AdmissionReasons.All)
        {
            var reason = new AdmissionReason(template, ["a", "b", "c", "d"], false);
            Assert.DoesNotContain("{", reason.Text, StringComparison.Ordinal);
        }
    }
}
