using Plusflat.Domain.Common;
using Plusflat.Domain.Organisations;

namespace Plusflat.Domain.Partners;

/// <summary>The three weighing aspects of the Toewijzingskader (2.3): they compare candidates that meet every hard criterion.</summary>
public enum WeighingAspect
{
    KnownInNeighbourhood,
    GpFirstLineAgreements,
    IntramuralLocationNearby,
}

/// <summary>The four steps of choosing the preferred care provider with the residents (Toewijzingskader 2.3).</summary>
public enum SelectionStep
{
    ExploreWithResidents,
    JointAmbitionPlanAndBudget,
    IntroduceProviderToResidents,
    InformNeighbourhoodPartners,
}

/// <summary>The five rules of open entry (annex B) that other care providers in the complex agree to.</summary>
public enum OpenEntryRule
{
    OneContactPerson,
    ShareEssentialInformation,
    CoordinateOnChange,
    JoinCaseMeetings,
    HandoverProtocol,
}

/// <summary>A weighing aspect scored 0..3 for a candidate, with why.</summary>
public sealed record AspectScore(WeighingAspect Aspect, int Score, string Justification);

/// <summary>
/// A care provider considered as preferred provider for this complex: the two hard criteria that are agreements per
/// complex (committed to the programme's goals; cooperates in handing clients over to other Plusflats' preferred
/// providers) and the scored weighing aspects. The other hard criteria are facts of the organisation (<see cref="CareProviderFacts"/>).
/// </summary>
public sealed record ProviderCandidate(Guid OrganisationId, bool CommittedToGoals, bool CooperatesInHandover, IReadOnlyList<AspectScore> Scores)
{
    public int TotalScore => Scores.Sum(s => s.Score);
}

/// <summary>What the residents said: when and how they were consulted, what they find important, objections and the answers to them.</summary>
public sealed record ResidentsVoice(DateOnly? ConsultedOn, string? How, string? Priorities, string? Objections, string? Answers)
{
    public static readonly ResidentsVoice None = new(null, null, null, null, null);
}

/// <summary>Another care provider active in the complex under open entry: its contact person and the rules agreed.</summary>
public sealed record OpenEntryProvider(Guid OrganisationId, string ContactPerson, IReadOnlyList<OpenEntryRule> AgreedRules);

/// <summary>
/// How a complex chose its preferred care provider: the candidates compared, the residents' voice, the four steps and
/// the open-entry agreements with other providers. The choice itself is the complex's partner (one place for that fact);
/// <see cref="PreferredProviderRule"/> says whether a candidate may be chosen.
/// </summary>
public sealed class PartnerSelection : ITenantOwned
{
    public const int TextMaxLength = 2000;

    public const int MaxScore = 3;

    public PartnerSelection(Guid tenantId, Guid complexId)
    {
        Id = Guid.CreateVersion7();
        TenantId = tenantId;
        ComplexId = complexId;
    }

