using Orleans.Runtime;

namespace InclusionNetwork.Grains.Common;

/// <summary>
/// Something due at a moment, kept as an Orleans reminder. Orleans reminders are periodic
/// and tick at least a minute apart, so a due reminder is registered for the due moment with
/// a one-minute period: each tick settles whatever is due, and the grain removes the reminder
/// only once nothing is pending. A tick lost to a silo failing mid-delivery is simply followed
/// by the next one, on whichever silo then owns the reminder.
/// </summary>
public static class DueReminders
{
    /// <summary>How often a due reminder ticks again until its grain clears it.</summary>
    public static readonly TimeSpan Period = TimeSpan.FromMinutes(1);

    /// <summary>Registers (or moves) <paramref name="name"/> to tick first after <paramref name="dueIn"/> (now when negative).</summary>
    public static Task SetDueReminderAsync(this Grain grain, string name, TimeSpan dueIn) =>
        grain.RegisterOrUpdateReminder(name, dueIn > TimeSpan.Zero ? dueIn : TimeSpan.Zero, Period);

    /// <summary>Removes <paramref name="name"/> when it is registered.</summary>
    public static async Task ClearDueReminderAsync(this Grain grain, string name)
    {
        if (await grain.GetReminder(name) is { } reminder)
        {
            await grain.UnregisterReminder(reminder);
        }
    }
}
