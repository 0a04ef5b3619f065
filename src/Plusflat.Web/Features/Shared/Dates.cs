namespace Plusflat.Web.Features.Shared;

/// <summary>Dates as the programme's people see them: Dutch local time.</summary>
public static class Dates
{
    private static readonly TimeZoneInfo Amsterdam = FindAmsterdam();

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Amsterdam).DateTime);

    public static DateTimeOffset Local(DateTimeOffset moment) => TimeZoneInfo.ConvertTime(moment, Amsterdam);

    public static string Show(DateTimeOffset moment) => Local(moment).ToString("d MMM yyyy HH:mm", System.Globalization.CultureInfo.GetCultureInfo("nl-NL"));

    public static string Show(DateOnly date) => date.ToString("d MMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("nl-NL"));

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
