using InclusionNetwork.Grains.TermDates;

namespace InclusionNetwork.Grains.Tests.TermDates;

public sealed class TermCalendarTests
{
    private const string School = "900001";

    /// <summary>Autumn 2026 of the county: two half terms around a half-term week, with a training day at one school.</summary>
    private static TermCalendar Autumn2026() => new(
        [
            new TermPeriod("2026/27", TermPeriodKind.TERM, "Autumn 1", new(2026, 9, 3), new(2026, 10, 23)),
            new TermPeriod("2026/27", TermPeriodKind.HALF_TERM, "Autumn half term", new(2026, 10, 26), new(2026, 10, 30)),
            new TermPeriod("2026/27", TermPeriodKind.TERM, "Autumn 2", new(2026, 11, 2), new(2026, 12, 18)),
            new TermPeriod("2026/27", TermPeriodKind.HOLIDAY, "Christmas holiday", new(2026, 12, 21), new(2027, 1, 1)),
            new TermPeriod("2026/27", TermPeriodKind.TERM, "Spring 1", new(2027, 1, 4), new(2027, 2, 12)),
        ],
        [new(2026, 12, 25), new(2026, 12, 28), new(2027, 1, 1), new(2026, 11, 2)],
        new Dictionary<string, IReadOnlyCollection<DateOnly>> { [School] = [new(2026, 11, 3)] });

    [Theory]
    [InlineData("2026-09-03", true)]   // first day of term
    [InlineData("2026-09-02", false)]  // the day before
    [InlineData("2026-09-05", false)]  // a Saturday in term
    [InlineData("2026-10-23", true)]   // last day before half term
    [InlineData("2026-10-27", false)]  // half term
    [InlineData("2026-12-18", true)]
    [InlineData("2026-12-21", false)]  // Christmas holiday
    [InlineData("2026-11-02", false)]  // a bank holiday in term time (invented, to prove the rule)
    public void A_working_day_is_a_weekday_in_term_time_that_is_not_a_bank_holiday(string date, bool working) =>
        Assert.Equal(working, Autumn2026().IsWorkingDay(DateOnly.Parse(date)));

    [Fact]
    public void A_closure_day_is_not_a_working_day_for_that_school_only()
    {
        var calendar = Autumn2026();
        Assert.False(calendar.IsWorkingDay(new(2026, 11, 3), School));
        Assert.True(calendar.IsWorkingDay(new(2026, 11, 3), "900002"));
        Assert.True(calendar.IsWorkingDay(new(2026, 11, 3)));
        Assert.Equal(NonWorkingReason.ClosureDay, calendar.ReasonNotWorking(new(2026, 11, 3), School));
    }

    [Theory]
    [InlineData("2026-09-05", NonWorkingReason.Weekend)]
    [InlineData("2026-10-28", NonWorkingReason.Holiday)]
    [InlineData("2026-08-20", NonWorkingReason.Holiday)]
    [InlineData("2026-11-02", NonWorkingReason.BankHoliday)]
    public void The_reason_a_day_is_not_working_is_named(string date, NonWorkingReason reason) =>
        Assert.Equal(reason, Autumn2026().ReasonNotWorking(DateOnly.Parse(date)));

    [Fact]
    public void Adding_working_days_skips_weekends_holidays_bank_holidays_and_the_schools_closure_days()
    {
        var calendar = Autumn2026();
        // From Friday 16 October: 19, 20, 21, 22, 23 Oct, then half term and the bank holiday on 2 Nov, then 3 Nov...
        Assert.Equal(new DateOnly(2026, 11, 3), calendar.AddWorkingDays(new(2026, 10, 16), 6));
        Assert.Equal(new DateOnly(2026, 11, 4), calendar.AddWorkingDays(new(2026, 10, 16), 6, School));
        Assert.Equal(new DateOnly(2027, 1, 4), calendar.AddWorkingDays(new(2026, 12, 18), 1));
        Assert.Equal(new DateOnly(2026, 10, 16), calendar.AddWorkingDays(new(2026, 10, 16), 0));
        Assert.Null(calendar.AddWorkingDays(new(2027, 2, 1), 20));
    }

    [Fact]
    public void Subtracting_working_days_is_the_inverse_walk()
    {
        var calendar = Autumn2026();
        Assert.Equal(new DateOnly(2026, 12, 15), calendar.SubtractWorkingDays(new(2027, 1, 5), 5));
        Assert.Equal(new DateOnly(2026, 10, 22), calendar.SubtractWorkingDays(new(2026, 11, 4), 2, School));
        Assert.Null(calendar.SubtractWorkingDays(new(2026, 9, 4), 5));
    }

    [Fact]
    public void Working_days_between_count_the_last_day_but_not_the_first()
    {
        var calendar = Autumn2026();
        Assert.Equal(5, calendar.WorkingDaysBetween(new(2026, 10, 16), new(2026, 10, 23)));
        Assert.Equal(0, calendar.WorkingDaysBetween(new(2026, 10, 23), new(2026, 11, 2)));
        Assert.Equal(calendar.WorkingDays(new(2026, 9, 1), new(2026, 12, 31), School).Count(),
            calendar.WorkingDaysBetween(new(2026, 8, 31), new(2026, 12, 31), School));
    }

    [Theory]
    [InlineData("2025/26", 2025)]
    [InlineData("2099/00", null)]
    [InlineData("2026/28", null)]
    [InlineData("2026-27", null)]
    [InlineData("26/27", null)]
    public void Academic_years_are_read_strictly(string text, int? start)
    {
        Assert.Equal(start is not null, AcademicYear.TryParse(text, out var year));
        Assert.Equal(start, year?.StartYear);
    }

    [Fact]
    public void An_academic_year_runs_from_September_to_August()
    {
        var year = AcademicYear.Containing(new DateOnly(2027, 8, 31));
        Assert.Equal("2026/27", year.ToString());
        Assert.Equal(new DateOnly(2026, 9, 1), year.StartsOn);
        Assert.Equal("2027/28", AcademicYear.Containing(new DateOnly(2027, 9, 1)).ToString());
    }
}
