namespace InclusionNetwork.Calendar.Tests;

public sealed class RecurrenceUntilTests
{
    [Fact]
    public void Prints_a_date_or_a_utc_date_time()
    {
        Assert.Equal("20261231", RecurrenceUntil.OnDate(new DateOnly(2026, 12, 31)).ToString());
        Assert.Equal("20261231T235959Z", RecurrenceUntil.AtUtc(new DateTime(2026, 12, 31, 23, 59, 59, DateTimeKind.Utc)).ToString());
    }

    [Fact]
    public void A_date_time_that_is_not_utc_is_refused()
    {
        Assert.Throws<ArgumentException>(() => RecurrenceUntil.AtUtc(new DateTime(2026, 12, 31, 23, 59, 59)));
    }
}
