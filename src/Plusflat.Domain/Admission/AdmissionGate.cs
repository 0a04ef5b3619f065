using System.Globalization;

namespace Plusflat.Domain.Admission;

/// <summary>The three thresholds of the admission gate (position paper ch. 4); all are required.</summary>
public enum AdmissionThreshold
{
    /// <summary>Physical / organisational: concentrated living and scale.</summary>
    Concentration = 1,

    /// <summary>Content: a demonstrable need at complex level, and not excluded.</summary>
    Need = 2,

    /// <summary>Regional establishment: municipality, corporation and care provider agree.</summary>
    Governance = 3,
}

/// <summary>A complex grouped with the assessed one (the light route), with its current number of dwellings.</summary>
public sealed record GroupedComplex(Guid Id, string Name, int Dwellings);

/// <summary>
/// The numbers the concentration threshold weighs: the programme's lower bound, the complex's own dwellings and
/// the complexes it is grouped with. Read from the data when the gate is evaluated, never copied into the facts.
/// </summary>
public sealed record AdmissionScale(int MinimumDwellings, int Dwellings, IReadOnlyList<GroupedComplex> Grouped);

/// <summary>
/// One reason in words: a Dutch composite format (<see cref="Template"/>, one of <see cref="AdmissionReasons"/>) with
/// its arguments (numbers, dates, names), so a page can show it in the user's language. <see cref="Blocks"/>: this
/// reason is why the threshold failed.
/// </summary>
public sealed record AdmissionReason(string Template, IReadOnlyList<object> Arguments, bool Blocks)
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    /// <summary>The reason in Dutch, e.g. for the API.</summary>
    public string Text => string.Format(Dutch, Template, [.. Arguments.Select(a => a is DateOnly d ? d.ToString("d MMMM yyyy", Dutch) : a)]);
}

public sealed record ThresholdOutcome(AdmissionThreshold Threshold, bool Passed, IReadOnlyList<AdmissionReason> Reasons);

/// <summary>The gate's outcome: passed only when every threshold passed; each threshold explains itself.</summary>
public sealed record AdmissionOutcome(bool Passed, IReadOnlyList<ThresholdOutcome> Thresholds)
{
    public ThresholdOutcome Of(AdmissionThreshold threshold) => Thresholds.Single(t => t.Threshold == threshold);
}

/// <summary>
/// The admission gate as a pure rule: from the recorded facts, the scale and today's date to an outcome per threshold
/// and overall, each with its reasons. The building type never gives an automatic right; failing any threshold fails the gate.
/// </summary>
public static class AdmissionGate
{
    public static AdmissionOutcome Evaluate(AdmissionFacts? facts, AdmissionScale scale, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(scale);
        var recorded = facts ?? AdmissionFacts.None;
        ThresholdOutcome[] thresholds =
        [
            Concentration(recorded.Concentration, scale),
            Need(recorded.Need),
            Governance(recorded, today),
        ];
        return new AdmissionOutcome(thresholds.All(t => t.Passed), thresholds);
    }

    /// <summary>
    /// A shared entrance / bounded cluster, and scale: at or above the lower bound on its own, or below it on the light
    /// route — grouped with nearby complexes whose dwellings together with its own reach the bound, and the core
    /// functions recorded as secured.
    /// </summary>
    private static ThresholdOutcome Concentration(ConcentrationFacts facts, AdmissionScale scale)
    {
        var reasons = new List<AdmissionReason>
        {
            facts.SharedEntrance
                ? Ok(AdmissionReasons.SharedEntrance)
                : Fail(AdmissionReasons.NoSharedEntrance),
        };

        var minimum = scale.MinimumDwellings;
        if (scale.Dwellings >= minimum)
        {
            reasons.Add(Ok(AdmissionReasons.ScaleMet, scale.Dwellings, minimum));
        }
        else if (scale.Grouped.Count == 0)
        {
            reasons.Add(Fail(AdmissionReasons.BelowBoundNotGrouped, scale.Dwellings, minimum));
        }
        else
        {
            var together = scale.Dwellings + scale.Grouped.Sum(g => g.Dwellings);
            var names = string.Join(", ", scale.Grouped.Select(g => $"{g.Name} ({g.Dwellings})"));
            reasons.Add(together >= minimum
                ? Ok(AdmissionReasons.GroupedReachesBound, scale.Dwellings, names, together, minimum)
                : Fail(AdmissionReasons.GroupedBelowBound, scale.Dwellings, names, together, minimum));
            reasons.Add(facts.CoreFunctionsSecured
                ? Ok(AdmissionReasons.CoreFunctionsSecured)
                : Fail(AdmissionReasons.CoreFunctionsNotSecured));
        }

        return Outcome(AdmissionThreshold.Concentration, reasons);
    }

