using System.Text.RegularExpressions;
using Plusflat.Domain.Common;

namespace Plusflat.Domain.Standard;

/// <summary>
/// One version of a programme's product standard: per domain the must, should and not items. A version never
/// changes once created; <see cref="Derive"/> makes the next one, and every assessment keeps the version it used.
/// Version 1 is seeded from the position paper (<see cref="DefaultName"/>).
/// </summary>
public sealed partial class StandardCatalogue : ITenantOwned
{
    public const string DefaultName = "Position paper Plusflat 2026";

    public const int NameMaxLength = 200;

    public const int KeyMaxLength = 60;

    public const int TextMaxLength = 500;

    public StandardCatalogue(Guid tenantId, int version, string name, IEnumerable<StandardItem> items, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(items);
        var list = items.ToList();
        var errors = new List<DomainError>();
        if (version < 1)
        {
            errors.Add(new DomainError(nameof(Version), "Het versienummer van de productstandaard moet minstens 1 zijn."));
        }

        var trimmedName = name?.Trim() ?? "";
        if (trimmedName.Length == 0)
        {
            errors.Add(new DomainError(nameof(Name), "Geef de versie van de productstandaard een naam."));
        }
        else if (trimmedName.Length > NameMaxLength)
        {
            errors.Add(new DomainError(nameof(Name), $"De naam mag hoogstens {NameMaxLength} tekens lang zijn."));
        }

        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (item, index) in list.Select((item, index) => (item, index)))
        {
            ArgumentNullException.ThrowIfNull(item);
            if (!KeyPattern().IsMatch(item.Key ?? "") || item.Key!.Length > KeyMaxLength)
            {
                errors.Add(new DomainError(KeyField(index), $"De sleutel '{item.Key}' is ongeldig: kleine letters, cijfers en streepjes, hoogstens {KeyMaxLength} tekens."));
            }
            else if (!keys.Add(item.Key))
            {
                errors.Add(new DomainError(nameof(Items), $"De sleutel '{item.Key}' komt meer dan eens voor."));
            }

            if (string.IsNullOrWhiteSpace(item.Text) || item.Text.Trim().Length > TextMaxLength)
            {
                errors.Add(new DomainError(TextField(index), $"De tekst van '{item.Key}' is leeg of langer dan {TextMaxLength} tekens."));
            }

            if (!Enum.IsDefined(item.Domain) || !Enum.IsDefined(item.Kind))
            {
                errors.Add(new DomainError(nameof(Items), $"Het domein of de soort van '{item.Key}' is onbekend."));
            }
        }

        if (!list.Any(i => i.Kind == StandardItemKind.Must))
        {
            errors.Add(new DomainError(nameof(Items), "Een productstandaard heeft minstens één must."));
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
        Items = [.. list.Select(i => i with { Text = i.Text.Trim() })];
    }

