using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Plusflat.Domain.Complexes;
using Plusflat.Domain.Organisations;

namespace Plusflat.Infrastructure.Persistence.Configurations;

internal sealed class ComplexHistoryEntryConfiguration : IEntityTypeConfiguration<ComplexHistoryEntry>
{
    public void Configure(EntityTypeBuilder<ComplexHistoryEntry> builder)
    {
        builder.ToTable("complex_history");
        builder.HasKey(h => h.Id);
        builder.Property(h => h.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Property(h => h.ByName).HasMaxLength(Complex.ByNameMaxLength);
        builder.Property(h => h.Field).HasMaxLength(100);
    }
}

internal sealed class OrganisationHistoryEntryConfiguration : IEntityTypeConfiguration<OrganisationHistoryEntry>
{
    public void Configure(EntityTypeBuilder<OrganisationHistoryEntry> builder)
    {
        builder.ToTable("organisation_history");
        builder.HasKey(h => h.Id);
        builder.Property(h => h.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Property(h => h.ByName).HasMaxLength(200);
        builder.Property(h => h.Field).HasMaxLength(100);
    }
}
