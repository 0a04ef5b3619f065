using Microsoft.EntityFrameworkCore;
using Plusflat.Domain.Admission;
using Plusflat.Domain.Tenancy;
using Plusflat.Infrastructure.Persistence;
using Plusflat.Web.Tenancy;

namespace Plusflat.Web.Features.Admission;

/// <summary>The settings form: a typed number and the stored version (0: the programme still uses the default).</summary>
public sealed class AdmissionSettingsInput
{
    public int? MinimumDwellings { get; set; }

    public uint Version { get; set; }
}

/// <summary>The programme's admission settings; the default bound when it has not set its own.</summary>
public sealed class GetAdmissionSettingsHandler(IDbContextFactory<PlusflatDbContext> contexts, CurrentTenant tenant)
{
    public async Task<AdmissionSettingsInput> GetAsync(CancellationToken ct)
    {
        tenant.Demand(Permission.ViewProgramme);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var settings = await db.AdmissionSettings.AsNoTracking().FirstOrDefaultAsync(ct);
        return new AdmissionSettingsInput { MinimumDwellings = AdmissionSettings.MinimumFor(settings), Version = settings?.Version ?? 0 };
    }
}
