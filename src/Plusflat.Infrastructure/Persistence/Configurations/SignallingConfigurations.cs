using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Plusflat.Domain.FlatTeams;
using Plusflat.Domain.Signalling;

namespace Plusflat.Infrastructure.Persistence.Configurations;

internal sealed class FlatTeamMemberConfiguration : IEntityTypeConfiguration<FlatTeamMember>
{
    public void Configure(EntityTypeBuilder<FlatTeamMember> builder)
    {
        builder.ToTable("flat_team_members");
        builder.HasKey(m => m.Id);
        builder.HasAlternateKey(m => new { m.TenantId, m.Id });
        builder.Property(m => m.Name).HasMaxLength(FlatTeamMember.NameMax);
        builder.Property(m => m.Organisation).HasMaxLength(FlatTeamMember.OrganisationMax);
        builder.Property(m => m.Contact).HasMaxLength(FlatTeamMember.ContactMax);
        builder.Property(m => m.Role).HasConversion<string>().HasMaxLength(40);
        builder.HasOne<Plusflat.Domain.Complexes.Complex>().WithMany().HasForeignKey(m => new { m.TenantId, m.ComplexId })
            .HasPrincipalKey(c => new { c.TenantId, c.Id }).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Plusflat.Infrastructure.Identity.PlusflatUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(m => new { m.TenantId, m.ComplexId, m.UserId });
    }
}

internal sealed class SignalMeetingConfiguration : IEntityTypeConfiguration<SignalMeeting>
{
    public void Configure(EntityTypeBuilder<SignalMeeting> builder)
    {
        builder.ToTable("signal_meetings");
        builder.HasKey(m => m.Id);
        builder.HasAlternateKey(m => new { m.TenantId, m.Id });
        builder.Property(m => m.Version).IsRowVersion();
        builder.HasIndex(m => new { m.TenantId, m.ComplexId, m.HeldOn });
        builder.HasOne<Plusflat.Domain.Complexes.Complex>().WithMany().HasForeignKey(m => new { m.TenantId, m.ComplexId })
            .HasPrincipalKey(c => new { c.TenantId, c.Id }).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(m => m.Signals).WithOne().HasForeignKey(s => new { s.TenantId, s.MeetingId })
            .HasPrincipalKey(m => new { m.TenantId, m.Id }).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(m => m.Signals).HasField("_signals").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class SignalConfiguration : IEntityTypeConfiguration<Signal>
{
    public void Configure(EntityTypeBuilder<Signal> builder)
    {
        builder.ToTable("signals");
        builder.HasKey(s => s.Id);
        builder.HasAlternateKey(s => new { s.TenantId, s.Id });
        builder.Property(s => s.ResidentCode).HasMaxLength(40);
        builder.Property(s => s.Description).HasMaxLength(IdentifyingText.DescriptionMax);
        builder.Property(s => s.Category).HasConversion<string>().HasMaxLength(30);
        builder.Property(s => s.NoticedBy).HasConversion<string>().HasMaxLength(30);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(30);
        builder.Property(s => s.Version).IsRowVersion();
        builder.HasIndex(s => new { s.TenantId, s.Status, s.ClosedOn });
        builder.HasOne<Plusflat.Domain.Complexes.Complex>().WithMany().HasForeignKey(s => new { s.TenantId, s.ComplexId })
            .HasPrincipalKey(c => new { c.TenantId, c.Id }).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.Actions).WithOne().HasForeignKey(a => new { a.TenantId, a.SignalId })
            .HasPrincipalKey(s => new { s.TenantId, s.Id }).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.Actions).HasField("_actions").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class SignalActionConfiguration : IEntityTypeConfiguration<SignalAction>
{
    public void Configure(EntityTypeBuilder<SignalAction> builder)
    {
        builder.ToTable("signal_actions");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(30);
        builder.Property(a => a.Outcome).HasMaxLength(500);
        builder.Property(a => a.Version).IsRowVersion();
        builder.HasOne<FlatTeamMember>().WithMany().HasForeignKey(a => new { a.TenantId, a.OwnerId })
            .HasPrincipalKey(m => new { m.TenantId, m.Id }).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AccessLogEntryConfiguration : IEntityTypeConfiguration<AccessLogEntry>
{
    public void Configure(EntityTypeBuilder<AccessLogEntry> builder)
    {
        builder.ToTable("access_log");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.UserName).HasMaxLength(256);
        builder.Property(e => e.Action).HasConversion<string>().HasMaxLength(30);
        builder.Property(e => e.Detail).HasMaxLength(300);
        builder.Property(e => e.Address).HasMaxLength(64);
        builder.HasIndex(e => new { e.TenantId, e.At }).IsDescending(false, true);
    }
}

/// <summary>The counts-only projection of signals (filled by a database trigger): complex, month, category.</summary>
public sealed class SignalTally : Plusflat.Domain.Common.ITenantOwned
{
    public Guid SignalId { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid ComplexId { get; private set; }

    public DateOnly Month { get; private set; }

    public string Category { get; private set; } = "";
}

internal sealed class SignalTallyConfiguration : IEntityTypeConfiguration<SignalTally>
{
    public void Configure(EntityTypeBuilder<SignalTally> builder)
    {
        builder.ToTable("signal_tallies");
        builder.HasKey(t => t.SignalId);
        builder.Property(t => t.SignalId).HasColumnName("id");
        builder.Property(t => t.Category).HasMaxLength(30);
        builder.HasIndex(t => new { t.TenantId, t.ComplexId, t.Month });
        builder.HasOne<Plusflat.Domain.Complexes.Complex>().WithMany().HasForeignKey(t => new { t.TenantId, t.ComplexId })
            .HasPrincipalKey(c => new { c.TenantId, c.Id }).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SignallingSettingsConfiguration : IEntityTypeConfiguration<SignallingSettings>
{
    public void Configure(EntityTypeBuilder<SignallingSettings> builder)
    {
        builder.ToTable("signalling_settings", t => t.HasCheckConstraint("ck_signalling_settings_retention_months", "retention_months BETWEEN 6 AND 120"));
        builder.HasKey(s => s.Id);
        builder.HasIndex(s => s.TenantId).IsUnique();
        builder.Property(s => s.Version).IsRowVersion();
    }
}
