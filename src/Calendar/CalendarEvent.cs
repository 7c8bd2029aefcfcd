namespace InclusionNetwork.Calendar;

/// <summary>One VEVENT (RFC 5545 3.6.1).</summary>
public sealed class CalendarEvent
{
    /// <summary>UID (3.8.4.7): stable for the life of the event, so clients update rather than duplicate it.</summary>
    public required string Uid { get; init; }

    /// <summary>DTSTAMP (3.8.7.2): when this version of the event was produced; written in UTC.</summary>
    public required DateTimeOffset DtStamp { get; init; }

    /// <summary>DTSTART: a wall-clock time in a named zone, or a date for an all-day event.</summary>
    public required EventTime Start { get; init; }

    /// <summary>DTEND: the same kind as <see cref="Start"/>; for all-day events the day after the last day.</summary>
    public required EventTime End { get; init; }

    public required string Summary { get; init; }

    public string? Location { get; init; }

    public string? Description { get; init; }

    public Uri? Url { get; init; }

    public EventStatus Status { get; init; } = EventStatus.Confirmed;

    /// <summary>SEQUENCE (3.8.7.4): raised on every significant change so clients replace their copy.</summary>
    public int Sequence { get; init; }

    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>RRULE, when the event repeats. UNTIL must be UTC when <see cref="Start"/> is zoned (3.3.10).</summary>
    public RecurrenceRule? Recurrence { get; init; }

    /// <summary>EXDATE: starts of repeats that do not happen, of the same kind and zone as <see cref="Start"/>.</summary>
    public IReadOnlyList<EventTime> ExcludedStarts { get; init; } = [];
}
