using Plusflat.Domain.Common;

namespace Plusflat.Domain.Standard;

/// <summary>How one item was found, with the evidence for it.</summary>
public sealed record AssessedItem(string Key, StandardItemStatus Status, string? Evidence);

/// <summary>
/// One dated assessment of a complex against one version of the product standard: every item of that version,
/// each with its status and evidence. Assessments are never changed; a new one is added, and the latest counts.
/// <see cref="Number"/> counts a complex's assessments (1, 2, ...) and is the version a client sends back:
/// the table's unique index on (tenant, complex, number) refuses a second assessment made on the same one.
/// </summary>
public sealed class StandardAssessment : ITenantOwned
{
    public const int EvidenceMaxLength = 1000;

    public StandardAssessment(Guid tenantId, Guid complexId, StandardCatalogue catalogue, int number,
        IEnumerable<AssessedItem> items, Guid assessedBy, string assessedByName, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(items);
        var given = items.ToList();
        Items = Validated(catalogue, given);
        Id = Guid.CreateVersion7();
        TenantId = tenantId;
        ComplexId = complexId;
        CatalogueId = catalogue.Id;
        CatalogueVersion = catalogue.Version;
        Number = number >= 1 ? number : throw new ArgumentOutOfRangeException(nameof(number));
        AssessedAt = now;
        AssessedBy = assessedBy;
        AssessedByName = assessedByName;
    }

    private StandardAssessment()
    {
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid ComplexId { get; private set; }

    public Guid CatalogueId { get; private set; }

    public int CatalogueVersion { get; private set; }

    public int Number { get; private set; }

    public DateTimeOffset AssessedAt { get; private set; }

    public Guid AssessedBy { get; private set; }

    public string AssessedByName { get; private set; } = "";

    public IReadOnlyList<AssessedItem> Items { get; private set; } = [];

    /// <summary>The field an item's status or evidence is reported on (API: <c>items[key].status</c>).</summary>
    public static string StatusField(string key) => $"Items[{key}].Status";

    public static string EvidenceField(string key) => $"Items[{key}].Evidence";

    /// <summary>Every item of the version exactly once, with a status that fits its kind and evidence where the status claims something.</summary>
    private static List<AssessedItem> Validated(StandardCatalogue catalogue, List<AssessedItem> given)
    {
        var errors = new List<DomainError>();
        var byKey = new Dictionary<string, AssessedItem>(StringComparer.Ordinal);
        foreach (var item in given)
        {
            ArgumentNullException.ThrowIfNull(item);
            if (catalogue.Find(item.Key) is null)
            {
                errors.Add(new DomainError(nameof(Items), $"'{item.Key}' staat niet in versie {catalogue.Version} van de productstandaard."));
            }
            else if (!byKey.TryAdd(item.Key, item))
            {
                errors.Add(new DomainError(StatusField(item.Key), $"'{item.Key}' is meer dan eens beoordeeld."));
            }
        }

        var result = new List<AssessedItem>();
        foreach (var definition in catalogue.Items)
        {
            if (!byKey.TryGetValue(definition.Key, out var item))
            {
                errors.Add(new DomainError(StatusField(definition.Key), $"Beoordeel ook: {definition.Text}"));
                continue;
            }

            if (!Enum.IsDefined(item.Status) || !StandardItemStatuses.Fits(definition.Kind, item.Status))
            {
                errors.Add(new DomainError(StatusField(definition.Key), definition.Kind == StandardItemKind.Not
                    ? "Kies of deze uitsluiting van toepassing is of niet."
                    : "Kies voldaan, niet voldaan of niet van toepassing."));
                continue;
            }

            var evidence = string.IsNullOrWhiteSpace(item.Evidence) ? null : PlainText.Normalise(item.Evidence);
            if (PlainText.Problem(evidence, multiline: true) is { } problem)
            {
                errors.Add(new DomainError(EvidenceField(definition.Key), problem));
            }
            else if (evidence is null && StandardItemStatuses.NeedsEvidence(item.Status))
            {
                errors.Add(new DomainError(EvidenceField(definition.Key), item.Status == StandardItemStatus.Applies
                    ? "Licht toe waaruit blijkt dat deze uitsluiting van toepassing is."
                    : "Licht toe waaruit blijkt dat hieraan is voldaan (bijvoorbeeld een afspraak, document of waarneming)."));
            }
            else if (evidence is { Length: > EvidenceMaxLength })
            {
                errors.Add(new DomainError(EvidenceField(definition.Key), $"De toelichting mag hoogstens {EvidenceMaxLength} tekens lang zijn."));
            }

            result.Add(item with { Evidence = evidence });
        }

        if (errors.Count > 0)
        {
            throw new DomainException(errors);
        }

        return result;
    }
}