    /// <summary>At least one need with its note; excluded only when residents are mostly self-sufficient AND hardly any home care is delivered.</summary>
    private static ThresholdOutcome Need(NeedFacts facts)
    {
        var reasons = new List<AdmissionReason>();
        foreach (var (note, template) in new[]
                 {
                     (facts.Loneliness, AdmissionReasons.NeedLoneliness),
                     (facts.LiveabilityPressure, AdmissionReasons.NeedLiveabilityPressure),
                     (facts.MissedEarlySignalling, AdmissionReasons.NeedMissedEarlySignalling),
                     (facts.CareConcentration, AdmissionReasons.NeedCareConcentration),
                 })
        {
            if (!string.IsNullOrWhiteSpace(note))
            {
                reasons.Add(Ok(template, note.Trim()));
            }
        }

        if (reasons.Count == 0)
        {
            reasons.Add(Fail(AdmissionReasons.NoNeed));
        }

        if (facts.MostlySelfSufficient && facts.HardlyAnyHomeCare)
        {
            reasons.Add(Fail(AdmissionReasons.ExcludedSelfSufficient));
        }

        return Outcome(AdmissionThreshold.Need, reasons);
    }

    /// <summary>Each of the three parties agreed on a date that is not after today; a future date is recorded but does not count yet.</summary>
    private static ThresholdOutcome Governance(AdmissionFacts facts, DateOnly today)
    {
        var reasons = new List<AdmissionReason>();
        foreach (var party in Enum.GetValues<GovernanceParty>())
        {
            var templates = AdmissionReasons.For(party);
            reasons.Add(facts.AgreementOf(party) switch
            {
                null => Fail(templates.Missing),
                { AgreedOn: var on } when on > today => Fail(templates.Future, on),
                var agreement => Ok(templates.Agreed, agreement.AgreedOn, agreement.AgreedBy, agreement.Reference),
            });
        }

        return Outcome(AdmissionThreshold.Governance, reasons);
    }

    private static ThresholdOutcome Outcome(AdmissionThreshold threshold, List<AdmissionReason> reasons) =>
        new(threshold, !reasons.Exists(r => r.Blocks), reasons);

    private static AdmissionReason Ok(string template, params object[] arguments) => new(template, arguments, Blocks: false);

    private static AdmissionReason Fail(string template, params object[] arguments) => new(template, arguments, Blocks: true);
}

