namespace InclusionNetwork.Calendar.Tests;

public sealed class EventTimeTests
{
    [Fact]
    public void A_zoned_time_keeps_its_wall_clock_and_zone_and_drops_fractions_of_a_second()
    {
        var time = EventTime.Zoned(new DateTime(2026, 10, 26, 9, 30, 15, 250), "Europe/London");

        Assert.False(time.IsAllDay);
        Assert.Equal(new DateTime(2026, 10, 26, 9, 30, 15), time.WallClock);
        Assert.Equal(DateTimeKind.Unspecified, time.WallClock.Kind);
        Assert.Equal("Europe/London", time.TimeZoneId);
    }

    [Fact]
    public void A_utc_time_is_refused_because_it_is_not_a_wall_clock_time()
    {
        var error = Assert.Throws<ArgumentException>(() => EventTime.Zoned(new DateTime(2026, 1, 1, 9, 0, 0, DateTimeKind.Utc), "Europe/London"));

        Assert.Contains("wall-clock", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_all_day_time_is_a_date_with_no_zone()
    {
        var time = EventTime.AllDay(new DateOnly(2026, 11, 9));

        Assert.True(time.IsAllDay);
        Assert.Null(time.TimeZoneId);
        Assert.Equal(new DateOnly(2026, 11, 9), time.Date);
        Assert.Equal("2026-11-09", time.ToString());
    }

    [Fact]
    public void Equal_values_are_equal()
    {
        Assert.Equal(
            EventTime.Zoned(new DateTime(2026, 1, 1, 9, 0, 0), "Europe/London"),
            EventTime.Zoned(new DateTime(2026, 1, 1, 9, 0, 0, DateTimeKind.Local), "Europe/London"));
    }
}
