using System.Text;
using Plusflat.Domain.Common;
using Plusflat.Domain.Complexes;
using Plusflat.Domain.Organisations;
using static Plusflat.Domain.Tests.TestData;

namespace Plusflat.Domain.Tests.Common;

public class PlainTextTests
{
    public static TheoryData<string> ControlCharacters => ["a\0b", "\u0001", "a\u0007", "\u001b[31m", "x\u007f", "\u0085", "\u009f"];

    public static TheoryData<string> BidiControls => ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"];

    [Theory]
    [MemberData(nameof(ControlCharacters))]
    public void Problem_ControlCharacter_IsRefusedInOneLineAndMultilineText(string text)
    {
        Assert.Equal(PlainText.ControlCharacterMessage, PlainText.Problem(text));
        Assert.Equal(PlainText.ControlCharacterMessage, PlainText.Problem(text, multiline: true));
    }

    [Theory]
    [MemberData(nameof(BidiControls))]
    public void Problem_BidiEmbeddingOverrideOrIsolate_IsRefused(string character)
    {
        Assert.Equal(PlainText.BidiMessage, PlainText.Problem("Flat" + character + "fer"));
        Assert.Equal(PlainText.BidiMessage, PlainText.Problem("Flat" + character, multiline: true));
    }

    [Theory]
    [InlineData("Regel 1\nRegel 2")]
    [InlineData("Regel 1\r\nRegel 2")]
    [InlineData("Kolom\tkolom")]
    public void Problem_LineBreakOrTab_IsRefusedInOneLineTextOnly(string text)
    {
        Assert.Equal(PlainText.LineBreakMessage, PlainText.Problem(text));
        Assert.Null(PlainText.Problem(text, multiline: true));
    }

    [Theory]
    [InlineData("De Klaverhof")]
    [InlineData("Café ’t Hoekje — 1e étage")]
    [InlineData("שלום עולם")]
    [InlineData("Flat 🏢 met emoji")]
    [InlineData("\u200f\u200e marks")]
    [InlineData("")]
    [InlineData(null)]
    public void Problem_OrdinaryTextInAnyScript_IsAccepted(string? text) => Assert.Null(PlainText.Problem(text));

    [Fact]
    public void Problem_LoneSurrogate_IsRefusedAndNormaliseDoesNotThrow()
    {
        // Built in code: a lone surrogate does not survive an attribute argument (it becomes U+FFFD).
        foreach (var text in new[] { "a" + '\ud800' + "b", "" + '\udc00', "end" + '\ud83d' })
        {
            Assert.Equal(PlainText.BrokenCharacterMessage, PlainText.Problem(text, multiline: true));
            Assert.Equal(text, PlainText.Normalise(" " + text + " "));
        }
    }

    [Fact]
    public void Normalise_DecomposedAndPadded_GivesNfcTrimmed()
    {
        Assert.Equal("Caf\u00e9", PlainText.Normalise(" \u00a0Cafe\u0301\t "));
        Assert.Null(PlainText.Normalise(null));
    }

    [Theory]
    [InlineData("a\0b", "ab")]
    [InlineData("Flat\u202e fer", "Flat fer")]
    [InlineData(" regel\nregel ", "regel regel")]
    [InlineData("Cafe\u0301\u0007", "Caf\u00e9")]
    [InlineData("\0\u0001 ", null)]
    [InlineData("   ", null)]
    public void Clean_FilterText_DropsRefusedCharactersAndNormalises(string text, string? expected) =>
        Assert.Equal(expected, PlainText.Clean(text));

    [Fact]
    public void Clean_LoneSurrogate_IsDropped() => Assert.Equal("xy", PlainText.Clean("x" + '\ud800' + "y"));

    [Fact]
    public void Guard_OneLineText_RefusesAControlCharacterAtItsField()
    {
        var refused = Assert.Throws<DomainException>(() => Guard.RequiredText("Naam\0", 200, "Name", "Naam"));
        Assert.Equal("Name", refused.Field);
        Assert.Equal(PlainText.ControlCharacterMessage, refused.Message);
    }

    [Fact]
    public void Complex_NameWithBidiOverrideOrNotesWithNul_RefusesBothAtTheirFields()
    {
        var facts = Facts() with { Name = "Klaver\u202ehof", Notes = "Let op\0" };

        var errors = Domain.Complexes.Complex.Check(facts);

        Assert.Contains(errors, e => e.Field == nameof(ComplexFacts.Name) && e.Message == PlainText.BidiMessage);
        Assert.Contains(errors, e => e.Field == nameof(ComplexFacts.Notes) && e.Message == PlainText.ControlCharacterMessage);
    }

    [Fact]
    public void Complex_DecomposedNameAndMultilineNotes_AreStoredInNfcWithTheLineBreaks()
    {
        var complex = new Domain.Complexes.Complex(TenantId, Facts() with { Name = " Cafe\u0301flat ", Notes = "Regel 1\nRegel 2" }, Catalogue(), LeadId, LeadName, Now);

        Assert.Equal("Caf\u00e9flat", complex.Name);
        Assert.True(complex.Name.IsNormalized(NormalizationForm.FormC));
        Assert.Equal("Regel 1\nRegel 2", complex.Notes);
    }

    [Fact]
    public void Organisation_NameWithNewline_IsRefusedAtName()
    {
        var refused = Assert.Throws<DomainException>(() =>
            new Organisation(TenantId, "Woon\nstichting", OrganisationKind.HousingCorporation, null, null, null, null, null));

        Assert.Contains(refused.Errors, e => e.Field == nameof(Organisation.Name) && e.Message == PlainText.LineBreakMessage);
    }
}
