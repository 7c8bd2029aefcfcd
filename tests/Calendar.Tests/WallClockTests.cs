namespace InclusionNetwork.Calendar.Tests;

public sealed class WallClockTests
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    [Fact]
    public void Winter_and_summer_times_take_gmt_and_bst()
    {
        Assert.Equal(new DateTimeOffset(2026, 1, 12, 9, 30, 0, TimeSpan.Zero), WallClock.ToInstant(new DateTime(2026, 1, 12, 9, 30, 0), London));
        Assert.Equal(new DateTimeOffset(2026, 7, 13, 9, 30, 0, TimeSpan.FromHours(1)), WallClock.ToInstant(new DateTime(2026, 7, 13, 9, 30, 0), London));
    }

    [Fact]
    public void A_skipped_time_is_read_with_the_offset_before_the_gap()
    {
        // 01:30 on 29 March 2026 does not exist in London; read as GMT it is 01:30Z, shown as 02:30 BST.
        var instant = WallClock.ToInstant(new DateTime(2026, 3, 29, 1, 30, 0), London);

        Assert.Equal(new DateTime(2026, 3, 29, 1, 30, 0, DateTimeKind.Utc), instant.UtcDateTime);
        Assert.Equal(TimeSpan.FromHours(1), instant.Offset);
    }

    [Fact]
    public void A_repeated_time_is_its_first_occurrence()
    {
        // 01:30 on 25 October 2026 happens in BST and again in GMT; the first is 00:30Z.
        var instant = WallClock.ToInstant(new DateTime(2026, 10, 25, 1, 30, 0), London);

        Assert.Equal(new DateTime(2026, 10, 25, 0, 30, 0, DateTimeKind.Utc), instant.UtcDateTime);
        Assert.Equal(TimeSpan.FromHours(1), instant.Offset);
    }
}