    private StandardCatalogue()
    {
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    /// <summary>The version's number within the programme (1, 2, ...); unique per tenant.</summary>
    public int Version { get; private set; }

    public string Name { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public IReadOnlyList<StandardItem> Items { get; private set; } = [];

    public StandardItem? Find(string key) => Items.FirstOrDefault(i => i.Key == key);

    /// <summary>The field an item's key or text is refused on, by its place in the list given (API: <c>items[0].key</c>); refusals about the list as a whole are on <see cref="Items"/>.</summary>
    public static string KeyField(int index) => $"Items[{index}].Key";

    public static string TextField(int index) => $"Items[{index}].Text";

    public static StandardCatalogue CreateDefault(Guid tenantId, DateTimeOffset now) => new(tenantId, 1, DefaultName, DefaultItems, now);

    /// <summary>The next version, with its own name and items (the programme's adaptation).</summary>
    public StandardCatalogue Derive(string name, IEnumerable<StandardItem> items, DateTimeOffset now) => new(TenantId, Version + 1, name, items, now);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KeyPattern();

    /// <summary>
    /// The position paper's table (ch. 5), one item per requirement so an assessment can name exactly what is
    /// missing. The wording follows the Dutch source.
    /// </summary>
    public static IReadOnlyList<StandardItem> DefaultItems { get; } =
    [
        new("wonen-seniorenprofiel", StandardDomain.Housing, StandardItemKind.Must,
            "Het wooncomplex heeft overwegend 65-plussers of een aantoonbaar seniorenprofiel."),
        new("wonen-toegankelijk", StandardDomain.Housing, StandardItemKind.Must,
            "Het wooncomplex is goed toegankelijk."),
        new("wonen-ontmoetingsruimte", StandardDomain.Housing, StandardItemKind.Must,
            "Er is een bruikbare gemeenschappelijke ruimte voor ontmoeting en activiteiten."),
        new("wonen-werkplek-logistiek", StandardDomain.Housing, StandardItemKind.Should,
            "Een werkplek of steunpunt voor het team, duidelijke logistiek (scootmobiel, veiligheid) en koppeling met wijkvoorzieningen waar passend."),
        new("wonen-alleen-geclusterd", StandardDomain.Housing, StandardItemKind.Not,
            "Alleen ‘geclusterd wonen’ zonder structurele ontmoetingsfunctie als onderdeel van het arrangement."),

        new("doelgroep-mix", StandardDomain.TargetGroup, StandardItemKind.Must,
            "Een mix van vitale ouderen en bewoners met een lichte tot matige ondersteunings- of zorgvraag."),
        new("doelgroep-instroomprotocol", StandardDomain.TargetGroup, StandardItemKind.Must,
            "Een instroom- en communicatieprotocol dat past bij het concept: heldere verwachtingen en een route bij toenemende kwetsbaarheid."),
        new("doelgroep-toewijzingsafspraken", StandardDomain.TargetGroup, StandardItemKind.Should,
            "Toewijzings- en instroomafspraken met corporatie en gemeente om bewonersmix, leefbaarheid en veiligheid te borgen."),
        new("doelgroep-intramuraal", StandardDomain.TargetGroup, StandardItemKind.Not,
            "Intramurale of verpleeghuislogica (niet zelfstandig wonen)."),
        new("doelgroep-zelfvoorzienend", StandardDomain.TargetGroup, StandardItemKind.Not,
            "Bewoners organiseren overwegend zelfvoorzienend activiteiten en er wordt nauwelijks (Wlz-)zorg thuis geleverd."),

        new("organisatie-driehoek", StandardDomain.Organisation, StandardItemKind.Must,
            "De organiserende partij (preferente aanbieder) werkt aantoonbaar in een gelijkwaardige driehoek met gemeente/welzijn en corporatie, met expliciete afspraken over rollen, mandaat en besluitvorming op complexniveau."),
        new("organisatie-zvw-wlz", StandardDomain.Organisation, StandardItemKind.Must,
            "Waar nodig vanuit de cliënt is geborgd dat de organiserende partij ook de Zvw- en Wlz-zorg kan leveren."),
        new("organisatie-bewonersstem", StandardDomain.Organisation, StandardItemKind.Must,
            "De bewonersstem is herkenbaar geborgd in de uitvoering en de complexregie."),
        new("organisatie-open-instap", StandardDomain.Organisation, StandardItemKind.Should,
            "Een open-instapmodel met expliciete spelregels voor afstemming, overdracht en informatie-uitwisseling tussen aanbieders."),
        new("organisatie-versnippering", StandardDomain.Organisation, StandardItemKind.Not,
            "Vrijblijvende versnippering zonder vaste aanspreekpunten en zonder afgesproken overdracht (‘ieder voor zich’)."),
        new("organisatie-geen-mandaat", StandardDomain.Organisation, StandardItemKind.Not,
            "Alleen losse activiteiten zonder organiserende partij of mandaat."),

        new("preventie-signaleringsoverleg", StandardDomain.Prevention, StandardItemKind.Must,
            "Een structureel vroegsignaleringsoverleg (wonen-welzijn-zorg) met duidelijke escalatielijnen: wie signaleert, wie schakelt, wie beslist en hoe en wanneer wordt opgeschaald."),
        new("preventie-plus-laag", StandardDomain.Prevention, StandardItemKind.Must,
            "De plus-laag bestaat minimaal uit community building, vroegsignalering en vaste afstemming en escalatielijnen tussen partners."),
        new("preventie-ontmoeting-activiteit", StandardDomain.Prevention, StandardItemKind.Must,
            "Ontmoeting én activiteit zijn expliciet onderdeel van het werkzame mechanisme (niet alleen ‘ruimte beschikbaar’)."),
        new("preventie-reablement", StandardDomain.Prevention, StandardItemKind.Should,
            "Reablement en zelfredzaamheid zijn expliciet onderdeel van de werkwijze."),
        new("preventie-bewonersparticipatie", StandardDomain.Prevention, StandardItemKind.Should,
            "Bewoners doen mee in de programmering van activiteiten."),
        new("preventie-alleen-zorg", StandardDomain.Prevention, StandardItemKind.Not,
            "Alleen zorglevering (VPT/MPT) zonder ontmoeting, preventie en vroegsignalering als complexmechanisme."),

        new("governance-samenwerkingsovereenkomst", StandardDomain.Governance, StandardItemKind.Must,
            "Eén samenwerkingsovereenkomst met mandaat en rollen, afspraken over datadeling en een jaarlijkse evaluatie op een kleine set uitkomsten."),
        new("governance-minimale-dataset", StandardDomain.Governance, StandardItemKind.Should,
            "Een minimale dataset (3–5 indicatoren) met een nulmeting per wooncomplex, domeinoverstijgend."),
        new("governance-kwartaalreview", StandardDomain.Governance, StandardItemKind.Should,
            "Een vaste kwartaalreview op hoofdlijnen."),
        new("governance-geen-sturing", StandardDomain.Governance, StandardItemKind.Not,
            "Alleen een ontmoetingsruimte of activiteiten zonder mandaat, overlegstructuur en sturing."),
        new("governance-particulier-pakket", StandardDomain.Governance, StandardItemKind.Not,
            "Particuliere serviceflatpakketten zonder inbedding in het publieke stelsel."),
    ];
}
