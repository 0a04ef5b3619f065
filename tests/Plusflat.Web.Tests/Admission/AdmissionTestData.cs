using Microsoft.EntityFrameworkCore;
using Plusflat.Domain.Complexes;
using Plusflat.Web.Features.Admission;
using Plusflat.Web.Tests.Start;

namespace Plusflat.Web.Tests.Admission;

/// <summary>Complexes of a chosen size and admission inputs that pass, to change one fact at a time.</summary>
internal static class AdmissionTestData
{
    public const string Amsterdam = "lltf-amsterdam";

    public const string Lead = "lead@lltf-amsterdam.demo";

    public const string Team = "team@lltf-amsterdam.demo";

    public const string Admin = "admin@plusflat.demo";

    /// <summary>A new complex in phase 0 with <paramref name="dwellings"/> dwellings, straight through the domain.</summary>
    public static Task<Guid> ComplexAsync(this PlusflatApp app, int dwellings, string? name = null, string tenant = Amsterdam) =>
        app.InTenantAsync(tenant, async db =>
        {
            var catalogue = await db.PhaseCatalogues.OrderByDescending(c => c.Version).FirstAsync();
            var complex = new Complex(catalogue.TenantId, new ComplexFacts
            {
                Name = name ?? "Poortflat " + Guid.NewGuid().ToString("N")[..6],
                Address = "Poortweg 1",
                Postcode = "1012 AB",
                Municipality = "Amsterdam",
                DwellingCount = dwellings,
            }, catalogue, Guid.CreateVersion7(), "Test", DateTimeOffset.UtcNow);
            db.Complexes.Add(complex);
            await db.SaveChangesAsync();
            return complex.Id;
        });

    public static AdmissionInput Passing(int version = 0)
    {
        var yesterday = DateTime.Today.AddDays(-1);
        return new AdmissionInput
        {
            SharedEntrance = true,
            ConcentrationEvidence = "Eén entree",
            Loneliness = "Veel alleenstaanden",
            MunicipalityAgreedBy = "Wethouder",
            MunicipalityAgreedOn = yesterday.AddDays(-10),
            MunicipalityReference = "GEM-1",
            CorporationAgreedBy = "Directeur wonen",
            CorporationAgreedOn = yesterday.AddDays(-5),
            CorporationReference = "CORP-1",
            CareProviderAgreedBy = "Regiodirecteur",
            CareProviderAgreedOn = yesterday,
            CareProviderReference = "ZA-1",
            Version = version,
        };
    }
}
