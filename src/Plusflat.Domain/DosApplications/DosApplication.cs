using Plusflat.Domain.Common;

namespace Plusflat.Domain.DosApplications;

/// <summary>The zorgkantoor's decision as both sides see it.</summary>
/// <param name="Amounts">Granted funding per year (empty for a rejection).</param>
/// <param name="LabelNumber">The Plusflat label's number in the zorgkantoor's register (grants only).</param>
public sealed record DosDecision(
    DosApplicationStatus Outcome, DateOnly DecidedOn, DateOnly? EffectiveOn, DateOnly? ReviewOn, DateOnly ObjectionDeadline,
    IReadOnlyList<YearAmount> Amounts, string Reasons, string DecidedBy, string? LabelNumber)
{
    public decimal Total => Amounts.Sum(a => a.Amount);
}

/// <summary>What a grant needs besides the amounts: the dates and the label number.</summary>
public sealed record DosGrantTerms(IReadOnlyList<YearAmount> Amounts, DateOnly DecidedOn, DateOnly EffectiveOn, DateOnly ReviewOn, string Reasons, string LabelNumber);

/// <summary>
/// A DOS funding application for one complex, from a programme tenant (<see cref="TenantId"/>) to one zorgkantoor tenant
/// (<see cref="ZorgkantoorTenantId"/>). The programme fills it in and submits; the zorgkantoor asks questions and decides.
/// Every move returns its history entry (append-only, both sides read it). The row carries frozen snapshots, so the
/// zorgkantoor never has to read the programme's complexes, gate, standard or business cases.
/// </summary>
public sealed class DosApplication : ITenantOwned
{
    public const int QuestionMaxLength = 2000;

    public DosApplication(Guid tenantId, Guid zorgkantoorTenantId, string programmeName, Guid complexId, DosApplicationDetails details, DosSnapshot snapshot, string by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(snapshot);
        Id = Guid.CreateVersion7();
        TenantId = tenantId;
        ZorgkantoorTenantId = zorgkantoorTenantId;
        ProgrammeName = programmeName;
        ComplexId = complexId;
        Details = details;
        Snapshot = snapshot;
        Status = DosApplicationStatus.Draft;
        CreatedAt = now;
        UpdatedAt = now;
        UpdatedBy = by;
    }

    private DosApplication()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The programme tenant that owns and sends the application.</summary>
    public Guid TenantId { get; private set; }

    /// <summary>The zorgkantoor tenant it is addressed to; only that tenant reads it, and only once it has been submitted.</summary>
    public Guid ZorgkantoorTenantId { get; private set; }

    public string ProgrammeName { get; private set; } = "";

    public Guid ComplexId { get; private set; }

    public DosApplicationDetails Details { get; private set; } = null!;

    public DosSnapshot Snapshot { get; private set; } = null!;

    public DosApplicationStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public string UpdatedBy { get; private set; } = "";

    /// <summary>First submission: when the zorgkantoor received it.</summary>
    public DateTimeOffset? SubmittedAt { get; private set; }

    /// <summary>The last (re)submission: complete from this date, the decision term runs from here.</summary>
    public DateOnly? CompleteOn { get; private set; }

    public string? OpenQuestion { get; private set; }

    public DateOnly? QuestionAskedOn { get; private set; }

    public DosDecision? Decision { get; private set; }

    public uint Version { get; private set; }

    public IReadOnlyList<DomainError> UnmetConditions() => DosSubmitConditions.Unmet(Details, Snapshot);

    /// <summary>Changes the content while a draft, or while a question is open (the answer may come with new details).</summary>
    public void Revise(DosApplicationDetails details, DosSnapshot snapshot, Guid zorgkantoorTenantId, string by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(snapshot);
        if (Status is not (DosApplicationStatus.Draft or DosApplicationStatus.MoreInformationRequested))
        {
            throw new DomainException($"Een aanvraag met status '{DosTransitions.Name(Status)}' kan niet meer worden gewijzigd.");
        }

        if (zorgkantoorTenantId != ZorgkantoorTenantId && Status != DosApplicationStatus.Draft)
        {
            throw new DomainException("Een ingediende aanvraag blijft aan hetzelfde zorgkantoor gericht.", nameof(ZorgkantoorTenantId));
        }

        Details = details;
        Snapshot = snapshot;
        ZorgkantoorTenantId = zorgkantoorTenantId;
        Touch(by, now);
    }

    public DosApplicationEvent Submit(Guid actorTenantId, string by, DateTimeOffset now)
    {
        RequireAllowed(DosApplicationStatus.Submitted, DosSide.Programme);
        RequireConditions(Snapshot);
        var from = Move(DosApplicationStatus.Submitted, DosSide.Programme);
        SubmittedAt = now;
        CompleteOn = DateOnly.FromDateTime(now.UtcDateTime);
        Touch(by, now);
        return Event(DosEventKind.Submitted, from, actorTenantId, by, now, null, Snapshot);
    }

