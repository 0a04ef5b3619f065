using System.Linq.Expressions;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Plusflat.Domain.Admission;
using Plusflat.Domain.Common;
using Plusflat.Domain.Complexes;
using Plusflat.Domain.Organisations;
using Plusflat.Domain.Phases;
using Plusflat.Domain.Tenancy;
using Plusflat.Infrastructure.Identity;
using Plusflat.Infrastructure.Tenancy;

namespace Plusflat.Infrastructure.Persistence;

/// <summary>
/// The one DbContext. Features create one per operation from <c>IDbContextFactory</c> (scoped, never
/// pooled: a pooled context would keep the previous user's tenant). A context takes its scope's tenant and
/// user when it is created and keeps them: a circuit that moves to another tenant gets new contexts, and one
/// that is still running keeps working for the tenant it started in. Every <see cref="ITenantOwned"/>
/// entity gets a query filter on <see cref="CurrentTenantId"/>, read as a property so EF Core sends it as a
/// parameter.
/// </summary>
public sealed class PlusflatDbContext(DbContextOptions<PlusflatDbContext> options, TenantScope scope)
    : IdentityUserContext<PlusflatUser, Guid>(options), IDataProtectionKeyContext
{
    public Guid? CurrentTenantId { get; } = scope.TenantId;

    public Guid? CurrentUserId { get; } = scope.UserId;

    public DbSet<Tenant> Tenants => Set<Tenant>();

    public DbSet<TenantMembership> Memberships => Set<TenantMembership>();

    public DbSet<Invitation> Invitations => Set<Invitation>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Organisation> Organisations => Set<Organisation>();

    public DbSet<Complex> Complexes => Set<Complex>();

    public DbSet<PhaseCatalogue> PhaseCatalogues => Set<PhaseCatalogue>();

    public DbSet<ProgrammeAmbition> ProgrammeAmbitions => Set<ProgrammeAmbition>();

    public DbSet<Plusflat.Domain.Standard.StandardCatalogue> StandardCatalogues => Set<Plusflat.Domain.Standard.StandardCatalogue>();

    public DbSet<Plusflat.Domain.Standard.StandardAssessment> StandardAssessments => Set<Plusflat.Domain.Standard.StandardAssessment>();

    public DbSet<Plusflat.Domain.Partners.PartnerSelection> PartnerSelections => Set<Plusflat.Domain.Partners.PartnerSelection>();

    public DbSet<Messaging.OutboxMessage> OutboxMessages => Set<Messaging.OutboxMessage>();

    public DbSet<MemberHistoryEntry> MemberHistory => Set<MemberHistoryEntry>();

    public DbSet<AdmissionAssessment> AdmissionAssessments => Set<AdmissionAssessment>();

    public DbSet<AdmissionSettings> AdmissionSettings => Set<AdmissionSettings>();

    public DbSet<Plusflat.Domain.BusinessCases.BusinessCase> BusinessCases => Set<Plusflat.Domain.BusinessCases.BusinessCase>();

    public DbSet<Plusflat.Domain.BusinessCases.BusinessCaseVersion> BusinessCaseVersions => Set<Plusflat.Domain.BusinessCases.BusinessCaseVersion>();
    public DbSet<Plusflat.Domain.FlatTeams.FlatTeamMember> FlatTeamMembers => Set<Plusflat.Domain.FlatTeams.FlatTeamMember>();

    public DbSet<Plusflat.Domain.Signalling.SignalMeeting> SignalMeetings => Set<Plusflat.Domain.Signalling.SignalMeeting>();

    public DbSet<Plusflat.Domain.Signalling.AccessLogEntry> AccessLog => Set<Plusflat.Domain.Signalling.AccessLogEntry>();

    public DbSet<Plusflat.Domain.Signalling.SignallingSettings> SignallingSettings => Set<Plusflat.Domain.Signalling.SignallingSettings>();
    /// <summary>DOS applications: the programme's own, and in a zorgkantoor the submitted ones addressed to it.</summary>
    public DbSet<Plusflat.Domain.DosApplications.DosApplication> DosApplications => Set<Plusflat.Domain.DosApplications.DosApplication>();

    /// <summary>The append-only history of DOS applications, read by both sides.</summary>
    public DbSet<Plusflat.Domain.DosApplications.DosApplicationEvent> DosApplicationEvents => Set<Plusflat.Domain.DosApplications.DosApplicationEvent>();

    public DbSet<Plusflat.Domain.DosApplications.DosAssessment> DosAssessments => Set<Plusflat.Domain.DosApplications.DosAssessment>();

    public DbSet<Plusflat.Domain.DosApplications.DosBudget> DosBudgets => Set<Plusflat.Domain.DosApplications.DosBudget>();

    public DbSet<Plusflat.Domain.DosApplications.DosLabel> DosLabels => Set<Plusflat.Domain.DosApplications.DosLabel>();

    /// <summary>Counts only (complex, month, category); tenant-wide readable. Filtered on the tenant like the rest.</summary>
    public DbSet<Configurations.SignalTally> SignalTallies => Set<Configurations.SignalTally>();

    public DbSet<Plusflat.Domain.Signalling.MeetingDraft> MeetingDrafts => Set<Plusflat.Domain.Signalling.MeetingDraft>();

    public DbSet<Plusflat.Domain.Signalling.DraftSignal> DraftSignals => Set<Plusflat.Domain.Signalling.DraftSignal>();

    public DbSet<Plusflat.Domain.FlatTeams.EscalationLines> EscalationLines => Set<Plusflat.Domain.FlatTeams.EscalationLines>();

    public DbSet<Plusflat.Domain.FlatTeams.TeamAgendaEntry> TeamAgenda => Set<Plusflat.Domain.FlatTeams.TeamAgendaEntry>();

    public DbSet<Plusflat.Domain.Signalling.ResidentCodeSettings> ResidentCodeSettings => Set<Plusflat.Domain.Signalling.ResidentCodeSettings>();

    /// <summary>Monitoring (issue 12): the minimal dataset's versions, a baseline per complex, values per quarter.</summary>
    public DbSet<Plusflat.Domain.Monitoring.IndicatorCatalogue> IndicatorCatalogues => Set<Plusflat.Domain.Monitoring.IndicatorCatalogue>();

    public DbSet<Plusflat.Domain.Monitoring.MonitoringBaseline> MonitoringBaselines => Set<Plusflat.Domain.Monitoring.MonitoringBaseline>();

    public DbSet<Plusflat.Domain.Monitoring.QuarterlyValues> QuarterlyValues => Set<Plusflat.Domain.Monitoring.QuarterlyValues>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<PlusflatUser>().ToTable("users");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserClaim<Guid>>().ToTable("user_claims");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserLogin<Guid>>().ToTable("user_logins");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserToken<Guid>>().ToTable("user_tokens");
        builder.ApplyConfigurationsFromAssembly(typeof(PlusflatDbContext).Assembly);

        // Ids are made by the entities themselves (Guid v7). Telling EF so makes a child added to a
        // tracked aggregate's collection (a tick, a transition) an INSERT rather than an UPDATE.
        foreach (var key in builder.Model.GetEntityTypes().Select(t => t.FindPrimaryKey())
                     .Where(k => k is { Properties.Count: 1 } && k.Properties[0].ClrType == typeof(Guid)))
        {
            key!.Properties[0].ValueGenerated = Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.Never;
        }

        foreach (var entityType in builder.Model.GetEntityTypes()
                     .Where(t => typeof(ITenantOwned).IsAssignableFrom(t.ClrType) && !t.IsOwned()))
        {
            if (entityType.ClrType == typeof(TenantMembership)
                || entityType.ClrType == typeof(Plusflat.Domain.DosApplications.DosApplication)
                || entityType.ClrType == typeof(Plusflat.Domain.DosApplications.DosApplicationEvent))
            {
                continue; // filtered below: a user also sees their own memberships in other tenants
            }

            typeof(PlusflatDbContext).GetMethod(nameof(ApplyTenantFilter), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!
                .MakeGenericMethod(entityType.ClrType)
                .Invoke(this, [builder]);
        }

        builder.Entity<TenantMembership>()
            .HasQueryFilter(m => m.TenantId == CurrentTenantId || m.UserId == CurrentUserId);
        // Shared with one second tenant (ADR 0022): the addressed zorgkantoor reads a submitted application and its history.
        builder.Entity<Plusflat.Domain.DosApplications.DosApplication>()
            .HasQueryFilter(a => a.TenantId == CurrentTenantId
                                 || (a.ZorgkantoorTenantId == CurrentTenantId && a.Status != Plusflat.Domain.DosApplications.DosApplicationStatus.Draft));
        builder.Entity<Plusflat.Domain.DosApplications.DosApplicationEvent>()
            .HasQueryFilter(e => e.TenantId == CurrentTenantId || e.ZorgkantoorTenantId == CurrentTenantId);

        builder.Entity<TenantMembership>()
            .HasOne<Tenant>().WithMany().HasForeignKey(m => m.TenantId).OnDelete(DeleteBehavior.Restrict);
    }

    private void ApplyTenantFilter<T>(ModelBuilder builder)
        where T : class, ITenantOwned
    {
        Expression<Func<T, bool>> filter = e => e.TenantId == CurrentTenantId;
        builder.Entity<T>().HasQueryFilter(filter);
        builder.Entity<T>().HasOne<Tenant>().WithMany().HasForeignKey(e => e.TenantId).OnDelete(DeleteBehavior.Restrict);
    }
}
