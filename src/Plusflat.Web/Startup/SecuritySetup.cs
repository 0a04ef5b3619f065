using System.Threading.RateLimiting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Plusflat.Infrastructure.Identity;
using Plusflat.Infrastructure.Persistence;
using Plusflat.Web.Tenancy;

namespace Plusflat.Web.Startup;

/// <summary>Identity, the sign-in cookie, circuits' authentication state, permission policies, data protection and the sign-in rate limit.</summary>
public static class SecuritySetup
{
    public static IServiceCollection AddPlusflatSecurity(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        services.AddIdentityCore<PlusflatUser>(options =>
            {
                options.Password.RequiredLength = 10;
                options.Password.RequireNonAlphanumeric = false;
                options.User.RequireUniqueEmail = true;
                // The e-mail address is the user name: allow every character an address may contain (o'brien@…, josé@…).
                options.User.AllowedUserNameCharacters = "";
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddUserManager<PlusflatUserManager>()
            .AddSignInManager()
            .AddEntityFrameworkStores<PlusflatDbContext>()
            .AddErrorDescriber<DutchIdentityErrorDescriber>()
            .AddDefaultTokenProviders();
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.AddMemoryCache();
        services.AddSingleton<SecurityStampCheck>();
        services.AddCascadingAuthenticationState();
        services.AddScoped<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/account/inloggen";
            options.LogoutPath = "/account/uitloggen";
            options.AccessDeniedPath = "/fout/403";
            options.Cookie.Name = "plusflat.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = environment.IsDevelopment() || environment.IsEnvironment("Testing")
                ? CookieSecurePolicy.SameAsRequest
                : CookieSecurePolicy.Always;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            options.Events.OnRedirectToLogin = context => ApiAwareRedirect(context, StatusCodes.Status401Unauthorized);
            options.Events.OnValidatePrincipal = context =>
                context.HttpContext.RequestServices.GetRequiredService<SecurityStampCheck>().ValidateAsync(context);
            // A member without the permission gets 403 where they are (the friendly page for a page, problem details for the API).
            options.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPermissionPolicies();
        services.AddScoped<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, PermissionHandler>();

        // Several instances share cookies through keys kept in PostgreSQL.
        services.AddDataProtection().SetApplicationName("Plusflat").PersistKeysToDbContext<PlusflatDbContext>();

        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                IsSignInPost(context)
                    ? RateLimitPartition.GetFixedWindowLimiter(
                        context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => new FixedWindowRateLimiterOptions
                        {
                            PermitLimit = configuration.GetValue("RateLimit:SignInPerMinute", 10),
                            Window = TimeSpan.FromMinutes(1),
                            QueueLimit = 0,
                        })
                    : RateLimitPartition.GetNoLimiter("other"));
        });

        return services;
    }

    private static bool IsSignInPost(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method)
        && (context.Request.Path.StartsWithSegments("/account/inloggen", StringComparison.OrdinalIgnoreCase)
            || context.Request.Path.StartsWithSegments("/account/wachtwoord-vergeten", StringComparison.OrdinalIgnoreCase));

    private static Task ApiAwareRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
