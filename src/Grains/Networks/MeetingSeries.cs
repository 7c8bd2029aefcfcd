using InclusionNetwork.Calendar;
using InclusionNetwork.Grains.PeerReview;

namespace InclusionNetwork.Grains.Networks;

/// <summary>
/// Expands a network's recurrence into meetings, in Europe/London wall-clock time: a meeting
/// first held at 16:00 in winter is at 16:00 in summer too, whatever the offset. The calendar
/// library's RRULE expansion does the work. Open-ended series are expanded up to the end of
/// the academic year after the one of the first meeting (at most <see cref="MaxOccurrences"/>),
/// so every meeting is a row that can be cancelled or moved on its own.
/// </summary>
public static class MeetingSeries
{
    public const int MaxOccurrences = 500;

    /// <exception cref="RecurrenceRuleFormatException">The rule is not a valid RRULE.</exception>
    public static IReadOnlyList<DateTimeOffset> Expand(string recurrence, DateTimeOffset firstStartsAt)
    {
        var rule = RecurrenceRule.Parse(recurrence);
        var wallClock = TimeZoneInfo.ConvertTime(firstStartsAt, LondonTime.Zone).DateTime;
        var firstDate = DateOnly.FromDateTime(wallClock);
        var horizonYear = firstDate.Month >= 9 ? firstDate.Year + 2 : firstDate.Year + 1;
        var windowEnd = LondonTime.At(new DateOnly(horizonYear, 9, 1), TimeOnly.MinValue);
        return rule.Expand(wallClock, LondonTime.Zone, firstStartsAt.AddMinutes(-1), windowEnd)
            .Take(MaxOccurrences)
            .Select(o => o.Instant.ToUniversalTime())
            .ToList();
    }
}
