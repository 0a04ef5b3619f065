using System.Globalization;
using Plusflat.Web.Localization;

namespace Plusflat.Web.Tests.Localization;

/// <summary>Dutch domain and validation messages, translated at the point of display through the resx.</summary>
public sealed class DomainTextTests
{
    [Theory]
    [InlineData("Vul de gemeente in.", "Enter the municipality.")]
    [InlineData("Naam mag hoogstens 200 tekens lang zijn.", "Name may be at most 200 characters long.")]
    [InlineData("De naam mag hoogstens 200 tekens lang zijn.", "The name may be at most 200 characters long.")]
    [InlineData("Stadsdeel of wijk is verplicht.", "District or neighbourhood is required.")]
    [InlineData("Het complex zit al in fase 1 (Verkennen samenwerking).", "The complex is already in phase 1 (Exploring cooperation).")]
    [InlineData("Kies een fase van 0 tot en met 4.", "Choose a phase from 0 to 4.")]
    [InlineData("Deze uitnodiging is verlopen. Vraag de beheerder om een nieuwe.", "This invitation has expired. Ask the administrator for a new one.")]
    [InlineData("Kies een rol. Vul het adres in.", "Choose a role. Enter the address.")]
    [InlineData("Een tekst zonder vertaling.", "Een tekst zonder vertaling.")]
    public void Translate_English_GivesTheEnglishText(string dutch, string english) =>
        Assert.Equal(english, InCulture("en-GB", () => DomainText.Translate(dutch)));

    [Fact]
    public void Translate_Dutch_KeepsTheMessage() =>
        Assert.Equal("Naam mag hoogstens 200 tekens lang zijn.", InCulture("nl-NL", () => DomainText.Translate("Naam mag hoogstens 200 tekens lang zijn.")));

    private static string InCulture(string culture, Func<string> action)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            return action();
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
