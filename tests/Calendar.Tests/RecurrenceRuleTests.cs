namespace InclusionNetwork.Calendar.Tests;

public sealed class RecurrenceRuleTests
{
    [Theory]
    [InlineData("FREQ=DAILY")]
    [InlineData("FREQ=WEEKLY;COUNT=6;INTERVAL=2;BYDAY=MO,WE")]
    [InlineData("FREQ=MONTHLY;UNTIL=20270131T000000Z;BYDAY=2TU")]
    [InlineData("FREQ=MONTHLY;BYMONTHDAY=-1")]
    [InlineData("FREQ=MONTHLY;COUNT=3;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1")]
    [InlineData("FREQ=YEARLY;UNTIL=20301231;BYMONTH=3;BYDAY=-1SU;WKST=SU")]
    public void A_canonical_rule_prints_back_exactly(string value)
    {
        Assert.Equal(value, RecurrenceRule.Parse(value).ToString());
    }

    [Fact]
    public void Any_rule_round_trips_through_its_text()
    {
        var rule = RecurrenceRule.Parse("byday=-1fr,2tu;wkst=mo;interval=3;bymonth=9,1;freq=yearly;count=4");

        var again = RecurrenceRule.Parse(rule.ToString());

        Assert.Equal("FREQ=YEARLY;COUNT=4;INTERVAL=3;BYMONTH=9,1;BYDAY=-1FR,2TU;WKST=MO", rule.ToString());
        Assert.Equal(rule.ToString(), again.ToString());
    }

    [Fact]
    public void A_constructed_rule_is_checked_like_a_parsed_one()
    {
        var error = Assert.Throws<RecurrenceRuleFormatException>(() => new RecurrenceRule(RecurrenceFrequency.Weekly, byDay: [new RecurrenceWeekday(DayOfWeek.Monday, 1)]));

        Assert.Equal("BYDAY", error.Part);
    }
}
