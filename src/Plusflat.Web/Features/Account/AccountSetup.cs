using Microsoft.AspNetCore.Identity;
using Plusflat.Web.Messaging;

namespace Plusflat.Web.Features.Account;

/// <summary>The account features' services: the outbox and its sender, and how long a password-reset link lives.</summary>
public static class AccountSetup
{
    public static IServiceCollection AddPlusflatAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddPlusflatMessaging(configuration);
        services.Configure<DataProtectionTokenProviderOptions>(options => options.TokenLifespan = TimeSpan.FromHours(2));
        return services;
    }
}
