namespace InclusionNetwork.Grains.Calendars;

/// <summary>One event of a feed or a download, as read from SQL, before it becomes an Ical.Net VEVENT.</summary>
public sealed record FeedEvent
{
    /// <summary>UID (RFC 5545 3.8.4.7): stable for the life of the thing, so clients update rather than duplicate it.</summary>
    public required string Uid { get; init; }

    /// <summary>DTSTAMP (3.8.7.2): the thing's last change, so bodies stay the same between polls.</summary>
    public required DateTimeOffset DtStamp { get; init; }

    /// <summary>DTSTART: a wall-clock time in Europe/London, or a date for an all-day event.</summary>
    public required EventTime Start { get; init; }

    /// <summary>DTEND: the same kind as <see cref="Start"/>; for all-day events the day after the last day.</summary>
    public required EventTime End { get; init; }

    public required string Summary { get; init; }

    public string? Location { get; init; }

    public string? Description { get; init; }

    public EventStatus Status { get; init; } = EventStatus.Confirmed;

    /// <summary>SEQUENCE (3.8.7.4): only grows, raised whenever anything the event shows changes.</summary>
    public int Sequence { get; init; }

    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>
    /// For a cancelled event, when it was cancelled: it leaves feeds once the retention period
    /// has passed since, which is also when a cached feed body stops being current. Not written.
    /// </summary>
    public DateTimeOffset? CancelledAt { get; init; }
}
