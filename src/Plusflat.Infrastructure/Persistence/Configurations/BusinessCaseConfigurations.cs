using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Plusflat.Domain.BusinessCases;
using Plusflat.Domain.Complexes;

namespace Plusflat.Infrastructure.Persistence.Configurations;

internal sealed class BusinessCaseConfiguration : IEntityTypeConfiguration<BusinessCase>
{
    public void Configure(EntityTypeBuilder<BusinessCase> builder)
    {
        builder.HasKey(b => b.Id);
        builder.HasAlternateKey(b => new { b.TenantId, b.Id });
        builder.HasIndex(b => new { b.TenantId, b.ComplexId }).IsUnique();
        builder.Property(b => b.UpdatedByName).HasMaxLength(200);
        builder.Property(b => b.Version).IsRowVersion();
        builder.Property(b => b.Plan).HasColumnType("jsonb").HasConversion(JsonColumn.Converter<BusinessCasePlan>(), JsonColumn.Comparer<BusinessCasePlan>());
        builder.HasOne<Complex>().WithMany().HasForeignKey(b => new { b.TenantId, b.ComplexId })
            .HasPrincipalKey(c => new { c.TenantId, c.Id }).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BusinessCaseVersionConfiguration : IEntityTypeConfiguration<BusinessCaseVersion>
{
    public void Configure(EntityTypeBuilder<BusinessCaseVersion> builder)
    {
        builder.HasKey(v => v.Id);
        builder.HasIndex(v => new { v.TenantId, v.BusinessCaseId, v.Number }).IsUnique();
        builder.HasIndex(v => new { v.TenantId, v.ComplexId });
        builder.Property(v => v.Note).HasMaxLength(BusinessCaseVersion.NoteMaxLength);
        builder.Property(v => v.FrozenByName).HasMaxLength(200);
        builder.Property(v => v.Plan).HasColumnType("jsonb").HasConversion(JsonColumn.Converter<BusinessCasePlan>(), JsonColumn.Comparer<BusinessCasePlan>());
        builder.HasOne<BusinessCase>().WithMany().HasForeignKey(v => new { v.TenantId, v.BusinessCaseId })
            .HasPrincipalKey(b => new { b.TenantId, b.Id }).OnDelete(DeleteBehavior.Cascade);
    }
}
