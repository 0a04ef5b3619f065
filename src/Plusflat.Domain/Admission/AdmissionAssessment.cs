using Plusflat.Domain.Common;

namespace Plusflat.Domain.Admission;

/// <summary>
/// One recording of a complex's admission facts: who recorded them and when. Assessments are kept; the one with the
/// highest <see cref="Sequence"/> counts. The outcome is never stored: <see cref="AdmissionGate.Evaluate"/> computes it
/// from these facts, the programme's lower bound and the dwellings as they are.
/// </summary>
/// <remarks>
/// <see cref="Sequence"/> is the gate's version: a new assessment is number (latest + 1), and a unique index on
/// (complex, sequence) lets only one of two people who read the same version record the next one.
/// </remarks>
public sealed class AdmissionAssessment : ITenantOwned
{
    public const int ByNameMaxLength = 200;

    public AdmissionAssessment(
        Guid tenantId, Guid complexId, int sequence, AdmissionFacts facts, Guid by, string byName, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        if (by == Guid.Empty)
        {
            throw new ArgumentException("The acting user is missing.", nameof(by));
        }

        var name = byName?.Trim() ?? "";
        if (name.Length is 0 or > ByNameMaxLength)
        {
            throw new ArgumentException($"The acting user's display name must be 1 to {ByNameMaxLength} characters.", nameof(byName));
        }

        var valid = facts.Validated(complexId);
        Id = Guid.CreateVersion7();
        TenantId = tenantId;
        ComplexId = complexId;
        Sequence = sequence;
        AssessedAt = at;
        AssessedBy = by;
        AssessedByName = name;

        SharedEntrance = valid.Concentration.SharedEntrance;
        GroupedWith = [.. valid.Concentration.GroupedWith];
        CoreFunctionsSecured = valid.Concentration.CoreFunctionsSecured;
        ConcentrationEvidence = valid.Concentration.Evidence;

        Loneliness = valid.Need.Loneliness;
        LiveabilityPressure = valid.Need.LiveabilityPressure;
        MissedEarlySignalling = valid.Need.MissedEarlySignalling;
        CareConcentration = valid.Need.CareConcentration;
        MostlySelfSufficient = valid.Need.MostlySelfSufficient;
        HardlyAnyHomeCare = valid.Need.HardlyAnyHomeCare;

        (MunicipalityAgreedBy, MunicipalityAgreedOn, MunicipalityReference) = Columns(valid.AgreementOf(GovernanceParty.Municipality));
        (CorporationAgreedBy, CorporationAgreedOn, CorporationReference) = Columns(valid.AgreementOf(GovernanceParty.Corporation));
        (CareProviderAgreedBy, CareProviderAgreedOn, CareProviderReference) = Columns(valid.AgreementOf(GovernanceParty.CareProvider));
    }

    private AdmissionAssessment()
    {
        AssessedByName = null!;
        GroupedWith = [];
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid ComplexId { get; private set; }

    /// <summary>1 for the first assessment of the complex, then one more each time.</summary>
    public int Sequence { get; private set; }

    public DateTimeOffset AssessedAt { get; private set; }

    public Guid AssessedBy { get; private set; }

    public string AssessedByName { get; private set; }

    public bool SharedEntrance { get; private set; }

    public Guid[] GroupedWith { get; private set; }

    public bool CoreFunctionsSecured { get; private set; }

    public string? ConcentrationEvidence { get; private set; }

    public string? Loneliness { get; private set; }

    public string? LiveabilityPressure { get; private set; }

    public string? MissedEarlySignalling { get; private set; }

    public string? CareConcentration { get; private set; }

    public bool MostlySelfSufficient { get; private set; }

    public bool HardlyAnyHomeCare { get; private set; }

    public string? MunicipalityAgreedBy { get; private set; }

    public DateOnly? MunicipalityAgreedOn { get; private set; }

    public string? MunicipalityReference { get; private set; }

    public string? CorporationAgreedBy { get; private set; }

    public DateOnly? CorporationAgreedOn { get; private set; }

    public string? CorporationReference { get; private set; }

    public string? CareProviderAgreedBy { get; private set; }

    public DateOnly? CareProviderAgreedOn { get; private set; }

    public string? CareProviderReference { get; private set; }

    /// <summary>The facts as recorded.</summary>
    public AdmissionFacts ToFacts() => new(
        new ConcentrationFacts(SharedEntrance, [.. GroupedWith], CoreFunctionsSecured, ConcentrationEvidence),
        new NeedFacts(Loneliness, LiveabilityPressure, MissedEarlySignalling, CareConcentration, MostlySelfSufficient, HardlyAnyHomeCare),
        [
            .. Agreement(GovernanceParty.Municipality, MunicipalityAgreedBy, MunicipalityAgreedOn, MunicipalityReference),
            .. Agreement(GovernanceParty.Corporation, CorporationAgreedBy, CorporationAgreedOn, CorporationReference),
            .. Agreement(GovernanceParty.CareProvider, CareProviderAgreedBy, CareProviderAgreedOn, CareProviderReference),
        ]);

    private static (string?, DateOnly?, string?) Columns(GovernanceAgreement? agreement) =>
        agreement is null ? (null, null, null) : (agreement.AgreedBy, agreement.AgreedOn, agreement.Reference);

    private static IEnumerable<GovernanceAgreement> Agreement(GovernanceParty party, string? by, DateOnly? on, string? reference) =>
        by is not null && on is { } date && reference is not null ? [new GovernanceAgreement(party, by, date, reference)] : [];
}
