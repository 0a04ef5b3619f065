using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Plusflat.Domain.Admission;
using Plusflat.Domain.Complexes;

namespace Plusflat.Infrastructure.Persistence.Configurations;

internal sealed class AdmissionAssessmentConfiguration : IEntityTypeConfiguration<AdmissionAssessment>
{
    public void Configure(EntityTypeBuilder<AdmissionAssessment> builder)
    {
        builder.ToTable("admission_assessments", t => t.HasCheckConstraint("ck_admission_assessments_sequence", "sequence >= 1"));
        builder.HasKey(a => a.Id);
        builder.Property(a => a.AssessedByName).HasMaxLength(AdmissionAssessment.ByNameMaxLength);
        builder.Property(a => a.GroupedWith).HasColumnType("uuid[]");
        builder.Property(a => a.ConcentrationEvidence).HasMaxLength(AdmissionFacts.EvidenceMaxLength);
        builder.Property(a => a.Loneliness).HasMaxLength(AdmissionFacts.NeedNoteMaxLength);
        builder.Property(a => a.LiveabilityPressure).HasMaxLength(AdmissionFacts.NeedNoteMaxLength);
        builder.Property(a => a.MissedEarlySignalling).HasMaxLength(AdmissionFacts.NeedNoteMaxLength);
        builder.Property(a => a.CareConcentration).HasMaxLength(AdmissionFacts.NeedNoteMaxLength);
        builder.Property(a => a.MunicipalityAgreedBy).HasMaxLength(AdmissionFacts.AgreedByMaxLength);
        builder.Property(a => a.MunicipalityReference).HasMaxLength(AdmissionFacts.ReferenceMaxLength);
        builder.Property(a => a.CorporationAgreedBy).HasMaxLength(AdmissionFacts.AgreedByMaxLength);
        builder.Property(a => a.CorporationReference).HasMaxLength(AdmissionFacts.ReferenceMaxLength);
        builder.Property(a => a.CareProviderAgreedBy).HasMaxLength(AdmissionFacts.AgreedByMaxLength);
        builder.Property(a => a.CareProviderReference).HasMaxLength(AdmissionFacts.ReferenceMaxLength);
        // The complex together with the tenant (a foreign key ignores row-level security).
        builder.HasOne<Complex>().WithMany().HasForeignKey(a => new { a.TenantId, a.ComplexId })
            .HasPrincipalKey(c => new { c.TenantId, c.Id }).OnDelete(DeleteBehavior.Cascade);
        // The sequence is the gate's version: two people recording on the same version cannot both succeed.
        builder.HasIndex(a => new { a.TenantId, a.ComplexId, a.Sequence }).IsUnique();
    }
}

internal sealed class AdmissionSettingsConfiguration : IEntityTypeConfiguration<AdmissionSettings>
{
    public void Configure(EntityTypeBuilder<AdmissionSettings> builder)
    {
        builder.ToTable("admission_settings");
        builder.HasKey(s => s.Id);
        builder.HasIndex(s => s.TenantId).IsUnique();
        builder.Property(s => s.Version).IsRowVersion();
    }
}
