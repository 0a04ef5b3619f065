using Plusflat.Domain.Common;

namespace Plusflat.Domain.DosApplications;

/// <summary>One uniform national criterion a zorgkantoor scores every application against.</summary>
public sealed record DosCriterion(string Key, string Text, int Weight);

/// <summary>
/// A version of the uniform national criteria (position paper ch. 6, 9.1). Versions never change; a new version is added
/// beside the old, and an assessment keeps the version it was scored against.
/// </summary>
public sealed record DosCriteriaCatalogue(int Version, string Name, DateOnly ValidFrom, IReadOnlyList<DosCriterion> Criteria)
{
    public const int MaxScore = 3;

    public static readonly IReadOnlyList<DosCriteriaCatalogue> All =
    [
        new(1, "Landelijke criteria DOS Plusflat 2026", new DateOnly(2026, 1, 1),
        [
            new("concentration", "Geconcentreerd wonen en voldoende schaal (toelatingspoort)", 2),
            new("standard", "Voldoet aan de musts van de productstandaard", 2),
            new("business-case", "Positieve businesscase: Wlz-zorg voorkomen, verminderen of uitstellen", 3),
            new("coalition", "Coalitie van gemeente, corporatie en zorgaanbieder met één formele indiener", 2),
            new("regional", "Regionale vaststelling van behoefte en voorwaarden", 1),
            new("financing", "Objectgebonden, meerjarige financiering met één contractpartij", 1),
            new("measurement", "Licht meetkader (3–5 indicatoren) met een nulmeting", 1),
            new("open-entry", "Voorkeursaanbieder met open instap en afspraken met andere aanbieders", 1),
        ]),
    ];

    public static DosCriteriaCatalogue Current(DateOnly today) =>
        All.Where(c => c.ValidFrom <= today).OrderByDescending(c => c.Version).FirstOrDefault() ?? All[0];

    public static DosCriteriaCatalogue OfVersion(int version) =>
        All.FirstOrDefault(c => c.Version == version) ?? throw new DomainException($"Versie {version} van de criteria bestaat niet.", "CatalogueVersion");

    public int MaxTotal => Criteria.Sum(c => c.Weight * MaxScore);
}

/// <summary>A criterion's score (0 onvoldoende, 1 zwak, 2 voldoende, 3 goed) with its justification.</summary>
public sealed record CriterionScore(string Key, int Score, string Justification);

/// <summary>The outcome of the scoring: complete when every criterion is scored; positive when none is insufficient and the weighted total reaches 60 %.</summary>
public sealed record DosScoring(bool Complete, int Total, int MaxTotal, IReadOnlyList<string> Unscored, IReadOnlyList<string> Insufficient)
{
    public const decimal PassShare = 0.6m;

    public bool Positive => Complete && Insufficient.Count == 0 && Total >= MaxTotal * PassShare;

    public static DosScoring Evaluate(DosCriteriaCatalogue catalogue, IReadOnlyList<CriterionScore> scores)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(scores);
        var byKey = scores.ToDictionary(s => s.Key, StringComparer.Ordinal);
        var unscored = catalogue.Criteria.Where(c => !byKey.ContainsKey(c.Key)).Select(c => c.Key).ToList();
        var insufficient = catalogue.Criteria.Where(c => byKey.TryGetValue(c.Key, out var s) && s.Score == 0).Select(c => c.Key).ToList();
        var total = catalogue.Criteria.Sum(c => byKey.TryGetValue(c.Key, out var s) ? s.Score * c.Weight : 0);
        return new DosScoring(unscored.Count == 0, total, catalogue.MaxTotal, unscored, insufficient);
    }

    /// <summary>Scores checked against the catalogue: known keys, once each, 0–3, a justification with every score. Every error at once.</summary>
    public static IReadOnlyList<CriterionScore> Checked(DosCriteriaCatalogue catalogue, IReadOnlyList<CriterionScore>? scores)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        var errors = new List<DomainError>();
        var result = new List<CriterionScore>();
        foreach (var score in scores ?? [])
        {
            var field = $"Scores[{score.Key}]";
            if (catalogue.Criteria.All(c => c.Key != score.Key))
            {
                errors.Add(new(field, $"'{score.Key}' is geen criterium van versie {catalogue.Version}."));
                continue;
            }

            if (result.Any(r => r.Key == score.Key))
            {
                errors.Add(new(field, "Elk criterium krijgt één score."));
                continue;
            }

            if (score.Score is < 0 or > DosCriteriaCatalogue.MaxScore)
            {
                errors.Add(new($"{field}.Score", "Een score is 0, 1, 2 of 3."));
                continue;
            }

            try
            {
                var justification = Guard.RequiredText(score.Justification, 1000, $"{field}.Justification", "De onderbouwing", multiline: true);
                result.Add(score with { Justification = justification });
            }
            catch (DomainException ex)
            {
                errors.AddRange(ex.Errors);
            }
        }

        if (errors.Count > 0)
        {
            throw new DomainException(errors);
        }

        return [.. catalogue.Criteria.Select(c => result.FirstOrDefault(r => r.Key == c.Key)).OfType<CriterionScore>()];
    }
}
