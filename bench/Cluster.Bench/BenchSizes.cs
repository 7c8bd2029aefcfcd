namespace InclusionNetwork.Cluster.Bench;

/// <summary>
/// How much each part of the bench does: the full sizes the figures are quoted at, or
/// <c>--small</c> to check on a busy machine that every part still runs end to end and checks
/// what it stored (its figures then say nothing).
/// </summary>
/// <param name="Keys">Distinct grains the across-keys call rate visits in turn.</param>
/// <param name="IdleActivations">Grains activated and left idle to weigh one activation.</param>
/// <param name="Warmup">Calls made before each call rate is timed.</param>
/// <param name="Measured">How long each call rate is timed.</param>
/// <param name="Bookings">Bookings made on the contended run, and again across the spread runs.</param>
/// <param name="SpreadRuns">The runs the second booking figure spreads over (each gets Bookings / SpreadRuns).</param>
/// <param name="WarmupBookings">
/// Bookings on a run of their own before any is timed: as many as the timed runs make, so the
/// JIT has finished recompiling the hot paths (with only 100, a third of the machine's CPU during
/// the timed run went to .NET's tiered compilation thread, which a silo that has been up for a
/// minute no longer spends).
/// </param>
/// <param name="LoadBeforeKill">How long the failover load runs before the kill.</param>
/// <param name="LoadAfterRecovery">How long the failover load runs on once the survivor books again.</param>
internal sealed record BenchSizes(
    int Keys,
    int IdleActivations,
    TimeSpan Warmup,
    TimeSpan Measured,
    int Bookings,
    int SpreadRuns,
    int WarmupBookings,
    TimeSpan LoadBeforeKill,
    TimeSpan LoadAfterRecovery)
{
    public static readonly BenchSizes Full = new(
        Keys: 10_000, IdleActivations: 100_000, Warmup: TimeSpan.FromSeconds(2), Measured: TimeSpan.FromSeconds(3),
        Bookings: 2_000, SpreadRuns: 200, WarmupBookings: 2_000,
        LoadBeforeKill: TimeSpan.FromSeconds(3), LoadAfterRecovery: TimeSpan.FromSeconds(3));

    public static readonly BenchSizes Small = new(
        Keys: 1_000, IdleActivations: 2_000, Warmup: TimeSpan.FromMilliseconds(200), Measured: TimeSpan.FromMilliseconds(500),
        Bookings: 200, SpreadRuns: 20, WarmupBookings: 20,
        LoadBeforeKill: TimeSpan.FromSeconds(1), LoadAfterRecovery: TimeSpan.FromSeconds(1));
}
