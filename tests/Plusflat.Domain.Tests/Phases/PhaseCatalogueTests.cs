using Plusflat.Domain.Common;
using Plusflat.Domain.Phases;
using static Plusflat.Domain.Tests.TestData;

namespace Plusflat.Domain.Tests.Phases;

public class PhaseCatalogueTests
{
    private static readonly ChecklistItemDraft[] Minimal =
    [
        new(0, "a", "A"), new(1, "b", "B"), new(2, "c", "C"), new(3, "d", "D"), new(4, "e", "E"),
    ];

    [Fact]
    public void CreateDefault_IsVersionOneOfTheTenantCreatedNow()
    {
        var catalogue = PhaseCatalogue.CreateDefault(TenantId, Now);

        Assert.Equal(1, catalogue.Version);
        Assert.Equal(TenantId, catalogue.TenantId);
        Assert.Equal(Now, catalogue.CreatedAt);
        Assert.NotEqual(Guid.Empty, catalogue.Id);
    }

    [Fact]
    public void CreateDefault_EveryPhaseZeroToFourHasItems()
    {
        var catalogue = Catalogue();

        Assert.Equal([0, 1, 2, 3, 4], catalogue.Items.Select(item => item.Phase).Distinct().Order());
        Assert.All(PhaseNames.Numbers, phase => Assert.NotEmpty(catalogue.ItemsOf(phase)));
    }

    [Fact]
    public void CreateDefault_CodesAndIdsAreUnique()
    {
        var catalogue = Catalogue();

        Assert.Equal(catalogue.Items.Count, catalogue.Items.Select(item => item.Code).Distinct().Count());
        Assert.Equal(catalogue.Items.Count, catalogue.Items.Select(item => item.Id).Distinct().Count());
    }

    [Fact]
    public void CreateDefault_CodesStartWithTheirPhase() =>
        Assert.All(Catalogue().Items, item => Assert.StartsWith($"p{item.Phase}-", item.Code, StringComparison.Ordinal));

    [Theory]
    [InlineData(0, new[] { "Programma opgezet", "Locatiekeuze gemaakt" })]
    [InlineData(1, new[]
    {
        "Samenwerking verkend", "Gezamenlijke ambitie", "Samenwerkingsafspraken", "Projectstructuur",
        "Samenwerking geborgd", "Plan van aanpak met begroting",
    })]
    [InlineData(2, new[] { "Flatteam ingericht (projectleider, flatcoach)", "Gezamenlijk activiteitenplan met bewoners" })]
    [InlineData(3, new[] { "Start activiteitenplan", "Cursus Samenzorg in de toekomst", "Domeinoverstijgend werken" })]
    [InlineData(4, new[] { "Evalueren", "Kennis delen", "Borgen in reguliere werkprocessen" })]
    public void CreateDefault_PhaseHasTheStructuredApproachItemsInOrder(int phase, string[] titles) =>
        Assert.Equal(titles, Catalogue().ItemsOf(phase).Select(item => item.Title));

    [Fact]
    public void CreateDefault_ItemsBelongToTheTenantAndCatalogue()
    {
        var catalogue = Catalogue();

        Assert.All(catalogue.Items, item =>
        {
            Assert.Equal(TenantId, item.TenantId);
            Assert.Equal(catalogue.Id, item.CatalogueId);
        });
    }

    [Fact]
    public void CreateDefault_SortOrderCountsUpWithinEachPhase() =>
        Assert.Equal([10, 20, 30, 40, 50, 60], Catalogue().ItemsOf(1).Select(item => item.SortOrder));

    [Fact]
    public void CreateDefault_TwoTenants_GetTheirOwnRows()
    {
        var first = PhaseCatalogue.CreateDefault(TenantId, Now);
        var second = PhaseCatalogue.CreateDefault(OtherTenantId, Now);

        Assert.NotEqual(first.Id, second.Id);
        Assert.Empty(first.Items.Select(item => item.Id).Intersect(second.Items.Select(item => item.Id)));
        Assert.All(second.Items, item => Assert.Equal(OtherTenantId, item.TenantId));
    }

