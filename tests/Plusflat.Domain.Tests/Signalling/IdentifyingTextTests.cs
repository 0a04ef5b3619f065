using Plusflat.Domain.Common;
using Plusflat.Domain.Signalling;

namespace Plusflat.Domain.Tests.Signalling;

public class IdentifyingTextTests
{
    [Theory]
    [InlineData("Mevrouw met BSN 111222333 valt vaak", "BSN")]
    [InlineData("bsn 1112.22.333 genoemd", "BSN")]
    [InlineData("geboren 03-04-1941, vergeetachtig", "geboortedatum")]
    [InlineData("geboren 3/4/41", "geboortedatum")]
    [InlineData("geboren op 3 april 1941", "geboortedatum")]
    [InlineData("geboren 1941-04-03", "geboortedatum")]
    [InlineData("bel dochter op 06-12345678", "telefoonnummer")]
    [InlineData("bel 020 123 4567", "telefoonnummer")]
    [InlineData("bel +31 6 12345678", "telefoonnummer")]
    [InlineData("mail naar j.jansen@example.nl", "e-mailadres")]
    [InlineData("woont op 1012 AB 14", "postcode met huisnummer")]
    [InlineData("woont op 1012AB, nr 14", "postcode met huisnummer")]
    [InlineData("woont op 14 1012 AB", "postcode met huisnummer")]
    [InlineData("BSN 123 456 782 op de brief", "BSN")]
    [InlineData("geboren 3-4-'41", "geboortedatum")]
    [InlineData("geboren 3 apr. '41", "geboortedatum")]
    [InlineData("bel (020) 123 4567", "telefoonnummer")]
    [InlineData("bel 06 - 12 34 56 78", "telefoonnummer")]
    [InlineData("bel 0031 6 12345678", "telefoonnummer")]
    [InlineData("mail J.Jansen+zorg@Example.co.uk", "e-mailadres")]
    [InlineData("woont op 1012 AB huisnummer 14", "postcode met huisnummer")]
    [InlineData("woont op 1012 AB, huisnr. 14-2", "postcode met huisnummer")]
    [InlineData("woont op 1012AB14", "postcode met huisnummer")]
    [InlineData("woont op 1012ab 14", "postcode met huisnummer")]
    public void Find_IdentifyingDetail_ExplainsWhatWasFound(string text, string expected)
    {
        var found = IdentifyingText.Find(text);

        Assert.Single(found);
        Assert.Contains(expected, found[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Gaat minder naar buiten sinds de zomer, drie keer gevallen")]
    [InlineData("Sinds week 12 minder zelfzorg; 2 keer per week bezoek afgesproken")]
    [InlineData("Kamer 1012 staat leeg")] // a number like a postcode, without letters
    [InlineData("Ordernummer 123456789 van de rollator")] // nine digits that fail the eleven-check
    [InlineData("Om 10.30 uur koffie in de huiskamer")] // a time, not a date
    [InlineData("Kosten 1.500 euro voor aanpassingen")]
    [InlineData("Vaker @ de huiskamer gezien")] // an at-sign without an address
    [InlineData("Heeft 2 AB-toetsen aan de telefoon nodig")]
    [InlineData("Tussen 10-12 uur is er koffie, (2) keer per week")] // a time range and a number in brackets
    [InlineData("Sinds 2019 minder naar buiten, in '21 gevallen")] // a year alone is no date of birth
    [InlineData("Verhuisd binnen de buurt 1012 AB")] // a postcode without a house number points at no single home
    [InlineData("Belt vaak, wel 20 keer per dag; 06 keer per maand bezoek")]
    [InlineData("Sinds 2023 al 4 keer gevallen")] // a year, a two-letter word and a number: no postcode with house number
    [InlineData("Na 2020 nu 2 keer per week bezoek")]
    [InlineData("")]
    [InlineData(null)]
    public void Find_OrdinaryTextThatLooksClose_IsFine(string? text)
    {
        Assert.Empty(IdentifyingText.Find(text));
    }

    [Fact]
    public void Find_SeveralKinds_NamesEach()
    {
        var found = IdentifyingText.Find("BSN 111222333, tel 0612345678, mail a@b.nl");

        Assert.Equal(3, found.Count);
    }

    [Theory]
    [InlineData("111222333", true)]
    [InlineData("123456782", true)]
    [InlineData("123456789", false)]
    [InlineData("000000000", false)]
    [InlineData("12345678", false)]
    [InlineData("12345678a", false)]
    public void IsElevenProof_FollowsTheBsnCheck(string digits, bool expected)
    {
        Assert.Equal(expected, IdentifyingText.IsElevenProof(digits));
    }

    [Fact]
    public void Check_TooLong_IsRefusedAtTheField()
    {
        var ex = Assert.Throws<DomainException>(() => IdentifyingText.Check(new string('a', IdentifyingText.DescriptionMax + 1), "Description"));

        Assert.Equal("Description", ex.Field);
    }

    [Fact]
    public void Check_IdentifyingText_IsRefusedAtTheFieldWithTheExplanation()
    {
        var ex = Assert.Throws<DomainException>(() => IdentifyingText.Check("mail a@b.nl", "Signals[0].Description"));

        Assert.Equal("Signals[0].Description", ex.Field);
        Assert.Contains("e-mailadres", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_Blank_IsNull()
    {
        Assert.Null(IdentifyingText.Check("   ", "Description"));
    }
}

public class ResidentCodePatternTests
{
    [Theory]
    [InlineData("B-017")]
    [InlineData("A-1")]
    [InlineData("ABC-1234")]
    public void Check_DefaultPattern_AcceptsCodes(string code)
    {
        Assert.Equal(code, ResidentCodePattern.Default.Check(" " + code + " ", "ResidentCode"));
    }

    [Theory]
    [InlineData("Jansen")]
    [InlineData("mevrouw de Vries")]
    [InlineData("b-017")]
    [InlineData("ABCD-1")]
    [InlineData("B-12345")]
    [InlineData("B017")]
    [InlineData("B-017 Jansen")]
    public void Check_OutsideThePattern_IsRefusedWithAnExplanation(string code)
    {
        var ex = Assert.Throws<DomainException>(() => ResidentCodePattern.Default.Check(code, "ResidentCode"));

        Assert.Equal("ResidentCode", ex.Field);
        Assert.Contains("naam", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_Empty_AsksForTheCode()
    {
        var ex = Assert.Throws<DomainException>(() => ResidentCodePattern.Default.Check("", "ResidentCode"));

        Assert.Contains("Vul de bewonerscode in", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ProgrammePattern_ReplacesTheDefault()
    {
        var pattern = new ResidentCodePattern(@"^FL[0-9]{3}$", "FL001");

        Assert.Equal("FL001", pattern.Check("FL001", "ResidentCode"));
        Assert.Throws<DomainException>(() => pattern.Check("B-017", "ResidentCode"));
    }
}
