namespace InclusionNetwork.Grains.Messages;

/// <summary>
/// Whether a person may turn a message off. Offers, cancellations and changes are essential:
/// missing one costs someone a place or a wasted journey. Reminders (a course starts soon, a
/// self-evaluation is due) and prompts (give an evaluation, a follow-up) can be turned off.
/// </summary>
public enum NotificationCategory
{
    Essential,
    Reminder,
    Prompt,
}
