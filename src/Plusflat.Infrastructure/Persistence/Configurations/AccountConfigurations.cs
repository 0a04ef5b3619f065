using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Plusflat.Domain.Tenancy;
using Plusflat.Infrastructure.Messaging;

namespace Plusflat.Infrastructure.Persistence.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("outbox_messages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Recipient).HasMaxLength(254);
        builder.Property(m => m.Subject).HasMaxLength(300);
        builder.Property(m => m.LastError).HasMaxLength(2000);
        builder.HasIndex(m => new { m.SentAt, m.CreatedAt });
    }
}

internal sealed class MemberHistoryEntryConfiguration : IEntityTypeConfiguration<MemberHistoryEntry>
{
    public void Configure(EntityTypeBuilder<MemberHistoryEntry> builder)
    {
        builder.ToTable("member_history");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Change).HasConversion<string>().HasMaxLength(30);
        builder.Property(e => e.ActorName).HasMaxLength(254);
        builder.Property(e => e.Subject).HasMaxLength(254);
        builder.Property(e => e.FromRole).HasConversion<string>().HasMaxLength(30);
        builder.Property(e => e.ToRole).HasConversion<string>().HasMaxLength(30);
        builder.HasIndex(e => new { e.TenantId, e.At });
    }
}