    [Fact]
    public void Find_UnknownId_ReturnsNull() => Assert.Null(Catalogue().Find(Guid.NewGuid()));

    [Fact]
    public void ItemsOf_OrdersBySortOrder()
    {
        var catalogue = new PhaseCatalogue(TenantId, 1, [.. Minimal, new(1, "b2", "B2"), new(1, "b3", "B3")], Now);

        Assert.Equal(["b", "b2", "b3"], catalogue.ItemsOf(1).Select(item => item.Code));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Constructor_VersionBelowOne_Refused(int version)
    {
        var error = Assert.Throws<DomainException>(() => new PhaseCatalogue(TenantId, version, Minimal, Now));
        Assert.Equal("Version", error.Field);
    }

    [Fact]
    public void Constructor_PhaseWithoutItems_Refused()
    {
        var error = Assert.Throws<DomainException>(() => new PhaseCatalogue(TenantId, 1, Minimal.Where(d => d.Phase != 2), Now));

        Assert.Equal("Phase", error.Field);
        Assert.Contains("Fase 2 (Inrichten)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_DuplicateCode_Refused()
    {
        var error = Assert.Throws<DomainException>(() => new PhaseCatalogue(TenantId, 1, [.. Minimal, new(3, "a", "Nog een A")], Now));

        Assert.Equal("Code", error.Field);
        Assert.Contains("'a'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("P1-ambitie")]
    [InlineData("p1 ambitie")]
    [InlineData("-p1")]
    [InlineData("p1-")]
    [InlineData("p1--ambitie")]
    [InlineData("p1_ambitie")]
    [InlineData("p1-ambitieeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee")]
    public void Constructor_InvalidCode_Refused(string code)
    {
        var error = Assert.Throws<DomainException>(() => new PhaseCatalogue(TenantId, 1, [.. Minimal, new(1, code, "Titel")], Now));
        Assert.Equal("Code", error.Field);
    }

    [Fact]
    public void Constructor_CodeOfFiftyCharacters_Accepted()
    {
        var code = "p1-" + new string('x', 47);

        var catalogue = new PhaseCatalogue(TenantId, 1, [.. Minimal, new(1, code, "Titel")], Now);

        Assert.Contains(catalogue.Items, item => item.Code == code);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(5)]
    public void Constructor_PhaseOutsideZeroToFour_Refused(int phase)
    {
        var error = Assert.Throws<DomainException>(() => new PhaseCatalogue(TenantId, 1, [.. Minimal, new(phase, "x", "X")], Now));
        Assert.Equal("Phase", error.Field);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Constructor_TitleMissing_Refused(string title)
    {
        var error = Assert.Throws<DomainException>(() => new PhaseCatalogue(TenantId, 1, [.. Minimal, new(1, "x", title)], Now));
        Assert.Equal("Title", error.Field);
    }

    [Fact]
    public void Constructor_TitleTooLong_Refused()
    {
        var error = Assert.Throws<DomainException>(
            () => new PhaseCatalogue(TenantId, 1, [.. Minimal, new(1, "x", new string('t', 201))], Now));
        Assert.Equal("Title", error.Field);
    }

    [Fact]
    public void Constructor_TrimsCodeAndTitle()
    {
        var catalogue = new PhaseCatalogue(TenantId, 1, [.. Minimal, new(1, " x ", "  Titel  ")], Now);

        var item = Assert.Single(catalogue.Items, item => item.Code == "x");
        Assert.Equal("Titel", item.Title);
    }

    [Fact]
    public void Derive_AddedItem_IsInNextVersionAfterTheItemsOfItsPhase()
    {
        var v1 = Catalogue();

        var v2 = v1.Derive([new(2, "p2-buurt", "Buurtpartners geïnformeerd")], [], Now.AddDays(1));

        Assert.Equal(2, v2.Version);
        Assert.Equal(TenantId, v2.TenantId);
        Assert.Equal(Now.AddDays(1), v2.CreatedAt);
        Assert.Equal(["p2-flatteam", "p2-activiteitenplan", "p2-buurt"], v2.ItemsOf(2).Select(item => item.Code));
        Assert.Equal(v1.Items.Count + 1, v2.Items.Count);
    }

    [Fact]
    public void Derive_RemovedCode_IsLeftOut()
    {
        var v2 = Catalogue().Derive([], ["p3-cursus-samenzorg"], Now);

        Assert.Equal(["p3-start-activiteiten", "p3-domeinoverstijgend"], v2.ItemsOf(3).Select(item => item.Code));
    }

    [Fact]
    public void Derive_LeavesTheOriginalUnchanged()
    {
        var v1 = Catalogue();
        var before = v1.Items.Select(item => (item.Id, item.Code, item.Title, item.SortOrder)).ToList();

        v1.Derive([new(0, "p0-extra", "Extra")], ["p0-programma"], Now);

        Assert.Equal(1, v1.Version);
        Assert.Equal(before, v1.Items.Select(item => (item.Id, item.Code, item.Title, item.SortOrder)));
    }

    [Fact]
    public void Derive_KeptItems_GetNewRowsWithSameCodesTitlesAndOrder()
    {
        var v1 = Catalogue();

        var v2 = v1.Derive([new(4, "p4-extra", "Extra")], [], Now);

        Assert.All(v2.Items, item => Assert.Equal(v2.Id, item.CatalogueId));
        Assert.Empty(v1.Items.Select(item => item.Id).Intersect(v2.Items.Select(item => item.Id)));
        foreach (var phase in PhaseNames.Numbers.Where(phase => phase != 4))
        {
            Assert.Equal(v1.ItemsOf(phase).Select(i => (i.Code, i.Title)), v2.ItemsOf(phase).Select(i => (i.Code, i.Title)));
        }
    }

    [Fact]
    public void Derive_RemoveAndAddSameCode_ChangesTheTitle()
    {
        var v2 = Catalogue().Derive([new(1, "p1-ambitie", "Gezamenlijke ambitie vastgelegd")], ["p1-ambitie"], Now);

        Assert.Equal("Gezamenlijke ambitie vastgelegd", ItemOf(v2, "p1-ambitie").Title);
        Assert.Equal(6, v2.ItemsOf(1).Count);
    }

    [Fact]
    public void Derive_UnknownCode_Refused()
    {
        var error = Assert.Throws<DomainException>(() => Catalogue().Derive([], ["p9-bestaat-niet"], Now));

        Assert.Equal("Code", error.Field);
        Assert.Contains("p9-bestaat-niet", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Derive_NoChanges_Refused() =>
        Assert.Throws<DomainException>(() => Catalogue().Derive([], [], Now));

    [Fact]
    public void Derive_AddingAnExistingCode_Refused()
    {
        var error = Assert.Throws<DomainException>(() => Catalogue().Derive([new(2, "p1-ambitie", "Dubbel")], [], Now));
        Assert.Equal("Code", error.Field);
    }

    [Fact]
    public void Derive_RemovingEveryItemOfAPhase_Refused()
    {
        var error = Assert.Throws<DomainException>(() => Catalogue().Derive([], ["p2-flatteam", "p2-activiteitenplan"], Now));
        Assert.Equal("Phase", error.Field);
    }

    [Fact]
    public void Derive_FromVersionTwo_GivesVersionThree()
    {
        var v3 = Catalogue().Derive([new(0, "p0-x", "X")], [], Now).Derive([], ["p0-x"], Now);

        Assert.Equal(3, v3.Version);
        Assert.Equal(Catalogue().Items.Count, v3.Items.Count);
    }
}
