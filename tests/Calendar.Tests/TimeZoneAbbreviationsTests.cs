namespace InclusionNetwork.Calendar.Tests;

public sealed class TimeZoneAbbreviationsTests
{
    [Theory]
    [InlineData("GMT0BST,M3.5.0/1,M10.5.0", "GMT", "BST")]
    [InlineData("EST5EDT,M3.2.0,M11.1.0", "EST", "EDT")]
    [InlineData("JST-9", "JST", null)]
    [InlineData("<+0530>-5:30", "+0530", null)]
    [InlineData("<-03>3<-02>,M3.5.0/-2,M10.5.0/-1", "-03", "-02")]
    public void Reads_the_names_from_a_posix_tz_string(string tz, string standard, string? daylight)
    {
        Assert.True(TimeZoneAbbreviations.TryParsePosixNames(tz, out var readStandard, out var readDaylight));
        Assert.Equal(standard, readStandard);
        Assert.Equal(daylight, readDaylight);
    }

    [Fact]
    public void London_is_gmt_and_bst()
    {
        Assert.Equal(("GMT", "BST"), TimeZoneAbbreviations.For(TimeZoneInfo.FindSystemTimeZoneById("Europe/London")));
    }
}
