using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using InclusionNetwork.Grains.PeerReview;

namespace InclusionNetwork.Grains.Networks;

/// <summary>
/// Expands a network's recurrence into meetings with Ical.Net's occurrence evaluation, in
/// Europe/London wall-clock time: a meeting first held at 16:00 in winter is at 16:00 in summer
/// too, whatever the offset. Open-ended series are expanded up to the end of the academic year
/// after the one of the first meeting (at most <see cref="MaxOccurrences"/>), so every meeting is
/// a row that can be cancelled or moved on its own (and a feed shows each as its own event).
/// </summary>
public static class MeetingSeries
{
    public const int MaxOccurrences = 500;

    private const string Zone = "Europe/London";

    /// <summary>The starts of a series that begins at <paramref name="firstStartsAt"/>, up to the academic-year window.</summary>
    /// <exception cref="RecurrenceRuleException">The rule is not a valid RRULE.</exception>
    public static IReadOnlyList<DateTimeOffset> Expand(string recurrence, DateTimeOffset firstStartsAt) =>
        Expand(MeetingRecurrence.Parse(recurrence), firstStartsAt, WindowEnd(firstStartsAt));

    /// <summary>
    /// The starts of the series, before <paramref name="windowEnd"/> when one is given. Without a
    /// window the rule itself must end (COUNT or UNTIL): a series without end cannot become rows.
    /// </summary>
    /// <exception cref="RecurrenceRuleException">The rule has no end and no window was given.</exception>
    public static IReadOnlyList<DateTimeOffset> Expand(RecurrencePattern rule, DateTimeOffset firstStartsAt, DateTimeOffset? windowEnd)
    {
        if (windowEnd is null && rule.Count is null && rule.Until is null)
        {
            throw new RecurrenceRuleException("RRULE", "the rule never ends; give COUNT or UNTIL.");
        }
        var wallClock = TimeZoneInfo.ConvertTime(firstStartsAt, LondonTime.Zone).DateTime;
        var start = new CalDateTime(DateTime.SpecifyKind(wallClock, DateTimeKind.Unspecified), Zone);
        var series = new CalendarEvent { DtStart = start, Duration = Duration.FromMinutes(1) };
        series.RecurrenceRule = rule;
        var end = windowEnd?.UtcDateTime;
        return series.GetOccurrences(start)
            .Select(o => new DateTimeOffset(o.Period.StartTime.AsUtc, TimeSpan.Zero))
            .TakeWhile(s => end is null || s.UtcDateTime < end)
            .Take(MaxOccurrences)
            .ToList();
    }

    /// <summary>1 September of the academic year after the first meeting's, in London.</summary>
    private static DateTimeOffset WindowEnd(DateTimeOffset firstStartsAt)
    {
        var firstDate = LondonTime.DateOf(firstStartsAt);
        var horizonYear = firstDate.Month >= 9 ? firstDate.Year + 2 : firstDate.Year + 1;
        return LondonTime.At(new DateOnly(horizonYear, 9, 1), TimeOnly.MinValue);
    }
}
