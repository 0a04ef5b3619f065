using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Plusflat.Domain.Standard;

namespace Plusflat.Infrastructure.Persistence.Configurations;

internal sealed class StandardCatalogueConfiguration : IEntityTypeConfiguration<StandardCatalogue>
{
    public void Configure(EntityTypeBuilder<StandardCatalogue> builder)
    {
        builder.HasKey(c => c.Id);
        builder.HasAlternateKey(c => new { c.TenantId, c.Id });
        builder.HasIndex(c => new { c.TenantId, c.Version }).IsUnique();
        builder.Property(c => c.Name).HasMaxLength(StandardCatalogue.NameMaxLength);
        builder.Property(c => c.Items).HasColumnType("jsonb").HasConversion(JsonColumn.Converter<IReadOnlyList<StandardItem>>(), JsonColumn.Comparer<IReadOnlyList<StandardItem>>());
    }
}

internal sealed class StandardAssessmentConfiguration : IEntityTypeConfiguration<StandardAssessment>
{
    public void Configure(EntityTypeBuilder<StandardAssessment> builder)
    {
        builder.HasKey(a => a.Id);
        builder.HasIndex(a => new { a.TenantId, a.ComplexId, a.Number }).IsUnique();
        builder.Property(a => a.AssessedByName).HasMaxLength(200);
        builder.Property(a => a.Items).HasColumnType("jsonb").HasConversion(JsonColumn.Converter<IReadOnlyList<AssessedItem>>(), JsonColumn.Comparer<IReadOnlyList<AssessedItem>>());
        builder.HasOne<Plusflat.Domain.Complexes.Complex>().WithMany().HasForeignKey(a => new { a.TenantId, a.ComplexId })
            .HasPrincipalKey(c => new { c.TenantId, c.Id }).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<StandardCatalogue>().WithMany().HasForeignKey(a => new { a.TenantId, a.CatalogueId })
            .HasPrincipalKey(c => new { c.TenantId, c.Id }).OnDelete(DeleteBehavior.Restrict);
    }
}
