namespace Plusflat.Infrastructure.Tenancy;

/// <summary>
/// The tenant (and user) a unit of work acts for: one per request scope, set once by the tenant
/// middleware from the URL and the signed-in user's membership — never from a form field.
/// The DbContext filters on it and the connection interceptor hands it to PostgreSQL's
/// row-level security on every connection lease.
/// </summary>
public sealed class TenantScope
{
    public Guid? TenantId { get; private set; }

    public Guid? UserId { get; private set; }

    public void SetUser(Guid userId)
    {
        if (UserId is { } existing && existing != userId)
        {
            throw new InvalidOperationException("The user of a tenant scope cannot change.");
        }

        UserId = userId;
    }

    /// <summary>Enters a tenant. A scope enters at most one tenant: switching would let a cached entity cross over.</summary>
    public void EnterTenant(Guid tenantId)
    {
        if (TenantId is { } existing && existing != tenantId)
        {
            throw new InvalidOperationException("A tenant scope cannot switch to another tenant; create a new scope.");
        }

        TenantId = tenantId;
    }
}
