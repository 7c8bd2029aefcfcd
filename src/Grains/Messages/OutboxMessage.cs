namespace InclusionNetwork.Grains.Messages;

/// <summary>One message of the outbox as admins see it (the bodies stay in the table).</summary>
public sealed record OutboxMessage(
    long Id,
    string Kind,
    string To,
    string Subject,
    MessageStatus Status,
    int Attempts,
    string? LastError,
    DateTimeOffset CreatedAt,
    DateTimeOffset? SentAt);

/// <summary>One page of the outbox, newest first, with the size of the whole listing.</summary>
public sealed record OutboxPage(IReadOnlyList<OutboxMessage> Messages, bool HasNextPage, int TotalCount);
