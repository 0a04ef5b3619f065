using Plusflat.Domain.Common;

namespace Plusflat.Domain.Admission;

/// <summary>The three parties whose agreement the governance threshold needs (<i>regionale vaststelling</i>).</summary>
public enum GovernanceParty
{
    Municipality = 1,
    Corporation = 2,
    CareProvider = 3,
}

/// <summary>
/// Threshold 1 facts: the complex is concentrated living (a shared entrance or a clearly bounded cluster), and the
/// nearby complexes it shares capacity with when it is below the programme's lower bound (the "light" route).
/// </summary>
/// <param name="CoreFunctionsSecured">Meeting/activity, early signalling, coordination and mandate are demonstrably secured.</param>
public sealed record ConcentrationFacts(bool SharedEntrance, IReadOnlyList<Guid> GroupedWith, bool CoreFunctionsSecured, string? Evidence)
{
    public static readonly ConcentrationFacts None = new(false, [], false, null);
}

/// <summary>
/// Threshold 2 facts: each need is a short evidence note (null: not recorded), and the two halves of the exclusion
/// (residents mostly organise activities themselves; hardly any Zvw/Wlz home care is delivered).
/// </summary>
public sealed record NeedFacts(
    string? Loneliness, string? LiveabilityPressure, string? MissedEarlySignalling, string? CareConcentration,
    bool MostlySelfSufficient, bool HardlyAnyHomeCare)
{
    public static readonly NeedFacts None = new(null, null, null, null, false, false);
}

/// <summary>One party's explicit agreement that this complex is fit for plus-layer funding: who, on which date, under which reference.</summary>
public sealed record GovernanceAgreement(GovernanceParty Party, string AgreedBy, DateOnly AgreedOn, string Reference);

/// <summary>
/// What a programme lead records for a complex's admission gate. Pure data plus its own input rules
/// (<see cref="Check"/>); <see cref="AdmissionGate.Evaluate"/> decides the outcome from it.
/// </summary>
public sealed record AdmissionFacts(ConcentrationFacts Concentration, NeedFacts Need, IReadOnlyList<GovernanceAgreement> Governance)
{
    public const int EvidenceMaxLength = 2000;

    public const int NeedNoteMaxLength = 1000;

    public const int AgreedByMaxLength = 200;

    public const int ReferenceMaxLength = 200;

    public const int MaxGroupedComplexes = 20;

    /// <summary>The earliest date an agreement can carry.</summary>
    public static readonly DateOnly EarliestAgreementDate = new(2000, 1, 1);

    /// <summary>Nothing recorded yet: fails every threshold.</summary>
    public static readonly AdmissionFacts None = new(ConcentrationFacts.None, NeedFacts.None, []);

    /// <summary>The agreement of one party, if recorded.</summary>
    public GovernanceAgreement? AgreementOf(GovernanceParty party) => Governance.FirstOrDefault(a => a.Party == party);

