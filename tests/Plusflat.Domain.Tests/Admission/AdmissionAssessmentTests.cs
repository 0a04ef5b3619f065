using Plusflat.Domain.Admission;
using Plusflat.Domain.Common;
using static Plusflat.Domain.Tests.Admission.AdmissionTestData;

namespace Plusflat.Domain.Tests.Admission;

public class AdmissionAssessmentTests
{
    [Fact]
    public void New_KeepsTheFactsWhoAndWhen()
    {
        var facts = Passing() with { Concentration = Concentration(coreFunctions: true, groupedWith: NeighbourId) };

        var assessment = new AdmissionAssessment(TestData.TenantId, ComplexId, 3, facts, TestData.LeadId, TestData.LeadName, TestData.Now);

        Assert.Equal(facts.Concentration.GroupedWith, assessment.ToFacts().Concentration.GroupedWith);
        Assert.Equal(facts.Concentration with { GroupedWith = [] }, assessment.ToFacts().Concentration with { GroupedWith = [] });
        Assert.Equal(facts.Need, assessment.ToFacts().Need);
        Assert.Equal(facts.Governance, assessment.ToFacts().Governance);
        Assert.Equal(3, assessment.Sequence);
        Assert.Equal(TestData.LeadName, assessment.AssessedByName);
        Assert.Equal(TestData.Now, assessment.AssessedAt);
    }

    [Fact]
    public void New_WithoutAgreements_ReadsBackWithoutAgreements()
    {
        var assessment = new AdmissionAssessment(TestData.TenantId, ComplexId, 1, AdmissionFacts.None, TestData.LeadId, TestData.LeadName, TestData.Now);

        Assert.Empty(assessment.ToFacts().Governance);
        Assert.Equal(NeedFacts.None, assessment.ToFacts().Need);
    }

    [Fact]
    public void New_InvalidFacts_IsRefusedWithTheFields()
    {
        var facts = Passing() with { Concentration = Concentration(groupedWith: ComplexId) };

        var ex = Assert.Throws<DomainException>(() =>
            new AdmissionAssessment(TestData.TenantId, ComplexId, 1, facts, TestData.LeadId, TestData.LeadName, TestData.Now));

        Assert.Equal(AdmissionFacts.Fields.GroupedWith, ex.Field);
    }

    [Fact]
    public void New_SequenceBelowOne_IsABug() =>
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            new AdmissionAssessment(TestData.TenantId, ComplexId, 0, Passing(), TestData.LeadId, TestData.LeadName, TestData.Now));
}
