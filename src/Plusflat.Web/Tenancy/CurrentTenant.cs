using Microsoft.AspNetCore.Authorization;
using Plusflat.Domain.Tenancy;
using Plusflat.Infrastructure.Tenancy;

namespace Plusflat.Web.Tenancy;

/// <summary>
/// The tenant of this HTTP request or of the circuit's current page, and the signed-in user's roles in it.
/// Set by <see cref="TenantMiddleware"/> for every request and by <c>TenantRouteView</c> for every
/// navigation inside a circuit, both through <see cref="TenantResolver"/>; it hands the tenant to the
/// <see cref="TenantScope"/> that new DbContexts and row-level security read.
/// </summary>
public sealed class CurrentTenant(TenantScope scope)
{
    private IReadOnlyList<TenantRole> _roles = [];

    public Guid Id { get; private set; }

    public string Slug { get; private set; } = "";

    public string Name { get; private set; } = "";

    public TenantKind Kind { get; private set; }

    public Guid UserId { get; private set; }

    public bool IsResolved { get; private set; }

    public IReadOnlyList<TenantRole> Roles => _roles;

    /// <summary>What <see cref="Set"/> was given, or null.</summary>
    public TenantAccess? Access { get; private set; }

    /// <summary>Raised when the circuit moves to another tenant (or out of one), so the shell can redraw.</summary>
    public event Action? Changed;

    public void Set(TenantAccess access)
    {
        var changed = !IsResolved || Id != access.Id || !_roles.SequenceEqual(access.Roles);
        Id = access.Id;
        Slug = access.Slug;
        Name = access.Name;
        Kind = access.Kind;
        UserId = access.UserId;
        _roles = access.Roles;
        Access = access;
        IsResolved = true;
        if (access.UserId != Guid.Empty)
        {
            scope.SetUser(access.UserId);
        }

        scope.EnterTenant(access.Id);
        if (changed)
        {
            Changed?.Invoke();
        }
    }

    /// <summary>No tenant (a page outside the tenants, or a tenant the user may not see): contexts fail closed.</summary>
    public void Clear()
    {
        var changed = IsResolved;
        Id = Guid.Empty;
        Slug = "";
        Name = "";
        _roles = [];
        Access = null;
        IsResolved = false;
        scope.LeaveTenant();
        if (changed)
        {
            Changed?.Invoke();
        }
    }

    public bool Can(Permission permission) => IsResolved && Permissions.Allows(Kind, _roles, permission);

    /// <summary>Throws when the user lacks the permission; the pipeline turns it into 403, a page into its 403 view.</summary>
    public void Demand(Permission permission)
    {
        if (!Can(permission))
        {
            throw new ForbiddenException(permission);
        }
    }
}

/// <summary>A tenant the signed-in user is a member of, with their roles there.</summary>
public sealed record TenantAccess(Guid Id, string Slug, string Name, TenantKind Kind, Guid UserId, IReadOnlyList<TenantRole> Roles);

public sealed class ForbiddenException(Permission permission) : Exception($"Missing permission {permission}.")
{
    public Permission Permission { get; } = permission;
}

/// <summary>
/// The page or endpoint needs this permission in the tenant of the URL: an authorization policy, so the
/// endpoint authorization (HTTP), <c>AuthorizeRouteView</c> (circuit) and <c>AuthorizeView</c> honour it alike.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true)]
public sealed class RequirePermissionAttribute : AuthorizeAttribute
{
    public RequirePermissionAttribute(Permission permission)
        : base(PermissionPolicy.For(permission))
    {
        Permission = permission;
    }

    public Permission Permission { get; }
}

/// <summary>A page inside a tenant's URL that people without a membership may open (accepting an invitation).</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class PublicTenantPageAttribute : Attribute;
