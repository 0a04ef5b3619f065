namespace Plusflat.Domain.Organisations;

/// <summary>
/// What a programme knows about a care provider against the Toewijzingskader 2.3 criteria for the
/// preferred provider (<i>voorkeursaanbieder</i>) of a complex. Only a
/// <see cref="OrganisationKind.CareProvider"/> has these facts.
/// </summary>
/// <remarks>
/// The framework's two other hard criteria (committed to the programme's goals; cooperates in
/// handing clients over to other Plusflats' preferred providers) are agreements made per complex,
/// not facts about the organisation, so they are not here.
/// </remarks>
/// <param name="ZvwDistrictNursing">Delivers district nursing (<i>wijkverpleging</i>) under the Zvw.</param>
/// <param name="WlzMpt">Delivers Wlz care at home as a <i>modulair pakket thuis</i> (MPT).</param>
/// <param name="WlzVpt">Delivers Wlz care at home as a <i>volledig pakket thuis</i> (VPT).</param>
/// <param name="DementiaCaseManagers">Has dementia case managers (<i>casemanagers dementie</i>).</param>
/// <param name="ContractedByZorgkantoor">Is contracted by the zorgkantoor.</param>
/// <param name="IntramuralLocationNearby">Weighing aspect: has an intramural location nearby.</param>
/// <param name="KnownInNeighbourhood">Weighing aspect: is known in the neighbourhood.</param>
/// <param name="GpFirstLineAgreements">Weighing aspect: has cooperation agreements with GPs and first-line care.</param>
public sealed record CareProviderFacts(
    bool ZvwDistrictNursing,
    bool WlzMpt,
    bool WlzVpt,
    bool DementiaCaseManagers,
    bool ContractedByZorgkantoor,
    bool IntramuralLocationNearby,
    bool KnownInNeighbourhood,
    bool GpFirstLineAgreements)
{
    /// <summary>The highest possible <see cref="WeighingScore"/>.</summary>
    public const int MaxWeighingScore = 3;

    /// <summary>All hard criteria are met: Zvw district nursing, Wlz MPT and VPT, dementia case managers, zorgkantoor contract.</summary>
    public bool MeetsHardCriteria => MissingHardCriteria.Count == 0;

    /// <summary>How many of the three weighing aspects apply (0..3); only compares providers that meet the hard criteria.</summary>
    public int WeighingScore =>
        (KnownInNeighbourhood ? 1 : 0) + (GpFirstLineAgreements ? 1 : 0) + (IntramuralLocationNearby ? 1 : 0);

    /// <summary>The hard criteria not met, in Dutch, in the framework's order; empty when all are met.</summary>
    public IReadOnlyList<string> MissingHardCriteria
    {
        get
        {
            var missing = new List<string>();
            if (!ZvwDistrictNursing)
            {
                missing.Add("Levert geen wijkverpleging (Zvw)");
            }

            if (!WlzMpt)
            {
                missing.Add("Levert geen modulair pakket thuis (Wlz MPT)");
            }

            if (!WlzVpt)
            {
                missing.Add("Levert geen volledig pakket thuis (Wlz VPT)");
            }

            if (!DementiaCaseManagers)
            {
                missing.Add("Heeft geen casemanagers dementie");
            }

            if (!ContractedByZorgkantoor)
            {
                missing.Add("Is niet gecontracteerd door het zorgkantoor");
            }

            return missing;
        }
    }
}
