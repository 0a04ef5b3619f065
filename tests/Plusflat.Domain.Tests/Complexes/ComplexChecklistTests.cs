using Plusflat.Domain.Common;
using Plusflat.Domain.Complexes;
using Plusflat.Domain.Phases;
using static Plusflat.Domain.Tests.TestData;

namespace Plusflat.Domain.Tests.Complexes;

public class ComplexChecklistTests
{
    private readonly PhaseCatalogue _catalogue = Catalogue();

    private readonly Complex _complex;

    public ComplexChecklistTests() => _complex = Complex(_catalogue);

    private Guid ItemId(string code) => ItemOf(_catalogue, code).Id;

    private ChecklistTick Tick(string code, DateOnly? on = null, string? note = null, string? evidenceUrl = null) =>
        _complex.TickItem(_catalogue, ItemId(code), on ?? Today, MemberId, MemberName, note, evidenceUrl, Today, Now);

    [Fact]
    public void Constructor_NewComplex_IsInPhaseZeroOnTheGivenCatalogueWithoutHistory()
    {
        Assert.Equal(0, _complex.CurrentPhase);
        Assert.Equal(_catalogue.Id, _complex.CatalogueId);
        Assert.Empty(_complex.ChecklistTicks);
        Assert.Empty(_complex.PhaseTransitions);
        Assert.Equal(0u, _complex.Version);
    }

    [Fact]
    public void OpenItems_NothingTicked_AreAllItemsOfTheCurrentPhaseInOrder() =>
        Assert.Equal(["p0-programma", "p0-locatiekeuze"], _complex.OpenItems(_catalogue).Select(item => item.Code));

    [Fact]
    public void TickItem_ItemOfCurrentPhase_RecordsAnActiveTick()
    {
        var tick = Tick("p0-programma", new DateOnly(2025, 2, 1), "  Startbijeenkomst gehouden. ", " https://docs.example.nl/start.pdf ");

        Assert.Same(tick, Assert.Single(_complex.ChecklistTicks));
        Assert.NotEqual(Guid.Empty, tick.Id);
        Assert.Equal(TenantId, tick.TenantId);
        Assert.Equal(_complex.Id, tick.ComplexId);
        Assert.Equal(ItemId("p0-programma"), tick.ItemId);
        Assert.Equal(0, tick.Phase);
        Assert.Equal(new DateOnly(2025, 2, 1), tick.TickedOn);
        Assert.Equal(MemberId, tick.TickedBy);
        Assert.Equal(MemberName, tick.TickedByName);
        Assert.Equal("Startbijeenkomst gehouden.", tick.Note);
        Assert.Equal("https://docs.example.nl/start.pdf", tick.EvidenceUrl);
        Assert.True(tick.IsActive);
        Assert.Null(tick.UntickedAt);
        Assert.Same(tick, _complex.ActiveTickFor(tick.ItemId));
        Assert.Equal(["p0-locatiekeuze"], _complex.OpenItems(_catalogue).Select(item => item.Code));
    }

    [Fact]
    public void TickItem_BlankNoteAndUrl_AreStoredAsNull()
    {
        var tick = Tick("p0-programma", note: "  ", evidenceUrl: "");

        Assert.Null(tick.Note);
        Assert.Null(tick.EvidenceUrl);
    }

    [Fact]
    public void TickItem_ItemOfALaterPhase_Refused()
    {
        var error = Assert.Throws<DomainException>(() => Tick("p1-ambitie"));

        Assert.Equal("ItemId", error.Field);
        Assert.Contains("fase 1 (Verkennen samenwerking)", error.Message, StringComparison.Ordinal);
        Assert.Contains("Alleen punten van de huidige fase", error.Message, StringComparison.Ordinal);
        Assert.Empty(_complex.ChecklistTicks);
    }

    [Fact]
    public void TickItem_ItemOfAnEarlierPhase_Refused()
    {
        var catalogue = Catalogue();
        var complex = Complex(catalogue);
        complex.AdvancePhase(catalogue, LeadId, LeadName, Now, "Al jaren geregeld.", mayOverride: true);

        var item = ItemOf(catalogue, "p0-programma");
        Assert.Throws<DomainException>(() => complex.TickItem(catalogue, item.Id, Today, MemberId, MemberName, null, null, Today, Now));
    }

    [Fact]
    public void TickItem_UnknownItem_Refused() =>
        Assert.Equal(
            "ItemId",
            Assert.Throws<DomainException>(
                () => _complex.TickItem(_catalogue, Guid.NewGuid(), Today, MemberId, MemberName, null, null, Today, Now)).Field);

    [Fact]
    public void TickItem_ItemOfAnotherCatalogueVersion_Refused()
    {
        var v2 = _catalogue.Derive([new(0, "p0-extra", "Extra")], [], Now);

        Assert.Throws<DomainException>(
            () => _complex.TickItem(_catalogue, ItemOf(v2, "p0-programma").Id, Today, MemberId, MemberName, null, null, Today, Now));
    }

