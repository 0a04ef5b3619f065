using System.Globalization;

namespace Plusflat.Domain.Signalling;

/// <summary>An open action as it stands on a later meeting's agenda.</summary>
public sealed record CarriedAction(Guid ActionId, Guid SignalId, Guid MeetingId, DateOnly RaisedOn, Guid OwnerId, DateOnly Due, int EscalationLevel, bool Overdue);

/// <summary>The agenda of a meeting: the open actions of every earlier meeting of the complex.</summary>
public static class Agenda
{
    public static IReadOnlyList<CarriedAction> CarriedOver(IEnumerable<SignalMeeting> meetings, DateOnly meetingDate) =>
        [.. meetings.Where(m => m.HeldOn < meetingDate)
            .SelectMany(m => m.Signals.SelectMany(s => s.Actions.Where(a => a.Status == ActionStatus.Open)
                .Select(a => new CarriedAction(a.Id, s.Id, m.Id, m.HeldOn, a.OwnerId, a.Due, a.EscalationLevel, a.IsOverdue(meetingDate)))))
            .OrderBy(a => a.Due).ThenBy(a => a.RaisedOn)];

    /// <summary>How many open actions are past their due date.</summary>
    public static int OverdueCount(IEnumerable<SignalAction> actions, DateOnly today) => actions.Count(a => a.IsOverdue(today));
}

/// <summary>An ISO week (Monday-based) of the meeting timeline.</summary>
public readonly record struct IsoWeek(int Year, int Week)
{
    public static IsoWeek Of(DateOnly day)
    {
        var date = day.ToDateTime(TimeOnly.MinValue);
        return new IsoWeek(ISOWeek.GetYear(date), ISOWeek.GetWeekOfYear(date));
    }

    public DateOnly Monday => DateOnly.FromDateTime(ISOWeek.ToDateTime(Year, Week, DayOfWeek.Monday));

    public override string ToString() => $"{Year}-W{Week:00}";
}

/// <summary>The weekly rhythm: a week without a meeting between the first meeting and today is a gap.</summary>
public static class MeetingTimeline
{
    public static IReadOnlyList<IsoWeek> GapWeeks(IEnumerable<DateOnly> meetingDates, DateOnly today)
    {
        var held = meetingDates.Select(IsoWeek.Of).ToHashSet();
        if (held.Count == 0)
        {
            return [];
        }

        var gaps = new List<IsoWeek>();
        var current = held.Min(w => w.Monday);
        var thisWeek = IsoWeek.Of(today).Monday;
        // The running week is not a gap yet: its meeting may still come.
        for (; current < thisWeek; current = current.AddDays(7))
        {
            var week = IsoWeek.Of(current);
            if (!held.Contains(week))
            {
                gaps.Add(week);
            }
        }

        return gaps;
    }
}

/// <summary>Counts for leads and observers: a count of 1 or 2 is shown as "&lt; 3", so it cannot point at one resident.</summary>
public static class SmallCount
{
    public const int Threshold = 3;
    public const string Suppressed = "< 3";

    public static string Show(int count) => count is > 0 and < Threshold ? Suppressed : count.ToString(CultureInfo.InvariantCulture);

    /// <summary>The number to hand out (null when suppressed).</summary>
    public static int? Value(int count) => count is > 0 and < Threshold ? null : count;
}

/// <summary>One month's count of one category in one complex.</summary>
public sealed record MonthCount(Guid ComplexId, int Year, int Month, SignalCategory Category, int Count)
{
    public string Shown => SmallCount.Show(Count);
}

/// <summary>Retention: the code and description of a signal closed longer ago than the programme's period are removed; the signal (and its counts) stay.</summary>
public static class Retention
{
    public const int DefaultMonths = 24;

    public static DateOnly CutOff(DateOnly today, int months = DefaultMonths) => today.AddMonths(-months);

    public static bool IsDue(Signal signal, DateOnly cutOff) =>
        signal.Status == SignalStatus.Closed && signal.ClosedOn is { } closed && closed < cutOff
        && (signal.ResidentCode is not null || signal.Description is not null);

    /// <summary>Counts per complex, month and category, from the signals and their meetings' dates.</summary>
    public static IReadOnlyList<MonthCount> Counts(IEnumerable<SignalMeeting> meetings) =>
        [.. meetings.SelectMany(m => m.Signals.Select(s => (m.ComplexId, m.HeldOn.Year, m.HeldOn.Month, s.Category)))
            .GroupBy(x => x)
            .Select(g => new MonthCount(g.Key.ComplexId, g.Key.Year, g.Key.Month, g.Key.Category, g.Count()))
            .OrderBy(c => c.Year).ThenBy(c => c.Month).ThenBy(c => c.Category)];
}