    public DosApplicationEvent AskForInformation(string? question, Guid actorTenantId, string by, DateTimeOffset now)
    {
        var text = Guard.RequiredText(question, QuestionMaxLength, "Reasons", "De vraag", multiline: true);
        var from = Move(DosApplicationStatus.MoreInformationRequested, DosSide.Zorgkantoor);
        OpenQuestion = text;
        QuestionAskedOn = DateOnly.FromDateTime(now.UtcDateTime);
        Touch(by, now);
        return Event(DosEventKind.QuestionAsked, from, actorTenantId, by, now, text, null);
    }

    /// <summary>The programme answers the open question with fresh snapshots and sends the application again.</summary>
    public DosApplicationEvent AnswerAndResubmit(string? answer, DosSnapshot snapshot, Guid actorTenantId, string by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var text = Guard.RequiredText(answer, QuestionMaxLength, "Answer", "Het antwoord", multiline: true);
        RequireAllowed(DosApplicationStatus.Resubmitted, DosSide.Programme);
        RequireConditions(snapshot);
        var from = Move(DosApplicationStatus.Resubmitted, DosSide.Programme);
        Snapshot = snapshot;
        OpenQuestion = null;
        QuestionAskedOn = null;
        CompleteOn = DateOnly.FromDateTime(now.UtcDateTime);
        Touch(by, now);
        return Event(DosEventKind.Resubmitted, from, actorTenantId, by, now, text, snapshot);
    }

    public DosApplicationEvent Withdraw(string? reason, Guid actorTenantId, string by, DateTimeOffset now)
    {
        var text = Guard.OptionalText(reason, QuestionMaxLength, "Reason", "De reden", multiline: true);
        var from = Move(DosApplicationStatus.Withdrawn, DosSide.Programme);
        OpenQuestion = null;
        Touch(by, now);
        return Event(DosEventKind.Withdrawn, from, actorTenantId, by, now, text, null);
    }

    /// <summary>Grants the label and the funding. The amounts fit the period and never exceed what was requested; the scoring is complete.</summary>
    public DosApplicationEvent Grant(DosGrantTerms terms, DosScoring scoring, DosDeadlineSettings settings, Guid actorTenantId, string by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(scoring);
        RequireDecidable();
        var errors = new List<DomainError>();
        if (!scoring.Complete)
        {
            errors.Add(new("Scores", $"Scoor eerst elk landelijk criterium (nog open: {string.Join(", ", scoring.Unscored)})."));
        }

        var amounts = terms.Amounts.Where(a => a.Amount != 0).OrderBy(a => a.Year).ToList();
        if (amounts.Count == 0)
        {
            errors.Add(new("Amounts", "Ken voor minstens één jaar een bedrag toe."));
        }

        if (amounts.GroupBy(a => a.Year).Any(g => g.Count() > 1))
        {
            errors.Add(new("Amounts", "Ken per jaar één bedrag toe."));
        }

        foreach (var amount in amounts)
        {
            if (amount.Year < Details.FirstYear || amount.Year > Details.LastYear)
            {
                errors.Add(new("Amounts", $"{amount.Year} valt buiten de aangevraagde periode {Details.FirstYear}–{Details.LastYear}."));
            }
            else if (amount.Amount < 0 || amount.Amount != decimal.Round(amount.Amount, 2))
            {
                errors.Add(new("Amounts", $"Het bedrag voor {amount.Year} is een positief bedrag in euro's en centen."));
            }
            else if (amount.Amount > Details.RequestedIn(amount.Year))
            {
                errors.Add(new("Amounts", $"Voor {amount.Year} is {Details.RequestedIn(amount.Year):N2} euro gevraagd: er kan niet meer worden toegekend."));
            }
        }

        if (terms.EffectiveOn < terms.DecidedOn)
        {
            errors.Add(new("EffectiveOn", "De ingangsdatum ligt niet vóór de besluitdatum."));
        }

        if (terms.ReviewOn <= terms.EffectiveOn)
        {
            errors.Add(new("ReviewOn", "De herbeoordelingsdatum ligt na de ingangsdatum."));
        }

        var reasons = "";
        try
        {
            reasons = Guard.OptionalText(terms.Reasons, QuestionMaxLength, "Reasons", "De motivering", multiline: true) ?? "";
        }
        catch (DomainException ex)
        {
            errors.AddRange(ex.Errors);
        }

        if (errors.Count > 0)
        {
            throw new DomainException(errors);
        }

        var from = Move(DosApplicationStatus.Granted, DosSide.Zorgkantoor);
        Decision = new DosDecision(DosApplicationStatus.Granted, terms.DecidedOn, terms.EffectiveOn, terms.ReviewOn,
            DosDeadlines.ObjectionDeadline(terms.DecidedOn, settings), amounts, reasons, by, terms.LabelNumber);
        Touch(by, now);
        return Event(DosEventKind.Granted, from, actorTenantId, by, now, reasons.Length > 0 ? reasons : null, null);
    }

