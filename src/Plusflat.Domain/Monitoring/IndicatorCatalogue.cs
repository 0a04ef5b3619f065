using System.Text.RegularExpressions;
using Plusflat.Domain.Common;

namespace Plusflat.Domain.Monitoring;

/// <summary>
/// One version of a programme's minimal dataset: 3 to 8 indicators. A version never changes once created;
/// <see cref="Derive"/> makes the next one. Version 1 is seeded from the position paper's annex A.
/// </summary>
public sealed partial class IndicatorCatalogue : ITenantOwned
{
    public const string DefaultName = "Position paper Plusflat 2026 — bijlage A";

    public const int NameMaxLength = 200;

    public const int KeyMaxLength = 60;

    public const int TextMaxLength = 500;

    public const int MinimumCount = 3;

    public const int MaximumCount = 8;

    public IndicatorCatalogue(Guid tenantId, int version, string name, IEnumerable<Indicator> indicators, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(indicators);
        var list = indicators.ToList();
        var errors = new List<DomainError>();
        if (version < 1)
        {
            errors.Add(new DomainError(nameof(Version), "Het versienummer van de dataset moet minstens 1 zijn."));
        }

        var trimmedName = PlainText.Normalise(name) ?? "";
        if (trimmedName.Length is 0 or > NameMaxLength)
        {
            errors.Add(new DomainError(nameof(Name), $"Geef de versie van de dataset een naam van hoogstens {NameMaxLength} tekens."));
        }

        if (list.Count is < MinimumCount or > MaximumCount)
        {
            errors.Add(new DomainError(nameof(Indicators), $"Een minimale dataset heeft {MinimumCount} tot en met {MaximumCount} indicatoren, niet {list.Count}."));
        }

        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var indicator in list)
        {
            ArgumentNullException.ThrowIfNull(indicator);
            if (!KeyPattern().IsMatch(indicator.Key ?? "") || indicator.Key!.Length > KeyMaxLength)
            {
                errors.Add(new DomainError(nameof(Indicators), $"De sleutel '{indicator.Key}' is ongeldig: kleine letters, cijfers en streepjes, hoogstens {KeyMaxLength} tekens."));
            }
            else if (!keys.Add(indicator.Key))
            {
                errors.Add(new DomainError(nameof(Indicators), $"De sleutel '{indicator.Key}' komt meer dan eens voor."));
            }

            if (new[] { indicator.Name, indicator.Unit, indicator.Definition, indicator.Source }.Any(t => string.IsNullOrWhiteSpace(t) || t.Trim().Length > TextMaxLength))
            {
                errors.Add(new DomainError(nameof(Indicators), $"Naam, eenheid, definitie en bron van '{indicator.Key}' zijn verplicht en hoogstens {TextMaxLength} tekens."));
            }

            if (!Enum.IsDefined(indicator.Direction))
            {
                errors.Add(new DomainError(nameof(Indicators), $"De richting van '{indicator.Key}' is onbekend."));
            }

            if (indicator.Minimum >= indicator.Maximum)
            {
                errors.Add(new DomainError(nameof(Indicators), $"Het bereik van '{indicator.Key}' is leeg: het minimum moet kleiner zijn dan het maximum."));
            }
        }

        if (errors.Count > 0)
        {
            throw new DomainException(errors);
        }

