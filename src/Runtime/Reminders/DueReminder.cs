namespace InclusionNetwork.Runtime;

/// <summary>A reminder row this silo has claimed for delivery.</summary>
internal sealed record DueReminder(string GrainType, string GrainKey, string Name, DateTimeOffset DueAt, TimeSpan? Period)
{
    /// <summary>The first due time after <paramref name="now"/> on this reminder's schedule; missed ticks are skipped, not replayed.</summary>
    public DateTimeOffset NextDueAfter(DateTimeOffset now)
    {
        var period = Period ?? throw new InvalidOperationException($"Reminder '{Name}' is one-shot and has no next due time.");
        if (DueAt > now)
        {
            return DueAt;
        }
        var periodsPassed = (now - DueAt).Ticks / period.Ticks + 1;
        return DueAt + TimeSpan.FromTicks(period.Ticks * periodsPassed);
    }
}
