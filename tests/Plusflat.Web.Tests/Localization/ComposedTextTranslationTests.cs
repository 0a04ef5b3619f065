using System.Globalization;
using Plusflat.Domain.Admission;
using Plusflat.Domain.BusinessCases;
using Plusflat.Web.Localization;

namespace Plusflat.Web.Tests.Localization;

/// <summary>
/// Texts the domain puts together at run time (the business case's outcome, the gate's reasons as frozen in a DOS
/// snapshot, a refusal naming a list of parties), shown through <see cref="DomainText.Translate"/>: with English selected
/// they are English, values included (dates, amounts, lowercase names in a list), and Dutch stays as the domain wrote it.
/// </summary>
public sealed class ComposedTextTranslationTests
{
    [Fact]
    public void BusinessCaseExplanation_OfTheTemplate_IsEnglishWithEnglishAmounts()
    {
        var result = BusinessCaseCalculator.Compute(BusinessCaseTemplate.Create(2027, 4));

        var english = InEnglish(() => DomainText.Translate(result.Explanation));

        Assert.StartsWith("Positive business case: over 2027–2030 the benefits (€", english, StringComparison.Ordinal);
        Assert.Contains("Note: 1 cost item is marked PM and not counted (so the costs may be higher); 5 benefits are marked PM and not counted.", english, StringComparison.Ordinal);
        Assert.DoesNotContain("€ ", english, StringComparison.Ordinal); // "€ 503.223" is the Dutch way
        NoDutch(english);
    }

    [Fact]
    public void BusinessCaseExplanation_EveryBranch_IsEnglish()
    {
        string[] dutch =
        [
            "Nog geen positieve business case: er zijn voor 2027–2030 geen kosten van de plus-laag ingevuld.",
            "Geen positieve business case: over 2027–2030 zijn de baten (€ 1.000) niet hoger dan de kosten (€ 2.000), een saldo van € -1.000; het cumulatieve saldo was in 2028 even positief, maar niet aan het eind. Let op: 2 kostenposten staan als PM en zijn niet meegeteld (de kosten kunnen dus hoger zijn); 1 baat staat als PM en is niet meegeteld; investeringen (€ 45.000,50) staan apart en tellen niet mee in de lopende kosten.",
        ];

        foreach (var text in dutch)
        {
            var english = InEnglish(() => DomainText.Translate(text));
            Assert.NotEqual(text, english);
            NoDutch(english);
        }

        var investments = InEnglish(() => DomainText.Translate(dutch[1]));
        Assert.Contains("investments (€45,000.50)", investments, StringComparison.Ordinal);
        Assert.Equal(dutch[1], InCulture("nl-NL", () => DomainText.Translate(dutch[1])));
    }

    [Fact]
    public void GateReason_AsFrozenInADosSnapshot_IsEnglishWithAnEnglishDate()
    {
        var reason = new AdmissionReason(AdmissionReasons.MunicipalityAgreed, [new DateOnly(2026, 10, 18), "Stadsdeel", "GEM-1"], Blocks: false);

        Assert.Equal("De gemeente stemde in op 18 oktober 2026 (Stadsdeel, kenmerk GEM-1).", reason.Text);
        Assert.Equal("The municipality agreed on 18 Oct 2026 (Stadsdeel, reference GEM-1).", InEnglish(() => DomainText.Translate(reason.Text)));
    }

    [Fact]
    public void Refusal_NamingLowercasePartiesInAList_IsEnglish() =>
        Assert.Equal("The agreement is missing from: housing corporation, care provider.",
            InEnglish(() => DomainText.Translate("De instemming ontbreekt van: woningcorporatie, zorgaanbieder.")));

    private static void NoDutch(string english)
    {
        foreach (var word in new[] { " van ", " het ", " zijn ", " niet ", " baten", "kosten", "Let op", " saldo" })
        {
            Assert.DoesNotContain(word, english, StringComparison.Ordinal);
        }
    }

    private static string InEnglish(Func<string> action) => InCulture("en-GB", action);

    private static string InCulture(string culture, Func<string> action)
    {
        var (before, beforeUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            return action();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (before, beforeUi);
        }
    }
}
