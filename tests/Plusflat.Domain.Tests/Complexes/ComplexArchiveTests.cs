using Plusflat.Domain.Common;
using Plusflat.Domain.Complexes;
using Plusflat.Domain.Phases;
using static Plusflat.Domain.Tests.TestData;

namespace Plusflat.Domain.Tests.Complexes;

public class ComplexArchiveTests
{
    private static readonly DateTimeOffset Later = Now.AddDays(3);

    private readonly PhaseCatalogue _catalogue = Catalogue();

    private readonly Complex _complex;

    public ComplexArchiveTests() => _complex = Complex(_catalogue);

    [Fact]
    public void Archive_WithReason_MarksTheComplexArchivedAndRecordsIt()
    {
        var entry = _complex.Archive("  Pand wordt gesloopt  ", MemberId, MemberName, Later);

        Assert.True(_complex.IsArchived);
        Assert.Equal(Later, _complex.ArchivedAt);
        Assert.Equal(MemberId, _complex.ArchivedBy);
        Assert.Equal(MemberName, _complex.ArchivedByName);
        Assert.Equal("Pand wordt gesloopt", _complex.ArchiveReason);
        Assert.Equal(ComplexHistoryKind.Archived, entry.Kind);
        Assert.Equal("Pand wordt gesloopt", entry.Note);
        Assert.Equal(Later, entry.At);
        Assert.Contains(entry, _complex.History);
    }

    [Fact]
    public void Archive_KeepsEverythingTheComplexHad()
    {
        AdvanceTo(_complex, _catalogue, 1);
        var ticks = _complex.ChecklistTicks.Count;

        _complex.Archive("Dubbel ingevoerd", LeadId, LeadName, Later);

        Assert.Equal(1, _complex.CurrentPhase);
        Assert.Equal(ticks, _complex.ChecklistTicks.Count);
        Assert.Single(_complex.PhaseTransitions);
        Assert.Equal("De Klaverhof", _complex.Name);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Archive_WithoutReason_RefusedAtTheReason(string? reason)
    {
        var error = Assert.Throws<DomainException>(() => _complex.Archive(reason!, LeadId, LeadName, Later));

        Assert.Equal(nameof(Domain.Complexes.Complex.ArchiveReason), error.Field);
        Assert.Equal("De reden is verplicht.", error.Message);
        Assert.False(_complex.IsArchived);
    }

    [Fact]
    public void Archive_ReasonOf1000Characters_Accepted() =>
        Assert.Equal(1000, _complex.Archive(new string('r', 1000), LeadId, LeadName, Later).Note!.Length);

    [Fact]
    public void Archive_ReasonTooLong_Refused() =>
        Assert.Equal(nameof(Domain.Complexes.Complex.ArchiveReason),
            Assert.Throws<DomainException>(() => _complex.Archive(new string('r', 1001), LeadId, LeadName, Later)).Field);

    [Fact]
    public void Archive_Twice_Refused()
    {
        _complex.Archive("Eerste keer", LeadId, LeadName, Later);

        var error = Assert.Throws<DomainException>(() => _complex.Archive("Tweede keer", LeadId, LeadName, Later));

        Assert.Equal("Dit wooncomplex is al gearchiveerd.", error.Message);
        Assert.Equal("Eerste keer", _complex.ArchiveReason);
    }

    [Fact]
    public void Archive_NoActingUser_Throws() =>
        Assert.Throws<ArgumentException>(() => _complex.Archive("Reden", Guid.Empty, LeadName, Later));

    [Fact]
    public void Restore_Archived_ClearsTheArchiveAndRecordsIt()
    {
        _complex.Archive("Per ongeluk", LeadId, LeadName, Later);

        var entry = _complex.Restore(MemberId, MemberName, Later.AddHours(1));

        Assert.False(_complex.IsArchived);
        Assert.Null(_complex.ArchivedAt);
        Assert.Null(_complex.ArchivedBy);
        Assert.Null(_complex.ArchivedByName);
        Assert.Null(_complex.ArchiveReason);
        Assert.Equal(ComplexHistoryKind.Restored, entry.Kind);
        Assert.Equal(
            [ComplexHistoryKind.Created, ComplexHistoryKind.Archived, ComplexHistoryKind.Restored],
            _complex.History.Select(h => h.Kind));
    }

    [Fact]
    public void Restore_NotArchived_Refused() =>
        Assert.Equal("Dit wooncomplex is niet gearchiveerd.",
            Assert.Throws<DomainException>(() => _complex.Restore(LeadId, LeadName, Later)).Message);

    [Fact]
    public void Restore_ThenUpdateFacts_IsAllowedAgain()
    {
        _complex.Archive("Tijdelijk", LeadId, LeadName, Later);
        _complex.Restore(LeadId, LeadName, Later);

        _complex.UpdateFacts(Facts() with { Name = "Weer actief" }, LeadId, LeadName, Later);

        Assert.Equal("Weer actief", _complex.Name);
    }

    public static TheoryData<string> Changes => ["facts", "tick", "untick", "advance", "return", "checklist"];

    [Theory]
    [MemberData(nameof(Changes))]
    public void Archived_EveryChange_RefusedUntilRestored(string change)
    {
        var catalogue = Catalogue();
        var complex = Complex(catalogue);
        AdvanceTo(complex, catalogue, 1);
        var ticked = ItemOf(catalogue, "p1-verkend");
        complex.TickItem(catalogue, ticked.Id, Today, MemberId, MemberName, null, null, Today, Now);
        var newer = catalogue.Derive([new ChecklistItemDraft(1, "p1-extra", "Extra punt")], [], Now);
        complex.Archive("Gesloten", LeadId, LeadName, Later);
        var before = (complex.Name, complex.CurrentPhase, complex.ChecklistTicks.Count(t => t.IsActive), complex.CatalogueId, complex.History.Count);

        Action act = change switch
        {
            "facts" => () => complex.UpdateFacts(Facts() with { Name = "Anders" }, LeadId, LeadName, Later),
            "tick" => () => complex.TickItem(catalogue, ItemOf(catalogue, "p1-ambitie").Id, Today, LeadId, LeadName, null, null, Today, Later),
            "untick" => () => complex.UntickItem(ticked.Id, LeadId, LeadName, "Reden", Later),
            "advance" => () => complex.AdvancePhase(catalogue, LeadId, LeadName, Later, "Reden", mayOverride: true),
            "return" => () => complex.ReturnToPhase(0, LeadId, LeadName, Later, "Reden"),
            _ => () => complex.MoveToCatalogue(catalogue, newer, LeadId, LeadName, Later),
        };

        var error = Assert.Throws<DomainException>(act);

        Assert.Equal(Domain.Complexes.Complex.ArchivedMessage, error.Message);
        Assert.Equal(before, (complex.Name, complex.CurrentPhase, complex.ChecklistTicks.Count(t => t.IsActive), complex.CatalogueId, complex.History.Count));
    }
}
