using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Plusflat.Domain.FlatTeams;
using Plusflat.Domain.Signalling;

namespace Plusflat.Infrastructure.Persistence.Configurations;

internal sealed class MeetingDraftConfiguration : IEntityTypeConfiguration<MeetingDraft>
{
    public void Configure(EntityTypeBuilder<MeetingDraft> builder)
    {
        builder.ToTable("signal_meeting_drafts");
        builder.HasKey(d => d.Id);
        builder.HasAlternateKey(d => new { d.TenantId, d.Id });
        builder.Property(d => d.Version).IsRowVersion();
        builder.HasIndex(d => new { d.TenantId, d.ComplexId }).IsUnique();
        builder.HasOne<Plusflat.Domain.Complexes.Complex>().WithMany().HasForeignKey(d => new { d.TenantId, d.ComplexId })
            .HasPrincipalKey(c => new { c.TenantId, c.Id }).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DraftSignalConfiguration : IEntityTypeConfiguration<DraftSignal>
{
    public void Configure(EntityTypeBuilder<DraftSignal> builder)
    {
        builder.ToTable("signal_draft_items");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Version).IsRowVersion();
        builder.Property(s => s.Content).HasColumnType("jsonb")
            .HasConversion(JsonColumn.Converter<DraftSignalContent>(), JsonColumn.Comparer<DraftSignalContent>());
        builder.HasIndex(s => new { s.TenantId, s.DraftId });
        builder.HasIndex(s => new { s.TenantId, s.ComplexId });
        builder.HasOne<MeetingDraft>().WithMany().HasForeignKey(s => new { s.TenantId, s.DraftId })
            .HasPrincipalKey(d => new { d.TenantId, d.Id }).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Plusflat.Domain.Complexes.Complex>().WithMany().HasForeignKey(s => new { s.TenantId, s.ComplexId })
            .HasPrincipalKey(c => new { c.TenantId, c.Id }).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EscalationLinesConfiguration : IEntityTypeConfiguration<EscalationLines>
{
    public void Configure(EntityTypeBuilder<EscalationLines> builder)
    {
        builder.ToTable("escalation_lines");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Version).IsRowVersion();
        builder.Property(e => e.Content).HasColumnType("jsonb")
            .HasConversion(JsonColumn.Converter<EscalationContent>(), JsonColumn.Comparer<EscalationContent>());
        builder.HasIndex(e => new { e.TenantId, e.ComplexId }).IsUnique();
        builder.HasOne<Plusflat.Domain.Complexes.Complex>().WithMany().HasForeignKey(e => new { e.TenantId, e.ComplexId })
            .HasPrincipalKey(c => new { c.TenantId, c.Id }).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TeamAgendaEntryConfiguration : IEntityTypeConfiguration<TeamAgendaEntry>
{
    public void Configure(EntityTypeBuilder<TeamAgendaEntry> builder)
    {
        builder.ToTable("team_agenda_entries");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Text).HasMaxLength(TeamAgendaEntry.TextMax);
        builder.Property(e => e.RecordedByName).HasMaxLength(256);
        builder.HasIndex(e => new { e.TenantId, e.ComplexId, e.Kind, e.RecordedAt });
        builder.HasOne<Plusflat.Domain.Complexes.Complex>().WithMany().HasForeignKey(e => new { e.TenantId, e.ComplexId })
            .HasPrincipalKey(c => new { c.TenantId, c.Id }).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ResidentCodeSettingsConfiguration : IEntityTypeConfiguration<ResidentCodeSettings>
{
    public void Configure(EntityTypeBuilder<ResidentCodeSettings> builder)
    {
        builder.ToTable("resident_code_settings");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Version).IsRowVersion();
        builder.Property(s => s.Pattern).HasMaxLength(ResidentCodeSettings.PatternMax);
        builder.Property(s => s.Example).HasMaxLength(ResidentCodeSettings.ExampleMax);
        builder.HasIndex(s => s.TenantId).IsUnique();
    }
}
