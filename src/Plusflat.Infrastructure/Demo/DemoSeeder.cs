using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Plusflat.Domain.Tenancy;
using Plusflat.Infrastructure.Identity;
using Plusflat.Infrastructure.Persistence;
using Plusflat.Infrastructure.Tenancy;

namespace Plusflat.Infrastructure.Demo;

/// <summary>
/// Demo tenants, accounts and data for the embedded default and Development. Idempotent: it adds
/// only what is missing, so every start can run it. Never runs in Production.
/// </summary>
public static class DemoSeeder
{
    public const string DemoPassword = "Plusflat-demo-2026!";

    public sealed record DemoAccount(string Email, string DisplayName, string Description, (string TenantSlug, TenantRole Role)[] Memberships);

    public static readonly (string Slug, string Name, TenantKind Kind)[] Tenants =
    [
        ("lltf-amsterdam", "Lang Leven Thuisflats Amsterdam", TenantKind.Programme),
        ("thuisplusflat-rotterdam", "Thuisplusflat Rotterdam", TenantKind.Programme),
        ("zorgkantoor-amsterdam", "Zorgkantoor Amsterdam", TenantKind.Zorgkantoor),
        ("zorgkantoor-rotterdam", "Zorgkantoor Rotterdam", TenantKind.Zorgkantoor),
    ];

    public static readonly DemoAccount[] Accounts =
    [
        new("admin@plusflat.demo", "Demo Beheerder", "beheerder van alle drie de omgevingen",
            [("lltf-amsterdam", TenantRole.TenantAdmin), ("thuisplusflat-rotterdam", TenantRole.TenantAdmin), ("zorgkantoor-amsterdam", TenantRole.TenantAdmin)]),
        new("lead@lltf-amsterdam.demo", "Lotte de Leeuw", "programmaleider Lang Leven Thuisflats Amsterdam",
            [("lltf-amsterdam", TenantRole.ProgrammeLead)]),
        new("team@lltf-amsterdam.demo", "Thijs Bakker", "flatteamlid Lang Leven Thuisflats Amsterdam",
            [("lltf-amsterdam", TenantRole.FlatTeamMember)]),
        new("team-zonnehof@lltf-amsterdam.demo", "Sara Yilmaz", "flatteamlid van Het Zonnehof, Lang Leven Thuisflats Amsterdam",
            [("lltf-amsterdam", TenantRole.FlatTeamMember)]),
        new("lead@thuisplusflat-rotterdam.demo", "Rachid El Amrani", "programmaleider Thuisplusflat Rotterdam",
            [("thuisplusflat-rotterdam", TenantRole.ProgrammeLead)]),
        new("assessor@zorgkantoor-amsterdam.demo", "Anja Visser", "beoordelaar Zorgkantoor Amsterdam",
            [("zorgkantoor-amsterdam", TenantRole.Assessor)]),
        new("assessor@zorgkantoor-rotterdam.demo", "Ruben de Groot", "beoordelaar Zorgkantoor Rotterdam",
            [("zorgkantoor-rotterdam", TenantRole.Assessor)]),
    ];


    public static async Task SeedAsync(IServiceProvider services, ILogger logger)
    {
        var tenantIds = new Dictionary<string, Guid>();
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlusflatDbContext>();
            foreach (var (slug, name, kind) in Tenants)
            {
                var existing = await db.Tenants.FirstOrDefaultAsync(t => t.Slug == slug);
                if (existing is null)
                {
                    existing = new Tenant(slug, name, kind);
                    db.Tenants.Add(existing);
                    await db.SaveChangesAsync();
                    logger.LogInformation("Demo tenant {Slug} created", slug);
                }

                tenantIds[slug] = existing.Id;
            }
        }

        foreach (var account in Accounts)
        {
            await using var scope = services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PlusflatUser>>();
            var user = await users.FindByEmailAsync(account.Email);
            if (user is null)
            {
                user = new PlusflatUser { Email = account.Email, UserName = account.Email, DisplayName = account.DisplayName, EmailConfirmed = true };
                var result = await users.CreateAsync(user, DemoPassword);
                if (!result.Succeeded)
                {
                    throw new InvalidOperationException($"Demo account {account.Email}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
                }
            }

            foreach (var (slug, role) in account.Memberships)
            {
                await using var tenantScope = services.CreateAsyncScope();
                tenantScope.ServiceProvider.GetRequiredService<TenantScope>().EnterTenant(tenantIds[slug]);
                var db = tenantScope.ServiceProvider.GetRequiredService<PlusflatDbContext>();
                if (!await db.Memberships.AnyAsync(m => m.UserId == user.Id && m.Role == role))
                {
                    db.Memberships.Add(new TenantMembership(tenantIds[slug], user.Id, role));
                    await db.SaveChangesAsync();
                }
            }
        }

        var now = DateTimeOffset.UtcNow;
        var contents = services.GetServices<IDemoTenantContent>().ToList();
        foreach (var (slug, _, _) in Tenants)
        {
            foreach (var content in contents)
            {
                await using var tenantScope = services.CreateAsyncScope();
                tenantScope.ServiceProvider.GetRequiredService<TenantScope>().EnterTenant(tenantIds[slug]);
                var db = tenantScope.ServiceProvider.GetRequiredService<PlusflatDbContext>();
                await content.SeedAsync(db, tenantIds[slug], slug, now);
            }
        }
    }
}

/// <summary>Demo content of one feature for one tenant (complexes, organisations…). Must be idempotent.</summary>
public interface IDemoTenantContent
{
    Task SeedAsync(PlusflatDbContext db, Guid tenantId, string tenantSlug, DateTimeOffset now);
}
