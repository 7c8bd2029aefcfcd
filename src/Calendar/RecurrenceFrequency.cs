namespace InclusionNetwork.Calendar;

/// <summary>
/// The FREQ values this library expands (RFC 5545 3.3.10). The sub-daily ones are left out on
/// purpose: the events it serves happen on days, not every few hours.
/// </summary>
public enum RecurrenceFrequency
{
    Daily,
    Weekly,
    Monthly,
    Yearly,
}
