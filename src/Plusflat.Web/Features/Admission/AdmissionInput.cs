using Plusflat.Web.Features.Shared;
using FluentValidation;
using Plusflat.Domain.Admission;

namespace Plusflat.Web.Features.Admission;

/// <summary>
/// The admission form and the API body, flat (one property per field, typed values). Property names are the ones
/// <see cref="AdmissionFacts.Fields"/> gives the domain's refusals, so each lands at its field; <see cref="ToFacts"/>
/// and <see cref="From"/> are the one mapping between the two.
/// </summary>
public sealed class AdmissionInput
{
    public bool SharedEntrance { get; set; }

    public List<Guid> GroupedWith { get; set; } = [];

    public bool CoreFunctionsSecured { get; set; }

    public string? ConcentrationEvidence { get; set; }

    public string? Loneliness { get; set; }

    public string? LiveabilityPressure { get; set; }

    public string? MissedEarlySignalling { get; set; }

    public string? CareConcentration { get; set; }

    public bool MostlySelfSufficient { get; set; }

    public bool HardlyAnyHomeCare { get; set; }

    public string? MunicipalityAgreedBy { get; set; }

    public DateTime? MunicipalityAgreedOn { get; set; }

    public string? MunicipalityReference { get; set; }

    public string? CorporationAgreedBy { get; set; }

    public DateTime? CorporationAgreedOn { get; set; }

    public string? CorporationReference { get; set; }

    public string? CareProviderAgreedBy { get; set; }

    public DateTime? CareProviderAgreedOn { get; set; }

    public string? CareProviderReference { get; set; }

    /// <summary>The assessment's sequence the form was loaded from; 0 when none exists yet.</summary>
    public int Version { get; set; }

    /// <summary>
    /// A party counts as recorded as soon as one of its three fields is filled in; the validator and the domain then
    /// name whatever of it is missing. A missing date is the validator's to report (the domain sees an early date).
    /// </summary>
    public AdmissionFacts ToFacts() => new(
        new ConcentrationFacts(SharedEntrance, [.. GroupedWith], CoreFunctionsSecured, ConcentrationEvidence),
        new NeedFacts(Loneliness, LiveabilityPressure, MissedEarlySignalling, CareConcentration, MostlySelfSufficient, HardlyAnyHomeCare),
        [
            .. Agreement(GovernanceParty.Municipality, MunicipalityAgreedBy, MunicipalityAgreedOn, MunicipalityReference),
            .. Agreement(GovernanceParty.Corporation, CorporationAgreedBy, CorporationAgreedOn, CorporationReference),
            .. Agreement(GovernanceParty.CareProvider, CareProviderAgreedBy, CareProviderAgreedOn, CareProviderReference),
        ]);

    public static AdmissionInput From(AdmissionFacts facts, int version)
    {
        var input = new AdmissionInput
        {
            SharedEntrance = facts.Concentration.SharedEntrance,
            GroupedWith = [.. facts.Concentration.GroupedWith],
            CoreFunctionsSecured = facts.Concentration.CoreFunctionsSecured,
            ConcentrationEvidence = facts.Concentration.Evidence,
            Loneliness = facts.Need.Loneliness,
            LiveabilityPressure = facts.Need.LiveabilityPressure,
            MissedEarlySignalling = facts.Need.MissedEarlySignalling,
            CareConcentration = facts.Need.CareConcentration,
            MostlySelfSufficient = facts.Need.MostlySelfSufficient,
            HardlyAnyHomeCare = facts.Need.HardlyAnyHomeCare,
            Version = version,
        };
        foreach (var agreement in facts.Governance)
        {
            input.SetAgreement(agreement.Party, agreement.AgreedBy, agreement.AgreedOn.ToDateTime(TimeOnly.MinValue), agreement.Reference);
        }

        return input;
    }

    public void SetAgreement(GovernanceParty party, string? agreedBy, DateTime? agreedOn, string? reference)
    {
        switch (party)
        {
            case GovernanceParty.Municipality:
                (MunicipalityAgreedBy, MunicipalityAgreedOn, MunicipalityReference) = (agreedBy, agreedOn, reference);
                break;
            case GovernanceParty.Corporation:
                (CorporationAgreedBy, CorporationAgreedOn, CorporationReference) = (agreedBy, agreedOn, reference);
                break;
            default:
                (CareProviderAgreedBy, CareProviderAgreedOn, CareProviderReference) = (agreedBy, agreedOn, reference);
                break;
        }
    }

    private static IEnumerable<GovernanceAgreement> Agreement(GovernanceParty party, string? by, DateTime? on, string? reference) =>
        string.IsNullOrWhiteSpace(by) && on is null && string.IsNullOrWhiteSpace(reference)
            ? []
            : [new GovernanceAgreement(party, by ?? "", on is { } date ? DateOnly.FromDateTime(date) : DateOnly.MinValue, reference ?? "")];
}

/// <summary>
/// The input's shape: a party's agreement needs its date once anything of it is filled in. Everything else (who and
/// reference required, lengths, grouping) is <see cref="AdmissionFacts.Check"/>'s, so no rule lives twice.
/// </summary>
public sealed class AdmissionInputValidator : InputValidator<AdmissionInput>
{
    public AdmissionInputValidator()
    {
        RuleFor(x => x.MunicipalityAgreedOn).NotNull()
            .When(x => !string.IsNullOrWhiteSpace(x.MunicipalityAgreedBy) || !string.IsNullOrWhiteSpace(x.MunicipalityReference))
            .WithMessage("Vul de datum in waarop de gemeente instemde.");
        RuleFor(x => x.CorporationAgreedOn).NotNull()
            .When(x => !string.IsNullOrWhiteSpace(x.CorporationAgreedBy) || !string.IsNullOrWhiteSpace(x.CorporationReference))
            .WithMessage("Vul de datum in waarop de woningcorporatie instemde.");
        RuleFor(x => x.CareProviderAgreedOn).NotNull()
            .When(x => !string.IsNullOrWhiteSpace(x.CareProviderAgreedBy) || !string.IsNullOrWhiteSpace(x.CareProviderReference))
            .WithMessage("Vul de datum in waarop de zorgaanbieder instemde.");
    }
}
