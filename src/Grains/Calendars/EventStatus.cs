namespace InclusionNetwork.Grains.Calendars;

/// <summary>The STATUS values RFC 5545 3.8.1.11 allows on a VEVENT.</summary>
public enum EventStatus
{
    Confirmed,
    Tentative,
    Cancelled,
}