/// <summary>The gate's reasons as Dutch composite formats; the page translates the format and fills in the arguments.</summary>
public static class AdmissionReasons
{
    public const string SharedEntrance = "Het complex heeft een gezamenlijke entree of is een duidelijk begrensd cluster.";
    public const string NoSharedEntrance = "Er is geen gezamenlijke entree of duidelijk begrensd cluster vastgelegd: het gaat om geconcentreerd wonen, niet om een willekeurige straat.";
    public const string ScaleMet = "Het complex heeft {0} woningen en haalt daarmee de ondergrens van {1} woningen.";
    public const string BelowBoundNotGrouped = "Het complex heeft {0} woningen, minder dan de ondergrens van {1}, en is niet gegroepeerd met complexen in de buurt (lichte route).";
    public const string GroupedReachesBound = "Lichte route: het complex heeft {0} woningen; samen met {1} zijn dat {2} woningen, genoeg voor de ondergrens van {3}.";
    public const string GroupedBelowBound = "Lichte route: het complex heeft {0} woningen; samen met {1} zijn dat {2} woningen, nog minder dan de ondergrens van {3}.";
    public const string CoreFunctionsSecured = "Lichte route: de kernfuncties (ontmoeting en activiteiten, vroegsignalering, coördinatie en mandaat) zijn geborgd.";
    public const string CoreFunctionsNotSecured = "Lichte route: de kernfuncties (ontmoeting en activiteiten, vroegsignalering, coördinatie en mandaat) zijn niet als geborgd vastgelegd.";

    public const string NeedLoneliness = "Opgave eenzaamheid: {0}";
    public const string NeedLiveabilityPressure = "Opgave leefbaarheidsdruk: {0}";
    public const string NeedMissedEarlySignalling = "Opgave gemiste vroegsignalering: {0}";
    public const string NeedCareConcentration = "Opgave zorgconcentratie of kwetsbaarheid: {0}";
    public const string NoNeed = "Er is geen opgave op complexniveau vastgelegd: leg ten minste één opgave vast (eenzaamheid, leefbaarheidsdruk, gemiste vroegsignalering of zorgconcentratie) met een korte onderbouwing.";
    public const string ExcludedSelfSufficient = "Uitgesloten: de bewoners organiseren activiteiten overwegend zelf én er wordt nauwelijks zorg thuis (Zvw/Wlz) geleverd.";

    public const string MunicipalityMissing = "Er is geen instemming van de gemeente vastgelegd.";
    public const string MunicipalityFuture = "De instemming van de gemeente is gedateerd op {0}, in de toekomst; die telt nog niet.";
    public const string MunicipalityAgreed = "De gemeente stemde in op {0} ({1}, kenmerk {2}).";
    public const string CorporationMissing = "Er is geen instemming van de woningcorporatie vastgelegd.";
    public const string CorporationFuture = "De instemming van de woningcorporatie is gedateerd op {0}, in de toekomst; die telt nog niet.";
    public const string CorporationAgreed = "De woningcorporatie stemde in op {0} ({1}, kenmerk {2}).";
    public const string CareProviderMissing = "Er is geen instemming van de zorgaanbieder vastgelegd.";
    public const string CareProviderFuture = "De instemming van de zorgaanbieder is gedateerd op {0}, in de toekomst; die telt nog niet.";
    public const string CareProviderAgreed = "De zorgaanbieder stemde in op {0} ({1}, kenmerk {2}).";

    public static (string Missing, string Future, string Agreed) For(GovernanceParty party) => party switch
    {
        GovernanceParty.Municipality => (MunicipalityMissing, MunicipalityFuture, MunicipalityAgreed),
        GovernanceParty.Corporation => (CorporationMissing, CorporationFuture, CorporationAgreed),
        _ => (CareProviderMissing, CareProviderFuture, CareProviderAgreed),
    };

    /// <summary>Every template, e.g. to check that each has a translation.</summary>
    public static IReadOnlyList<string> All =>
    [
        SharedEntrance, NoSharedEntrance, ScaleMet, BelowBoundNotGrouped, GroupedReachesBound, GroupedBelowBound,
        CoreFunctionsSecured, CoreFunctionsNotSecured, NeedLoneliness, NeedLiveabilityPressure, NeedMissedEarlySignalling,
        NeedCareConcentration, NoNeed, ExcludedSelfSufficient, MunicipalityMissing, MunicipalityFuture, MunicipalityAgreed,
        CorporationMissing, CorporationFuture, CorporationAgreed, CareProviderMissing, CareProviderFuture, CareProviderAgreed,
    ];
}
