using Plusflat.Domain.Admission;
using Plusflat.Domain.Common;
using static Plusflat.Domain.Tests.Admission.AdmissionTestData;

namespace Plusflat.Domain.Tests.Admission;

public class AdmissionFactsTests
{
    [Fact]
    public void Check_PassingFacts_HasNoErrors() => Assert.Empty(Passing().Check(ComplexId));

    [Fact]
    public void Check_GroupedWithItself_IsRefusedAtGroupedWith()
    {
        var facts = Passing() with { Concentration = Concentration(groupedWith: ComplexId) };

        var error = Assert.Single(facts.Check(ComplexId));

        Assert.Equal(AdmissionFacts.Fields.GroupedWith, error.Field);
        Assert.Equal("Een complex kan niet met zichzelf gegroepeerd worden.", error.Message);
    }

    [Fact]
    public void Check_SameNeighbourTwice_IsRefused()
    {
        var facts = Passing() with { Concentration = Concentration(groupedWith: [NeighbourId, NeighbourId]) };

        Assert.Equal(AdmissionFacts.Fields.GroupedWith, Assert.Single(facts.Check(ComplexId)).Field);
    }

    [Fact]
    public void Check_TooLongNotes_RefusesEachFieldAtOnce()
    {
        var tooLong = new string('x', AdmissionFacts.NeedNoteMaxLength + 1);
        var facts = Passing() with
        {
            Concentration = Concentration() with { Evidence = new string('x', AdmissionFacts.EvidenceMaxLength + 1) },
            Need = new NeedFacts(tooLong, tooLong, tooLong, tooLong, false, false),
        };

        var fields = facts.Check(ComplexId).Select(e => e.Field);

        Assert.Equal(
            [AdmissionFacts.Fields.ConcentrationEvidence, AdmissionFacts.Fields.Loneliness, AdmissionFacts.Fields.LiveabilityPressure,
             AdmissionFacts.Fields.MissedEarlySignalling, AdmissionFacts.Fields.CareConcentration],
            fields);
    }

    [Fact]
    public void Check_AgreementWithoutWhoOrReference_NamesThePartysFields()
    {
        var facts = Passing() with { Governance = [new GovernanceAgreement(GovernanceParty.Corporation, " ", Today, "")] };

        var errors = facts.Check(ComplexId);

        Assert.Equal(["CorporationAgreedBy", "CorporationReference"], errors.Select(e => e.Field));
        Assert.Equal("Vul in wie namens de woningcorporatie heeft ingestemd.", errors[0].Message);
    }

    [Fact]
    public void Check_AgreementBefore2000_IsRefusedAtItsDate()
    {
        var facts = Passing() with { Governance = [Agreement(GovernanceParty.Municipality, new DateOnly(1999, 12, 31))] };

        Assert.Equal("MunicipalityAgreedOn", Assert.Single(facts.Check(ComplexId)).Field);
    }

    [Fact]
    public void Check_AgreementInTheFuture_IsAllowed()
    {
        var facts = Passing() with { Governance = [Agreement(GovernanceParty.Municipality, Today.AddYears(1))] };

        Assert.Empty(facts.Check(ComplexId));
    }

    [Fact]
    public void Check_TwoAgreementsOfOneParty_IsRefused()
    {
        var facts = Passing() with { Governance = [.. AllAgreements(), Agreement(GovernanceParty.CareProvider)] };

        var error = Assert.Single(facts.Check(ComplexId));

        Assert.Equal(AdmissionFacts.Fields.Governance, error.Field);
        Assert.Contains("de zorgaanbieder", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validated_TrimsTextsAndDropsBlankNotes()
    {
        var facts = Passing() with
        {
            Need = new NeedFacts("  Eenzaam  ", " ", null, "", false, false),
            Governance = [new GovernanceAgreement(GovernanceParty.Municipality, "  Wethouder ", Today, " B-1 ")],
        };

        var valid = facts.Validated(ComplexId);

        Assert.Equal(new NeedFacts("Eenzaam", null, null, null, false, false), valid.Need);
        Assert.Equal(new GovernanceAgreement(GovernanceParty.Municipality, "Wethouder", Today, "B-1"), Assert.Single(valid.Governance));
    }

    [Fact]
    public void Validated_BadFacts_ThrowsWithEveryError()
    {
        var facts = Passing() with
        {
            Concentration = Concentration(groupedWith: ComplexId),
            Governance = [new GovernanceAgreement(GovernanceParty.Municipality, "", Today, "")],
        };

        var ex = Assert.Throws<DomainException>(() => facts.Validated(ComplexId));

        Assert.Equal(3, ex.Errors.Count);
    }
}
