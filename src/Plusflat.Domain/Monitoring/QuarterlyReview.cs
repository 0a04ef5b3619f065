using Plusflat.Domain.Common;

namespace Plusflat.Domain.Monitoring;

/// <summary>One agreed action of a review: what, who does it, and by when.</summary>
public sealed record ReviewAction(string Text, string Owner, DateOnly DueOn);

/// <summary>An action as typed (any part may be missing); <see cref="QuarterlyReview"/> refuses an incomplete one at its field.</summary>
public sealed record ReviewActionDraft(string? Text, string? Owner, DateOnly? DueOn);

/// <summary>The quarter already has its review: a second one is a conflict (someone recorded it meanwhile), not a typing error.</summary>
public sealed class ReviewAlreadyRecordedException(Quarter quarter)
    : Exception($"{quarter.Dutch} is al besproken: er is per kwartaal één kwartaalreview.")
{
    public Quarter Quarter { get; } = quarter;
}

/// <summary>
/// The quarterly review of a complex (position paper, annex A: "kwartaalreview op uitvoering"): held after the quarter
/// has ended, with its participants, notes and the actions agreed. One per complex and quarter, from the baseline's
/// quarter on; it feeds <see cref="ReviewSchedule"/>. The indicator values it discusses are not copied: they are shown
/// from the stored quarter values and their trend.
/// </summary>
public sealed class QuarterlyReview : ITenantOwned
{
    public const int ParticipantsMaxLength = 1000;

    public const int NotesMaxLength = 4000;

    public const int ActionTextMaxLength = 500;

    public const int OwnerMaxLength = 200;

    public const int MaxActions = 20;

    /// <param name="reviewed">The quarters of this complex that already have a review.</param>
    public QuarterlyReview(Guid tenantId, Guid complexId, MonitoringBaseline? baseline, Quarter quarter, DateOnly? heldOn, string? participants,
        string? notes, IReadOnlyList<ReviewActionDraft>? actions, IEnumerable<Quarter> reviewed, DateOnly today, string by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(reviewed);
        if (baseline is not null && baseline.ComplexId != complexId)
        {
            throw new ArgumentException("The baseline belongs to another complex.", nameof(baseline));
        }

        if (reviewed.Contains(quarter))
        {
            throw new ReviewAlreadyRecordedException(quarter);
        }

        string checkedParticipants = "";
        string? checkedNotes = null;
        IReadOnlyList<ReviewAction> checkedActions = [];
        DomainException.ThrowAll(
            () => CheckQuarter(baseline, quarter, today),
            () => CheckHeldOn(quarter, heldOn, today),
            () => checkedParticipants = Guard.RequiredText(participants, ParticipantsMaxLength, nameof(Participants), "De deelnemers", multiline: true),
            () => checkedNotes = Guard.OptionalText(notes, NotesMaxLength, nameof(Notes), "De aantekeningen", multiline: true),
            () => checkedActions = CheckActions(actions ?? [], heldOn));

        Id = Guid.CreateVersion7();
        TenantId = tenantId;
        ComplexId = complexId;
        Quarter = quarter;
        HeldOn = heldOn!.Value;
        Participants = checkedParticipants;
        Notes = checkedNotes;
        Actions = checkedActions;
        RecordedAt = now;
        RecordedBy = by;
    }

    private QuarterlyReview()
    {
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid ComplexId { get; private set; }

    /// <summary>The quarter reviewed.</summary>
    public Quarter Quarter { get; private set; }

    public DateOnly HeldOn { get; private set; }

    /// <summary>Who took part (names and organisations, as typed).</summary>
    public string Participants { get; private set; } = "";

    public string? Notes { get; private set; }

    public IReadOnlyList<ReviewAction> Actions { get; private set; } = [];

    public DateTimeOffset RecordedAt { get; private set; }

    public string RecordedBy { get; private set; } = "";

    /// <summary>
    /// Which quarter may be reviewed: there is a baseline, the quarter is not before its quarter, and the quarter has
    /// ended (its last day lies before today) — a running quarter cannot be discussed yet.
    /// </summary>
    public static void CheckQuarter(MonitoringBaseline? baseline, Quarter quarter, DateOnly today)
    {
        if (baseline is null)
        {
            throw new DomainException("Leg eerst de nulmeting van dit wooncomplex vast: het reviewritme begint met de nulmeting.", nameof(Quarter));
        }

        if (quarter < baseline.Quarter)
        {
            throw new DomainException(
                $"{quarter.Dutch} ligt vóór de nulmeting ({baseline.MeasuredOn:dd-MM-yyyy}, {baseline.Quarter.Dutch}): die wordt niet besproken.", nameof(Quarter));
        }

        if (quarter.End >= today)
        {
            throw new DomainException($"{quarter.Dutch} is nog niet afgelopen: een kwartaal wordt besproken als het voorbij is.", nameof(Quarter));
        }
    }

    private static void CheckHeldOn(Quarter quarter, DateOnly? heldOn, DateOnly today)
    {
        if (heldOn is not { } on)
        {
            throw new DomainException("Vul de datum van de review in.", nameof(HeldOn));
        }

        if (on > today)
        {
            throw new DomainException("De review kan niet in de toekomst zijn gehouden.", nameof(HeldOn));
        }

        if (on <= quarter.End)
        {
            throw new DomainException($"Een kwartaal wordt na afloop besproken: kies een datum na {quarter.End:dd-MM-yyyy}.", nameof(HeldOn));
        }
    }

    private static List<ReviewAction> CheckActions(IReadOnlyList<ReviewActionDraft> drafts, DateOnly? heldOn)
    {
        if (drafts.Count > MaxActions)
        {
            throw new DomainException($"Leg hoogstens {MaxActions} acties per review vast.", nameof(Actions));
        }

        var errors = new List<DomainError>();
        var actions = new List<ReviewAction>();
        for (var i = 0; i < drafts.Count; i++)
        {
            var draft = drafts[i] ?? new ReviewActionDraft(null, null, null);
            var field = $"{nameof(Actions)}[{i}]";
            string text = "", owner = "";
            try
            {
                text = Guard.RequiredText(draft.Text, ActionTextMaxLength, $"{field}.Text", "De actie", multiline: true);
            }
            catch (DomainException ex)
            {
                errors.AddRange(ex.Errors);
            }

            try
            {
                owner = Guard.RequiredText(draft.Owner, OwnerMaxLength, $"{field}.Owner", "Wie de actie oppakt");
            }
            catch (DomainException ex)
            {
                errors.AddRange(ex.Errors);
            }

            if (draft.DueOn is not { } due)
            {
                errors.Add(new DomainError($"{field}.DueOn", "Vul in wanneer de actie klaar moet zijn."));
            }
            else if (heldOn is { } held && due < held)
            {
                errors.Add(new DomainError($"{field}.DueOn", "De actie kan niet klaar moeten zijn vóór de review zelf."));
            }
            else
            {
                actions.Add(new ReviewAction(text, owner, due));
            }
        }

        if (errors.Count > 0)
        {
            throw new DomainException(errors);
        }

        return actions;
    }
}
