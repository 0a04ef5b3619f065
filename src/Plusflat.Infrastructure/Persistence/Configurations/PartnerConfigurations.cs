using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Plusflat.Domain.Partners;

namespace Plusflat.Infrastructure.Persistence.Configurations;

internal sealed class PartnerSelectionConfiguration : IEntityTypeConfiguration<PartnerSelection>
{
    public void Configure(EntityTypeBuilder<PartnerSelection> builder)
    {
        builder.HasKey(s => s.Id);
        builder.HasIndex(s => new { s.TenantId, s.ComplexId }).IsUnique();
        builder.Property(s => s.Version).IsRowVersion();
        builder.Property(s => s.Candidates).HasColumnType("jsonb").HasConversion(JsonColumn.Converter<IReadOnlyList<ProviderCandidate>>(), JsonColumn.Comparer<IReadOnlyList<ProviderCandidate>>());
        builder.Property(s => s.OpenEntry).HasColumnType("jsonb").HasConversion(JsonColumn.Converter<IReadOnlyList<OpenEntryProvider>>(), JsonColumn.Comparer<IReadOnlyList<OpenEntryProvider>>());
        builder.Property(s => s.Residents).HasColumnType("jsonb").HasConversion(JsonColumn.Converter<ResidentsVoice>(), JsonColumn.Comparer<ResidentsVoice>());
        builder.Property(s => s.Steps).HasColumnType("jsonb")
            .HasConversion(JsonColumn.Converter<IReadOnlyDictionary<SelectionStep, DateOnly>>(), JsonColumn.Comparer<IReadOnlyDictionary<SelectionStep, DateOnly>>());
        builder.HasOne<Plusflat.Domain.Complexes.Complex>().WithMany().HasForeignKey(s => new { s.TenantId, s.ComplexId })
            .HasPrincipalKey(c => new { c.TenantId, c.Id }).OnDelete(DeleteBehavior.Cascade);
    }
}
