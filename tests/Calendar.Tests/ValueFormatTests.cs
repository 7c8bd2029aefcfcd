namespace InclusionNetwork.Calendar.Tests;

public sealed class ValueFormatTests
{
    [Theory]
    [InlineData(0, 0, 0, 0, "PT0S")]
    [InlineData(0, 1, 0, 0, "PT1H")]
    [InlineData(0, 0, 15, 0, "PT15M")]
    [InlineData(0, 1, 30, 0, "PT1H30M")]
    [InlineData(0, 1, 0, 30, "PT1H0M30S")]
    [InlineData(1, 0, 0, 0, "P1D")]
    [InlineData(2, 12, 0, 0, "P2DT12H")]
    [InlineData(0, 0, 0, 45, "PT45S")]
    public void Durations_follow_the_rfc_5545_3_3_6_grammar(int days, int hours, int minutes, int seconds, string expected)
    {
        Span<char> text = stackalloc char[32];

        var written = ValueFormat.WriteDuration(new TimeSpan(days, hours, minutes, seconds), text);

        Assert.Equal(expected, new string(text[..written]));
    }

    [Fact]
    public void A_negative_duration_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ValueFormat.WriteDuration(TimeSpan.FromHours(-1), new char[32]));
    }

    [Theory]
    [InlineData(0, 0, 0, "+0000")]
    [InlineData(1, 0, 0, "+0100")]
    [InlineData(-5, 0, 0, "-0500")]
    [InlineData(5, 30, 0, "+0530")]
    [InlineData(-9, -30, 0, "-0930")]
    [InlineData(0, -1, -15, "-000115")]
    public void Utc_offsets_follow_rfc_5545_3_3_14(int hours, int minutes, int seconds, string expected)
    {
        Span<char> text = stackalloc char[8];

        var written = ValueFormat.WriteUtcOffset(new TimeSpan(hours, minutes, seconds), text);

        Assert.Equal(expected, new string(text[..written]));
    }

    [Fact]
    public void Dates_and_date_times_are_fixed_width()
    {
        Span<char> text = stackalloc char[16];

        Assert.Equal("00050102", new string(text[..ValueFormat.WriteDate(new DateTime(5, 1, 2), text)]));
        Assert.Equal("20261026T093005", new string(text[..ValueFormat.WriteLocalDateTime(new DateTime(2026, 10, 26, 9, 30, 5), text)]));
    }
}
