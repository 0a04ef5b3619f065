using Microsoft.EntityFrameworkCore;
using Plusflat.Domain.BusinessCases;
using Plusflat.Domain.Tenancy;
using Plusflat.Infrastructure.Persistence;

namespace Plusflat.Infrastructure.Demo;

/// <summary>
/// Demo business cases for the first three complexes (by name) of every programme with complexes: the template with a
/// cost split and a frozen version (positive), the template with benefits only from the third year (not positive within the
/// period), and one with a percentage overhead and a meeting-room investment kept apart. Runs after the programme content.
/// </summary>
public sealed class DemoBusinessCaseContent : IDemoTenantContent
{
    public async Task SeedAsync(PlusflatDbContext db, Guid tenantId, string tenantSlug, DateTimeOffset now)
    {
        var complexes = await db.Complexes.OrderBy(c => c.Name).Select(c => c.Id).Take(3).ToListAsync();
        if (complexes.Count == 0 || await db.BusinessCases.AnyAsync())
        {
            return;
        }

        var lead = await db.Memberships.Where(m => m.TenantId == tenantId && m.Role == TenantRole.ProgrammeLead)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { u.Id, u.DisplayName }).FirstOrDefaultAsync();
        var by = lead?.Id ?? Guid.Empty;
        var byName = lead?.DisplayName ?? "Demo";
        var firstYear = now.Year + 1;

        var split = Enumerable.Range(firstYear, BusinessCasePlan.DefaultYears).SelectMany(y => new[]
        {
            new PayerShareEntry(Payer.ZorgkantoorDos, y, 40m), new PayerShareEntry(Payer.MunicipalityWmo, y, 30m),
            new PayerShareEntry(Payer.InsurerZvw, y, 20m), new PayerShareEntry(Payer.CorporationInKind, y, 10m),
        });
        var template = BusinessCaseTemplate.Create(firstYear);
        var (costs, benefits, _) = template.ToEntries();
        var positive = new BusinessCase(tenantId, complexes[0],
            BusinessCasePlan.Create(firstYear, template.Years, template.WmoKeyPerWeek, costs, benefits, [.. split]), by, byName, now);
        db.BusinessCases.Add(positive);
        db.BusinessCaseVersions.Add(positive.Freeze("Ingediend bij het zorgkantoor (DOS-aanvraag)", by, byName, now));

        if (complexes.Count > 1)
        {
            db.BusinessCases.Add(new BusinessCase(tenantId, complexes[1], BusinessCaseTemplate.Create(firstYear, 4, firstYear + 2), by, byName, now));
        }

        if (complexes.Count > 2)
        {
            var withCapex = costs.Select(c => c.Category == CostCategory.Overhead ? c with { Percentage = 15m, Amounts = [] } : c)
                .Append(new CostLineEntry(null, "Bouw ontmoetingsruimte", CostCategory.Capex, false, null, "Uit de SOO-subsidie, niet uit de plus-laag", [new YearAmount(firstYear, 45_000m)]))
                .ToList();
            db.BusinessCases.Add(new BusinessCase(tenantId, complexes[2],
                BusinessCasePlan.Create(firstYear, template.Years, template.WmoKeyPerWeek, withCapex, benefits, []), by, byName, now));
        }

        await db.SaveChangesAsync();
    }
}
