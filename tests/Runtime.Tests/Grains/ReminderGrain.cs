namespace InclusionNetwork.Runtime.Tests;

/// <summary>Reports each reminder it receives to the probe as "key/name" with the tick's due time.</summary>
public sealed class ReminderGrain(GrainProbe probe) : Grain, IReminderGrain, IRemindable
{
    public Task ScheduleAsync(string name, TimeSpan dueTime, TimeSpan? period) => RegisterOrUpdateReminderAsync(name, dueTime, period);

    public Task<bool> CancelAsync(string name) => UnregisterReminderAsync(name);

    public Task ReceiveReminderAsync(string reminderName, TickStatus status)
    {
        probe.Record(GetPrimaryKeyString(), "reminder", $"{reminderName}@{status.DueAt:O}");
        return Task.CompletedTask;
    }
}