    [Fact]
    public void TickItem_WithAnotherCatalogue_ThrowsBecauseTheHandlerLoadedTheWrongOne() =>
        Assert.Throws<ArgumentException>(
            () => _complex.TickItem(Catalogue(), ItemId("p0-programma"), Today, MemberId, MemberName, null, null, Today, Now));

    [Fact]
    public void TickItem_AlreadyTicked_Refused()
    {
        Tick("p0-programma");

        var error = Assert.Throws<DomainException>(() => Tick("p0-programma"));

        Assert.Equal("'Programma opgezet' is al afgevinkt.", error.Message);
        Assert.Single(_complex.ChecklistTicks);
    }

    [Fact]
    public void TickItem_Today_Accepted() => Assert.Equal(Today, Tick("p0-programma", Today).TickedOn);

    [Fact]
    public void TickItem_Tomorrow_Refused()
    {
        var error = Assert.Throws<DomainException>(() => Tick("p0-programma", Today.AddDays(1)));

        Assert.Equal("TickedOn", error.Field);
        Assert.Equal("De datum mag niet in de toekomst liggen.", error.Message);
    }

    [Fact]
    public void TickItem_FirstOfJanuary2000_Accepted() =>
        Assert.Equal(new DateOnly(2000, 1, 1), Tick("p0-programma", new DateOnly(2000, 1, 1)).TickedOn);

    [Fact]
    public void TickItem_Before2000_Refused() =>
        Assert.Equal("TickedOn", Assert.Throws<DomainException>(() => Tick("p0-programma", new DateOnly(1999, 12, 31))).Field);

    [Fact]
    public void TickItem_NoteOf1000Characters_Accepted() =>
        Assert.Equal(1000, Tick("p0-programma", note: new string('n', 1000)).Note!.Length);

    [Fact]
    public void TickItem_NoteTooLong_Refused() =>
        Assert.Equal("Note", Assert.Throws<DomainException>(() => Tick("p0-programma", note: new string('n', 1001))).Field);

    [Theory]
    [InlineData("https://example.nl/a")]
    [InlineData("http://intranet.corporatie.nl/docs?id=5")]
    [InlineData("HTTPS://EXAMPLE.NL")]
    public void TickItem_AbsoluteHttpLink_Accepted(string url) => Assert.Equal(url, Tick("p0-programma", evidenceUrl: url).EvidenceUrl);

    [Theory]
    [InlineData("www.example.nl/a")]
    [InlineData("/docs/plan.pdf")]
    [InlineData("ftp://example.nl/plan.pdf")]
    [InlineData("file:///etc/passwd")]
    [InlineData("javascript:alert(1)")]
    [InlineData("mailto:jan@example.nl")]
    [InlineData("https://")]
    [InlineData("geen link")]
    public void TickItem_NotAnAbsoluteHttpLink_Refused(string url)
    {
        var error = Assert.Throws<DomainException>(() => Tick("p0-programma", evidenceUrl: url));

        Assert.Equal("EvidenceUrl", error.Field);
    }

    [Fact]
    public void TickItem_LinkOf500Characters_Accepted()
    {
        var url = "https://example.nl/" + new string('a', 500 - 19);

        Assert.Equal(url, Tick("p0-programma", evidenceUrl: url).EvidenceUrl);
    }

    [Fact]
    public void TickItem_LinkOver500Characters_Refused() =>
        Assert.Equal(
            "EvidenceUrl",
            Assert.Throws<DomainException>(() => Tick("p0-programma", evidenceUrl: "https://example.nl/" + new string('a', 482))).Field);

    [Fact]
    public void TickItem_NoActingUser_Throws()
    {
        Assert.Throws<ArgumentException>(
            () => _complex.TickItem(_catalogue, ItemId("p0-programma"), Today, Guid.Empty, MemberName, null, null, Today, Now));
        Assert.Throws<ArgumentException>(
            () => _complex.TickItem(_catalogue, ItemId("p0-programma"), Today, MemberId, " ", null, null, Today, Now));
    }

