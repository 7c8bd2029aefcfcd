namespace InclusionNetwork.Grains.Common;

/// <summary>
/// The clock the domain's rules read: the system clock in service, a manual one in tests.
/// It is a type of its own because Orleans takes <see cref="TimeProvider"/> from the same
/// container for membership heartbeats, timers and reminders, which must keep real time while
/// a test moves the programme's calendar on.
/// </summary>
public sealed class DomainClock(TimeProvider time) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => time.GetUtcNow();

    public override TimeZoneInfo LocalTimeZone => time.LocalTimeZone;

    public override long TimestampFrequency => time.TimestampFrequency;

    public override long GetTimestamp() => time.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        time.CreateTimer(callback, state, dueTime, period);
}
