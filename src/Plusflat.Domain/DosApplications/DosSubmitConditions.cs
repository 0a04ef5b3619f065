using Plusflat.Domain.Common;

namespace Plusflat.Domain.DosApplications;

/// <summary>
/// Why an application cannot be submitted yet — every reason at once, each at its part of the form. Submitting needs a
/// passed admission gate, eligibility under the product standard, a positive frozen business case, the agreement of
/// municipality, corporation and care provider, the regional establishment and an amount requested.
/// </summary>
public static class DosSubmitConditions
{
    public const string GateField = "Gate";
    public const string StandardField = "Standard";
    public const string BusinessCaseField = "BusinessCase";
    public const string CoalitionField = "Coalition";
    public const string EstablishmentField = "Establishment";
    public const string RequestedField = "Requested";

    public static IReadOnlyList<DomainError> Unmet(DosApplicationDetails details, DosSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(snapshot);
        var errors = new List<DomainError>();
        if (snapshot.Gate is null)
        {
            errors.Add(new(GateField, "De toelatingspoort is nog niet vastgelegd voor dit complex."));
        }
        else if (!snapshot.Gate.Passed)
        {
            errors.Add(new(GateField, "Het complex haalt de toelatingspoort niet."));
        }

        if (snapshot.Standard is not { Eligible: true })
        {
            errors.Add(new(StandardField, snapshot.Standard is null
                ? "Het complex is nog niet getoetst aan de productstandaard."
                : "Het complex komt volgens de productstandaard (nog) niet in aanmerking."));
        }

        if (snapshot.BusinessCase is null)
        {
            errors.Add(new(BusinessCaseField, "Kies een vastgelegde versie van de businesscase."));
        }
        else if (!snapshot.BusinessCase.Positive)
        {
            errors.Add(new(BusinessCaseField, $"Versie {snapshot.BusinessCase.VersionNumber} van de businesscase is niet positief."));
        }

        var missing = Enum.GetValues<CoalitionParty>().Where(p => details.Coalition.All(a => a.Party != p)).Select(PartyName).ToList();
        if (missing.Count > 0)
        {
            errors.Add(new(CoalitionField, $"De instemming ontbreekt van: {string.Join(", ", missing)}."));
        }

        if (details.Establishment is null)
        {
            errors.Add(new(EstablishmentField, "Leg de regionale vaststelling vast (orgaan, datum, kenmerk)."));
        }

        if (details.RequestedTotal <= 0)
        {
            errors.Add(new(RequestedField, "Vraag voor minstens één jaar een bedrag aan."));
        }

        return errors;
    }

    public static string PartyName(CoalitionParty party) => party switch
    {
        CoalitionParty.Municipality => "gemeente",
        CoalitionParty.HousingCorporation => "woningcorporatie",
        CoalitionParty.CareProvider => "zorgaanbieder",
        _ => party.ToString(),
    };
}
