using Plusflat.Domain.DosApplications;

namespace Plusflat.Web.Features.DosApplications;

public sealed record DosListItem(
    Guid Id, Guid ComplexId, string ComplexName, string Municipality, string ProgrammeName, string ZorgkantoorName, DosApplicationStatus Status,
    int FirstYear, int LastYear, decimal RequestedTotal, DateTimeOffset? SubmittedAt, int? DaysSinceReceipt, DosDeadline? Deadline, DateTimeOffset UpdatedAt);

public sealed record DosTimelineEntry(DateTimeOffset At, DosEventKind Kind, DosApplicationStatus From, DosApplicationStatus To, string By, bool ByZorgkantoor, string? Text, bool HasSnapshot);

/// <summary>An application as either side sees it (the zorgkantoor also gets its assessment and the budget positions).</summary>
public sealed record DosApplicationView(
    Guid Id, Guid ComplexId, Guid ZorgkantoorTenantId, string ZorgkantoorName, string ProgrammeName, DosApplicationStatus Status,
    DosApplicationDetails Details, DosSnapshot Snapshot, DateTimeOffset CreatedAt, DateTimeOffset? SubmittedAt, DateOnly? CompleteOn,
    string? OpenQuestion, DateOnly? QuestionAskedOn, DosDecision? Decision, DosDeadline? Deadline, IReadOnlyList<string> UnmetConditions,
    IReadOnlyList<Plusflat.Domain.Common.DomainError> UnmetErrors, IReadOnlyList<DosTimelineEntry> Timeline, uint Version,
    DosAssessmentView? Assessment, IReadOnlyList<BudgetPosition> Budgets);

public sealed record DosAssessmentView(int CatalogueVersion, IReadOnlyList<CriterionScore> Scores, string? Comments, DosScoring Scoring, uint? Version, string? UpdatedBy, DateTimeOffset? UpdatedAt);

public sealed record ZorgkantoorOption(Guid Id, string Slug, string Name);