    [Fact]
    public void UntickItem_ActiveTick_IsWithdrawnButKeptInHistory()
    {
        var tick = Tick("p0-programma");
        var at = Now.AddHours(2);

        var withdrawn = _complex.UntickItem(tick.ItemId, LeadId, LeadName, "  Verkeerd punt aangevinkt. ", at);

        Assert.Same(tick, withdrawn);
        Assert.False(tick.IsActive);
        Assert.Equal(at, tick.UntickedAt);
        Assert.Equal(LeadId, tick.UntickedBy);
        Assert.Equal(LeadName, tick.UntickedByName);
        Assert.Equal("Verkeerd punt aangevinkt.", tick.UntickReason);
        Assert.Same(tick, Assert.Single(_complex.ChecklistTicks));
        Assert.Empty(_complex.ActiveTicks());
        Assert.Null(_complex.ActiveTickFor(tick.ItemId));
        Assert.Contains(_complex.OpenItems(_catalogue), item => item.Id == tick.ItemId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void UntickItem_WithoutReason_Refused(string reason)
    {
        var tick = Tick("p0-programma");

        var error = Assert.Throws<DomainException>(() => _complex.UntickItem(tick.ItemId, LeadId, LeadName, reason, Now));

        Assert.Equal("UntickReason", error.Field);
        Assert.Equal("De reden is verplicht.", error.Message);
        Assert.True(tick.IsActive);
    }

    [Fact]
    public void UntickItem_ReasonTooLong_Refused()
    {
        var tick = Tick("p0-programma");

        Assert.Throws<DomainException>(() => _complex.UntickItem(tick.ItemId, LeadId, LeadName, new string('r', 1001), Now));
    }

    [Fact]
    public void UntickItem_NotTicked_Refused()
    {
        var error = Assert.Throws<DomainException>(
            () => _complex.UntickItem(ItemId("p0-programma"), LeadId, LeadName, "Reden", Now));

        Assert.Equal("Dit punt is niet afgevinkt.", error.Message);
    }

    [Fact]
    public void UntickItem_AlreadyUnticked_Refused()
    {
        var tick = Tick("p0-programma");
        _complex.UntickItem(tick.ItemId, LeadId, LeadName, "Reden", Now);

        Assert.Throws<DomainException>(() => _complex.UntickItem(tick.ItemId, LeadId, LeadName, "Nog eens", Now));
    }

    [Fact]
    public void UntickItem_TickOfAnEarlierPhase_RefusedUntilTheComplexReturnsToIt()
    {
        TickAll(_complex, _catalogue);
        _complex.AdvancePhase(_catalogue, MemberId, MemberName, Now, null, mayOverride: false);
        var itemId = ItemId("p0-locatiekeuze");

        var error = Assert.Throws<DomainException>(() => _complex.UntickItem(itemId, LeadId, LeadName, "Locatie valt af", Now));
        Assert.Contains("fase 0", error.Message, StringComparison.Ordinal);

        _complex.ReturnToPhase(0, LeadId, LeadName, Now, "Locatie valt af");
        _complex.UntickItem(itemId, LeadId, LeadName, "Locatie valt af", Now);
        Assert.Null(_complex.ActiveTickFor(itemId));
    }

    [Fact]
    public void TickItem_AgainAfterUntick_AddsANewTick()
    {
        var first = Tick("p0-programma", new DateOnly(2025, 1, 1));
        _complex.UntickItem(first.ItemId, LeadId, LeadName, "Datum klopte niet", Now);

        var second = Tick("p0-programma", new DateOnly(2025, 1, 15));

        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal(2, _complex.ChecklistTicks.Count);
        Assert.Same(second, Assert.Single(_complex.ActiveTicks()));
        Assert.False(first.IsActive);
        Assert.Same(second, _complex.ActiveTickFor(first.ItemId));
    }

    [Fact]
    public void TickAndUntick_RaiseTheChecklistRevision_SoTheComplexRowChanges()
    {
        Assert.Equal(0, _complex.ChecklistRevision);

        var tick = Tick("p0-programma");
        Assert.Equal(1, _complex.ChecklistRevision);

        _complex.UntickItem(tick.ItemId, LeadId, LeadName, "Te vroeg", Now);
        Assert.Equal(2, _complex.ChecklistRevision);

        Assert.Throws<DomainException>(() => _complex.UntickItem(tick.ItemId, LeadId, LeadName, "Nog eens", Now));
        Assert.Equal(2, _complex.ChecklistRevision);
    }

    [Fact]
    public void IsCurrentPhaseComplete_FollowsTheTicks()
    {
        Assert.False(_complex.IsCurrentPhaseComplete(_catalogue));

        TickAll(_complex, _catalogue);
        Assert.True(_complex.IsCurrentPhaseComplete(_catalogue));

        _complex.UntickItem(ItemId("p0-locatiekeuze"), LeadId, LeadName, "Toch niet", Now);
        Assert.False(_complex.IsCurrentPhaseComplete(_catalogue));
    }

    [Fact]
    public void ActiveTicks_AllCarryTheTenant()
    {
        AdvanceTo(_complex, _catalogue, 4);
        TickAll(_complex, _catalogue);

        Assert.Equal(_catalogue.Items.Count, _complex.ActiveTicks().Count);
        Assert.All(_complex.ChecklistTicks, tick =>
        {
            Assert.Equal(TenantId, tick.TenantId);
            Assert.Equal(_complex.Id, tick.ComplexId);
        });
    }

    [Fact]
    public void Complex_OnAnOlderCatalogueVersion_KeepsItsItems()
    {
        var v2 = _catalogue.Derive([new(0, "p0-nieuw", "Nieuw punt")], [], Now);
        var newer = Complex(v2);

        Assert.Equal(_catalogue.Id, _complex.CatalogueId);
        Assert.Equal(2, _complex.OpenItems(_catalogue).Count);
        Assert.Equal(3, newer.OpenItems(v2).Count);
        Assert.Throws<ArgumentException>(() => _complex.OpenItems(v2));
    }
}
