using Microsoft.AspNetCore.Authorization;
using Plusflat.Domain.Tenancy;

namespace Plusflat.Web.Tenancy;

/// <summary>One authorization policy per <see cref="Permission"/>: the role in the current tenant must grant it.</summary>
public static class PermissionPolicy
{
    private const string Prefix = "permission:";

    public static string For(Permission permission) => Prefix + permission;

    public static AuthorizationBuilder AddPermissionPolicies(this AuthorizationBuilder builder)
    {
        foreach (var permission in Enum.GetValues<Permission>())
        {
            builder.AddPolicy(For(permission), policy => policy
                .RequireAuthenticatedUser()
                .AddRequirements(new PermissionRequirement(permission)));
        }

        return builder;
    }
}

public sealed record PermissionRequirement(Permission Permission) : IAuthorizationRequirement;

/// <summary>
/// Scoped: it reads the <see cref="CurrentTenant"/> of the request or the circuit it runs in, which the tenant
/// middleware or the router resolved from the URL and the membership before authorization runs.
/// </summary>
public sealed class PermissionHandler(CurrentTenant tenant) : AuthorizationHandler<PermissionRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        if (tenant.Can(requirement.Permission)
            && TenantMiddleware.UserIdOf(context.User) is { } user && user == tenant.UserId)
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
