using InclusionNetwork.Grains.Uptake;

namespace InclusionNetwork.Grains.Tests.Uptake;

/// <summary>The academic year as instants: London midnight on 1 September to the next, whatever the clock's offset.</summary>
public sealed class UptakePeriodTests
{
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    [Fact]
    public void A_year_runs_from_london_midnight_on_1_september_to_the_next()
    {
        var period = UptakePeriod.For("2025/26", new FixedClock(DateTimeOffset.UnixEpoch));
        // 1 September is in British Summer Time (UTC+1) in both years.
        Assert.Equal(new DateTimeOffset(2025, 8, 31, 23, 0, 0, TimeSpan.Zero), period.StartsAt);
        Assert.Equal(new DateTimeOffset(2026, 8, 31, 23, 0, 0, TimeSpan.Zero), period.EndsBefore);
        Assert.Equal(TimeSpan.Zero, period.StartsAt.Offset);
    }

    [Theory]
    [InlineData("2026-08-31T22:59:59Z", "2025/26")]
    [InlineData("2026-08-31T23:00:00Z", "2026/27")]
    [InlineData("2027-01-15T12:00:00Z", "2026/27")]
    public void The_default_is_the_year_of_todays_date_in_london(string now, string year) =>
        Assert.Equal(year, UptakePeriod.For(null, new FixedClock(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture))).Year.ToString());

    [Theory]
    [InlineData("2025-26")]
    [InlineData("2025/27")]
    [InlineData("25/26")]
    [InlineData("")]
    public void Malformed_years_are_refused(string text) =>
        Assert.Throws<UptakeArgumentException>(() => UptakePeriod.For(text, new FixedClock(DateTimeOffset.UnixEpoch)));

    [Fact]
    public void Rates_are_null_on_a_zero_denominator() =>
        Assert.Equal([null, 0.0, 0.75], new[] { Rate.Of(0, 0), Rate.Of(0, 4), Rate.Of(3, 4) });

    [Theory]
    [InlineData(4, true)]
    [InlineData(5, false)]
    public void Evaluations_below_five_responses_show_no_rate(int responses, bool suppressed)
    {
        var summary = new EvaluationSummary(responses, responses, responses, responses, 2, 1);
        Assert.Equal(suppressed, summary.Suppressed);
        Assert.Equal(suppressed ? null : 1.0, summary.GoodOrExcellentRate);
        Assert.Equal(suppressed ? null : 1.0, summary.ImprovedKnowledgeRate);
        Assert.Equal(suppressed ? null : 1.0, summary.ImprovedConfidenceRate);
        Assert.Equal(suppressed ? null : 0.5, summary.ImplementedRate);
    }
}
