using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Plusflat.Domain.Partners;

namespace Plusflat.Infrastructure.Persistence.Configurations;

internal sealed class PartnerSelectionConfiguration : IEntityTypeConfiguration<PartnerSelection>
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public void Configure(EntityTypeBuilder<PartnerSelection> builder)
    {
        builder.HasKey(s => s.Id);
        builder.HasIndex(s => new { s.TenantId, s.ComplexId }).IsUnique();
        builder.Property(s => s.Version).IsRowVersion();
        builder.Property(s => s.Candidates).HasColumnType("jsonb").HasConversion(JsonList.Converter<ProviderCandidate>(), JsonList.Comparer<ProviderCandidate>());
        builder.Property(s => s.OpenEntry).HasColumnType("jsonb").HasConversion(JsonList.Converter<OpenEntryProvider>(), JsonList.Comparer<OpenEntryProvider>());
        builder.Property(s => s.Residents).HasColumnType("jsonb").HasConversion(Json<ResidentsVoice>(), Comparer<ResidentsVoice>());
        builder.Property(s => s.Steps).HasColumnType("jsonb").HasConversion(
            new ValueConverter<IReadOnlyDictionary<SelectionStep, DateOnly>, string>(
                steps => JsonSerializer.Serialize(steps, Options),
                json => JsonSerializer.Deserialize<Dictionary<SelectionStep, DateOnly>>(json, Options) ?? new Dictionary<SelectionStep, DateOnly>()),
            new ValueComparer<IReadOnlyDictionary<SelectionStep, DateOnly>>(
                (a, b) => a!.Count == b!.Count && a.All(kv => b.ContainsKey(kv.Key) && b[kv.Key] == kv.Value),
                steps => steps.Aggregate(0, (hash, kv) => HashCode.Combine(hash, kv.Key, kv.Value)),
                steps => new Dictionary<SelectionStep, DateOnly>(steps)));
        builder.HasOne<Plusflat.Domain.Complexes.Complex>().WithMany().HasForeignKey(s => new { s.TenantId, s.ComplexId })
            .HasPrincipalKey(c => new { c.TenantId, c.Id }).OnDelete(DeleteBehavior.Cascade);
    }

    private static ValueConverter<T, string> Json<T>() where T : class => new(
        value => JsonSerializer.Serialize(value, Options),
        json => JsonSerializer.Deserialize<T>(json, Options)!);

    private static ValueComparer<T> Comparer<T>() where T : class => new(
        (a, b) => Equals(a, b),
        value => value.GetHashCode(),
        value => value);
}
