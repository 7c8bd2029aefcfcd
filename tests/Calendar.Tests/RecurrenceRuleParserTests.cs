namespace InclusionNetwork.Calendar.Tests;

public sealed class RecurrenceRuleParserTests
{
    [Fact]
    public void Reads_every_supported_part()
    {
        var rule = RecurrenceRule.Parse("FREQ=MONTHLY;INTERVAL=2;COUNT=6;BYMONTH=1,3;BYMONTHDAY=-1,15;BYDAY=2TU,-1FR,MO;BYSETPOS=1,-1;WKST=SU");

        Assert.Equal(RecurrenceFrequency.Monthly, rule.Frequency);
        Assert.Equal(2, rule.Interval);
        Assert.Equal(6, rule.Count);
        Assert.Equal([1, 3], rule.ByMonth);
        Assert.Equal([-1, 15], rule.ByMonthDay);
        Assert.Equal([new RecurrenceWeekday(DayOfWeek.Tuesday, 2), new RecurrenceWeekday(DayOfWeek.Friday, -1), new RecurrenceWeekday(DayOfWeek.Monday)], rule.ByDay);
        Assert.Equal([1, -1], rule.BySetPosition);
        Assert.Equal(DayOfWeek.Sunday, rule.WeekStart);
    }

    [Fact]
    public void Reads_until_as_a_date_or_a_utc_date_time_and_accepts_an_rrule_prefix()
    {
        Assert.Equal(RecurrenceUntil.OnDate(new DateOnly(2026, 12, 31)), RecurrenceRule.Parse("FREQ=DAILY;UNTIL=20261231").Until);
        Assert.Equal(
            RecurrenceUntil.AtUtc(new DateTime(2026, 12, 31, 23, 59, 59, DateTimeKind.Utc)),
            RecurrenceRule.Parse("RRULE:freq=daily;until=20261231T235959Z").Until);
    }

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
    [InlineData("FREQ=MONTHLY;BYDAY=54TU", "BYDAY")]
    [InlineData("FREQ=MONTHLY;BYMONTHDAY=0", "BYMONTHDAY")]
    [InlineData("FREQ=MONTHLY;BYMONTHDAY=32", "BYMONTHDAY")]
    [InlineData("FREQ=WEEKLY;BYMONTHDAY=1", "BYMONTHDAY")]
    [InlineData("FREQ=YEARLY;BYMONTH=13", "BYMONTH")]
    [InlineData("FREQ=MONTHLY;BYSETPOS=1", "BYSETPOS")]
    [InlineData("FREQ=MONTHLY;BYDAY=MO;BYSETPOS=0", "BYSETPOS")]
    [InlineData("FREQ=WEEKLY;WKST=XX", "WKST")]
    [InlineData("FREQ=DAILY;BYHOUR=9", "BYHOUR")]
    [InlineData("FREQ=YEARLY;BYWEEKNO=20", "BYWEEKNO")]
    [InlineData("FREQ=DAILY;COLOUR=RED", "COLOUR")]
    [InlineData("FREQ=DAILY;FREQ=WEEKLY", "FREQ")]
    [InlineData("FREQ=DAILY;COUNT", "COUNT")]
    [InlineData("FREQ=DAILY;COUNT=", "COUNT")]
    public void Invalid_rules_are_refused_naming_the_part_at_fault(string value, string part)
    {
        var error = Assert.Throws<RecurrenceRuleFormatException>(() => RecurrenceRule.Parse(value));

        Assert.Equal(part, error.Part);
        Assert.StartsWith(part + ":", error.Message, StringComparison.Ordinal);
    }
}
