using System.Globalization;

namespace InclusionNetwork.Grains.Calendars;

/// <summary>
/// UIDs of feed events: one per thing (a course session, a review visit, a meeting), never
/// changing, so clients update or cancel their copy instead of adding a second one.
/// </summary>
public static class EventUids
{
    public const string Domain = "inclusion-network";

    public static string Session(long sessionId) => string.Create(CultureInfo.InvariantCulture, $"session-{sessionId}@{Domain}");

    public static string Visit(long visitId) => string.Create(CultureInfo.InvariantCulture, $"visit-{visitId}@{Domain}");

    public static string Meeting(long meetingId) => string.Create(CultureInfo.InvariantCulture, $"meeting-{meetingId}@{Domain}");
}
