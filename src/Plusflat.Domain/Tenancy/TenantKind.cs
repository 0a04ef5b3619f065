namespace Plusflat.Domain.Tenancy;

public enum TenantKind
{
    /// <summary>A Plusflat programme, e.g. Lang Leven Thuisflats Amsterdam.</summary>
    Programme = 1,

    /// <summary>A regional zorgkantoor that assesses and funds DOS applications.</summary>
    Zorgkantoor = 2,
}
