using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Plusflat.Domain.Monitoring;

namespace Plusflat.Infrastructure.Persistence.Configurations;

/// <summary>A quarter is kept as its first day (a date column: sortable, comparable, readable in SQL).</summary>
internal static class QuarterColumn
{
    public static readonly ValueConverter<Quarter, DateOnly> Converter = new(q => q.Start, d => Quarter.FromStart(d));
}

internal sealed class IndicatorCatalogueConfiguration : IEntityTypeConfiguration<IndicatorCatalogue>
{
    public void Configure(EntityTypeBuilder<IndicatorCatalogue> builder)
    {
        builder.HasKey(c => c.Id);
        builder.HasAlternateKey(c => new { c.TenantId, c.Id });
        builder.HasIndex(c => new { c.TenantId, c.Version }).IsUnique();
        builder.Property(c => c.Name).HasMaxLength(IndicatorCatalogue.NameMaxLength);
        builder.Property(c => c.Indicators).HasColumnType("jsonb")
            .HasConversion(JsonColumn.Converter<IReadOnlyList<Indicator>>(), JsonColumn.Comparer<IReadOnlyList<Indicator>>());
    }
}

internal sealed class MonitoringBaselineConfiguration : IEntityTypeConfiguration<MonitoringBaseline>
{
    public void Configure(EntityTypeBuilder<MonitoringBaseline> builder)
    {
        builder.HasKey(b => b.Id);
        builder.HasIndex(b => new { b.TenantId, b.ComplexId }).IsUnique();
        builder.Ignore(b => b.Quarter);
        builder.Property(b => b.Values).HasColumnType("jsonb")
            .HasConversion(JsonColumn.Converter<IReadOnlyList<IndicatorValue>>(), JsonColumn.Comparer<IReadOnlyList<IndicatorValue>>());
        builder.Property(b => b.Notes).HasMaxLength(MonitoringBaseline.NotesMaxLength);
        builder.Property(b => b.UpdatedBy).HasMaxLength(200);
        builder.Property(b => b.Version).IsRowVersion();
        builder.HasOne<Plusflat.Domain.Complexes.Complex>().WithMany().HasForeignKey(b => new { b.TenantId, b.ComplexId })
            .HasPrincipalKey(c => new { c.TenantId, c.Id }).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<IndicatorCatalogue>().WithMany().HasForeignKey(b => new { b.TenantId, b.CatalogueId })
            .HasPrincipalKey(c => new { c.TenantId, c.Id }).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class QuarterlyValuesConfiguration : IEntityTypeConfiguration<QuarterlyValues>
{
    public void Configure(EntityTypeBuilder<QuarterlyValues> builder)
    {
        builder.ToTable("quarterly_indicator_values", t => t.HasCheckConstraint("ck_quarterly_indicator_values_quarter_start",
            "extract(day FROM quarter) = 1 AND extract(month FROM quarter) IN (1, 4, 7, 10)"));
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Quarter).HasConversion(QuarterColumn.Converter);
        builder.HasIndex(v => new { v.TenantId, v.ComplexId, v.Quarter }).IsUnique();
        builder.Property(v => v.Values).HasColumnType("jsonb")
            .HasConversion(JsonColumn.Converter<IReadOnlyList<IndicatorValue>>(), JsonColumn.Comparer<IReadOnlyList<IndicatorValue>>());
        builder.Property(v => v.UpdatedBy).HasMaxLength(200);
        builder.Property(v => v.Version).IsRowVersion();
        builder.HasOne<Plusflat.Domain.Complexes.Complex>().WithMany().HasForeignKey(v => new { v.TenantId, v.ComplexId })
            .HasPrincipalKey(c => new { c.TenantId, c.Id }).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class QuarterlyReviewConfiguration : IEntityTypeConfiguration<QuarterlyReview>
{
    public void Configure(EntityTypeBuilder<QuarterlyReview> builder)
    {
        builder.ToTable("quarterly_reviews", t => t.HasCheckConstraint("ck_quarterly_reviews_quarter_start",
            "extract(day FROM quarter) = 1 AND extract(month FROM quarter) IN (1, 4, 7, 10)"));
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Quarter).HasConversion(QuarterColumn.Converter);
        builder.HasIndex(r => new { r.TenantId, r.ComplexId, r.Quarter }).IsUnique();
        builder.Property(r => r.Participants).HasMaxLength(QuarterlyReview.ParticipantsMaxLength);
        builder.Property(r => r.Notes).HasMaxLength(QuarterlyReview.NotesMaxLength);
        builder.Property(r => r.Actions).HasColumnType("jsonb")
            .HasConversion(JsonColumn.Converter<IReadOnlyList<ReviewAction>>(), JsonColumn.Comparer<IReadOnlyList<ReviewAction>>());
        builder.Property(r => r.RecordedBy).HasMaxLength(200);
        builder.HasOne<Plusflat.Domain.Complexes.Complex>().WithMany().HasForeignKey(r => new { r.TenantId, r.ComplexId })
            .HasPrincipalKey(c => new { c.TenantId, c.Id }).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AnnualEvaluationConfiguration : IEntityTypeConfiguration<AnnualEvaluation>
{
    public void Configure(EntityTypeBuilder<AnnualEvaluation> builder)
    {
        builder.ToTable("annual_evaluations");
        builder.HasKey(e => e.Id);
        builder.HasAlternateKey(e => new { e.TenantId, e.Id });
        builder.HasIndex(e => new { e.TenantId, e.ComplexId, e.Year }).IsUnique();
        builder.Property(e => e.Participants).HasMaxLength(AnnualEvaluation.ParticipantsMaxLength);
        builder.Property(e => e.Reason).HasMaxLength(AnnualEvaluation.TextMaxLength);
        builder.Property(e => e.Decision).HasConversion<string>().HasMaxLength(40);
        builder.Property(e => e.Judgements).HasColumnType("jsonb")
            .HasConversion(JsonColumn.Converter<IReadOnlyList<IndicatorJudgement>>(), JsonColumn.Comparer<IReadOnlyList<IndicatorJudgement>>());
        builder.Property(e => e.Drift).HasColumnType("jsonb")
            .HasConversion(JsonColumn.Converter<IReadOnlyList<DriftAnswer>>(), JsonColumn.Comparer<IReadOnlyList<DriftAnswer>>());
        builder.Ignore(e => e.DriftObserved);
        builder.Property(e => e.RecordedBy).HasMaxLength(200);
        builder.HasOne<Plusflat.Domain.Complexes.Complex>().WithMany().HasForeignKey(e => new { e.TenantId, e.ComplexId })
            .HasPrincipalKey(c => new { c.TenantId, c.Id }).OnDelete(DeleteBehavior.Restrict);
    }
}
