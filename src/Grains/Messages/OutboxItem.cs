namespace InclusionNetwork.Grains.Messages;

/// <summary>
/// One message to write to the outbox.
/// </summary>
/// <param name="Kind">What caused it, e.g. PLACE_OFFERED (upper case and underscores).</param>
/// <param name="EventKey">
/// Names the event and its version (e.g. <c>booking:42:offered:3</c>), so a writer that runs
/// again for the same event writes nothing more for the same recipient. Null: always written.
/// </param>
public sealed record OutboxItem(string Kind, string RecipientEmail, ComposedEmail Email)
{
    public NotificationCategory Category { get; init; } = NotificationCategory.Essential;

    public string? EventKey { get; init; }
}
