namespace InclusionNetwork.Runtime;

/// <summary>
/// Implemented by grains that register reminders. A reminder is delivered at least once,
/// also after restarts, so <see cref="ReceiveReminderAsync"/> must tolerate a repeat.
/// </summary>
public interface IRemindable : IGrain
{
    Task ReceiveReminderAsync(string reminderName, TickStatus status);
}
