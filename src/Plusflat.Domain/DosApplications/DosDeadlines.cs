namespace Plusflat.Domain.DosApplications;

/// <summary>
/// The terms a zorgkantoor works to: a decision within <see cref="DecisionWeeks"/> of a complete application (default 8),
/// an answer to a question within <see cref="AnswerWeeks"/> (the decision term waits meanwhile, as Awb 4:15), and an
/// objection term of <see cref="ObjectionWeeks"/> after the decision (default six weeks, Awb 6:7).
/// </summary>
public sealed record DosDeadlineSettings(int DecisionWeeks = 8, int AnswerWeeks = 4, int ObjectionWeeks = 6)
{
    public static readonly DosDeadlineSettings Default = new();

    public DosDeadlineSettings Checked() =>
        DecisionWeeks is < 1 or > 52 || AnswerWeeks is < 1 or > 52 || ObjectionWeeks is < 1 or > 52
            ? throw new ArgumentOutOfRangeException(nameof(DecisionWeeks), "Terms are between 1 and 52 weeks.")
            : this;
}

/// <summary>What is due next for an application and by when.</summary>
public sealed record DosDeadline(DateOnly DueOn, string What, bool Overdue, int DaysLeft);

/// <summary>The deadline rules, pure: from the status and its dates to the next deadline.</summary>
public static class DosDeadlines
{
    /// <param name="completeOn">The date of the last (re)submission: the application is complete from then.</param>
    /// <param name="questionAskedOn">When the open question was asked.</param>
    public static DosDeadline? Next(DosApplicationStatus status, DateOnly? completeOn, DateOnly? questionAskedOn, DosDeadlineSettings settings, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(settings);
        (DateOnly Due, string What)? next = status switch
        {
            DosApplicationStatus.Submitted or DosApplicationStatus.Resubmitted when completeOn is { } complete =>
                (complete.AddDays(7 * settings.DecisionWeeks), "Besluit"),
            DosApplicationStatus.MoreInformationRequested when questionAskedOn is { } asked =>
                (asked.AddDays(7 * settings.AnswerWeeks), "Antwoord van het programma"),
            _ => null,
        };
        return next is { } n ? new DosDeadline(n.Due, n.What, today > n.Due, n.Due.DayNumber - today.DayNumber) : null;
    }

    /// <summary>The last day an objection can be lodged: the objection term in weeks after the decision date.</summary>
    public static DateOnly ObjectionDeadline(DateOnly decidedOn, DosDeadlineSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return decidedOn.AddDays(7 * settings.ObjectionWeeks);
    }

    /// <summary>Whole days since the zorgkantoor received the application (0 on the day itself).</summary>
    public static int DaysSinceReceipt(DateOnly receivedOn, DateOnly today) => Math.Max(0, today.DayNumber - receivedOn.DayNumber);
}
