using Microsoft.EntityFrameworkCore;
using Plusflat.Domain.Common;
using Plusflat.Domain.Organisations;
using Plusflat.Domain.Tenancy;
using Plusflat.Infrastructure.Persistence;
using Plusflat.Web.Tenancy;

namespace Plusflat.Web.Features.Organisations;

/// <summary>What the register is filtered on: <see cref="Search"/> matches name, contact person or e-mail, ignoring case.</summary>
public sealed record OrganisationListQuery(string? Search = null, OrganisationKind? Kind = null);

/// <summary>The partner-organisation register of the current tenant, by name (list page and API GET).</summary>
public sealed class ListOrganisationsHandler(IDbContextFactory<PlusflatDbContext> contexts, CurrentTenant tenant)
{
    public async Task<IReadOnlyList<OrganisationDetails>> ListAsync(OrganisationListQuery query, CancellationToken ct)
    {
        tenant.Demand(Permission.ViewProgramme);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var organisations = db.Organisations.AsNoTracking();
        if (PlainText.Clean(query.Search) is { } search)
        {
            var pattern = "%" + EscapeLike(search) + "%";
            organisations = organisations.Where(o => EF.Functions.ILike(o.Name, pattern)
                                                     || EF.Functions.ILike(o.ContactName!, pattern)
                                                     || EF.Functions.ILike(o.ContactEmail!, pattern));
        }

        if (query.Kind is { } kind)
        {
            organisations = organisations.Where(o => o.Kind == kind);
        }

        var rows = await organisations.OrderBy(o => o.Name).ThenBy(o => o.Id)
            .Select(o => new { o.Id, o.Name, o.Kind, o.ContactName, o.ContactEmail, o.ContactPhone, o.Notes, o.CareProviderFacts, o.Version })
            .ToListAsync(ct);
        return rows.Select(r => OrganisationDetails.Of(r.Id, r.Name, r.Kind, r.ContactName, r.ContactEmail, r.ContactPhone, r.Notes, r.CareProviderFacts, r.Version))
            .ToList();
    }

    /// <summary>The user's text is matched literally: % and _ are not wildcards for them.</summary>
    private static string EscapeLike(string text) =>
        text.Replace(@"\", @"\\", StringComparison.Ordinal)
            .Replace("%", @"\%", StringComparison.Ordinal)
            .Replace("_", @"\_", StringComparison.Ordinal);
}
