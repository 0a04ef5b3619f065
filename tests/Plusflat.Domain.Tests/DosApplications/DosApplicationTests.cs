using Plusflat.Domain.Common;
using Plusflat.Domain.DosApplications;
using static Plusflat.Domain.Tests.DosApplications.DosTestData;

namespace Plusflat.Domain.Tests.DosApplications;

public class DosSubmitConditionTests
{
    [Fact]
    public void Submit_EveryConditionMet_SubmitsAndMarksCompleteToday()
    {
        var application = Draft();

        var entry = application.Submit(Programme, "Lotte", Now);

        Assert.Equal(DosApplicationStatus.Submitted, application.Status);
        Assert.Equal(Today, application.CompleteOn);
        Assert.Equal(Now, application.SubmittedAt);
        Assert.Equal(DosEventKind.Submitted, entry.Kind);
        Assert.Equal(DosApplicationStatus.Draft, entry.FromStatus);
        Assert.Equal(DosApplicationStatus.Submitted, entry.ToStatus);
        Assert.Same(application.Snapshot, entry.Snapshot);
        Assert.Equal(Zorgkantoor, entry.ZorgkantoorTenantId);
    }

    [Fact]
    public void Submit_NothingMet_ListsEveryReasonAtOnce()
    {
        var application = Draft(Details(coalition: [], establishment: false, perYear: 0m), Snapshot(withGate: false, withStandard: false, withCase: false));

        var error = Assert.Throws<DomainException>(() => application.Submit(Programme, "Lotte", Now));

        Assert.Equal(
            [DosSubmitConditions.GateField, DosSubmitConditions.StandardField, DosSubmitConditions.BusinessCaseField,
             DosSubmitConditions.CoalitionField, DosSubmitConditions.EstablishmentField, DosSubmitConditions.RequestedField],
            error.Errors.Select(e => e.Field));
        Assert.Equal(DosApplicationStatus.Draft, application.Status);
        Assert.Null(application.SubmittedAt);
    }

