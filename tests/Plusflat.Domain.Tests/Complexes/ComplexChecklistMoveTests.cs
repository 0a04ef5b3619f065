using Plusflat.Domain.Common;
using Plusflat.Domain.Complexes;
using Plusflat.Domain.Phases;
using static Plusflat.Domain.Tests.TestData;

namespace Plusflat.Domain.Tests.Complexes;

public class ComplexChecklistMoveTests
{
    private static readonly DateTimeOffset Later = Now.AddDays(30);

    private readonly PhaseCatalogue _v1 = Catalogue();

    private readonly Complex _complex;

    public ComplexChecklistMoveTests()
    {
        _complex = Complex(_v1);
        AdvanceTo(_complex, _v1, 1);
        Tick("p1-verkend");
        Tick("p1-ambitie");
    }

    private void Tick(string code) =>
        _complex.TickItem(_v1, ItemOf(_v1, code).Id, Today, MemberId, MemberName, "notitie " + code, null, Today, Now);

    [Fact]
    public void MoveToCatalogue_ItemsThatStillExist_CarryTheirTicksOver()
    {
        var v2 = _v1.Derive([new ChecklistItemDraft(1, "p1-extra", "Extra afspraak")], ["p0-locatiekeuze"], Now);

        var move = _complex.MoveToCatalogue(_v1, v2, LeadId, LeadName, Later);

        Assert.Equal(v2.Id, _complex.CatalogueId);
        Assert.Equal((1, 2), (move.FromVersion, move.ToVersion));
        Assert.Equal(["Programma opgezet", "Samenwerking verkend", "Gezamenlijke ambitie"], move.CarriedOver);
        Assert.Equal(["Locatiekeuze gemaakt"], move.NotCarriedOver);
        var verkend = _complex.ActiveTickFor(ItemOf(v2, "p1-verkend").Id)!;
        Assert.Equal((Today, MemberId, "notitie p1-verkend", Now), (verkend.TickedOn, verkend.TickedBy, verkend.Note, verkend.RecordedAt));
        Assert.Null(_complex.ActiveTickFor(ItemOf(v2, "p1-extra").Id));
        Assert.Equal(1, _complex.CurrentPhase);
    }

    [Fact]
    public void MoveToCatalogue_RecordsTheMoveWithTheItemsNotCarriedOver()
    {
        var v2 = _v1.Derive([], ["p1-ambitie", "p0-locatiekeuze"], Now);

        _complex.MoveToCatalogue(_v1, v2, LeadId, LeadName, Later);

        var entry = _complex.History[^1];
        Assert.Equal(ComplexHistoryKind.ChecklistVersionChanged, entry.Kind);
        Assert.Equal(("1", "2"), (entry.OldValue, entry.NewValue));
        Assert.Equal("Locatiekeuze gemaakt\nGezamenlijke ambitie", entry.Note);
        Assert.Equal((LeadId, LeadName, Later), (entry.By, entry.ByName, entry.At));
    }

    [Fact]
    public void MoveToCatalogue_EveryTickCarriesOver_RecordsNoNote()
    {
        var v2 = _v1.Derive([new ChecklistItemDraft(4, "p4-vieren", "Vieren")], [], Now);

        var move = _complex.MoveToCatalogue(_v1, v2, LeadId, LeadName, Later);

        Assert.Empty(move.NotCarriedOver);
        Assert.Null(_complex.History[^1].Note);
    }

    [Fact]
    public void MoveToCatalogue_NewItemInTheCurrentPhase_MakesThePhaseIncompleteAgain()
    {
        Tick("p1-afspraken");
        Tick("p1-projectstructuur");
        Tick("p1-geborgd");
        Tick("p1-plan-van-aanpak");
        Assert.True(_complex.IsCurrentPhaseComplete(_v1));
        var v2 = _v1.Derive([new ChecklistItemDraft(1, "p1-extra", "Extra afspraak")], [], Now);

        _complex.MoveToCatalogue(_v1, v2, LeadId, LeadName, Later);

        Assert.Equal(["Extra afspraak"], _complex.OpenItems(v2).Select(i => i.Title));
    }

