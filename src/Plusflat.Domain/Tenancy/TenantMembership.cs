using Plusflat.Domain.Common;

namespace Plusflat.Domain.Tenancy;

/// <summary>One role a user holds in one tenant. A user with two roles in a tenant has two memberships.</summary>
public sealed class TenantMembership : ITenantOwned
{
    /// <summary>For EF Core.</summary>
    private TenantMembership()
    {
    }

    public TenantMembership(Guid tenantId, Guid userId, TenantRole role)
    {
        if (!Enum.IsDefined(role))
        {
            throw new DomainException("Kies een geldige rol.", nameof(Role));
        }

        Id = Guid.CreateVersion7();
        TenantId = tenantId;
        UserId = userId;
        Role = role;
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid UserId { get; private set; }

    public TenantRole Role { get; private set; }

    /// <summary>Gives this membership another role (a member with several roles has one membership per role).</summary>
    public void ChangeRole(TenantRole role)
    {
        if (!Enum.IsDefined(role))
        {
            throw new DomainException("Kies een geldige rol.", nameof(Role));
        }

        if (role == Role)
        {
            throw new DomainException("Kies een andere rol dan de huidige.", nameof(Role));
        }

        Role = role;
    }
}
