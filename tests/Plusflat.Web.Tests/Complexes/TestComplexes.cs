using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Plusflat.Domain.Complexes;
using Plusflat.Domain.Phases;
using Plusflat.Infrastructure.Persistence;
using Plusflat.Web.Tenancy;

namespace Plusflat.Web.Tests.Complexes;

/// <summary>A fresh complex in phase 0, written straight through the domain (no page, no API), as a member of the tenant.</summary>
internal static class TestComplexes
{
    private static int _houseNumber = 100;

    /// <summary>
    /// An address no other test complex has: the same postcode and house number make a complex look like a duplicate,
    /// which the form asks about and the API refuses.
    /// </summary>
    public static string UniqueAddress(string street) => $"{street} {Interlocked.Increment(ref _houseNumber)}";

    public static async Task<Guid> CreateAsync(IServiceProvider services, string tenantSlug, string email, string? name = null)
    {
        await using var scope = services.CreateAsyncScope();
        var contexts = scope.ServiceProvider.GetRequiredService<IDbContextFactory<PlusflatDbContext>>();
        Guid userId;
        await using (var users = await contexts.CreateDbContextAsync())
        {
            userId = await users.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId.ToString())], "Test"));
        var access = await scope.ServiceProvider.GetRequiredService<TenantResolver>().ResolveAsync(tenantSlug, principal, CancellationToken.None)
                     ?? throw new InvalidOperationException($"{email} is no member of {tenantSlug}.");
        scope.ServiceProvider.GetRequiredService<CurrentTenant>().Set(access);

        await using var db = await contexts.CreateDbContextAsync();
        var catalogue = await db.PhaseCatalogues.OrderByDescending(c => c.Version).FirstOrDefaultAsync();
        if (catalogue is null)
        {
            catalogue = PhaseCatalogue.CreateDefault(access.Id, DateTimeOffset.UtcNow);
            db.PhaseCatalogues.Add(catalogue);
        }

        var complex = new Complex(access.Id, new ComplexFacts
        {
            Name = name ?? "Fasetest " + Guid.NewGuid().ToString("N")[..8],
            Address = "Fasestraat 3",
            Postcode = "1012 CD",
            Municipality = "Amsterdam",
            DwellingCount = 130,
        }, catalogue, userId, email, DateTimeOffset.UtcNow);
        db.Complexes.Add(complex);
        await db.SaveChangesAsync();
        return complex.Id;
    }
}
