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
