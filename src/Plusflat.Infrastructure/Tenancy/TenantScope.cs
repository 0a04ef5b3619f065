namespace Plusflat.Infrastructure.Tenancy;

/// <summary>
/// The tenant (and user) the work of one DI scope acts for: an HTTP request, or a Blazor circuit (one
/// browser tab). Set from the URL and the signed-in user's membership — never from a form field — by the
/// tenant middleware for a request and by the router for every navigation inside a circuit.
/// A circuit can move to another tenant; that is safe because every <c>PlusflatDbContext</c> takes the
/// tenant it works for when it is created (one short-lived context per operation), so nothing tracked for
/// one tenant ever meets the other. The connection interceptor hands the context's tenant to PostgreSQL's
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

    /// <summary>Enters a tenant; contexts created from now on work in it.</summary>
    public void EnterTenant(Guid tenantId) => TenantId = tenantId;

    /// <summary>Leaves the tenant (a navigation to a page outside any tenant, or to one the user may not see).</summary>
    public void LeaveTenant() => TenantId = null;
}
