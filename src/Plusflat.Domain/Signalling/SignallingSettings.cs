using Plusflat.Domain.Common;

namespace Plusflat.Domain.Signalling;

/// <summary>
/// A programme's early-signalling settings: how long the resident code and description of a closed signal are kept
/// (default <see cref="Retention.DefaultMonths"/> months). One per programme tenant; a lead sets it. The database
/// holds the same range (0017), because the retention function trusts it.
/// </summary>
public sealed class SignallingSettings : ITenantOwned
{
    public const int MinRetentionMonths = 6;

    public const int MaxRetentionMonths = 120;

    public SignallingSettings(Guid tenantId, int retentionMonths)
    {
        Id = Guid.CreateVersion7();
        TenantId = tenantId;
        RetentionMonths = Valid(retentionMonths);
    }

    private SignallingSettings()
    {
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    /// <summary>Months after closing that a signal's code and description are removed.</summary>
    public int RetentionMonths { get; private set; }

    public uint Version { get; private set; }

    /// <summary>The period that applies: the programme's own, or the default.</summary>
    public static int RetentionFor(SignallingSettings? settings) => settings?.RetentionMonths ?? Retention.DefaultMonths;

    public void ChangeRetention(int retentionMonths) => RetentionMonths = Valid(retentionMonths);

    private static int Valid(int months) =>
        months is < MinRetentionMonths or > MaxRetentionMonths
            ? throw new DomainException($"De bewaartermijn ligt tussen {MinRetentionMonths} en {MaxRetentionMonths} maanden.", nameof(RetentionMonths))
            : months;
}
