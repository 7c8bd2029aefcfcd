namespace InclusionNetwork.Calendar.Tests;

public sealed class RecurrenceRuleValidationTests
{
    [Fact]
    public void Count_and_until_together_are_refused()
    {
        var error = Assert.Throws<RecurrenceRuleFormatException>(() =>
            new RecurrenceRule(RecurrenceFrequency.Daily, count: 3, until: RecurrenceUntil.OnDate(new DateOnly(2026, 1, 1))));

        Assert.Equal("COUNT", error.Part);
    }

    [Fact]
    public void An_undefined_frequency_is_refused()
    {
        var error = Assert.Throws<RecurrenceRuleFormatException>(() => new RecurrenceRule((RecurrenceFrequency)99));

        Assert.Equal("FREQ", error.Part);
    }

    [Fact]
    public void Bysetpos_alone_is_refused()
    {
        var error = Assert.Throws<RecurrenceRuleFormatException>(() => new RecurrenceRule(RecurrenceFrequency.Monthly, bySetPosition: [1]));

        Assert.Equal("BYSETPOS", error.Part);
    }

    [Fact]
    public void A_valid_rule_is_accepted()
    {
        var rule = new RecurrenceRule(RecurrenceFrequency.Yearly, byMonth: [3], byDay: [new RecurrenceWeekday(DayOfWeek.Sunday, -1)]);

        Assert.Equal("FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", rule.ToString());
    }
}
