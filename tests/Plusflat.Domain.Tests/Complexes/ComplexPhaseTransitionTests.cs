using Plusflat.Domain.Common;
using Plusflat.Domain.Complexes;
using Plusflat.Domain.Phases;
using static Plusflat.Domain.Tests.TestData;

namespace Plusflat.Domain.Tests.Complexes;

public class ComplexPhaseTransitionTests
{
    private readonly PhaseCatalogue _catalogue = Catalogue();

    private readonly Complex _complex;

    public ComplexPhaseTransitionTests() => _complex = Complex(_catalogue);

    private PhaseTransition Advance(string? overrideReason = null, bool mayOverride = false) =>
        _complex.AdvancePhase(_catalogue, mayOverride ? LeadId : MemberId, mayOverride ? LeadName : MemberName, Now, overrideReason, mayOverride);

    [Fact]
    public void AdvancePhase_CompleteChecklist_MovesToTheNextPhaseAndRecordsIt()
    {
        TickAll(_complex, _catalogue);

        var transition = Advance();

        Assert.Equal(1, _complex.CurrentPhase);
        Assert.Same(transition, Assert.Single(_complex.PhaseTransitions));
        Assert.NotEqual(Guid.Empty, transition.Id);
        Assert.Equal(TenantId, transition.TenantId);
        Assert.Equal(_complex.Id, transition.ComplexId);
        Assert.Equal(0, transition.FromPhase);
        Assert.Equal(1, transition.ToPhase);
        Assert.Equal(Now, transition.At);
        Assert.Equal(MemberId, transition.By);
        Assert.Equal(MemberName, transition.ByName);
        Assert.Null(transition.Reason);
        Assert.False(transition.WasOverride);
        Assert.False(transition.IsReturn);
    }

    [Fact]
    public void AdvancePhase_NewPhase_HasItsOwnOpenItems()
    {
        TickAll(_complex, _catalogue);
        Advance();

        Assert.Equal(6, _complex.OpenItems(_catalogue).Count);
        Assert.All(_complex.OpenItems(_catalogue), item => Assert.Equal(1, item.Phase));
    }

    [Fact]
    public void AdvancePhase_OneItemOpen_RefusedNamingIt()
    {
        _complex.TickItem(_catalogue, ItemOf(_catalogue, "p0-programma").Id, Today, MemberId, MemberName, null, null, Today, Now);

        var error = Assert.Throws<DomainException>(() => Advance());

        Assert.Equal(
            "Nog 1 van 2 punten van fase 0 (Programma opzet) staat open: Locatiekeuze gemaakt. "
            + "Vink ze eerst af, of vraag een programmaleider om af te wijken.",
            error.Message);
        Assert.Null(error.Field);
        Assert.Equal(0, _complex.CurrentPhase);
        Assert.Empty(_complex.PhaseTransitions);
    }

