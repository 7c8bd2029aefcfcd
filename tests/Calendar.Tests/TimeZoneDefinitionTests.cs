namespace InclusionNetwork.Calendar.Tests;

public sealed class TimeZoneDefinitionTests
{
    [Fact]
    public void London_is_bst_from_the_last_sunday_of_march_at_one_and_gmt_from_the_last_sunday_of_october_at_two()
    {
        var zone = TimeZoneDefinition.For("Europe/London", 2026, 2026);

        var daylight = Assert.Single(zone.Observances, o => o.IsDaylight);
        var standard = Assert.Single(zone.Observances, o => !o.IsDaylight);
        Assert.Equal(("BST", TimeSpan.Zero, TimeSpan.FromHours(1)), (daylight.Name, daylight.OffsetFrom, daylight.OffsetTo));
        Assert.Equal(new DateTime(2025, 3, 30, 1, 0, 0), daylight.Start);
        Assert.Equal("FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", daylight.Rule?.ToString());
        Assert.Equal(("GMT", TimeSpan.FromHours(1), TimeSpan.Zero), (standard.Name, standard.OffsetFrom, standard.OffsetTo));
        Assert.Equal(new DateTime(2025, 10, 26, 2, 0, 0), standard.Start);
        Assert.Equal("FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", standard.Rule?.ToString());
    }

    [Fact]
    public void New_york_uses_the_second_and_first_sunday()
    {
        var zone = TimeZoneDefinition.For("America/New_York", 2026, 2027);

        Assert.Equal(
            ["FREQ=YEARLY;BYMONTH=3;BYDAY=2SU", "FREQ=YEARLY;BYMONTH=11;BYDAY=1SU"],
            zone.Observances.Select(o => o.Rule?.ToString()));
    }

    [Fact]
    public void The_2007_us_rule_change_ends_the_old_rule_with_until()
    {
        var zone = TimeZoneDefinition.For("America/New_York", 2005, 2008);

        var oldDaylight = zone.Observances.First(o => o.IsDaylight);
        Assert.Equal("FREQ=YEARLY;UNTIL=20060402T070000Z;BYMONTH=4;BYDAY=1SU", oldDaylight.Rule?.ToString());
        Assert.Contains(zone.Observances, o => o.Rule?.ToString() == "FREQ=YEARLY;BYMONTH=3;BYDAY=2SU");
    }

    [Fact]
    public void A_zone_without_changes_has_one_standard_observance()
    {
        var zone = TimeZoneDefinition.For("Asia/Tokyo", 2026, 2026);

        var only = Assert.Single(zone.Observances);
        Assert.False(only.IsDaylight);
        Assert.Equal(TimeSpan.FromHours(9), only.OffsetTo);
        Assert.Equal("JST", only.Name);
        Assert.Null(only.Rule);
    }

    [Fact]
    public void Starts_that_fit_no_yearly_pattern_are_listed_instead()
    {
        DateTime[] starts = [new(2024, 3, 31, 1, 0, 0), new(2025, 4, 6, 1, 0, 0), new(2026, 3, 29, 1, 0, 0)];

        Assert.Null(TimeZoneDefinition.FitYearlyRule(starts, null));
    }

    [Fact]
    public void Transitions_are_found_to_the_minute()
    {
        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

        var transitions = TimeZoneDefinition.FindTransitions(london, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2027, 1, 1, 0, 0, 0, DateTimeKind.Utc));

        Assert.Equal([new DateTime(2026, 3, 29, 1, 0, 0), new DateTime(2026, 10, 25, 1, 0, 0)], transitions.Select(t => t.Instant));
        Assert.Equal([new DateTime(2026, 3, 29, 1, 0, 0), new DateTime(2026, 10, 25, 2, 0, 0)], transitions.Select(t => t.LocalStart));
    }
}