    public DosApplicationEvent Reject(string? reasons, DateOnly decidedOn, DosDeadlineSettings settings, Guid actorTenantId, string by, DateTimeOffset now)
    {
        RequireDecidable();
        var text = Guard.RequiredText(reasons, QuestionMaxLength, "Reasons", "De reden van afwijzing", multiline: true);
        var from = Move(DosApplicationStatus.Rejected, DosSide.Zorgkantoor);
        Decision = new DosDecision(DosApplicationStatus.Rejected, decidedOn, null, null, DosDeadlines.ObjectionDeadline(decidedOn, settings), [], text, by, null);
        Touch(by, now);
        return Event(DosEventKind.Rejected, from, actorTenantId, by, now, text, null);
    }

    private void RequireDecidable()
    {
        if (Decision is not null || DosTransitions.IsFinal(Status))
        {
            throw new DosAlreadyDecidedException(Status);
        }

        if (!DosTransitions.AwaitsDecision(Status))
        {
            throw new DomainException($"Een aanvraag met status '{DosTransitions.Name(Status)}' wacht niet op een besluit.");
        }
    }

    private void RequireConditions(DosSnapshot snapshot)
    {
        if (DosSubmitConditions.Unmet(Details, snapshot) is { Count: > 0 } unmet)
        {
            throw new DomainException(unmet);
        }
    }

    private DosApplicationStatus Move(DosApplicationStatus to, DosSide side)
    {
        RequireAllowed(to, side);
        var from = Status;
        Status = to;
        return from;
    }

    private void RequireAllowed(DosApplicationStatus to, DosSide side)
    {
        if (!DosTransitions.Allowed(Status, to, side))
        {
            if (side == DosSide.Zorgkantoor && DosTransitions.IsFinal(Status))
            {
                throw new DosAlreadyDecidedException(Status);
            }

            throw new DomainException($"Van '{DosTransitions.Name(Status)}' naar '{DosTransitions.Name(to)}' kan niet.");
        }
    }

    private void Touch(string by, DateTimeOffset now)
    {
        UpdatedAt = now;
        UpdatedBy = by;
    }

    private DosApplicationEvent Event(DosEventKind kind, DosApplicationStatus from, Guid actorTenantId, string by, DateTimeOffset now, string? text, DosSnapshot? snapshot) =>
        new(this, kind, from, Status, actorTenantId, by, now, text, snapshot);
}

/// <summary>Someone else decided (or the programme withdrew) first: a decision cannot be made twice.</summary>
public sealed class DosAlreadyDecidedException(DosApplicationStatus status)
    : Exception($"Deze aanvraag is al afgehandeld ({DosTransitions.Name(status)}): er kan geen tweede besluit worden genomen.")
{
    public DosApplicationStatus Status { get; } = status;
}

public enum DosEventKind
{
    Created = 1,
    Submitted = 2,
    QuestionAsked = 3,
    Resubmitted = 4,
    Granted = 5,
    Rejected = 6,
    Withdrawn = 7,
}

/// <summary>
/// One entry of an application's history: who (and for which tenant), when, what (the status move) and why (the text). Append-only:
/// the database role may only insert and read it. Both the programme and the addressed zorgkantoor read it.
/// </summary>
public sealed class DosApplicationEvent : ITenantOwned
{
    internal DosApplicationEvent(DosApplication application, DosEventKind kind, DosApplicationStatus from, DosApplicationStatus to,
        Guid actorTenantId, string by, DateTimeOffset at, string? text, DosSnapshot? snapshot)
    {
        Id = Guid.CreateVersion7();
        TenantId = application.TenantId;
        ZorgkantoorTenantId = application.ZorgkantoorTenantId;
        ApplicationId = application.Id;
        Kind = kind;
        FromStatus = from;
        ToStatus = to;
        ActorTenantId = actorTenantId;
        ActorName = by;
        At = at;
        Text = text;
        Snapshot = snapshot;
    }

    private DosApplicationEvent()
    {
    }

    public static DosApplicationEvent Created(DosApplication application, Guid actorTenantId, string by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(application);
        return new(application, DosEventKind.Created, DosApplicationStatus.Draft, DosApplicationStatus.Draft, actorTenantId, by, at, null, null);
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid ZorgkantoorTenantId { get; private set; }

    public Guid ApplicationId { get; private set; }

    public DosEventKind Kind { get; private set; }

    public DosApplicationStatus FromStatus { get; private set; }

    public DosApplicationStatus ToStatus { get; private set; }

    public Guid ActorTenantId { get; private set; }

    public string ActorName { get; private set; } = "";

    public DateTimeOffset At { get; private set; }

    public string? Text { get; private set; }

    public DosSnapshot? Snapshot { get; private set; }
}
