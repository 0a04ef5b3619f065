namespace Plusflat.Web.Features.Shared;

/// <summary>Dates as the programme's people see them: Dutch local time.</summary>
public static class Dates
{
    private static readonly TimeZoneInfo Amsterdam = FindAmsterdam();

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Amsterdam).DateTime);

    public static DateTimeOffset Local(DateTimeOffset moment) => TimeZoneInfo.ConvertTime(moment, Amsterdam);

    /// <summary>A moment in Dutch local time, in the user's language ("24 nov 2026 14:05" / "24 Nov 2026 14:05").</summary>
    public static string Show(DateTimeOffset moment) => Local(moment).ToString("d MMM yyyy HH:mm", System.Globalization.CultureInfo.CurrentCulture);

    public static string Show(DateOnly date) => date.ToString("d MMM yyyy", System.Globalization.CultureInfo.CurrentCulture);

    private static TimeZoneInfo FindAmsterdam()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.Utc;
        }
    }
}
