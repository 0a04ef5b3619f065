using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Plusflat.Domain.Complexes;
using Plusflat.Domain.DosApplications;
using Plusflat.Domain.Tenancy;

namespace Plusflat.Infrastructure.Persistence.Configurations;

/// <summary>
/// The application belongs to the programme tenant and names the zorgkantoor tenant it is addressed to; its query filter
/// (set in <see cref="PlusflatDbContext"/>) and its row-level security let the addressee read it once submitted (ADR 0022).
/// </summary>
internal sealed class DosApplicationConfiguration : IEntityTypeConfiguration<DosApplication>
{
    public void Configure(EntityTypeBuilder<DosApplication> builder)
    {
        builder.ToTable("dos_applications");
        builder.HasKey(a => a.Id);
        builder.HasAlternateKey(a => new { a.TenantId, a.Id });
        builder.HasAlternateKey(a => new { a.ZorgkantoorTenantId, a.Id });
        builder.HasIndex(a => new { a.TenantId, a.ComplexId });
        builder.HasIndex(a => new { a.ZorgkantoorTenantId, a.Status });
        builder.Property(a => a.ProgrammeName).HasMaxLength(200);
        builder.Property(a => a.UpdatedBy).HasMaxLength(200);
        builder.Property(a => a.OpenQuestion).HasMaxLength(DosApplication.QuestionMaxLength);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(40);
        builder.Property(a => a.Version).IsRowVersion();
        builder.Property(a => a.Details).HasColumnType("jsonb").HasConversion(JsonColumn.Converter<DosApplicationDetails>(), JsonColumn.Comparer<DosApplicationDetails>());
        builder.Property(a => a.Snapshot).HasColumnType("jsonb").HasConversion(JsonColumn.Converter<DosSnapshot>(), JsonColumn.Comparer<DosSnapshot>());
        builder.Property(a => a.Decision).HasColumnType("jsonb").HasConversion(JsonColumn.Converter<DosDecision?>(), JsonColumn.Comparer<DosDecision?>());
        builder.HasOne<Complex>().WithMany().HasForeignKey(a => new { a.TenantId, a.ComplexId })
            .HasPrincipalKey(c => new { c.TenantId, c.Id }).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(a => a.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(a => a.ZorgkantoorTenantId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DosApplicationEventConfiguration : IEntityTypeConfiguration<DosApplicationEvent>
{
    public void Configure(EntityTypeBuilder<DosApplicationEvent> builder)
    {
        builder.ToTable("dos_application_events");
        builder.HasKey(e => e.Id);
        builder.HasIndex(e => new { e.TenantId, e.ApplicationId, e.At });
        builder.HasIndex(e => new { e.ZorgkantoorTenantId, e.At });
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Property(e => e.FromStatus).HasConversion<string>().HasMaxLength(40);
        builder.Property(e => e.ToStatus).HasConversion<string>().HasMaxLength(40);
        builder.Property(e => e.ActorName).HasMaxLength(200);
        builder.Property(e => e.Text).HasMaxLength(DosApplication.QuestionMaxLength);
        builder.Property(e => e.Snapshot).HasColumnType("jsonb").HasConversion(JsonColumn.Converter<DosSnapshot?>(), JsonColumn.Comparer<DosSnapshot?>());
        builder.HasOne<DosApplication>().WithMany().HasForeignKey(e => new { e.TenantId, e.ApplicationId })
            .HasPrincipalKey(a => new { a.TenantId, a.Id }).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<DosApplication>().WithMany().HasForeignKey(e => new { e.ZorgkantoorTenantId, e.ApplicationId })
            .HasPrincipalKey(a => new { a.ZorgkantoorTenantId, a.Id }).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(e => e.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(e => e.ZorgkantoorTenantId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DosAssessmentConfiguration : IEntityTypeConfiguration<DosAssessment>
{
    public void Configure(EntityTypeBuilder<DosAssessment> builder)
    {
        builder.ToTable("dos_assessments");
        builder.HasKey(a => a.Id);
        builder.HasIndex(a => new { a.TenantId, a.ApplicationId }).IsUnique();
        builder.Property(a => a.Comments).HasMaxLength(DosAssessment.CommentsMaxLength);
        builder.Property(a => a.UpdatedBy).HasMaxLength(200);
        builder.Property(a => a.Version).IsRowVersion();
        builder.Property(a => a.Scores).HasColumnType("jsonb").HasConversion(JsonColumn.Converter<IReadOnlyList<CriterionScore>>(), JsonColumn.Comparer<IReadOnlyList<CriterionScore>>());
        builder.Ignore(a => a.Scoring);
        builder.HasOne<DosApplication>().WithMany().HasForeignKey(a => new { a.TenantId, a.ApplicationId })
            .HasPrincipalKey(a => new { a.ZorgkantoorTenantId, a.Id }).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DosBudgetConfiguration : IEntityTypeConfiguration<DosBudget>
{
    public void Configure(EntityTypeBuilder<DosBudget> builder)
    {
        builder.ToTable("dos_budgets");
        builder.HasKey(b => b.Id);
        builder.HasIndex(b => new { b.TenantId, b.Year }).IsUnique();
        builder.Property(b => b.Total).HasPrecision(14, 2);
        builder.Property(b => b.Version).IsRowVersion();
    }
}

internal sealed class DosLabelConfiguration : IEntityTypeConfiguration<DosLabel>
{
    public void Configure(EntityTypeBuilder<DosLabel> builder)
    {
        builder.ToTable("dos_labels");
        builder.HasKey(l => l.Id);
        builder.HasIndex(l => new { l.TenantId, l.ApplicationId }).IsUnique();
        builder.HasIndex(l => new { l.TenantId, l.Number }).IsUnique();
        builder.Property(l => l.Number).HasMaxLength(20);
        builder.Property(l => l.ProgrammeName).HasMaxLength(200);
        builder.Property(l => l.ComplexName).HasMaxLength(200);
        builder.Property(l => l.Municipality).HasMaxLength(200);
        builder.Property(l => l.Amounts).HasColumnType("jsonb").HasConversion(JsonColumn.Converter<IReadOnlyList<YearAmount>>(), JsonColumn.Comparer<IReadOnlyList<YearAmount>>());
        builder.HasOne<DosApplication>().WithMany().HasForeignKey(l => new { l.TenantId, l.ApplicationId })
            .HasPrincipalKey(a => new { a.ZorgkantoorTenantId, a.Id }).OnDelete(DeleteBehavior.Restrict);
    }
}
