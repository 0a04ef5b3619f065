using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Plusflat.Domain.Complexes;
using Plusflat.Domain.Organisations;
using Plusflat.Domain.Phases;

namespace Plusflat.Infrastructure.Persistence.Configurations;

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> builder)
    {
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Name).HasMaxLength(200);
        builder.Property(o => o.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(o => o.ContactName).HasMaxLength(200);
        builder.Property(o => o.ContactEmail).HasMaxLength(254);
        builder.Property(o => o.ContactPhone).HasMaxLength(30);
        builder.Property(o => o.Notes).HasMaxLength(2000);
        builder.OwnsOne(o => o.CareProviderFacts, facts => facts.ToJson());
        builder.Property(o => o.Version).IsRowVersion();
        builder.HasIndex(o => new { o.TenantId, o.Name });
        builder.HasMany(o => o.History).WithOne().HasForeignKey(h => new { h.TenantId, h.OrganisationId })
            .HasPrincipalKey(o => new { o.TenantId, o.Id }).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(o => o.History).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class PhaseCatalogueConfiguration : IEntityTypeConfiguration<PhaseCatalogue>
{
    public void Configure(EntityTypeBuilder<PhaseCatalogue> builder)
    {
        builder.HasKey(c => c.Id);
        builder.HasIndex(c => new { c.TenantId, c.Version }).IsUnique();
        builder.HasMany(c => c.Items).WithOne().HasForeignKey(i => new { i.TenantId, i.CatalogueId })
            .HasPrincipalKey(c => new { c.TenantId, c.Id }).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Items).UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
    }
}

internal sealed class PhaseChecklistItemConfiguration : IEntityTypeConfiguration<PhaseChecklistItem>
{
    public void Configure(EntityTypeBuilder<PhaseChecklistItem> builder)
    {
        builder.ToTable("phase_checklist_items");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Code).HasMaxLength(50);
        builder.Property(i => i.Title).HasMaxLength(200);
        builder.HasIndex(i => new { i.CatalogueId, i.Code }).IsUnique();
    }
}

internal sealed class ComplexConfiguration : IEntityTypeConfiguration<Complex>
{
    public void Configure(EntityTypeBuilder<Complex> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Name).HasMaxLength(Complex.NameMaxLength);
        builder.Property(c => c.Address).HasMaxLength(Complex.AddressMaxLength);
        builder.Property(c => c.Postcode).HasMaxLength(7);
        builder.Property(c => c.Municipality).HasMaxLength(Complex.MunicipalityMaxLength);
        builder.Property(c => c.District).HasMaxLength(Complex.DistrictMaxLength);
        builder.Property(c => c.ClusterName).HasMaxLength(Complex.ClusterNameMaxLength);
        builder.Property(c => c.Notes).HasMaxLength(Complex.NotesMaxLength);
        builder.Property(c => c.DwellingCount)
            .HasConversion(v => v.Value, v => new DwellingCount(v, nameof(Complex.DwellingCount)));
        builder.Property(c => c.ShareAged65Plus)
            .HasConversion(v => v!.Value, v => new Percentage(v, nameof(Complex.ShareAged65Plus)))
            .HasPrecision(5, 2);
        builder.Property(c => c.ShareSocialRent)
            .HasConversion(v => v!.Value, v => new Percentage(v, nameof(Complex.ShareSocialRent)))
            .HasPrecision(5, 2);
        builder.Property(c => c.Version).IsRowVersion();
        // References carry the tenant: a foreign key ignores row-level security, so (tenant_id, id) keys make
        // a reference to another tenant's organisation or catalogue impossible in the database itself.
        builder.HasOne<Organisation>().WithMany().HasForeignKey(c => new { c.TenantId, c.HousingCorporationId })
            .HasPrincipalKey(o => new { o.TenantId, o.Id }).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(c => new { c.TenantId, c.PreferredCareProviderId })
            .HasPrincipalKey(o => new { o.TenantId, o.Id }).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(c => new { c.TenantId, c.WelfarePartyId })
            .HasPrincipalKey(o => new { o.TenantId, o.Id }).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PhaseCatalogue>().WithMany().HasForeignKey(c => new { c.TenantId, c.CatalogueId })
            .HasPrincipalKey(pc => new { pc.TenantId, pc.Id }).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.ChecklistTicks).WithOne().HasForeignKey(t => new { t.TenantId, t.ComplexId })
            .HasPrincipalKey(c => new { c.TenantId, c.Id }).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.PhaseTransitions).WithOne().HasForeignKey(t => new { t.TenantId, t.ComplexId })
            .HasPrincipalKey(c => new { c.TenantId, c.Id }).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.ChecklistTicks).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(c => c.PhaseTransitions).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(c => c.IsArchived);
        builder.Property(c => c.ArchivedByName).HasMaxLength(Complex.ByNameMaxLength);
        builder.Property(c => c.ArchiveReason).HasMaxLength(Complex.ArchiveReasonMaxLength);
        builder.HasMany(c => c.History).WithOne().HasForeignKey(h => new { h.TenantId, h.ComplexId })
            .HasPrincipalKey(c => new { c.TenantId, c.Id }).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.History).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(c => new { c.TenantId, c.Name });
        builder.HasIndex(c => new { c.TenantId, c.CurrentPhase });
    }
}

internal sealed class ChecklistTickConfiguration : IEntityTypeConfiguration<ChecklistTick>
{
    public void Configure(EntityTypeBuilder<ChecklistTick> builder)
    {
        builder.ToTable("checklist_ticks");
        builder.HasKey(t => t.Id);
        builder.Ignore(t => t.IsActive);
        // The domain always sets it; the default keeps hand-written inserts (scripts, older tools) working.
        builder.Property(t => t.RecordedAt).HasDefaultValueSql("now()");
        builder.Property(t => t.TickedByName).HasMaxLength(200);
        builder.Property(t => t.UntickedByName).HasMaxLength(200);
        builder.Property(t => t.Note).HasMaxLength(1000);
        builder.Property(t => t.UntickReason).HasMaxLength(1000);
        builder.Property(t => t.EvidenceUrl).HasMaxLength(500);
        builder.HasOne<PhaseChecklistItem>().WithMany().HasForeignKey(t => new { t.TenantId, t.ItemId })
            .HasPrincipalKey(i => new { i.TenantId, i.Id }).OnDelete(DeleteBehavior.Restrict);
        // At most one active tick per item: two people ticking at once cannot both succeed.
        builder.HasIndex(t => new { t.ComplexId, t.ItemId }).IsUnique().HasFilter("unticked_at IS NULL");
    }
}

internal sealed class PhaseTransitionConfiguration : IEntityTypeConfiguration<PhaseTransition>
{
    public void Configure(EntityTypeBuilder<PhaseTransition> builder)
    {
        builder.ToTable("phase_transitions");
        builder.HasKey(t => t.Id);
        builder.Ignore(t => t.IsReturn);
        builder.Property(t => t.ByName).HasMaxLength(200);
        builder.Property(t => t.Reason).HasMaxLength(1000);
    }
}

internal sealed class ProgrammeAmbitionConfiguration : IEntityTypeConfiguration<ProgrammeAmbition>
{
    public void Configure(EntityTypeBuilder<ProgrammeAmbition> builder)
    {
        builder.HasKey(a => a.Id);
        builder.HasIndex(a => a.TenantId).IsUnique();
        builder.Property(a => a.Version).IsRowVersion();
    }
}