    private PartnerSelection()
    {
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid ComplexId { get; private set; }

    public IReadOnlyList<ProviderCandidate> Candidates { get; private set; } = [];

    public ResidentsVoice Residents { get; private set; } = ResidentsVoice.None;

    /// <summary>The date each step was done; a step not in here is not done yet.</summary>
    public IReadOnlyDictionary<SelectionStep, DateOnly> Steps { get; private set; } = new Dictionary<SelectionStep, DateOnly>();

    public IReadOnlyList<OpenEntryProvider> OpenEntry { get; private set; } = [];

    public uint Version { get; private set; }

    /// <summary>
    /// Records the whole procedure at once, refusing every problem together: a candidate or open-entry provider twice,
    /// a score outside 0..3 or without justification, a date in the future, text too long.
    /// </summary>
    public void Record(IReadOnlyList<ProviderCandidate> candidates, ResidentsVoice residents, IReadOnlyDictionary<SelectionStep, DateOnly> steps,
        IReadOnlyList<OpenEntryProvider> openEntry, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(residents);
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(openEntry);
        var errors = new List<DomainError>();

        var seen = new HashSet<Guid>();
        var cleanCandidates = new List<ProviderCandidate>();
        for (var i = 0; i < candidates.Count; i++)
        {
            var candidate = candidates[i];
            if (!seen.Add(candidate.OrganisationId))
            {
                errors.Add(new DomainError($"Candidates[{i}].OrganisationId", "Deze zorgaanbieder staat al bij de kandidaten."));
            }

            var scores = new List<AspectScore>();
            foreach (var aspect in Enum.GetValues<WeighingAspect>())
            {
                var score = candidate.Scores.FirstOrDefault(s => s.Aspect == aspect);
                if (score is null)
                {
                    continue;
                }

                var field = $"Candidates[{i}].{aspect}";
                if (score.Score is < 0 or > MaxScore)
                {
                    errors.Add(new DomainError(field, $"Geef een score van 0 tot en met {MaxScore}."));
                }

                var justification = Text(score.Justification, field + "Justification", errors);
                if (justification is null)
                {
                    errors.Add(new DomainError(field + "Justification", "Licht de score toe: waarom deze score?"));
                }

                scores.Add(score with { Justification = justification ?? "" });
            }

            cleanCandidates.Add(candidate with { Scores = scores });
        }

        var cleanResidents = new ResidentsVoice(
            residents.ConsultedOn,
            Text(residents.How, "Residents.How", errors),
            Text(residents.Priorities, "Residents.Priorities", errors),
            Text(residents.Objections, "Residents.Objections", errors),
            Text(residents.Answers, "Residents.Answers", errors));
        if (residents.ConsultedOn > today)
        {
            errors.Add(new DomainError("Residents.ConsultedOn", "De raadpleging kan niet in de toekomst liggen."));
        }

        if (cleanResidents.Objections is not null && cleanResidents.Answers is null)
        {
            errors.Add(new DomainError("Residents.Answers", "Schrijf op hoe op de bezwaren van bewoners is gereageerd."));
        }

        foreach (var (step, date) in steps)
        {
            if (date > today)
            {
                errors.Add(new DomainError($"Steps.{step}", "Een stap kan niet in de toekomst zijn gezet."));
            }
        }

        var providers = new HashSet<Guid>();
        var cleanOpenEntry = new List<OpenEntryProvider>();
        for (var i = 0; i < openEntry.Count; i++)
        {
            var provider = openEntry[i];
            if (!providers.Add(provider.OrganisationId))
            {
                errors.Add(new DomainError($"OpenEntry[{i}].OrganisationId", "Deze zorgaanbieder staat al op de lijst."));
            }

            var contact = Text(provider.ContactPerson, $"OpenEntry[{i}].ContactPerson", errors, 200);
            if (contact is null)
            {
                errors.Add(new DomainError($"OpenEntry[{i}].ContactPerson", "Vul de vaste contactpersoon voor dit complex in (de eerste afspraak van open instap)."));
            }

            cleanOpenEntry.Add(provider with { ContactPerson = contact ?? "", AgreedRules = [.. provider.AgreedRules.Distinct().Order()] });
        }

        if (errors.Count > 0)
        {
            throw new DomainException(errors);
        }

        Candidates = cleanCandidates;
        Residents = cleanResidents;
        Steps = new Dictionary<SelectionStep, DateOnly>(steps);
        OpenEntry = cleanOpenEntry;
    }

    public ProviderCandidate? CandidateOf(Guid organisationId) => Candidates.FirstOrDefault(c => c.OrganisationId == organisationId);

    /// <summary>Normalised (NFC, trimmed; empty is null); refused with control or bidi characters or beyond <paramref name="max"/>.</summary>
    private static string? Text(string? value, string field, List<DomainError> errors, int max = TextMaxLength)
    {
        var text = string.IsNullOrWhiteSpace(value) ? null : PlainText.Normalise(value);
        if (PlainText.Problem(text, multiline: max == TextMaxLength) is { } problem)
        {
            errors.Add(new DomainError(field, problem));
        }
        else if (text is { Length: var length } && length > max)
        {
            errors.Add(new DomainError(field, $"Hoogstens {max} tekens."));
        }

        return text;
    }
}

/// <summary>
/// Whether a care provider may be the complex's preferred provider: every hard criterion of the Toewijzingskader
/// (2.3). Five are facts of the organisation, two are agreements recorded for this complex's candidate.
/// </summary>
public static class PreferredProviderRule
{
    public const string NotACandidate = "Staat niet bij de kandidaten van dit complex: leg eerst vast of de aanbieder zich verbindt aan de doelen en meewerkt aan overdracht.";
    public const string NoFacts = "Van deze organisatie is niet vastgelegd wat zij levert (wijkverpleging, MPT, VPT, casemanagers dementie, contract met het zorgkantoor).";
    public const string NotCommitted = "Verbindt zich niet aan de doelen van het programma";
    public const string NoHandover = "Werkt niet mee aan de overdracht van cliënten naar de voorkeursaanbieder van andere Plusflats";

