namespace InclusionNetwork.Calendar.Tests;

public sealed class RecurrenceWeekdayTests
{
    [Theory]
    [InlineData(DayOfWeek.Tuesday, 2, "2TU")]
    [InlineData(DayOfWeek.Friday, -1, "-1FR")]
    [InlineData(DayOfWeek.Sunday, 0, "SU")]
    public void Prints_as_rfc_5545_weekdaynum(DayOfWeek day, int ordinal, string expected)
    {
        Assert.Equal(expected, new RecurrenceWeekday(day, ordinal).ToString());
    }

    [Fact]
    public void Day_codes_are_read_in_either_case_and_unknown_ones_give_null()
    {
        Assert.Equal(DayOfWeek.Wednesday, RecurrenceWeekday.DayOf("we"));
        Assert.Null(RecurrenceWeekday.DayOf("XX"));
    }
}
