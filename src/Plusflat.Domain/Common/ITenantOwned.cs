namespace Plusflat.Domain.Common;

/// <summary>
/// A row that belongs to exactly one tenant. The DbContext filters every such entity on the
/// current tenant and PostgreSQL row-level security enforces the same rule again.
/// </summary>
public interface ITenantOwned
{
    Guid TenantId { get; }
}
