using System.Globalization;

namespace InclusionNetwork.Runtime.Tests;

/// <summary>
/// Fails the first delivery of a reminder per key (reported as "reminder-failed") and
/// accepts the ones after it (reported as "reminder"), each with the tick's due time and the
/// clock's time at delivery.
/// </summary>
public sealed class FailingOnceReminderGrain(GrainProbe probe) : Grain, IFailingOnceReminderGrain, IRemindable
{
    public Task ScheduleAsync(string name, TimeSpan dueTime) => RegisterOrUpdateReminderAsync(name, dueTime, period: null);

    public Task ReceiveReminderAsync(string reminderName, TickStatus status)
    {
        var key = GetPrimaryKeyString();
        var detail = string.Create(CultureInfo.InvariantCulture, $"{reminderName}@{status.DueAt:O} at {status.CurrentTickTime:O}");
        // Counted through the per-silo probe, not a field, so a fresh activation still knows
        // the first delivery already failed.
        if (probe.EventsOf(key, "reminder-failed").Count == 0)
        {
            probe.Record(key, "reminder-failed", detail);
            throw new InvalidOperationException($"Delivery of reminder '{reminderName}' fails the first time.");
        }
        probe.Record(key, "reminder", detail);
        return Task.CompletedTask;
    }
}
