using Plusflat.Domain.Common;

namespace Plusflat.Domain.Monitoring;

/// <summary>The outcome of an annual evaluation (position paper ch. 5: continue, adjust, redesign, or end the label).</summary>
public enum EvaluationDecision
{
    Continue = 1,
    Adjust = 2,
    Redesign = 3,

    /// <summary>End the Plusflat label for this complex: the only way a label ends (<see cref="DosApplications.DosApplication.EndLabel"/>).</summary>
    EndLabel = 4,
}

/// <summary>One question of the drift check: does the complex slide towards "mini nursing home" logic?</summary>
public sealed record DriftItem(string Key, string Question);

/// <summary>The answer to one drift question: observed or not, and why (required when observed).</summary>
public sealed record DriftAnswer(string Key, bool Observed, string? Explanation);

/// <summary>A drift answer as typed: <see cref="Observed"/> null when the question was left open.</summary>
public sealed record DriftAnswerDraft(string Key, bool? Observed, string? Explanation);

/// <summary>The evaluators' judgement of one indicator's outcome, beside the computed trend.</summary>
public sealed record IndicatorJudgement(string Key, string Comment);

/// <summary>The year already has its evaluation: a second one is a conflict.</summary>
public sealed class EvaluationAlreadyRecordedException(int year)
    : Exception($"Het jaar {year} is al geëvalueerd: er is per jaar één jaarevaluatie.")
{
    public int Year { get; } = year;
}

/// <summary>
/// The mandatory annual evaluation of a complex with the governance partners (position paper ch. 5 and annex A): the
/// outcome per indicator (computed from the values, see <see cref="EvaluationOutcome"/>, with the evaluators' comment),
/// the drift check against intramural, care-only logic, and the decision. A drift observed rules out "continue"; ending
/// the label needs a reason. One per complex and calendar year, from the baseline's year on.
/// </summary>
public sealed class AnnualEvaluation : ITenantOwned
{
    public const int ParticipantsMaxLength = 1000;

    public const int TextMaxLength = 2000;

    public const int CommentMaxLength = 1000;

    /// <summary>The drift check (position paper ch. 5, "niet"-column and the mandate's condition), in the order the form asks it.</summary>
    public static IReadOnlyList<DriftItem> DriftItems { get; } =
    [
        new("intramurale-logica", "Verschuift de uitvoering naar intramurale logica (verpleeghuislogica in plaats van zelfstandig wonen)?"),
        new("alleen-zorg", "Is er alleen nog zorglevering (VPT/MPT) zonder ontmoeting, preventie en vroegsignalering als mechanisme van het complex?"),
        new("bewonersmix", "Is de mix van vitale en kwetsbare bewoners verloren (vooral zware zorgvraag bij instroom)?"),
    ];

    /// <param name="evaluatedYears">The years of this complex that already have an evaluation.</param>
    public AnnualEvaluation(Guid tenantId, Guid complexId, MonitoringBaseline? baseline, IndicatorCatalogue catalogue, int year, DateOnly? heldOn,
        string? participants, IReadOnlyList<IndicatorJudgement>? judgements, IReadOnlyList<DriftAnswerDraft>? drift, EvaluationDecision? decision,
        string? reason, IEnumerable<int> evaluatedYears, DateOnly today, string by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(evaluatedYears);
        if (baseline is not null && baseline.ComplexId != complexId)
        {
            throw new ArgumentException("The baseline belongs to another complex.", nameof(baseline));
        }

        if (evaluatedYears.Contains(year))
        {
            throw new EvaluationAlreadyRecordedException(year);
        }

        string checkedParticipants = "";
        string? checkedReason = null;
        IReadOnlyList<IndicatorJudgement> checkedJudgements = [];
        IReadOnlyList<DriftAnswer> checkedDrift = [];
        DomainException.ThrowAll(
            () => CheckYear(baseline, year, today),
            () => CheckHeldOn(year, heldOn, today),
            () => checkedParticipants = Guard.RequiredText(participants, ParticipantsMaxLength, nameof(Participants), "De deelnemers", multiline: true),
            () => checkedJudgements = CheckJudgements(catalogue, judgements ?? []),
            () => checkedDrift = CheckDrift(drift ?? []),
            () => checkedReason = CheckDecision(decision, reason, checkedDrift));

        Id = Guid.CreateVersion7();
        TenantId = tenantId;
        ComplexId = complexId;
        Year = year;
        HeldOn = heldOn!.Value;
        Participants = checkedParticipants;
        Judgements = checkedJudgements;
        Drift = checkedDrift;
        Decision = decision!.Value;
        Reason = checkedReason;
        RecordedAt = now;
        RecordedBy = by;
    }

