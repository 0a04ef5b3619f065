using Plusflat.Domain.Tenancy;

namespace Plusflat.Web.Tenancy;

/// <summary>The tenant of this request and the signed-in user's roles in it, set by <see cref="TenantMiddleware"/>.</summary>
public sealed class CurrentTenant
{
    private IReadOnlyList<TenantRole> _roles = [];

    public Guid Id { get; private set; }

    public string Slug { get; private set; } = "";

    public string Name { get; private set; } = "";

    public TenantKind Kind { get; private set; }

    public Guid UserId { get; private set; }

    public bool IsResolved { get; private set; }

    public IReadOnlyList<TenantRole> Roles => _roles;

    public void Set(Guid id, string slug, string name, TenantKind kind, Guid userId, IReadOnlyList<TenantRole> roles)
    {
        Id = id;
        Slug = slug;
        Name = name;
        Kind = kind;
        UserId = userId;
        _roles = roles;
        IsResolved = true;
    }

    public bool Can(Permission permission) => IsResolved && Permissions.Allows(Kind, _roles, permission);

    /// <summary>Throws when the user lacks the permission; the pipeline turns it into 403.</summary>
    public void Demand(Permission permission)
    {
        if (!Can(permission))
        {
            throw new ForbiddenException(permission);
        }
    }
}

public sealed class ForbiddenException(Permission permission) : Exception($"Missing permission {permission}.")
{
    public Permission Permission { get; } = permission;
}

/// <summary>The page or endpoint needs this permission in the tenant of the URL.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true)]
public sealed class RequirePermissionAttribute(Permission permission) : Attribute
{
    public Permission Permission { get; } = permission;
}

/// <summary>A page inside a tenant's URL that people without a membership may open (accepting an invitation).</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class PublicTenantPageAttribute : Attribute;
