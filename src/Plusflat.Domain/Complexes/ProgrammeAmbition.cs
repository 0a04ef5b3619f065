using Plusflat.Domain.Common;

namespace Plusflat.Domain.Complexes;

/// <summary>
/// A programme's ambition: how many complexes should be in execution (phase 3 or 4) by which year,
/// e.g. Amsterdam's 30 Lang Leven Thuisflats by 2030. One per programme tenant.
/// </summary>
public sealed class ProgrammeAmbition : ITenantOwned
{
    public const int MinTargetCount = 1;

    public const int MaxTargetCount = 10_000;

    public const int MinTargetYear = 2024;

    public const int MaxTargetYear = 2100;

    public ProgrammeAmbition(Guid tenantId, int targetCount, int targetYear)
    {
        Id = Guid.CreateVersion7();
        TenantId = tenantId;
        Apply(targetCount, targetYear);
    }

    private ProgrammeAmbition()
    {
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    /// <summary>Number of complexes that should be in execution (phase ≥ 3).</summary>
    public int TargetCount { get; private set; }

    public int TargetYear { get; private set; }

    public uint Version { get; private set; }

    public void Update(int targetCount, int targetYear) => Apply(targetCount, targetYear);

    private void Apply(int targetCount, int targetYear)
    {
        if (targetCount is < MinTargetCount or > MaxTargetCount)
        {
            throw new DomainException("Het doel moet tussen 1 en 10.000 complexen liggen.", nameof(TargetCount));
        }

        if (targetYear is < MinTargetYear or > MaxTargetYear)
        {
            throw new DomainException($"Het doeljaar moet tussen {MinTargetYear} en {MaxTargetYear} liggen.", nameof(TargetYear));
        }

        TargetCount = targetCount;
        TargetYear = targetYear;
    }
}