    /// <summary>
    /// Why this provider cannot be chosen as preferred provider, naming every hard criterion it fails; null when it may be.
    /// The one refusal for every place that chooses a preferred provider (the partner choice, the complex's facts).
    /// </summary>
    public static string? Refusal(CareProviderFacts? facts, ProviderCandidate? candidate) =>
        Failing(facts, candidate) is { Count: > 0 } failing
            ? "Deze zorgaanbieder kan geen voorkeursaanbieder worden: " + string.Join("; ", failing) + "."
            : null;

    /// <summary>The hard criteria the provider fails, in Dutch, in the framework's order; empty when it may be chosen.</summary>
    public static IReadOnlyList<string> Failing(CareProviderFacts? facts, ProviderCandidate? candidate)
    {
        var failing = new List<string>();
        if (facts is null)
        {
            failing.Add(NoFacts);
        }
        else
        {
            failing.AddRange(facts.MissingHardCriteria);
        }

        if (candidate is null)
        {
            failing.Add(NotACandidate);
            return failing;
        }

        if (!candidate.CommittedToGoals)
        {
            failing.Add(NotCommitted);
        }

        if (!candidate.CooperatesInHandover)
        {
            failing.Add(NoHandover);
        }

        return failing;
    }
}

/// <summary>Dutch names for the partner choice's enums.</summary>
public static class PartnerNames
{
    public static string Of(WeighingAspect aspect) => aspect switch
    {
        WeighingAspect.KnownInNeighbourhood => "Bekend in de buurt",
        WeighingAspect.GpFirstLineAgreements => "Samenwerkingsafspraken met huisartsen en eerste lijn",
        WeighingAspect.IntramuralLocationNearby => "Intramurale locatie in de buurt",
        _ => throw new ArgumentOutOfRangeException(nameof(aspect), aspect, null),
    };

    public static string Of(SelectionStep step) => step switch
    {
        SelectionStep.ExploreWithResidents => "Verkennen met bewoners",
        SelectionStep.JointAmbitionPlanAndBudget => "Gezamenlijke ambitie, plan en begroting",
        SelectionStep.IntroduceProviderToResidents => "Aanbieder voorstellen aan bewoners (bezwaren horen)",
        SelectionStep.InformNeighbourhoodPartners => "Buurtpartners informeren",
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, null),
    };

    public static string Of(OpenEntryRule rule) => rule switch
    {
        OpenEntryRule.OneContactPerson => "Eén vaste contactpersoon voor dit complex",
        OpenEntryRule.ShareEssentialInformation => "Essentiële informatie delen voor veiligheid en continuïteit (met toestemming)",
        OpenEntryRule.CoordinateOnChange => "Afstemmen bij verandering (toenemende zorgvraag, ontslag uit ziekenhuis, val)",
        OpenEntryRule.JoinCaseMeetings => "Op afroep aansluiten bij casusoverleg",
        OpenEntryRule.HandoverProtocol => "Overdrachtsprotocol bij wisseling, tijdelijke overname of nood",
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, null),
    };
}
