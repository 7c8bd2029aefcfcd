namespace InclusionNetwork.Runtime.Tests;

/// <summary>
/// A clock whose "now" moves only when the test says so. Timers and timestamps stay real
/// (the base class's), so pollers keep ticking while due times follow this clock.
/// </summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private long nowTicks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref nowTicks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref nowTicks, by.Ticks);
}