    private AnnualEvaluation()
    {
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid ComplexId { get; private set; }

    /// <summary>The calendar year evaluated (its four quarters).</summary>
    public int Year { get; private set; }

    public DateOnly HeldOn { get; private set; }

    public string Participants { get; private set; } = "";

    /// <summary>Comments per indicator (only those the evaluators wrote one for).</summary>
    public IReadOnlyList<IndicatorJudgement> Judgements { get; private set; } = [];

    /// <summary>Every drift question answered, in <see cref="DriftItems"/> order.</summary>
    public IReadOnlyList<DriftAnswer> Drift { get; private set; } = [];

    public EvaluationDecision Decision { get; private set; }

    /// <summary>Why (required when the label is ended).</summary>
    public string? Reason { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public string RecordedBy { get; private set; } = "";

    public bool DriftObserved => Drift.Any(d => d.Observed);

    public static string Name(EvaluationDecision decision) => decision switch
    {
        EvaluationDecision.Continue => "Voortzetten",
        EvaluationDecision.Adjust => "Bijstellen",
        EvaluationDecision.Redesign => "Herontwerpen",
        EvaluationDecision.EndLabel => "Label beëindigen",
        _ => decision.ToString(),
    };

    /// <summary>A year may be evaluated once the baseline exists, from the baseline's year up to the current year (the evaluation is often held in its last quarter).</summary>
    public static void CheckYear(MonitoringBaseline? baseline, int year, DateOnly today)
    {
        if (baseline is null)
        {
            throw new DomainException("Leg eerst de nulmeting van dit wooncomplex vast: de evaluatie vergelijkt met de nulmeting.", nameof(Year));
        }

        if (year < baseline.MeasuredOn.Year)
        {
            throw new DomainException($"{year} ligt vóór de nulmeting ({baseline.MeasuredOn:dd-MM-yyyy}).", nameof(Year));
        }

        if (year > today.Year)
        {
            throw new DomainException($"{year} is nog niet begonnen.", nameof(Year));
        }
    }

    private static void CheckHeldOn(int year, DateOnly? heldOn, DateOnly today)
    {
        if (heldOn is not { } on)
        {
            throw new DomainException("Vul de datum van de evaluatie in.", nameof(HeldOn));
        }

        if (on > today)
        {
            throw new DomainException("De evaluatie kan niet in de toekomst zijn gehouden.", nameof(HeldOn));
        }

        if (on.Year < year)
        {
            throw new DomainException($"De evaluatie van {year} wordt in of na {year} gehouden.", nameof(HeldOn));
        }
    }

    private static List<IndicatorJudgement> CheckJudgements(IndicatorCatalogue catalogue, IReadOnlyList<IndicatorJudgement> judgements)
    {
        var errors = new List<DomainError>();
        var result = new List<IndicatorJudgement>();
        foreach (var judgement in judgements)
        {
            var field = $"{nameof(Judgements)}[{judgement.Key}]";
            if (catalogue.Find(judgement.Key) is null)
            {
                errors.Add(new DomainError(nameof(Judgements), $"De indicator '{judgement.Key}' staat niet in de dataset (versie {catalogue.Version})."));
                continue;
            }

            if (result.Any(r => r.Key == judgement.Key))
            {
                errors.Add(new DomainError(field, "Geef per indicator één oordeel."));
                continue;
            }

            try
            {
                if (Guard.OptionalText(judgement.Comment, CommentMaxLength, field, "Het oordeel", multiline: true) is { } text)
                {
                    result.Add(new IndicatorJudgement(judgement.Key, text));
                }
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

        return result;
    }

    private static List<DriftAnswer> CheckDrift(IReadOnlyList<DriftAnswerDraft> drafts)
    {
        var errors = new List<DomainError>();
        foreach (var unknown in drafts.Where(d => DriftItems.All(i => i.Key != d.Key)))
        {
            errors.Add(new DomainError(nameof(Drift), $"De vraag '{unknown.Key}' hoort niet bij de toets op verpleeghuislogica."));
        }

        var answers = new List<DriftAnswer>();
        foreach (var item in DriftItems)
        {
            var field = $"{nameof(Drift)}[{item.Key}]";
            var given = drafts.Where(d => d.Key == item.Key).ToList();
            if (given.Count > 1)
            {
                errors.Add(new DomainError(field, "Beantwoord elke vraag één keer."));
                continue;
            }

            if (given.FirstOrDefault() is not { Observed: { } observed } draft)
            {
                errors.Add(new DomainError(field, "Beantwoord deze vraag met ja of nee."));
                continue;
            }

            try
            {
                var explanation = observed
                    ? Guard.RequiredText(draft.Explanation, TextMaxLength, field + ".Explanation", "De toelichting bij een vastgestelde verschuiving", multiline: true)
                    : Guard.OptionalText(draft.Explanation, TextMaxLength, field + ".Explanation", "De toelichting", multiline: true);
                answers.Add(new DriftAnswer(item.Key, observed, explanation));
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

        return answers;
    }

    private static string? CheckDecision(EvaluationDecision? decision, string? reason, IReadOnlyList<DriftAnswer> drift)
    {
        if (decision is not { } chosen || !Enum.IsDefined(chosen))
        {
            throw new DomainException("Kies het besluit: voortzetten, bijstellen, herontwerpen of het label beëindigen.", nameof(Decision));
        }

        if (chosen == EvaluationDecision.Continue && drift.Any(d => d.Observed))
        {
            throw new DomainException(
                "Er is een verschuiving naar verpleeghuislogica vastgesteld: kies bijstellen, herontwerpen of het label beëindigen, niet voortzetten.", nameof(Decision));
        }

        return chosen == EvaluationDecision.EndLabel
            ? Guard.RequiredText(reason, TextMaxLength, nameof(Reason), "De reden om het label te beëindigen", multiline: true)
            : Guard.OptionalText(reason, TextMaxLength, nameof(Reason), "De motivering", multiline: true);
    }
}

/// <summary>One indicator's outcome over an evaluated year: the baseline, the year's average over the quarters that have a value, and the change.</summary>
public sealed record IndicatorOutcome(string Key, decimal? Baseline, decimal? YearAverage, int QuartersWithValue, Change VersusBaseline);

/// <summary>The outcome part of an annual evaluation, computed from the stored values (never typed, never stored).</summary>
public static class EvaluationOutcome
{
    /// <summary>
    /// Per indicator of the catalogue: the mean of <paramref name="year"/>'s quarterly values (quarters without a value for
    /// it left out; rounded to two decimals, half away from zero) against the baseline, read with the indicator's direction.
    /// </summary>
    public static IReadOnlyList<IndicatorOutcome> For(IndicatorCatalogue catalogue, MonitoringBaseline baseline, IEnumerable<QuarterlyValues> quarters, int year)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(quarters);
        var ofYear = quarters.Where(q => q.Quarter.Year == year).ToList();
        return [.. catalogue.Indicators.Select(i =>
        {
            var values = ofYear.Select(q => q.ValueOf(i.Key)).OfType<decimal>().ToList();
            decimal? average = values.Count == 0 ? null : decimal.Round(values.Average(), 2, MidpointRounding.AwayFromZero);
            var before = baseline.ValueOf(i.Key);
            return new IndicatorOutcome(i.Key, before, average, values.Count, IndicatorTrend.Compare(i.Direction, before, average));
        })];
    }
}