    [Fact]
    public void Submit_GateFailed_IsRefusedAtTheGate()
    {
        var error = Assert.Throws<DomainException>(() => Draft(snapshot: Snapshot(gate: false)).Submit(Programme, "Lotte", Now));

        var only = Assert.Single(error.Errors);
        Assert.Equal(DosSubmitConditions.GateField, only.Field);
        Assert.Contains("haalt de toelatingspoort niet", only.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Submit_NotEligibleUnderTheStandard_IsRefusedAtTheStandard()
    {
        var error = Assert.Throws<DomainException>(() => Draft(snapshot: Snapshot(eligible: false)).Submit(Programme, "Lotte", Now));

        Assert.Equal(DosSubmitConditions.StandardField, Assert.Single(error.Errors).Field);
    }

    [Fact]
    public void Submit_BusinessCaseNotPositive_NamesTheVersion()
    {
        var error = Assert.Throws<DomainException>(() => Draft(snapshot: Snapshot(positive: false)).Submit(Programme, "Lotte", Now));

        var only = Assert.Single(error.Errors);
        Assert.Equal(DosSubmitConditions.BusinessCaseField, only.Field);
        Assert.Contains("Versie 2", only.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Submit_NoFrozenBusinessCase_AsksToChooseOne()
    {
        var error = Assert.Throws<DomainException>(() => Draft(snapshot: Snapshot(withCase: false)).Submit(Programme, "Lotte", Now));

        Assert.Contains("vastgelegde versie", Assert.Single(error.Errors).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CoalitionParty.Municipality, "gemeente")]
    [InlineData(CoalitionParty.HousingCorporation, "woningcorporatie")]
    [InlineData(CoalitionParty.CareProvider, "zorgaanbieder")]
    public void Submit_OnePartyHasNotAgreed_NamesThatParty(CoalitionParty missing, string name)
    {
        var coalition = FullCoalition().Where(a => a.Party != missing).ToList();

        var error = Assert.Throws<DomainException>(() => Draft(Details(coalition)).Submit(Programme, "Lotte", Now));

        var only = Assert.Single(error.Errors);
        Assert.Equal(DosSubmitConditions.CoalitionField, only.Field);
        Assert.Equal($"De instemming ontbreekt van: {name}.", only.Message);
    }

    [Fact]
    public void Submit_NoRegionalEstablishment_IsRefused()
    {
        var error = Assert.Throws<DomainException>(() => Draft(Details(establishment: false)).Submit(Programme, "Lotte", Now));

        Assert.Equal(DosSubmitConditions.EstablishmentField, Assert.Single(error.Errors).Field);
    }

    [Fact]
    public void Submit_NothingRequested_IsRefused()
    {
        var error = Assert.Throws<DomainException>(() => Draft(Details(perYear: 0m)).Submit(Programme, "Lotte", Now));

        Assert.Equal(DosSubmitConditions.RequestedField, Assert.Single(error.Errors).Field);
    }
}

public class DosApplicationDetailsTests
{
    [Fact]
    public void Create_BadValuesEverywhere_NamesEveryField()
    {
        var error = Assert.Throws<DomainException>(() => DosApplicationDetails.Create(" ",
            [new(CoalitionParty.Municipality, "", "x", Today), new(CoalitionParty.Municipality, "Gemeente", "x", Today)],
            new RegionalEstablishment("", Today, ""), 2027, 2026, []));

        var fields = error.Errors.Select(e => e.Field).ToList();
        Assert.Contains("Submitter", fields);
        Assert.Contains("Coalition[0].Organisation", fields);
        Assert.Contains("Coalition[1].Party", fields);
        Assert.Contains("Establishment.Body", fields);
        Assert.Contains("Establishment.Reference", fields);
        Assert.Contains("LastYear", fields);
    }

    [Fact]
    public void Create_AYearOfThePeriodWithoutAmount_NamesTheYear()
    {
        var error = Assert.Throws<DomainException>(() => DosApplicationDetails.Create("Woonstad", [], null, 2027, 2029, [new(2027, 1m)]));

        Assert.Equal("Vul het gevraagde bedrag in voor 2028, 2029.", Assert.Single(error.Errors).Message);
    }

    [Theory]
    [InlineData(2026, 1)]
    [InlineData(2027, -1)]
    [InlineData(2027, 0.001)]
    public void Create_AmountOutsidePeriodOrNotInCents_IsRefused(int year, double amount)
    {
        var error = Assert.Throws<DomainException>(() => DosApplicationDetails.Create("Woonstad", [], null, 2027, 2027, [new(year, (decimal)amount)]));

        Assert.All(error.Errors, e => Assert.Equal("Requested", e.Field));
    }

    [Fact]
    public void Create_TwoAmountsForOneYear_IsRefused()
    {
        var error = Assert.Throws<DomainException>(() => DosApplicationDetails.Create("Woonstad", [], null, 2027, 2027, [new(2027, 1m), new(2027, 2m)]));

        Assert.Equal("Vraag per jaar één bedrag aan.", Assert.Single(error.Errors).Message);
    }

    [Fact]
    public void Create_PeriodLongerThanTenYears_IsRefused()
    {
        var error = Assert.Throws<DomainException>(() => DosApplicationDetails.Create("Woonstad", [], null, 2027, 2037, []));

        Assert.Equal("LastYear", Assert.Single(error.Errors).Field);
    }

    [Fact]
    public void Create_ControlCharacterInSubmitter_IsRefused()
    {
        Assert.Throws<DomainException>(() => DosApplicationDetails.Create("Woon\u202Estad", [], null, 2027, 2027, [new(2027, 1m)]));
    }

    [Fact]
    public void Create_Valid_KeepsAmountsInYearOrderAndSums()
    {
        var details = DosApplicationDetails.Create(" Woonstad ", FullCoalition(), null, 2027, 2028, [new(2028, 2m), new(2027, 1m)]);

        Assert.Equal("Woonstad", details.Submitter);
        Assert.Equal([2027, 2028], details.Requested.Select(r => r.Year));
        Assert.Equal(3m, details.RequestedTotal);
        Assert.Equal(2, details.Years);
        Assert.Equal(0m, details.RequestedIn(2030));
    }
}

public class DosTransitionTests
{
    public static TheoryData<DosApplicationStatus, DosApplicationStatus, DosSide> AllowedMoves => new()
    {
        { DosApplicationStatus.Draft, DosApplicationStatus.Submitted, DosSide.Programme },
        { DosApplicationStatus.Draft, DosApplicationStatus.Withdrawn, DosSide.Programme },
        { DosApplicationStatus.Submitted, DosApplicationStatus.Withdrawn, DosSide.Programme },
        { DosApplicationStatus.MoreInformationRequested, DosApplicationStatus.Withdrawn, DosSide.Programme },
        { DosApplicationStatus.Resubmitted, DosApplicationStatus.Withdrawn, DosSide.Programme },
        { DosApplicationStatus.MoreInformationRequested, DosApplicationStatus.Resubmitted, DosSide.Programme },
        { DosApplicationStatus.Submitted, DosApplicationStatus.MoreInformationRequested, DosSide.Zorgkantoor },
        { DosApplicationStatus.Submitted, DosApplicationStatus.Granted, DosSide.Zorgkantoor },
        { DosApplicationStatus.Submitted, DosApplicationStatus.Rejected, DosSide.Zorgkantoor },
        { DosApplicationStatus.Resubmitted, DosApplicationStatus.MoreInformationRequested, DosSide.Zorgkantoor },
        { DosApplicationStatus.Resubmitted, DosApplicationStatus.Granted, DosSide.Zorgkantoor },
        { DosApplicationStatus.Resubmitted, DosApplicationStatus.Rejected, DosSide.Zorgkantoor },
    };

    [Theory]
    [MemberData(nameof(AllowedMoves))]
    public void Allowed_TheListedMoves_AreAllowed(DosApplicationStatus from, DosApplicationStatus to, DosSide side) =>
        Assert.True(DosTransitions.Allowed(from, to, side));

    [Fact]
    public void Allowed_EveryOtherMove_IsRefused()
    {
        var allowed = AllowedMoves.Select(row => ((DosApplicationStatus)row[0], (DosApplicationStatus)row[1], (DosSide)row[2])).ToHashSet();
        foreach (var from in Enum.GetValues<DosApplicationStatus>())
        {
            foreach (var to in Enum.GetValues<DosApplicationStatus>())
            {
                foreach (var side in Enum.GetValues<DosSide>())
                {
                    Assert.Equal(allowed.Contains((from, to, side)), DosTransitions.Allowed(from, to, side));
                }
            }
        }
    }

    [Fact]
    public void IsFinal_GrantedRejectedWithdrawn_AreFinal() =>
        Assert.Equal([DosApplicationStatus.Granted, DosApplicationStatus.Rejected, DosApplicationStatus.Withdrawn],
            Enum.GetValues<DosApplicationStatus>().Where(DosTransitions.IsFinal));

    [Fact]
    public void Name_EveryStatus_HasADutchName() =>
        Assert.All(Enum.GetValues<DosApplicationStatus>(), s => Assert.NotEqual(s.ToString(), DosTransitions.Name(s)));

    [Fact]
    public void SubmitTwice_IsRefused()
    {
        var application = Submitted();

        var error = Assert.Throws<DomainException>(() => application.Submit(Programme, "Lotte", Now));
        Assert.Contains("Van 'Ingediend' naar 'Ingediend' kan niet.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AskQuestion_OnADraft_IsRefused() =>
        Assert.Throws<DomainException>(() => Draft().AskForInformation("Waarom?", Zorgkantoor, "Anna", Now));

    [Fact]
    public void AskQuestion_Submitted_OpensTheQuestionAndStopsTheDecisionTerm()
    {
        var application = Submitted();

        var entry = application.AskForInformation("Hoe zit het met de nulmeting?", Zorgkantoor, "Anna", Now.AddDays(3));

        Assert.Equal(DosApplicationStatus.MoreInformationRequested, application.Status);
        Assert.Equal("Hoe zit het met de nulmeting?", application.OpenQuestion);
        Assert.Equal(Today.AddDays(3), application.QuestionAskedOn);
        Assert.Equal(DosEventKind.QuestionAsked, entry.Kind);
        Assert.Equal(Zorgkantoor, entry.ActorTenantId);
        Assert.Equal("Hoe zit het met de nulmeting?", entry.Text);
    }

    [Fact]
    public void AskQuestion_WithoutText_IsRefusedAtTheReasons()
    {
        var error = Assert.Throws<DomainException>(() => Submitted().AskForInformation(" ", Zorgkantoor, "Anna", Now));
        Assert.Equal("Reasons", error.Field);
    }

    [Fact]
    public void AnswerAndResubmit_TakesTheNewSnapshotAndRestartsTheTerm()
    {
        var application = Submitted();
        application.AskForInformation("Vraag", Zorgkantoor, "Anna", Now);
        var fresh = Snapshot() with { TakenAt = Now.AddDays(10) };

        var entry = application.AnswerAndResubmit("Antwoord", fresh, Programme, "Lotte", Now.AddDays(10));

        Assert.Equal(DosApplicationStatus.Resubmitted, application.Status);
        Assert.Same(fresh, application.Snapshot);
        Assert.Null(application.OpenQuestion);
        Assert.Equal(Today.AddDays(10), application.CompleteOn);
        Assert.Equal(Now, application.SubmittedAt);
        Assert.Equal("Antwoord", entry.Text);
        Assert.Same(fresh, entry.Snapshot);
    }

    [Fact]
    public void AnswerAndResubmit_NewSnapshotFailsAConditionIsRefusedAndNothingChanges()
    {
        var application = Submitted();
        application.AskForInformation("Vraag", Zorgkantoor, "Anna", Now);
        var before = application.Snapshot;

        Assert.Throws<DomainException>(() => application.AnswerAndResubmit("Antwoord", Snapshot(gate: false), Programme, "Lotte", Now));

        Assert.Equal(DosApplicationStatus.MoreInformationRequested, application.Status);
        Assert.Same(before, application.Snapshot);
        Assert.Equal("Vraag", application.OpenQuestion);
    }

    [Fact]
    public void AnswerAndResubmit_WithoutAQuestion_IsRefused() =>
        Assert.Throws<DomainException>(() => Submitted().AnswerAndResubmit("Antwoord", Snapshot(), Programme, "Lotte", Now));

    [Fact]
    public void Revise_WhileSubmitted_IsRefused() =>
        Assert.Throws<DomainException>(() => Submitted().Revise(Details(), Snapshot(), Zorgkantoor, "Lotte", Now));

    [Fact]
    public void Revise_Draft_MayChangeTheAddressee()
    {
        var application = Draft();

        application.Revise(Details(), Snapshot(), OtherZorgkantoor, "Lotte", Now);

        Assert.Equal(OtherZorgkantoor, application.ZorgkantoorTenantId);
    }

    [Fact]
    public void Revise_WhileAQuestionIsOpen_KeepsTheAddressee()
    {
        var application = Submitted();
        application.AskForInformation("Vraag", Zorgkantoor, "Anna", Now);

        application.Revise(Details(perYear: 90_000m), Snapshot(), Zorgkantoor, "Lotte", Now);
        var error = Assert.Throws<DomainException>(() => application.Revise(Details(), Snapshot(), OtherZorgkantoor, "Lotte", Now));

        Assert.Equal(270_000m, application.Details.RequestedTotal);
        Assert.Equal("ZorgkantoorTenantId", error.Field);
    }

    [Theory]
    [InlineData(DosApplicationStatus.Draft)]
    [InlineData(DosApplicationStatus.Submitted)]
    [InlineData(DosApplicationStatus.MoreInformationRequested)]
    public void Withdraw_NotYetDecided_Withdraws(DosApplicationStatus status)
    {
        var application = status == DosApplicationStatus.Draft ? Draft() : Submitted();
        if (status == DosApplicationStatus.MoreInformationRequested)
        {
            application.AskForInformation("Vraag", Zorgkantoor, "Anna", Now);
        }

        var entry = application.Withdraw("Geen draagvlak meer", Programme, "Lotte", Now);

        Assert.Equal(DosApplicationStatus.Withdrawn, application.Status);
        Assert.Equal(status, entry.FromStatus);
        Assert.Equal("Geen draagvlak meer", entry.Text);
    }

    [Fact]
    public void Withdraw_Granted_IsRefused()
    {
        var application = Submitted();
        application.Grant(Terms(), CompleteScoring(), DosDeadlineSettings.Default, Zorgkantoor, "Anna", Now);

        Assert.Throws<DomainException>(() => application.Withdraw(null, Programme, "Lotte", Now));
    }

    [Fact]
    public void Created_IsADraftEntry()
    {
        var application = Draft();
        var entry = DosApplicationEvent.Created(application, Programme, "Lotte", Now);
        Assert.Equal(DosEventKind.Created, entry.Kind);
        Assert.Equal(application.Id, entry.ApplicationId);
        Assert.Equal(Programme, entry.TenantId);
    }
}

public class DosDecisionTests
{
    [Fact]
    public void Grant_Submitted_RecordsTheDecisionWithSixWeeksObjectionTerm()
    {
        var application = Submitted();

        var entry = application.Grant(Terms(), CompleteScoring(), DosDeadlineSettings.Default, Zorgkantoor, "Anna", Now);

        Assert.Equal(DosApplicationStatus.Granted, application.Status);
        var decision = application.Decision!;
        Assert.Equal(Today.AddDays(42), decision.ObjectionDeadline);
        Assert.Equal(300_000m, decision.Total);
        Assert.Equal("PF-2026-0001", decision.LabelNumber);
        Assert.Equal(new DateOnly(2027, 1, 1), decision.EffectiveOn);
        Assert.Equal(DosEventKind.Granted, entry.Kind);
    }

    [Fact]
    public void Grant_ConfiguredObjectionTerm_IsUsed()
    {
        var application = Submitted();
        application.Grant(Terms(), CompleteScoring(), new DosDeadlineSettings(ObjectionWeeks: 8), Zorgkantoor, "Anna", Now);
        Assert.Equal(Today.AddDays(56), application.Decision!.ObjectionDeadline);
    }

    [Fact]
    public void Grant_Twice_IsRefusedAsAlreadyDecided()
    {
        var application = Submitted();
        application.Grant(Terms(), CompleteScoring(), DosDeadlineSettings.Default, Zorgkantoor, "Anna", Now);

        Assert.Throws<DosAlreadyDecidedException>(() => application.Grant(Terms(), CompleteScoring(), DosDeadlineSettings.Default, Zorgkantoor, "Bert", Now));
        Assert.Throws<DosAlreadyDecidedException>(() => application.Reject("Nee", Today, DosDeadlineSettings.Default, Zorgkantoor, "Bert", Now));
        Assert.Throws<DosAlreadyDecidedException>(() => application.AskForInformation("Vraag", Zorgkantoor, "Bert", Now));
    }

    [Fact]
    public void Grant_WhileAQuestionIsOpen_IsRefused()
    {
        var application = Submitted();
        application.AskForInformation("Vraag", Zorgkantoor, "Anna", Now);

        var error = Assert.Throws<DomainException>(() => application.Grant(Terms(), CompleteScoring(), DosDeadlineSettings.Default, Zorgkantoor, "Anna", Now));
        Assert.Contains("wacht niet op een besluit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Grant_Withdrawn_IsRefusedAsAlreadyHandled()
    {
        var application = Submitted();
        application.Withdraw(null, Programme, "Lotte", Now);

        Assert.Throws<DosAlreadyDecidedException>(() => application.Grant(Terms(), CompleteScoring(), DosDeadlineSettings.Default, Zorgkantoor, "Anna", Now));
    }

    [Fact]
    public void Grant_IncompleteScoringMoreThanRequestedAndBadDates_NamesEverything()
    {
        var application = Submitted();
        var scoring = DosScoring.Evaluate(DosCriteriaCatalogue.OfVersion(1), DosTestData.AllScored().Skip(1).ToList());
        var terms = new DosGrantTerms([new(2027, 150_000m), new(2031, 1m)], Today, Today.AddDays(-1), Today.AddDays(-2), "", "PF-2026-0001");

        var error = Assert.Throws<DomainException>(() => application.Grant(terms, scoring, DosDeadlineSettings.Default, Zorgkantoor, "Anna", Now));

        var messages = error.Errors.Select(e => e.Message).ToList();
        Assert.Contains(messages, m => m.StartsWith("Scoor eerst elk landelijk criterium (nog open: concentration)", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("er kan niet meer worden toegekend", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("2031 valt buiten", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.Field == "EffectiveOn");
        Assert.Contains(error.Errors, e => e.Field == "ReviewOn");
        Assert.Equal(DosApplicationStatus.Submitted, application.Status);
        Assert.Null(application.Decision);
    }

    [Fact]
    public void Grant_NoAmounts_IsRefused()
    {
        var terms = Terms() with { Amounts = [] };
        var error = Assert.Throws<DomainException>(() => Submitted().Grant(terms, CompleteScoring(), DosDeadlineSettings.Default, Zorgkantoor, "Anna", Now));
        Assert.Equal("Amounts", Assert.Single(error.Errors).Field);
    }

    [Fact]
    public void Reject_WithReasons_RecordsAnObjectionTermAndNoAmounts()
    {
        var application = Submitted();

        var entry = application.Reject("Business case onvoldoende onderbouwd", Today, DosDeadlineSettings.Default, Zorgkantoor, "Anna", Now);

        Assert.Equal(DosApplicationStatus.Rejected, application.Status);
        Assert.Empty(application.Decision!.Amounts);
        Assert.Equal(Today.AddDays(42), application.Decision.ObjectionDeadline);
        Assert.Equal("Business case onvoldoende onderbouwd", entry.Text);
    }

    [Fact]
    public void Reject_WithoutReasons_IsRefused()
    {
        var error = Assert.Throws<DomainException>(() => Submitted().Reject("", Today, DosDeadlineSettings.Default, Zorgkantoor, "Anna", Now));
        Assert.Equal("Reasons", error.Field);
    }

    [Fact]
    public void Label_FromAGrant_CarriesComplexProgrammePeriodAndAmounts()
    {
        var application = Submitted();
        application.Grant(Terms(), CompleteScoring(), DosDeadlineSettings.Default, Zorgkantoor, "Anna", Now);

        var label = new DosLabel(Zorgkantoor, application, application.Decision!);

        Assert.Equal("PF-2026-0001", label.Number);
        Assert.Equal("De Klimop", label.ComplexName);
        Assert.Equal("Lang Leven Thuisflats Amsterdam", label.ProgrammeName);
        Assert.Equal((2027, 2029), (label.FirstYear, label.LastYear));
        Assert.Equal(300_000m, label.Amounts.Sum(a => a.Amount));
        Assert.Equal("PF-2027-0012", DosLabel.NumberFor(2027, 12));
    }
}
