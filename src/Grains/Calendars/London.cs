using System.Globalization;

namespace InclusionNetwork.Grains.Calendars;

/// <summary>
/// Civil time in Europe/London. Feeds carry wall-clock times with this TZID (and its VTIMEZONE),
/// so a 09:30 session stays at 09:30 in every client across the clock changes.
/// </summary>
internal static class London
{
    public const string ZoneId = "Europe/London";

    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById(ZoneId);

    public static EventTime At(DateTimeOffset instant) => EventTime.Zoned(TimeZoneInfo.ConvertTime(instant, Zone).DateTime, ZoneId);

    public static string Describe(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, Zone).ToString("dddd d MMMM yyyy 'at' HH:mm", CultureInfo.GetCultureInfo("en-GB"));
}
