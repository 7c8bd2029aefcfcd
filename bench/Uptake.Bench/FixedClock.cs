namespace InclusionNetwork.Uptake.Bench;

/// <summary>A clock that never moves, so every run measures the same figures.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    /// <summary>15 March 2026, inside 2025/26, so some of the year's runs have ended and some not.</summary>
    public static readonly DateTimeOffset BenchNow = new(2026, 3, 15, 12, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => now;
}