    [Fact]
    public void MoveToCatalogue_ItemRetitled_CarriesItsTickToTheNewTitle()
    {
        var v2 = _v1.Derive([new ChecklistItemDraft(1, "p1-ambitie", "Gedeelde ambitie vastgelegd")], ["p1-ambitie"], Now);

        var move = _complex.MoveToCatalogue(_v1, v2, LeadId, LeadName, Later);

        Assert.Contains("Gedeelde ambitie vastgelegd", move.CarriedOver);
        Assert.NotNull(_complex.ActiveTickFor(ItemOf(v2, "p1-ambitie").Id));
    }

    [Fact]
    public void MoveToCatalogue_WithdrawnTicks_StayAsTheyWere()
    {
        var withdrawn = _complex.UntickItem(ItemOf(_v1, "p1-ambitie").Id, MemberId, MemberName, "Te vroeg", Now);
        var v2 = _v1.Derive([new ChecklistItemDraft(1, "p1-extra", "Extra")], [], Now);

        var move = _complex.MoveToCatalogue(_v1, v2, LeadId, LeadName, Later);

        Assert.Equal(ItemOf(_v1, "p1-ambitie").Id, withdrawn.ItemId);
        Assert.False(withdrawn.IsActive);
        Assert.DoesNotContain("Gezamenlijke ambitie", move.CarriedOver);
        Assert.DoesNotContain("Gezamenlijke ambitie", move.NotCarriedOver);
    }

    [Fact]
    public void MoveToCatalogue_RaisesTheChecklistRevision()
    {
        var revision = _complex.ChecklistRevision;

        _complex.MoveToCatalogue(_v1, _v1.Derive([new ChecklistItemDraft(2, "p2-extra", "Extra")], [], Now), LeadId, LeadName, Later);

        Assert.Equal(revision + 1, _complex.ChecklistRevision);
    }

    [Fact]
    public void MoveToCatalogue_SameVersion_Refused()
    {
        var error = Assert.Throws<DomainException>(() => _complex.MoveToCatalogue(_v1, _v1, LeadId, LeadName, Later));

        Assert.Equal("Dit complex gebruikt checklist versie 1; kies een nieuwere versie dan die.", error.Message);
        Assert.Equal(_v1.Id, _complex.CatalogueId);
    }

    [Fact]
    public void MoveToCatalogue_OlderVersion_Refused()
    {
        var v2 = _v1.Derive([new ChecklistItemDraft(2, "p2-extra", "Extra")], [], Now);
        _complex.MoveToCatalogue(_v1, v2, LeadId, LeadName, Later);
        var history = _complex.History.Count;

        Assert.Throws<DomainException>(() => _complex.MoveToCatalogue(v2, _v1, LeadId, LeadName, Later));

        Assert.Equal(v2.Id, _complex.CatalogueId);
        Assert.Equal(history, _complex.History.Count);
    }

    [Fact]
    public void MoveToCatalogue_NotTheComplexsOwnCatalogue_Throws()
    {
        var v2 = _v1.Derive([new ChecklistItemDraft(2, "p2-extra", "Extra")], [], Now);

        Assert.Throws<ArgumentException>(() => _complex.MoveToCatalogue(v2, v2.Derive([new ChecklistItemDraft(2, "p2-meer", "Meer")], [], Now), LeadId, LeadName, Later));
    }

    [Fact]
    public void MoveToCatalogue_CatalogueOfAnotherTenant_Throws()
    {
        var foreign = new PhaseCatalogue(OtherTenantId, 2, PhaseCatalogue.DefaultItems, Now);

        Assert.Throws<ArgumentException>(() => _complex.MoveToCatalogue(_v1, foreign, LeadId, LeadName, Later));
    }

    [Fact]
    public void MoveToCatalogue_NoActingUser_Throws() =>
        Assert.Throws<ArgumentException>(
            () => _complex.MoveToCatalogue(_v1, _v1.Derive([new ChecklistItemDraft(2, "p2-extra", "Extra")], [], Now), Guid.Empty, LeadName, Later));
}