    [Fact]
    public void AdvancePhase_SeveralItemsOpen_RefusedListingThemInOrder()
    {
        AdvanceTo(_complex, _catalogue, 1);
        _complex.TickItem(_catalogue, ItemOf(_catalogue, "p1-verkend").Id, Today, MemberId, MemberName, null, null, Today, Now);

        var error = Assert.Throws<DomainException>(() => Advance());

        Assert.StartsWith(
            "Nog 5 van 6 punten van fase 1 (Verkennen samenwerking) staan open: Gezamenlijke ambitie, Samenwerkingsafspraken, "
            + "Projectstructuur, Samenwerking geborgd, Plan van aanpak met begroting.",
            error.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void AdvancePhase_ItemUnticked_RefusedAgain()
    {
        TickAll(_complex, _catalogue);
        _complex.UntickItem(ItemOf(_catalogue, "p0-programma").Id, LeadId, LeadName, "Nog niet rond", Now);

        Assert.Throws<DomainException>(() => Advance());
    }

    [Fact]
    public void AdvancePhase_IncompleteForALeadWithoutReason_RefusedPointingAtTheReason()
    {
        var error = Assert.Throws<DomainException>(() => Advance(overrideReason: null, mayOverride: true));

        Assert.Equal("Reason", error.Field);
        Assert.EndsWith("Vink ze af, of vul een reden in om toch naar de volgende fase te gaan.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AdvancePhase_OverrideWithReasonByLead_AdvancesAndRecordsTheOverride()
    {
        var transition = Advance(" Locatie al gekozen in het vorige programma. ", mayOverride: true);

        Assert.Equal(1, _complex.CurrentPhase);
        Assert.True(transition.WasOverride);
        Assert.Equal("Locatie al gekozen in het vorige programma.", transition.Reason);
        Assert.Equal(LeadId, transition.By);
        Assert.Equal(LeadName, transition.ByName);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void AdvancePhase_OverrideWithoutReason_Refused(string reason)
    {
        Assert.Throws<DomainException>(() => Advance(reason, mayOverride: true));

        Assert.Equal(0, _complex.CurrentPhase);
    }

    [Fact]
    public void AdvancePhase_OverrideReasonTooLong_Refused() =>
        Assert.Equal("Reason", Assert.Throws<DomainException>(() => Advance(new string('r', 1001), mayOverride: true)).Field);

    [Fact]
    public void AdvancePhase_OverrideByNonLead_Refused()
    {
        var error = Assert.Throws<DomainException>(() => Advance("Het moet nu", mayOverride: false));

        Assert.Equal("Alleen een programmaleider mag met een reden afwijken van de checklist.", error.Message);
        Assert.Equal("Reason", error.Field);
        Assert.Equal(0, _complex.CurrentPhase);
        Assert.Empty(_complex.PhaseTransitions);
    }

    [Fact]
    public void AdvancePhase_ReasonByNonLeadOnCompleteChecklist_Refused()
    {
        TickAll(_complex, _catalogue);

        Assert.Throws<DomainException>(() => Advance("Opmerking", mayOverride: false));
    }

    [Fact]
    public void AdvancePhase_ReasonByLeadOnCompleteChecklist_AdvancesWithoutOverrideKeepingTheRemark()
    {
        TickAll(_complex, _catalogue);

        var transition = Advance("Net op tijd afgerond", mayOverride: true);

        Assert.False(transition.WasOverride);
        Assert.Equal("Net op tijd afgerond", transition.Reason);
    }

    [Fact]
    public void AdvancePhase_LeadWithCompleteChecklistAndNoReason_IsANormalAdvance()
    {
        TickAll(_complex, _catalogue);

        Assert.False(Advance(mayOverride: true).WasOverride);
    }

    [Fact]
    public void AdvancePhase_ThroughEveryPhase_ReachesPhaseFourWithFourTransitions()
    {
        AdvanceTo(_complex, _catalogue, 4);

        Assert.Equal(4, _complex.CurrentPhase);
        Assert.Equal([(0, 1), (1, 2), (2, 3), (3, 4)], _complex.PhaseTransitions.Select(t => (t.FromPhase, t.ToPhase)));
        Assert.All(_complex.PhaseTransitions, transition => Assert.Equal(TenantId, transition.TenantId));
    }

    [Fact]
    public void AdvancePhase_InPhaseFour_Refused()
    {
        AdvanceTo(_complex, _catalogue, 4);
        TickAll(_complex, _catalogue);

        var error = Assert.Throws<DomainException>(() => Advance());

        Assert.Contains("de laatste fase", error.Message, StringComparison.Ordinal);
        Assert.Equal(4, _complex.CurrentPhase);
        Assert.Throws<DomainException>(() => Advance("Toch door", mayOverride: true));
    }

    [Fact]
    public void AdvancePhase_AnotherCatalogue_Throws() =>
        Assert.Throws<ArgumentException>(() => _complex.AdvancePhase(Catalogue(), LeadId, LeadName, Now, "x", mayOverride: true));

    [Fact]
    public void AdvancePhase_NoActingUser_Throws() =>
        Assert.Throws<ArgumentException>(() => _complex.AdvancePhase(_catalogue, Guid.Empty, LeadName, Now, "x", mayOverride: true));

    [Fact]
    public void ReturnToPhase_PreviousPhaseWithReason_MovesBackAndRecordsWhy()
    {
        AdvanceTo(_complex, _catalogue, 2);

        var transition = _complex.ReturnToPhase(1, LeadId, LeadName, Now.AddDays(3), " Zorgaanbieder trekt zich terug. ");

        Assert.Equal(1, _complex.CurrentPhase);
        Assert.Equal(2, transition.FromPhase);
        Assert.Equal(1, transition.ToPhase);
        Assert.True(transition.IsReturn);
        Assert.False(transition.WasOverride);
        Assert.Equal("Zorgaanbieder trekt zich terug.", transition.Reason);
        Assert.Equal(Now.AddDays(3), transition.At);
        Assert.Equal(TenantId, transition.TenantId);
        Assert.Equal(3, _complex.PhaseTransitions.Count);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void ReturnToPhase_WithoutReason_Refused(string reason)
    {
        AdvanceTo(_complex, _catalogue, 1);

        var error = Assert.Throws<DomainException>(() => _complex.ReturnToPhase(0, LeadId, LeadName, Now, reason));

        Assert.Equal("Reason", error.Field);
        Assert.Equal("De reden is verplicht.", error.Message);
        Assert.Equal(1, _complex.CurrentPhase);
    }

    [Fact]
    public void ReturnToPhase_TwoPhasesBack_Refused()
    {
        AdvanceTo(_complex, _catalogue, 3);

        var error = Assert.Throws<DomainException>(() => _complex.ReturnToPhase(1, LeadId, LeadName, Now, "Opnieuw"));

        Assert.Equal("ToPhase", error.Field);
        Assert.Equal("Terug kan alleen naar de vorige fase: fase 2 (Inrichten).", error.Message);
        Assert.Equal(3, _complex.CurrentPhase);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void ReturnToPhase_SameOrLaterPhase_Refused(int target)
    {
        AdvanceTo(_complex, _catalogue, 2);

        Assert.Throws<DomainException>(() => _complex.ReturnToPhase(target, LeadId, LeadName, Now, "Reden"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void ReturnToPhase_InPhaseZero_Refused(int target)
    {
        var error = Assert.Throws<DomainException>(() => _complex.ReturnToPhase(target, LeadId, LeadName, Now, "Reden"));

        Assert.Contains("de eerste fase", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, _complex.CurrentPhase);
    }

    [Fact]
    public void ReturnToPhase_KeepsTicks_SoTheComplexCanAdvanceAgainWithoutTickingAnew()
    {
        AdvanceTo(_complex, _catalogue, 2);
        var ticks = _complex.ActiveTicks().Count;

        _complex.ReturnToPhase(1, LeadId, LeadName, Now, "Afspraken herzien");

        Assert.Equal(ticks, _complex.ActiveTicks().Count);
        Assert.True(_complex.IsCurrentPhaseComplete(_catalogue));
        Advance();
        Assert.Equal(2, _complex.CurrentPhase);
    }

    [Fact]
    public void TransitionTo_NextPhase_AdvancesWhenComplete()
    {
        TickAll(_complex, _catalogue);

        var transition = _complex.TransitionTo(_catalogue, 1, MemberId, MemberName, Now, null, mayOverride: false);

        Assert.Equal(1, _complex.CurrentPhase);
        Assert.False(transition.WasOverride);
    }

    [Fact]
    public void TransitionTo_NextPhaseIncomplete_RefusedLikeAdvance() =>
        Assert.Throws<DomainException>(() => _complex.TransitionTo(_catalogue, 1, MemberId, MemberName, Now, null, mayOverride: false));

    [Fact]
    public void TransitionTo_NextPhaseWithOverrideByLead_RecordsOverride()
    {
        var transition = _complex.TransitionTo(_catalogue, 1, LeadId, LeadName, Now, "Besluit stuurgroep", mayOverride: true);

        Assert.True(transition.WasOverride);
        Assert.Equal("Besluit stuurgroep", transition.Reason);
    }

    [Fact]
    public void TransitionTo_NextPhaseWithOverrideByNonLead_Refused() =>
        Assert.Throws<DomainException>(
            () => _complex.TransitionTo(_catalogue, 1, MemberId, MemberName, Now, "Besluit stuurgroep", mayOverride: false));

    [Fact]
    public void TransitionTo_PreviousPhaseWithReason_Returns()
    {
        AdvanceTo(_complex, _catalogue, 3);

        var transition = _complex.TransitionTo(_catalogue, 2, LeadId, LeadName, Now, "Flatteam opnieuw inrichten", mayOverride: false);

        Assert.Equal(2, _complex.CurrentPhase);
        Assert.True(transition.IsReturn);
    }

    [Fact]
    public void TransitionTo_PreviousPhaseWithoutReason_Refused()
    {
        AdvanceTo(_complex, _catalogue, 1);

        var error = Assert.Throws<DomainException>(() => _complex.TransitionTo(_catalogue, 0, LeadId, LeadName, Now, null, mayOverride: true));

        Assert.Equal("Reason", error.Field);
    }

    [Theory]
    [InlineData(0, 2)]
    [InlineData(0, 4)]
    [InlineData(1, 3)]
    [InlineData(2, 0)]
    [InlineData(4, 2)]
    public void TransitionTo_SkippingAPhase_Refused(int from, int to)
    {
        AdvanceTo(_complex, _catalogue, from);
        TickAll(_complex, _catalogue);

        var error = Assert.Throws<DomainException>(() => _complex.TransitionTo(_catalogue, to, LeadId, LeadName, Now, "Reden", mayOverride: true));

        Assert.Equal("ToPhase", error.Field);
        Assert.StartsWith("Een fase overslaan kan niet", error.Message, StringComparison.Ordinal);
        Assert.Equal(from, _complex.CurrentPhase);
    }

    [Fact]
    public void TransitionTo_SkippingFromPhaseZero_SaysOnlyForwardIsPossible() =>
        Assert.Equal(
            "Een fase overslaan kan niet: vanuit fase 0 kan het complex alleen naar fase 1.",
            Assert.Throws<DomainException>(() => _complex.TransitionTo(_catalogue, 2, LeadId, LeadName, Now, null, mayOverride: true)).Message);

    [Fact]
    public void TransitionTo_CurrentPhase_Refused() =>
        Assert.Equal(
            "Het complex zit al in fase 0 (Programma opzet).",
            Assert.Throws<DomainException>(() => _complex.TransitionTo(_catalogue, 0, LeadId, LeadName, Now, "x", mayOverride: true)).Message);

    [Fact]
    public void TransitionTo_BeyondPhaseFour_Refused()
    {
        AdvanceTo(_complex, _catalogue, 4);

        var error = Assert.Throws<DomainException>(() => _complex.TransitionTo(_catalogue, 5, LeadId, LeadName, Now, "x", mayOverride: true));

        Assert.Equal("Kies een fase van 0 tot en met 4.", error.Message);
        Assert.Equal(4, _complex.CurrentPhase);
    }

    [Fact]
    public void TransitionTo_BelowPhaseZero_Refused()
    {
        var error = Assert.Throws<DomainException>(() => _complex.TransitionTo(_catalogue, -1, LeadId, LeadName, Now, "x", mayOverride: true));

        Assert.Equal("ToPhase", error.Field);
        Assert.Equal(0, _complex.CurrentPhase);
    }
}
