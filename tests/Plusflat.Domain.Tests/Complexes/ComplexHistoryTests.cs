using Plusflat.Domain.Common;
using Plusflat.Domain.Complexes;
using static Plusflat.Domain.Tests.TestData;

namespace Plusflat.Domain.Tests.Complexes;

public class ComplexHistoryTests
{
    private static readonly DateTimeOffset Later = Now.AddHours(2);

    [Fact]
    public void Constructor_RecordsWhoAddedTheComplexAndWhen()
    {
        var complex = Complex(Facts());

        var created = Assert.Single(complex.History);
        Assert.Equal(ComplexHistoryKind.Created, created.Kind);
        Assert.Equal(LeadId, created.By);
        Assert.Equal(LeadName, created.ByName);
        Assert.Equal(Now, created.At);
        Assert.Equal(complex.Id, created.ComplexId);
        Assert.Equal(TenantId, created.TenantId);
        Assert.Null(created.Field);
    }

    [Fact]
    public void Constructor_NoActingUser_Throws()
    {
        Assert.Throws<ArgumentException>(() => new Complex(TenantId, Facts(), Catalogue(), Guid.Empty, LeadName, Now));
        Assert.Throws<ArgumentException>(() => new Complex(TenantId, Facts(), Catalogue(), LeadId, "  ", Now));
    }

    [Fact]
    public void UpdateFacts_SeveralFields_RecordsEachWithOldAndNewValueInTheFormsOrder()
    {
        var complex = Complex(Facts() with { ShareAged65Plus = 70m });
        var welfare = Guid.CreateVersion7();

        var changes = complex.UpdateFacts(
            Facts() with { Notes = "Lift vernieuwd", Name = "De Klaverhof-Zuid", DwellingCount = 140, WelfarePartyId = welfare, HasCommonRoom = true, ShareAged65Plus = 72.5m },
            MemberId, MemberName, Later);

        var entries = complex.History.Where(h => h.Kind == ComplexHistoryKind.FactChanged).ToList();
        Assert.Equal(
            [
                ("Name", "De Klaverhof", "De Klaverhof-Zuid"),
                ("WelfarePartyId", null, welfare.ToString()),
                ("DwellingCount", "120", "140"),
                ("ShareAged65Plus", "70", "72.5"),
                ("HasCommonRoom", "false", "true"),
                ("Notes", null, "Lift vernieuwd"),
            ],
            entries.Select(e => (e.Field!, e.OldValue, e.NewValue)));
        Assert.Equal([0, 1, 2, 3, 4, 5], entries.Select(e => e.Sequence));
        Assert.All(entries, e => Assert.Equal(Later, e.At));
        Assert.All(entries, e => Assert.Equal((MemberId, MemberName), (e.By, e.ByName)));
        Assert.Equal(entries.Select(e => e.Field), changes.Select(c => c.Field));
    }

    [Fact]
    public void UpdateFacts_NothingChanged_RecordsNothing()
    {
        var complex = Complex(Facts() with { ShareSocialRent = 80m });

        var changes = complex.UpdateFacts(Facts() with { ShareSocialRent = 80.00m, Name = "  De Klaverhof  ", Postcode = "1234ab" }, LeadId, LeadName, Later);

        Assert.Empty(changes);
        Assert.Equal([ComplexHistoryKind.Created], complex.History.Select(h => h.Kind));
    }

    [Fact]
    public void UpdateFacts_OptionalFactCleared_RecordsTheOldValueAndEmpty()
    {
        var complex = Complex(Facts() with { District = "Oost", ZeroStepDwellings = 100 });

        complex.UpdateFacts(Facts(), LeadId, LeadName, Later);

        Assert.Equal(
            [("District", "Oost", null), ("ZeroStepDwellings", "100", null)],
            complex.History.Where(h => h.Kind == ComplexHistoryKind.FactChanged).Select(h => (h.Field!, h.OldValue, h.NewValue)));
    }

    [Fact]
    public void UpdateFacts_Refused_RecordsNothing()
    {
        var complex = Complex(Facts());

        Assert.Throws<DomainException>(() => complex.UpdateFacts(Facts() with { Name = "Anders", DwellingCount = 0 }, LeadId, LeadName, Later));

        Assert.Single(complex.History);
    }

    [Fact]
    public void UpdateFacts_NoActingUser_ThrowsAndChangesNothing()
    {
        var complex = Complex(Facts());

        Assert.Throws<ArgumentException>(() => complex.UpdateFacts(Facts() with { Name = "Anders" }, Guid.Empty, LeadName, Later));

        Assert.Equal("De Klaverhof", complex.Name);
        Assert.Single(complex.History);
    }

    [Fact]
    public void TickItem_RecordsTheMomentItWasEntered_BesideTheDayItWasDone()
    {
        var catalogue = Catalogue();
        var complex = Complex(catalogue);

        var tick = complex.TickItem(catalogue, ItemOf(catalogue, "p0-programma").Id, Today.AddDays(-10), MemberId, MemberName, null, null, Today, Later);

        Assert.Equal(Later, tick.RecordedAt);
        Assert.Equal(Today.AddDays(-10), tick.TickedOn);
    }
}
