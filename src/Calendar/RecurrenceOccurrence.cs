namespace InclusionNetwork.Calendar;

/// <summary>
/// One start of a repeating event: the wall-clock time in the event's zone, which stays the same
/// across daylight-saving changes, and the instant that wall-clock time denotes.
/// </summary>
public readonly record struct RecurrenceOccurrence(DateTime WallClock, DateTimeOffset Instant);
