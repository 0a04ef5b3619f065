using Plusflat.Domain.Common;
using Plusflat.Domain.Complexes;

namespace Plusflat.Domain.Admission;

/// <summary>
/// A programme's admission settings: the lower bound of dwellings for the concentration threshold. The national
/// bound is still to be set (position paper ch. 4); the Amsterdam allocation framework uses about 100, so that is the
/// default while a programme has not set its own. One per programme tenant.
/// </summary>
public sealed class AdmissionSettings : ITenantOwned
{
    public const int DefaultMinimumDwellings = 100;

    public AdmissionSettings(Guid tenantId, int minimumDwellings)
    {
        Id = Guid.CreateVersion7();
        TenantId = tenantId;
        MinimumDwellings = Valid(minimumDwellings);
    }

    private AdmissionSettings()
    {
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    /// <summary>At or above this many dwellings a complex meets the scale on its own; below it only on the light route.</summary>
    public int MinimumDwellings { get; private set; }

    public uint Version { get; private set; }

    /// <summary>The bound that applies: the programme's own, or the default.</summary>
    public static int MinimumFor(AdmissionSettings? settings) => settings?.MinimumDwellings ?? DefaultMinimumDwellings;

    public void ChangeMinimumDwellings(int minimumDwellings) => MinimumDwellings = Valid(minimumDwellings);

    private static int Valid(int minimumDwellings) =>
        minimumDwellings is < DwellingCount.Min or > DwellingCount.Max
            ? throw new DomainException("De ondergrens moet tussen 1 en 10.000 woningen liggen.", nameof(MinimumDwellings))
            : minimumDwellings;
}
