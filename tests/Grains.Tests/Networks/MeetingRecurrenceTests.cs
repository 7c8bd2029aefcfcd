using InclusionNetwork.Grains.Networks;
using InclusionNetwork.Grains.PeerReview;

namespace InclusionNetwork.Grains.Tests.Networks;

/// <summary>
/// Network RRULEs through Ical.Net: what it parses is accepted and normalised; what it refuses,
/// and the RFC 5545 rules it lets through, are refused naming the part at fault.
/// </summary>
public sealed class MeetingRecurrenceTests
{
    [Theory]
    [InlineData("", "RRULE")]
    [InlineData("INTERVAL=2", "FREQ")]
    [InlineData("FREQ=FORTNIGHTLY", "FREQ")]
    [InlineData("FREQ=HOURLY", "FREQ")]
    [InlineData("FREQ=WEEKLY;INTERVAL=0", "INTERVAL")]
    [InlineData("FREQ=WEEKLY;INTERVAL=two", "INTERVAL")]
    [InlineData("FREQ=WEEKLY;COUNT=0", "COUNT")]
    [InlineData("FREQ=WEEKLY;COUNT=3;UNTIL=20261231T000000Z", "COUNT")]
    [InlineData("FREQ=WEEKLY;UNTIL=2026-12-31", "UNTIL")]
    [InlineData("FREQ=WEEKLY;UNTIL=20261231T000000", "UNTIL")]
    [InlineData("FREQ=WEEKLY;BYDAY=XX", "BYDAY")]
    [InlineData("FREQ=WEEKLY;BYDAY=2TU", "BYDAY")]
    [InlineData("FREQ=MONTHLY;BYDAY=0TU", "BYDAY")]
    [InlineData("FREQ=MONTHLY;BYMONTHDAY=32", "BYMONTHDAY")]
    [InlineData("FREQ=WEEKLY;BYMONTHDAY=1", "BYMONTHDAY")]
    [InlineData("FREQ=YEARLY;BYMONTH=13", "BYMONTH")]
    [InlineData("FREQ=MONTHLY;BYSETPOS=1", "BYSETPOS")]
    [InlineData("FREQ=DAILY;BYHOUR=9", "BYHOUR")]
    [InlineData("FREQ=DAILY;COLOUR=RED", "COLOUR")]
    [InlineData("FREQ=DAILY;FREQ=WEEKLY", "FREQ")]
    [InlineData("FREQ=DAILY;COUNT", "COUNT")]
    [InlineData("FREQ=DAILY;COUNT=", "COUNT")]
    public void A_rule_that_is_not_valid_is_refused_naming_the_part_at_fault(string value, string part)
    {
        var error = Assert.Throws<RecurrenceRuleException>(() => MeetingRecurrence.Parse(value));

        Assert.Equal(part, error.Part);
        Assert.StartsWith(part + ":", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("FREQ=WEEKLY;BYDAY=TU;COUNT=3", "FREQ=WEEKLY;COUNT=3;BYDAY=TU")]
    [InlineData("rrule:freq=monthly;byday=2tu;until=20270101T000000Z", "FREQ=MONTHLY;UNTIL=20270101T000000Z;BYDAY=2TU")]
    [InlineData("FREQ=MONTHLY;INTERVAL=2;BYDAY=2TU", "FREQ=MONTHLY;INTERVAL=2;BYDAY=2TU")]
    [InlineData("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1", "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1")]
    public void A_valid_rule_is_accepted_and_kept_in_ical_nets_form(string value, string normalised)
    {
        Assert.Equal(normalised, MeetingRecurrence.Normalise(value));
    }

    [Fact]
    public void Second_tuesday_monthly_keeps_its_london_wall_clock_across_the_clock_changes()
    {
        var starts = MeetingSeries.Expand("FREQ=MONTHLY;BYDAY=2TU;COUNT=4", LondonTime.At(new DateOnly(2027, 2, 9), new TimeOnly(16, 0)));

        Assert.Equal(
            [
                new DateTimeOffset(2027, 2, 9, 16, 0, 0, TimeSpan.Zero),
                new DateTimeOffset(2027, 3, 9, 16, 0, 0, TimeSpan.Zero),
                new DateTimeOffset(2027, 4, 13, 15, 0, 0, TimeSpan.Zero),
                new DateTimeOffset(2027, 5, 11, 15, 0, 0, TimeSpan.Zero),
            ],
            starts);
    }

    [Fact]
    public void A_weekly_series_through_the_october_change_moves_its_instant_not_its_time()
    {
        var starts = MeetingSeries.Expand("FREQ=WEEKLY;UNTIL=20261103T235959Z", new DateTimeOffset(2026, 10, 20, 16, 0, 0, TimeSpan.FromHours(1)));

        Assert.Equal(["2026-10-20T15:00:00Z", "2026-10-27T16:00:00Z", "2026-11-03T16:00:00Z"], starts.Select(s => s.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void An_endless_rule_stops_at_the_end_of_the_next_academic_year()
    {
        var starts = MeetingSeries.Expand("FREQ=MONTHLY;BYDAY=1TH", LondonTime.At(new DateOnly(2025, 9, 4), new TimeOnly(10, 0)));

        Assert.Equal(24, starts.Count);
        Assert.Equal(new DateOnly(2027, 8, 5), LondonTime.DateOf(starts[^1]));
    }

    [Fact]
    public void An_endless_rule_without_a_window_is_refused_as_never_ending()
    {
        var rule = MeetingRecurrence.Parse("FREQ=WEEKLY;BYDAY=TU");

        var error = Assert.Throws<RecurrenceRuleException>(() => MeetingSeries.Expand(rule, DateTimeOffset.UnixEpoch, windowEnd: null));

        Assert.Equal("RRULE", error.Part);
        Assert.Contains("COUNT or UNTIL", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_daily_series_is_capped_at_the_most_meetings_a_network_keeps()
    {
        Assert.Equal(MeetingSeries.MaxOccurrences, MeetingSeries.Expand("FREQ=DAILY", new DateTimeOffset(2026, 9, 1, 9, 0, 0, TimeSpan.Zero)).Count);
    }
}
