using Microsoft.EntityFrameworkCore;
using Plusflat.Domain.Phases;
using Plusflat.Domain.Tenancy;
using Plusflat.Infrastructure.Persistence;
using Plusflat.Web.Tenancy;

namespace Plusflat.Web.Features.Home;

/// <summary>
/// The live figures of the start page, only for the areas the role may use (null where it may not).
/// <see cref="ComplexesPerPhase"/> has five entries, phases 0..4.
/// </summary>
public sealed record StartPageView(
    int? Complexes,
    IReadOnlyList<int>? ComplexesPerPhase,
    int? InExecution,
    int? AmbitionTarget,
    int? AmbitionYear,
    int? Organisations,
    int? ChecklistVersion,
    int? ChecklistItems,
    int? Members,
    int? OpenInvitations,
    IReadOnlyList<string> Admins,
    int? Applications = null,
    int? ApplicationsOpen = null,
    int? AwaitingDecision = null,
    int? Labels = null);

/// <summary>The start page of a tenant: one figure per area the role may use, and whom to ask.</summary>
public sealed class GetStartPageHandler(IDbContextFactory<PlusflatDbContext> contexts, CurrentTenant tenant, TimeProvider clock)
{
    public async Task<StartPageView> GetAsync(CancellationToken ct)
    {
        tenant.Demand(Permission.ViewTenant);
        await using var db = await contexts.CreateDbContextAsync(ct);

        int? complexes = null, inExecution = null, target = null, year = null, organisations = null, version = null, items = null;
        int[]? perPhase = null;
        if (tenant.Can(Permission.ViewProgramme))
        {
            var phases = await db.Complexes.AsNoTracking().Where(c => c.ArchivedAt == null).GroupBy(c => c.CurrentPhase)
                .Select(g => new { Phase = g.Key, Count = g.Count() }).ToListAsync(ct);
            perPhase = PhaseNames.Numbers.Select(p => phases.Where(x => x.Phase == p).Sum(x => x.Count)).ToArray();
            complexes = perPhase.Sum();
            inExecution = perPhase[Domain.Complexes.PortfolioProgress.ExecutionPhase..].Sum();
            var ambition = await db.ProgrammeAmbitions.AsNoTracking().Select(a => new { a.TargetCount, a.TargetYear }).FirstOrDefaultAsync(ct);
            (target, year) = (ambition?.TargetCount, ambition?.TargetYear);
            organisations = await db.Organisations.CountAsync(ct);
            var latest = await db.PhaseCatalogues.AsNoTracking().OrderByDescending(c => c.Version)
                .Select(c => new { c.Version, Items = c.Items.Count }).FirstOrDefaultAsync(ct);
            version = latest?.Version ?? 1;
            items = latest?.Items ?? PhaseCatalogue.DefaultItems.Count;
        }

        int? members = null, open = null;
        if (tenant.Can(Permission.ViewMembers))
        {
            members = await db.Memberships.Where(m => m.TenantId == tenant.Id).Select(m => m.UserId).Distinct().CountAsync(ct);
            var now = clock.GetUtcNow();
            open = await db.Invitations.CountAsync(i => i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now, ct);
        }

        // DOS: the programme's own applications (running = sent, not decided); the zorgkantoor's queue and label register.
        int? applications = null, running = null, awaiting = null, labels = null;
        if (tenant.Kind == TenantKind.Programme && tenant.Can(Permission.ViewProgramme))
        {
            var statuses = await db.DosApplications.AsNoTracking().Where(a => a.TenantId == tenant.Id).Select(a => a.Status).ToListAsync(ct);
            applications = statuses.Count;
            running = statuses.Count(s => s != Domain.DosApplications.DosApplicationStatus.Draft && !Domain.DosApplications.DosTransitions.IsFinal(s));
        }

        if (tenant.Can(Permission.ViewReceivedApplications))
        {
            awaiting = await db.DosApplications.AsNoTracking().CountAsync(a => a.ZorgkantoorTenantId == tenant.Id
                && (a.Status == Domain.DosApplications.DosApplicationStatus.Submitted || a.Status == Domain.DosApplications.DosApplicationStatus.Resubmitted), ct);
            labels = await db.DosLabels.AsNoTracking().CountAsync(ct);
        }

        // Whom to ask about a role or access: the tenant's admins (a member may read the tenant's memberships).
        var admins = await db.Memberships.AsNoTracking()
            .Where(m => m.TenantId == tenant.Id && m.Role == TenantRole.TenantAdmin)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => u.DisplayName)
            .Distinct().OrderBy(n => n).ToListAsync(ct);

        return new StartPageView(complexes, perPhase, inExecution, target, year, organisations, version, items, members, open, admins,
            applications, running, awaiting, labels);
    }
}