    /// <summary>
    /// Every input rule, all at once (empty: valid). Errors name the fields of the admission form
    /// (<see cref="Fields"/>). A future agreement date is allowed here: it is recorded, but the gate does not count it yet.
    /// </summary>
    public IReadOnlyList<DomainError> Check(Guid complexId)
    {
        var errors = new List<DomainError>();
        var grouped = Concentration.GroupedWith ?? [];
        if (grouped.Contains(complexId))
        {
            errors.Add(new(Fields.GroupedWith, "Een complex kan niet met zichzelf gegroepeerd worden."));
        }

        if (grouped.Contains(Guid.Empty))
        {
            errors.Add(new(Fields.GroupedWith, "Kies de gegroepeerde complexen uit de complexen van het programma."));
        }

        if (grouped.Distinct().Count() != grouped.Count)
        {
            errors.Add(new(Fields.GroupedWith, "Elk gegroepeerd complex mag maar één keer voorkomen."));
        }

        if (grouped.Count > MaxGroupedComplexes)
        {
            errors.Add(new(Fields.GroupedWith, $"Groepeer hoogstens {MaxGroupedComplexes} complexen."));
        }

        Text(errors, Concentration.Evidence, EvidenceMaxLength, Fields.ConcentrationEvidence, "De onderbouwing");
        Text(errors, Need.Loneliness, NeedNoteMaxLength, Fields.Loneliness, "De onderbouwing van eenzaamheid");
        Text(errors, Need.LiveabilityPressure, NeedNoteMaxLength, Fields.LiveabilityPressure, "De onderbouwing van leefbaarheidsdruk");
        Text(errors, Need.MissedEarlySignalling, NeedNoteMaxLength, Fields.MissedEarlySignalling, "De onderbouwing van gemiste vroegsignalering");
        Text(errors, Need.CareConcentration, NeedNoteMaxLength, Fields.CareConcentration, "De onderbouwing van zorgconcentratie");

        foreach (var party in Governance.GroupBy(a => a.Party).Where(g => g.Count() > 1).Select(g => g.Key))
        {
            errors.Add(new(Fields.Governance, $"De instemming van {PartyName(party)} staat er meer dan één keer in; leg per partij één instemming vast."));
        }

        foreach (var agreement in Governance.DistinctBy(a => a.Party))
        {
            if (!Enum.IsDefined(agreement.Party))
            {
                errors.Add(new(Fields.Governance, "Kies als partij de gemeente, de woningcorporatie of de zorgaanbieder."));
                continue;
            }

            var name = PartyName(agreement.Party);
            if (string.IsNullOrWhiteSpace(agreement.AgreedBy))
            {
                errors.Add(new(Fields.AgreedBy(agreement.Party), $"Vul in wie namens {name} heeft ingestemd."));
            }
            else
            {
                Text(errors, agreement.AgreedBy, AgreedByMaxLength, Fields.AgreedBy(agreement.Party), "De naam");
            }

            if (agreement.AgreedOn < EarliestAgreementDate)
            {
                errors.Add(new(Fields.AgreedOn(agreement.Party), "De datum mag niet vóór 1 januari 2000 liggen."));
            }

            if (string.IsNullOrWhiteSpace(agreement.Reference))
            {
                errors.Add(new(Fields.Reference(agreement.Party), $"Vul het kenmerk in van het besluit of de brief waarmee {name} instemde."));
            }
            else
            {
                Text(errors, agreement.Reference, ReferenceMaxLength, Fields.Reference(agreement.Party), "Het kenmerk");
            }
        }

        return errors;
    }

    /// <summary>The facts with trimmed texts (blank notes become null); throws a <see cref="DomainException"/> with every refusal.</summary>
    public AdmissionFacts Validated(Guid complexId)
    {
        var errors = Check(complexId);
        if (errors.Count > 0)
        {
            throw new DomainException(errors);
        }

        return new AdmissionFacts(
            Concentration with { GroupedWith = [.. Concentration.GroupedWith], Evidence = Trimmed(Concentration.Evidence) },
            Need with
            {
                Loneliness = Trimmed(Need.Loneliness),
                LiveabilityPressure = Trimmed(Need.LiveabilityPressure),
                MissedEarlySignalling = Trimmed(Need.MissedEarlySignalling),
                CareConcentration = Trimmed(Need.CareConcentration),
            },
            [.. Governance.OrderBy(a => a.Party).Select(a => a with { AgreedBy = a.AgreedBy.Trim(), Reference = a.Reference.Trim() })]);
    }

    /// <summary>"de gemeente", "de woningcorporatie", "de zorgaanbieder".</summary>
    public static string PartyName(GovernanceParty party) => party switch
    {
        GovernanceParty.Municipality => "de gemeente",
        GovernanceParty.Corporation => "de woningcorporatie",
        GovernanceParty.CareProvider => "de zorgaanbieder",
        _ => "een onbekende partij",
    };

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static void Text(List<DomainError> errors, string? value, int maxLength, string field, string label)
    {
        if (value is not null && value.Trim().Length > maxLength)
        {
            errors.Add(new(field, $"{label} mag hoogstens {maxLength} tekens lang zijn."));
        }
    }

    /// <summary>The names of the admission form's fields, which refusals carry.</summary>
    public static class Fields
    {
        public const string SharedEntrance = nameof(ConcentrationFacts.SharedEntrance);
        public const string GroupedWith = nameof(ConcentrationFacts.GroupedWith);
        public const string CoreFunctionsSecured = nameof(ConcentrationFacts.CoreFunctionsSecured);
        public const string ConcentrationEvidence = "ConcentrationEvidence";
        public const string Loneliness = nameof(NeedFacts.Loneliness);
        public const string LiveabilityPressure = nameof(NeedFacts.LiveabilityPressure);
        public const string MissedEarlySignalling = nameof(NeedFacts.MissedEarlySignalling);
        public const string CareConcentration = nameof(NeedFacts.CareConcentration);
        public const string Governance = nameof(AdmissionFacts.Governance);

        public static string AgreedBy(GovernanceParty party) => $"{party}AgreedBy";

        public static string AgreedOn(GovernanceParty party) => $"{party}AgreedOn";

        public static string Reference(GovernanceParty party) => $"{party}Reference";
    }
}
