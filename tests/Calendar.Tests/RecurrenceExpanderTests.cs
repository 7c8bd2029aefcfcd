namespace InclusionNetwork.Calendar.Tests;

/// <summary>Hand-worked examples of RFC 5545 3.3.10 expansion, in Europe/London.</summary>
public sealed class RecurrenceExpanderTests
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    private static readonly DateTimeOffset Forever = new(2040, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Second_tuesday_monthly_keeps_its_wall_clock_across_the_march_change()
    {
        // 2026: Feb 10, Mar 10 (GMT), then the clocks go forward on 29 March: Apr 14, May 12 (BST).
        var occurrences = RecurrenceRule.Parse("FREQ=MONTHLY;BYDAY=2TU;COUNT=4")
            .Expand(new DateTime(2026, 2, 10, 18, 0, 0), London, DateTimeOffset.MinValue, Forever);

        Assert.Equal(
            [new DateTime(2026, 2, 10, 18, 0, 0), new DateTime(2026, 3, 10, 18, 0, 0), new DateTime(2026, 4, 14, 18, 0, 0), new DateTime(2026, 5, 12, 18, 0, 0)],
            occurrences.Select(o => o.WallClock));
        Assert.Equal(
            [Utc(2026, 2, 10, 18), Utc(2026, 3, 10, 18), Utc(2026, 4, 14, 17), Utc(2026, 5, 12, 17)],
            occurrences.Select(o => o.Instant.UtcDateTime));
        Assert.Equal([0, 0, 1, 1], occurrences.Select(o => o.Instant.Offset.Hours));
    }

    [Fact]
    public void Every_other_week_on_monday_and_wednesday_stops_after_six()
    {
        var occurrences = RecurrenceRule.Parse("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE;COUNT=6")
            .Expand(new DateTime(2026, 9, 7, 16, 0, 0), London, DateTimeOffset.MinValue, Forever);

        Assert.Equal(
            [Day(2026, 9, 7), Day(2026, 9, 9), Day(2026, 9, 21), Day(2026, 9, 23), Day(2026, 10, 5), Day(2026, 10, 7)],
            occurrences.Select(o => DateOnly.FromDateTime(o.WallClock)));
        Assert.All(occurrences, o => Assert.Equal(new TimeSpan(16, 0, 0), o.WallClock.TimeOfDay));
    }

    [Fact]
    public void Last_day_of_the_month_follows_each_month_length()
    {
        var dates = RecurrenceRule.Parse("FREQ=MONTHLY;BYMONTHDAY=-1;COUNT=5")
            .ExpandDates(Day(2028, 1, 31), DateOnly.MinValue, DateOnly.MaxValue);

        Assert.Equal([Day(2028, 1, 31), Day(2028, 2, 29), Day(2028, 3, 31), Day(2028, 4, 30), Day(2028, 5, 31)], dates);
    }

    [Fact]
    public void The_31st_monthly_skips_the_months_without_one()
    {
        var dates = RecurrenceRule.Parse("FREQ=MONTHLY;COUNT=4").ExpandDates(Day(2026, 1, 31), DateOnly.MinValue, DateOnly.MaxValue);

        Assert.Equal([Day(2026, 1, 31), Day(2026, 3, 31), Day(2026, 5, 31), Day(2026, 7, 31)], dates);
    }

    [Fact]
    public void The_29th_of_february_yearly_happens_in_leap_years_only()
    {
        var dates = RecurrenceRule.Parse("FREQ=YEARLY;COUNT=3").ExpandDates(Day(2024, 2, 29), DateOnly.MinValue, DateOnly.MaxValue);

        Assert.Equal([Day(2024, 2, 29), Day(2028, 2, 29), Day(2032, 2, 29)], dates);
    }

    [Fact]
    public void Until_is_inclusive_and_compared_as_a_utc_instant_across_the_october_change()
    {
        // 09:30 BST is 08:30Z until 25 October, then 09:30 GMT is 09:30Z; UNTIL 4 November 09:30Z keeps that day.
        var occurrences = RecurrenceRule.Parse("FREQ=WEEKLY;UNTIL=20261104T093000Z")
            .Expand(new DateTime(2026, 9, 30, 9, 30, 0), London, DateTimeOffset.MinValue, Forever);

        Assert.Equal(
            [Day(2026, 9, 30), Day(2026, 10, 7), Day(2026, 10, 14), Day(2026, 10, 21), Day(2026, 10, 28), Day(2026, 11, 4)],
            occurrences.Select(o => DateOnly.FromDateTime(o.WallClock)));
        Assert.Equal(Utc(2026, 10, 21, 8, 30), occurrences[3].Instant.UtcDateTime);
        Assert.Equal(Utc(2026, 10, 28, 9, 30), occurrences[4].Instant.UtcDateTime);
    }

    [Fact]
    public void Until_one_second_before_an_instance_leaves_it_out()
    {
        var occurrences = RecurrenceRule.Parse("FREQ=WEEKLY;UNTIL=20261104T092959Z")
            .Expand(new DateTime(2026, 10, 28, 9, 30, 0), London, DateTimeOffset.MinValue, Forever);

        Assert.Single(occurrences);
    }

    [Fact]
    public void Until_as_a_date_bounds_all_day_dates_inclusively()
    {
        var dates = RecurrenceRule.Parse("FREQ=DAILY;INTERVAL=3;UNTIL=20260110").ExpandDates(Day(2026, 1, 1), DateOnly.MinValue, DateOnly.MaxValue);

        Assert.Equal([Day(2026, 1, 1), Day(2026, 1, 4), Day(2026, 1, 7), Day(2026, 1, 10)], dates);
    }

    [Fact]
    public void Dtstart_is_the_first_instance_and_counts_even_when_the_rule_would_not_produce_it()
    {
        // 1 January 2026 is a Thursday, not a second Tuesday.
        var dates = RecurrenceRule.Parse("FREQ=MONTHLY;BYDAY=2TU;COUNT=3").ExpandDates(Day(2026, 1, 1), DateOnly.MinValue, DateOnly.MaxValue);

        Assert.Equal([Day(2026, 1, 1), Day(2026, 1, 13), Day(2026, 2, 10)], dates);
    }

    [Fact]
    public void Last_working_day_of_the_month_uses_bysetpos()
    {
        var dates = RecurrenceRule.Parse("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1;COUNT=3")
            .ExpandDates(Day(2026, 1, 30), DateOnly.MinValue, DateOnly.MaxValue);

        Assert.Equal([Day(2026, 1, 30), Day(2026, 2, 27), Day(2026, 3, 31)], dates);
    }

    [Fact]
    public void Last_friday_of_each_month()
    {
        var dates = RecurrenceRule.Parse("FREQ=MONTHLY;BYDAY=-1FR;COUNT=3").ExpandDates(Day(2026, 1, 30), DateOnly.MinValue, DateOnly.MaxValue);

        Assert.Equal([Day(2026, 1, 30), Day(2026, 2, 27), Day(2026, 3, 27)], dates);
    }

    [Fact]
    public void Last_sunday_of_march_yearly_is_the_uk_clock_change()
    {
        var dates = RecurrenceRule.Parse("FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU;COUNT=3").ExpandDates(Day(2026, 3, 29), DateOnly.MinValue, DateOnly.MaxValue);

        Assert.Equal([Day(2026, 3, 29), Day(2027, 3, 28), Day(2028, 3, 26)], dates);
    }

    [Fact]
    public void Friday_the_13th_limits_month_days_by_weekday()
    {
        var dates = RecurrenceRule.Parse("FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13;COUNT=3").ExpandDates(Day(2026, 2, 13), DateOnly.MinValue, DateOnly.MaxValue);

        Assert.Equal([Day(2026, 2, 13), Day(2026, 3, 13), Day(2026, 11, 13)], dates);
    }

    [Fact]
    public void Daily_limited_to_weekdays_in_term_months()
    {
        var dates = RecurrenceRule.Parse("FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR;BYMONTH=9;COUNT=5").ExpandDates(Day(2026, 8, 31), DateOnly.MinValue, DateOnly.MaxValue);

        Assert.Equal([Day(2026, 8, 31), Day(2026, 9, 1), Day(2026, 9, 2), Day(2026, 9, 3), Day(2026, 9, 4)], dates);
    }

    [Fact]
    public void Week_start_decides_which_weeks_an_interval_skips()
    {
        // RFC 5545 3.3.10's own example: starting Tuesday 5 August 1997, every other week on TU and SU.
        var mondayWeeks = RecurrenceRule.Parse("FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=MO").ExpandDates(Day(1997, 8, 5), DateOnly.MinValue, DateOnly.MaxValue);
        var sundayWeeks = RecurrenceRule.Parse("FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=SU").ExpandDates(Day(1997, 8, 5), DateOnly.MinValue, DateOnly.MaxValue);

        Assert.Equal([Day(1997, 8, 5), Day(1997, 8, 10), Day(1997, 8, 19), Day(1997, 8, 24)], mondayWeeks);
        Assert.Equal([Day(1997, 8, 5), Day(1997, 8, 17), Day(1997, 8, 19), Day(1997, 8, 31)], sundayWeeks);
    }

    [Fact]
    public void Excluded_starts_are_left_out_but_still_count()
    {
        var occurrences = RecurrenceRule.Parse("FREQ=WEEKLY;COUNT=4")
            .Expand(new DateTime(2026, 1, 5, 9, 0, 0), London, DateTimeOffset.MinValue, Forever, [new DateTime(2026, 1, 12, 9, 0, 0)]);

        Assert.Equal([Day(2026, 1, 5), Day(2026, 1, 19), Day(2026, 1, 26)], occurrences.Select(o => DateOnly.FromDateTime(o.WallClock)));
    }

    [Fact]
    public void Only_occurrences_inside_the_window_are_returned_and_an_endless_rule_stops_at_its_end()
    {
        var occurrences = RecurrenceRule.Parse("FREQ=DAILY")
            .Expand(
                new DateTime(2020, 1, 1, 9, 0, 0),
                London,
                new DateTimeOffset(2026, 6, 1, 8, 0, 0, TimeSpan.Zero),
                new DateTimeOffset(2026, 6, 4, 8, 0, 0, TimeSpan.Zero));

        // 09:00 BST is 08:00Z: the window's start is inclusive and its end exclusive.
        Assert.Equal([Day(2026, 6, 1), Day(2026, 6, 2), Day(2026, 6, 3)], occurrences.Select(o => DateOnly.FromDateTime(o.WallClock)));
    }

    [Fact]
    public void A_rule_that_never_matches_ends_at_the_window_instead_of_looping()
    {
        var dates = RecurrenceRule.Parse("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30").ExpandDates(Day(2026, 1, 1), DateOnly.MinValue, Day(2100, 1, 1));

        Assert.Equal([Day(2026, 1, 1)], dates);
    }

    [Fact]
    public void A_daily_time_in_the_skipped_hour_keeps_its_wall_clock_and_moves_its_instant()
    {
        var occurrences = RecurrenceRule.Parse("FREQ=DAILY;COUNT=3")
            .Expand(new DateTime(2026, 3, 28, 1, 30, 0), London, DateTimeOffset.MinValue, Forever);

        Assert.All(occurrences, o => Assert.Equal(new TimeSpan(1, 30, 0), o.WallClock.TimeOfDay));
        Assert.Equal([Utc(2026, 3, 28, 1, 30), Utc(2026, 3, 29, 1, 30), Utc(2026, 3, 30, 0, 30)], occurrences.Select(o => o.Instant.UtcDateTime));
    }

    private static DateOnly Day(int year, int month, int day) => new(year, month, day);

    private static DateTime Utc(int year, int month, int day, int hour, int minute = 0) =>
        new(year, month, day, hour, minute, 0, DateTimeKind.Utc);
}
