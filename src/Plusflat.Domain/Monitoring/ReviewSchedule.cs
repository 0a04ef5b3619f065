namespace Plusflat.Domain.Monitoring;

public enum ReviewStatus
{
    /// <summary>No baseline: the review rhythm has not started.</summary>
    NotStarted,

    /// <summary>Every quarter that has ended since the baseline has its review.</summary>
    UpToDate,

    /// <summary>A quarter has ended without a review, and its review month is still running.</summary>
    Due,

    /// <summary>A quarter's review month has passed without a review.</summary>
    Overdue,
}

/// <summary>Where a complex stands in its quarterly review rhythm; <see cref="Quarter"/> is the oldest quarter still to review (null when up to date).</summary>
public sealed record ReviewState(ReviewStatus Status, Quarter? Quarter, DateOnly? DueOn, int OverdueCount);

/// <summary>
/// The quarterly review rhythm (position paper, annex A): every quarter from the baseline's on is reviewed once it
/// has ended, within the month after it (Q1's review by 30 April). Pure: today is passed in.
/// </summary>
public static class ReviewSchedule
{
    /// <summary>The last day on which the review of <paramref name="quarter"/> is on time: the end of the month after the quarter.</summary>
    public static DateOnly DueOn(Quarter quarter) => quarter.End.AddDays(1).AddMonths(1).AddDays(-1);

    /// <param name="baselineQuarter">The baseline's quarter, or null when there is no baseline.</param>
    /// <param name="reviewed">The quarters that have a review.</param>
    public static ReviewState Evaluate(Quarter? baselineQuarter, IEnumerable<Quarter> reviewed, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(reviewed);
        if (baselineQuarter is not { } first)
        {
            return new ReviewState(ReviewStatus.NotStarted, null, null, 0);
        }

        var done = reviewed.ToHashSet();
        var lastEnded = Quarter.Of(today).Previous();
        var open = new List<Quarter>();
        for (var q = first; q <= lastEnded; q = q.Next())
        {
            if (!done.Contains(q))
            {
                open.Add(q);
            }
        }

        if (open.Count == 0)
        {
            return new ReviewState(ReviewStatus.UpToDate, null, null, 0);
        }

        var overdue = open.Count(q => today > DueOn(q));
        var oldest = open[0];
        return new ReviewState(overdue > 0 ? ReviewStatus.Overdue : ReviewStatus.Due, oldest, DueOn(oldest), overdue);
    }
}