        Id = Guid.CreateVersion7();
        TenantId = tenantId;
        Version = version;
        Name = trimmedName;
        CreatedAt = now;
        Indicators = [.. list.Select(i => i with { Name = i.Name.Trim(), Unit = i.Unit.Trim(), Definition = i.Definition.Trim(), Source = i.Source.Trim() })];
    }

    private IndicatorCatalogue()
    {
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    /// <summary>The version's number within the programme (1, 2, ...); unique per tenant.</summary>
    public int Version { get; private set; }

    public string Name { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public IReadOnlyList<Indicator> Indicators { get; private set; } = [];

    public Indicator? Find(string? key) => Indicators.FirstOrDefault(i => string.Equals(i.Key, key, StringComparison.Ordinal));

    /// <summary>By key, or by name as people write it in a sheet (case and surrounding spaces ignored).</summary>
    public Indicator? FindByKeyOrName(string? text)
    {
        var trimmed = text?.Trim() ?? "";
        return Indicators.FirstOrDefault(i => string.Equals(i.Key, trimmed, StringComparison.OrdinalIgnoreCase))
            ?? Indicators.FirstOrDefault(i => string.Equals(i.Name, trimmed, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// Checks a set of values against this version: each key known and once, each value in range. Every problem at
    /// once, at the field <c>Values[key]</c> (or <c>Values</c> for an unknown key).
    /// </summary>
    public void Check(IReadOnlyCollection<IndicatorValue> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var errors = new List<DomainError>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            if (Find(value.Key) is not { } indicator)
            {
                errors.Add(new DomainError("Values", $"De indicator '{value.Key}' staat niet in de dataset (versie {Version})."));
            }
            else if (!seen.Add(value.Key))
            {
                errors.Add(new DomainError(ValueField(value.Key), $"{indicator.Name} staat er meer dan eens in."));
            }
            else if (indicator.Problem(value.Value) is { } problem)
            {
                errors.Add(new DomainError(ValueField(value.Key), problem));
            }
        }

        if (errors.Count > 0)
        {
            throw new DomainException(errors);
        }
    }

    public static string ValueField(string key) => $"Values[{key}]";

    public static IndicatorCatalogue CreateDefault(Guid tenantId, DateTimeOffset now) => new(tenantId, 1, DefaultName, DefaultIndicators, now);

    public IndicatorCatalogue Derive(string name, IEnumerable<Indicator> indicators, DateTimeOffset now) => new(TenantId, Version + 1, name, indicators, now);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KeyPattern();

    /// <summary>
    /// Annex A of the position paper, one indicator per line there (team stability split in absenteeism and turnover,
    /// the two figures a team reports). Counts are per 100 residents per quarter, so complexes of different size compare.
    /// </summary>
    public static IReadOnlyList<Indicator> DefaultIndicators { get; } =
    [
        new("wlz-instroom", "Wlz-instroom / verpleeghuisopnames", "per 100 bewoners per kwartaal", IndicatorDirection.LowerIsBetter,
            "Bewoners die in het kwartaal een Wlz-indicatie kregen voor opname of naar een verpleeghuis verhuisden (uitstel of afstel), per 100 bewoners; definitie per regio af te stemmen.",
            "Zorgkantoor (Wlz-indicaties, CIZ) en zorgaanbieder", 0m, 100m),
        new("huisartsbezoeken", "Huisartsbezoeken", "per 100 bewoners per kwartaal", IndicatorDirection.LowerIsBetter,
            "Consulten en visites van de huisarts bij bewoners in het kwartaal, per 100 bewoners.",
            "Huisartsenpraktijk of zorggroep", 0m, 10000m),
        new("acute-zorg", "Crisisopnames en SEH-bezoeken", "per 100 bewoners per kwartaal", IndicatorDirection.LowerIsBetter,
            "Crisisopnames en bezoeken aan de spoedeisende hulp van bewoners in het kwartaal, per 100 bewoners (proxy voor escalatie).",
            "Ziekenhuis, huisartsenpost en zorgaanbieder", 0m, 1000m),
        new("valincidenten", "Valincidenten", "per 100 bewoners per kwartaal", IndicatorDirection.LowerIsBetter,
            "Gemelde valincidenten van bewoners in het kwartaal, per 100 bewoners; waar registratie mogelijk is.",
            "Incidentregistratie van de zorgaanbieder", 0m, 1000m),
        new("mentaal-welzijn", "Eenzaamheid en mentaal welzijn", "gemiddelde score 0–10", IndicatorDirection.HigherIsBetter,
            "Gemiddelde score op een korte vragenlijst naar eenzaamheid en mentaal welzijn onder bewoners (0 = zeer slecht, 10 = zeer goed).",
            "Korte bewonersvragenlijst of bestaande monitordata (GGD)", 0m, 10m),
        new("team-verzuim", "Verzuim flatteam", "% van de contracturen", IndicatorDirection.LowerIsBetter,
            "Ziekteverzuim van de vaste medewerkers van het flatteam in het kwartaal, als percentage van hun contracturen (randvoorwaardelijke KPI).",
            "Personeelsadministratie van de partners in het flatteam", 0m, 100m),
        new("team-verloop", "Verloop flatteam", "% van de vaste teamleden", IndicatorDirection.LowerIsBetter,
            "Vaste teamleden die in het kwartaal het flatteam verlieten, als percentage van het aantal vaste teamleden (randvoorwaardelijke KPI).",
            "Personeelsadministratie van de partners in het flatteam", 0m, 100m),
    ];
}
