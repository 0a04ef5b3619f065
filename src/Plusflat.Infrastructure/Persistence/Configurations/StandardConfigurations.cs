using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
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
        builder.Property(c => c.Items).HasColumnType("jsonb").HasConversion(JsonList.Converter<StandardItem>(), JsonList.Comparer<StandardItem>());
    }
}

internal sealed class StandardAssessmentConfiguration : IEntityTypeConfiguration<StandardAssessment>
{
    public void Configure(EntityTypeBuilder<StandardAssessment> builder)
    {
        builder.HasKey(a => a.Id);
        builder.HasIndex(a => new { a.TenantId, a.ComplexId, a.Number }).IsUnique();
        builder.Property(a => a.AssessedByName).HasMaxLength(200);
        builder.Property(a => a.Items).HasColumnType("jsonb").HasConversion(JsonList.Converter<AssessedItem>(), JsonList.Comparer<AssessedItem>());
        builder.HasOne<Plusflat.Domain.Complexes.Complex>().WithMany().HasForeignKey(a => new { a.TenantId, a.ComplexId })
            .HasPrincipalKey(c => new { c.TenantId, c.Id }).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<StandardCatalogue>().WithMany().HasForeignKey(a => new { a.TenantId, a.CatalogueId })
            .HasPrincipalKey(c => new { c.TenantId, c.Id }).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>An immutable list of records kept as one jsonb value (enums by name, so the stored JSON reads on its own).</summary>
internal static class JsonList
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<IReadOnlyList<T>, string> Converter<T>() => new(
        list => JsonSerializer.Serialize(list, Options),
        json => JsonSerializer.Deserialize<List<T>>(json, Options) ?? new List<T>());

    public static ValueComparer<IReadOnlyList<T>> Comparer<T>() => new(
        (a, b) => a!.SequenceEqual(b!),
        list => list.Aggregate(0, (hash, item) => HashCode.Combine(hash, item)),
        list => list.ToList());
}
