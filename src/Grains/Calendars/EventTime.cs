using System.Globalization;

namespace InclusionNetwork.Grains.Calendars;

/// <summary>
/// The value of DTSTART or DTEND: either a wall-clock date-time in a named IANA time zone
/// (written <c>DTSTART;TZID=Europe/London:20261026T093000</c>) or a date (<c>VALUE=DATE</c>).
/// Wall-clock rather than UTC so that a 09:30 meeting stays at 09:30 when the clocks change.
/// </summary>
public readonly record struct EventTime
{
    private EventTime(DateTime wallClock, string? timeZoneId)
    {
        WallClock = wallClock;
        TimeZoneId = timeZoneId;
    }

    /// <summary>The local date-time; for all-day values, midnight of the date.</summary>
    public DateTime WallClock { get; }

    /// <summary>The IANA zone id, or null for an all-day date.</summary>
    public string? TimeZoneId { get; }

    public bool IsAllDay => TimeZoneId is null;

    public DateOnly Date => DateOnly.FromDateTime(WallClock);

    /// <summary>A wall-clock time in <paramref name="timeZoneId"/>; seconds are kept, fractions are not.</summary>
    public static EventTime Zoned(DateTime wallClock, string timeZoneId)
    {
        if (wallClock.Kind == DateTimeKind.Utc)
        {
            throw new ArgumentException(
                $"EventTime.Zoned takes the wall-clock time in {timeZoneId}, not a UTC time ({wallClock:O}).", nameof(wallClock));
        }
        ArgumentException.ThrowIfNullOrWhiteSpace(timeZoneId);
        var whole = new DateTime(wallClock.Ticks - (wallClock.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Unspecified);
        return new EventTime(whole, timeZoneId);
    }

    public static EventTime AllDay(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), null);

    public override string ToString() =>
        IsAllDay ? Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                 : string.Create(CultureInfo.InvariantCulture, $"{WallClock:yyyy-MM-ddTHH:mm:ss} {TimeZoneId}");
}
