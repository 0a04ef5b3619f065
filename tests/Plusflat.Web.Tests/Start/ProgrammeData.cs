using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Plusflat.Domain.Complexes;
using Plusflat.Infrastructure.Persistence;

namespace Plusflat.Web.Tests.Start;

/// <summary>Reads and arranges a tenant's data straight in the database (inside the tenant, so row-level security applies).</summary>
public static class ProgrammeData
{
    public static async Task<Guid> TenantIdAsync(this PlusflatApp app, string slug)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PlusflatDbContext>().Tenants
            .Where(t => t.Slug == slug).Select(t => t.Id).SingleAsync();
    }

    public static async Task<T> InTenantAsync<T>(this PlusflatApp app, string slug, Func<PlusflatDbContext, Task<T>> read)
    {
        var (scope, db) = app.TenantDb(await app.TenantIdAsync(slug));
        using (scope)
        {
            return await read(db);
        }
    }

    /// <summary>Complexes per phase 0..4, counted by the database.</summary>
    public static Task<int[]> PhaseCountsAsync(this PlusflatApp app, string slug) =>
        app.InTenantAsync(slug, async db =>
        {
            var phases = await db.Complexes.Select(c => c.CurrentPhase).ToListAsync();
            return Enumerable.Range(0, 5).Select(p => phases.Count(x => x == p)).ToArray();
        });

    /// <summary>A new complex in phase 0 on the tenant's newest checklist version.</summary>
    public static Task<Guid> AddComplexAsync(this PlusflatApp app, string slug, string? district = null) =>
        app.InTenantAsync(slug, async db =>
        {
            var catalogue = await db.PhaseCatalogues.OrderByDescending(c => c.Version).FirstAsync();
            var facts = new ComplexFacts
            {
                Name = "Telflat " + Guid.NewGuid().ToString("N")[..6], Address = "Telweg 1", Postcode = "3011 AA",
                Municipality = "Rotterdam", District = district, DwellingCount = 120,
            };
            var complex = new Complex(catalogue.TenantId, facts, catalogue, Guid.CreateVersion7(), "Testgegevens", DateTimeOffset.UtcNow);
            db.Complexes.Add(complex);
            await db.SaveChangesAsync();
            return complex.Id;
        });
}
