using System.Text.RegularExpressions;
using Plusflat.Domain.Common;

namespace Plusflat.Domain.Tenancy;

/// <summary>
/// A programme or a zorgkantoor. Its slug is the first segment of every URL inside it
/// (<c>/{slug}/...</c> and <c>/api/v1/{slug}/...</c>).
/// </summary>
public sealed partial class Tenant
{
    /// <summary>First URL segments the portal itself uses; a tenant can never take one of these.</summary>
    public static readonly IReadOnlySet<string> ReservedSlugs = new HashSet<string>(StringComparer.Ordinal)
    {
        "account", "api", "health", "openapi", "lib", "css", "js", "img", "cultuur", "culture", "fout", "error",
        "uitnodiging", "favicon.ico", "robots.txt", "not-found", "_framework", "_content",
    };

    /// <summary>For EF Core.</summary>
    private Tenant()
    {
        Slug = null!;
        Name = null!;
    }

    public Tenant(string slug, string name, TenantKind kind)
    {
        Id = Guid.CreateVersion7();
        Slug = ValidSlug(slug);
        Name = Guard.RequiredText(name, 200, nameof(Name), "Naam");
        Kind = Enum.IsDefined(kind) ? kind : throw new DomainException("Kies een geldig soort tenant.", nameof(Kind));
    }

    public Guid Id { get; private set; }

    public string Slug { get; private set; }

    public string Name { get; private set; }

    public TenantKind Kind { get; private set; }

    public uint Version { get; private set; }

    public void Rename(string name) => Name = Guard.RequiredText(name, 200, nameof(Name), "Naam");

    public static string ValidSlug(string? slug)
    {
        var value = slug?.Trim() ?? "";
        if (!SlugPattern().IsMatch(value))
        {
            throw new DomainException(
                "Gebruik 3 tot 63 kleine letters, cijfers of koppeltekens, beginnend met een letter.", nameof(Slug));
        }

        if (ReservedSlugs.Contains(value))
        {
            throw new DomainException($"'{value}' is gereserveerd voor de portal zelf.", nameof(Slug));
        }

        return value;
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{1,61}[a-z0-9]$")]
    private static partial Regex SlugPattern();
}
