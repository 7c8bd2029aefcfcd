namespace InclusionNetwork.Calendar;

/// <summary>
/// One STANDARD or DAYLIGHT sub-component of a VTIMEZONE (RFC 5545 3.6.5): from <see cref="Start"/>
/// (local time in the offset in force before it, as 3.8.2.4 requires there) the zone is at
/// <see cref="OffsetTo"/>, and again on each date <see cref="Rule"/> or <see cref="AdditionalStarts"/> gives.
/// </summary>
internal sealed record TimeZoneObservance(
    bool IsDaylight,
    DateTime Start,
    TimeSpan OffsetFrom,
    TimeSpan OffsetTo,
    string Name,
    RecurrenceRule? Rule,
    IReadOnlyList<DateTime> AdditionalStarts);
