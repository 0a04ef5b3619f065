using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Plusflat.Infrastructure.Identity;
using Plusflat.Web.Tenancy;

namespace Plusflat.Web.Startup;

/// <summary>
/// Checks the sign-in cookie's security stamp on every request, so a sign-out (which renews the stamp), a
/// password change or a removed membership stops every copy of the cookie at once. The current stamp per user
/// is cached in memory for 30 seconds and dropped the moment this instance changes the user
/// (<see cref="PlusflatUserManager"/>): a page load with its circuit and static files costs one lookup, not one
/// per request. Another instance of the portal notices a change within those 30 seconds.
/// Replaces Identity's interval-based SecurityStampValidator.
/// </summary>
public sealed class SecurityStampCheck(IMemoryCache cache, IServiceScopeFactory scopes, IOptions<IdentityOptions> identity)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    public async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal is not { } principal || TenantMiddleware.UserIdOf(principal) is not { } userId)
        {
            return;
        }

        var stamp = principal.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        var current = await cache.GetOrCreateAsync(Key(userId), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Lifetime;
            await using var scope = scopes.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PlusflatUser>>();
            var user = await users.FindByIdAsync(userId.ToString());
            return user is null || await users.IsLockedOutAsync(user) ? "" : await users.GetSecurityStampAsync(user) ?? "";
        });
        if (string.IsNullOrEmpty(current) || !string.Equals(current, stamp, StringComparison.Ordinal))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
    }

    /// <summary>The user changed here: the next request looks the stamp up again.</summary>
    public void Forget(Guid userId) => cache.Remove(Key(userId));

    private static string Key(Guid userId) => "security-stamp:" + userId;
}

/// <summary>Identity's user manager, telling <see cref="SecurityStampCheck"/> about every change it saves (stamp, password, lockout).</summary>
public sealed class PlusflatUserManager(
    IUserStore<PlusflatUser> store,
    IOptions<IdentityOptions> optionsAccessor,
    IPasswordHasher<PlusflatUser> passwordHasher,
    IEnumerable<IUserValidator<PlusflatUser>> userValidators,
    IEnumerable<IPasswordValidator<PlusflatUser>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<PlusflatUser>> logger,
    SecurityStampCheck stamps)
    : UserManager<PlusflatUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    protected override async Task<IdentityResult> UpdateUserAsync(PlusflatUser user)
    {
        var result = await base.UpdateUserAsync(user);
        stamps.Forget(user.Id);
        return result;
    }
}
