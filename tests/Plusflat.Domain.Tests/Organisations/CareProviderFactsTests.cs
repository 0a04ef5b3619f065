using FsCheck;
using FsCheck.Fluent;
using Plusflat.Domain.Organisations;

namespace Plusflat.Domain.Tests.Organisations;

public class CareProviderFactsTests
{
    private static readonly CareProviderFacts All = new(true, true, true, true, true, true, true, true);

    [Fact]
    public void MeetsHardCriteria_EverythingTrue_MetWithFullScore()
    {
        Assert.True(All.MeetsHardCriteria);
        Assert.Empty(All.MissingHardCriteria);
        Assert.Equal(3, All.WeighingScore);
    }

    [Fact]
    public void MeetsHardCriteria_HardCriteriaOnly_MetWithScoreZero()
    {
        var facts = All with { IntramuralLocationNearby = false, KnownInNeighbourhood = false, GpFirstLineAgreements = false };

        Assert.True(facts.MeetsHardCriteria);
        Assert.Equal(0, facts.WeighingScore);
    }

    [Theory]
    [InlineData(0, "Levert geen wijkverpleging (Zvw)")]
    [InlineData(1, "Levert geen modulair pakket thuis (Wlz MPT)")]
    [InlineData(2, "Levert geen volledig pakket thuis (Wlz VPT)")]
    [InlineData(3, "Heeft geen casemanagers dementie")]
    [InlineData(4, "Is niet gecontracteerd door het zorgkantoor")]
    public void MeetsHardCriteria_OneHardCriterionMissing_NotMetAndNamed(int criterion, string missing)
    {
        var facts = criterion switch
        {
            0 => All with { ZvwDistrictNursing = false },
            1 => All with { WlzMpt = false },
            2 => All with { WlzVpt = false },
            3 => All with { DementiaCaseManagers = false },
            _ => All with { ContractedByZorgkantoor = false },
        };

        Assert.False(facts.MeetsHardCriteria);
        Assert.Equal([missing], facts.MissingHardCriteria);
        Assert.Equal(3, facts.WeighingScore);
    }

    [Fact]
    public void MissingHardCriteria_NothingKnown_ListsAllFiveInOrder()
    {
        var none = new CareProviderFacts(false, false, false, false, false, false, false, false);

        Assert.Equal(5, none.MissingHardCriteria.Count);
        Assert.Equal("Levert geen wijkverpleging (Zvw)", none.MissingHardCriteria[0]);
        Assert.Equal("Is niet gecontracteerd door het zorgkantoor", none.MissingHardCriteria[4]);
    }

    [Theory]
    [InlineData(true, false, false, 1)]
    [InlineData(false, true, false, 1)]
    [InlineData(false, false, true, 1)]
    [InlineData(true, true, false, 2)]
    public void WeighingScore_CountsTheWeighingAspects(bool known, bool gp, bool intramural, int score) =>
        Assert.Equal(score, (All with { KnownInNeighbourhood = known, GpFirstLineAgreements = gp, IntramuralLocationNearby = intramural }).WeighingScore);

    [Fact]
    public void Criteria_ForEveryCombination_Property() =>
        Prop.ForAll(
                Gen.Choose(0, 255).ToArbitrary(),
                bits =>
                {
                    bool Bit(int index) => (bits & (1 << index)) != 0;
                    var facts = new CareProviderFacts(Bit(0), Bit(1), Bit(2), Bit(3), Bit(4), Bit(5), Bit(6), Bit(7));
                    var hardMissing = Enumerable.Range(0, 5).Count(index => !Bit(index));
                    var weighing = Enumerable.Range(5, 3).Count(Bit);
                    return facts.MeetsHardCriteria == (hardMissing == 0)
                        && facts.MissingHardCriteria.Count == hardMissing
                        && facts.WeighingScore == weighing;
                })
            .QuickCheckThrowOnFailure();
}
