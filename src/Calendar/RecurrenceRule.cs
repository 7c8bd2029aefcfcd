using System.Text;

namespace InclusionNetwork.Calendar;

/// <summary>
/// An RRULE value (RFC 5545 3.3.10) with the parts a school-day calendar needs: FREQ of DAILY,
/// WEEKLY, MONTHLY or YEARLY, INTERVAL, COUNT or UNTIL, BYMONTH, BYMONTHDAY, BYDAY, BYSETPOS and WKST.
/// Immutable; construction checks the same rules as <see cref="Parse"/>.
/// </summary>
public sealed class RecurrenceRule
{
    public RecurrenceRule(
        RecurrenceFrequency frequency,
        int interval = 1,
        int? count = null,
        RecurrenceUntil? until = null,
        IEnumerable<int>? byMonth = null,
        IEnumerable<int>? byMonthDay = null,
        IEnumerable<RecurrenceWeekday>? byDay = null,
        IEnumerable<int>? bySetPosition = null,
        DayOfWeek? weekStart = null)
    {
        Frequency = frequency;
        Interval = interval;
        Count = count;
        Until = until;
        ByMonth = [.. byMonth ?? []];
        ByMonthDay = [.. byMonthDay ?? []];
        ByDay = [.. byDay ?? []];
        BySetPosition = [.. bySetPosition ?? []];
        WeekStart = weekStart;
        RecurrenceRuleValidation.Check(this);
    }

    public RecurrenceFrequency Frequency { get; }

    /// <summary>INTERVAL: every how many days, weeks, months or years; 1 when not given.</summary>
    public int Interval { get; }

    /// <summary>COUNT: how many instances in all, counting DTSTART as the first.</summary>
    public int? Count { get; }

    /// <summary>UNTIL: the last instant (inclusive) an instance may start.</summary>
    public RecurrenceUntil? Until { get; }

    /// <summary>BYMONTH: months 1 to 12.</summary>
    public IReadOnlyList<int> ByMonth { get; }

    /// <summary>BYMONTHDAY: 1 to 31 or -31 to -1 (from the end of the month).</summary>
    public IReadOnlyList<int> ByMonthDay { get; }

    public IReadOnlyList<RecurrenceWeekday> ByDay { get; }

    /// <summary>BYSETPOS: which of each period's candidates to keep, 1-based, negative from the end.</summary>
    public IReadOnlyList<int> BySetPosition { get; }

    /// <summary>WKST as written; null when the rule does not say, in which case Monday applies.</summary>
    public DayOfWeek? WeekStart { get; }

    /// <summary>Reads an RRULE value such as <c>FREQ=MONTHLY;BYDAY=2TU;COUNT=10</c> (an <c>RRULE:</c> prefix is allowed).</summary>
    /// <exception cref="RecurrenceRuleFormatException">The value is not a valid rule; the message names the part.</exception>
    public static RecurrenceRule Parse(string value) => RecurrenceRuleParser.Parse(value);

    /// <summary>
    /// The starts of the event in [<paramref name="windowStart"/>, <paramref name="windowEnd"/>), given its
    /// first start as a wall-clock time in <paramref name="zone"/>. Every occurrence keeps the wall-clock
    /// time of the first, whatever the daylight-saving offset that day. Starts equal to one of
    /// <paramref name="excludedStarts"/> (EXDATE, as wall-clock times) are left out but still count
    /// towards COUNT, as RFC 5545 3.8.5.1 has EXDATE remove instances after the rule made them.
    /// </summary>
    public IReadOnlyList<RecurrenceOccurrence> Expand(
        DateTime firstStart,
        TimeZoneInfo zone,
        DateTimeOffset windowStart,
        DateTimeOffset windowEnd,
        IEnumerable<DateTime>? excludedStarts = null)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var first = DateTime.SpecifyKind(firstStart, DateTimeKind.Unspecified);
        var excluded = new HashSet<DateTime>((excludedStarts ?? []).Select(e => DateTime.SpecifyKind(e, DateTimeKind.Unspecified)));

        // Wall-clock order and instant order agree except inside a repeated hour, so a day of
        // slack past the window's end in local time is enough to know nothing later can fall inside.
        var stopAfter = TimeZoneInfo.ConvertTime(windowEnd, zone).DateTime.AddDays(1);
        var occurrences = new List<RecurrenceOccurrence>();
        foreach (var local in RecurrenceExpander.Enumerate(this, first, stopAfter, local => WallClock.ToInstant(local, zone)))
        {
            var instant = WallClock.ToInstant(local, zone);
            if (instant >= windowEnd)
            {
                if (local > stopAfter)
                {
                    break;
                }

                continue;
            }

            if (instant >= windowStart && !excluded.Contains(local))
            {
                occurrences.Add(new RecurrenceOccurrence(local, instant));
            }
        }

        return occurrences;
    }

    /// <summary>
    /// The dates of an all-day event in [<paramref name="windowStart"/>, <paramref name="windowEnd"/>),
    /// given its first date; <paramref name="excludedDates"/> as for <see cref="Expand"/>.
    /// </summary>
    public IReadOnlyList<DateOnly> ExpandDates(
        DateOnly firstDate,
        DateOnly windowStart,
        DateOnly windowEnd,
        IEnumerable<DateOnly>? excludedDates = null)
    {
        var excluded = new HashSet<DateOnly>(excludedDates ?? []);
        var first = firstDate.ToDateTime(TimeOnly.MinValue);
        var stopAfter = windowEnd.ToDateTime(TimeOnly.MinValue);
        var dates = new List<DateOnly>();
        foreach (var local in RecurrenceExpander.Enumerate(this, first, stopAfter, local => new DateTimeOffset(local, TimeSpan.Zero)))
        {
            var date = DateOnly.FromDateTime(local);
            if (date >= windowEnd)
            {
                break;
            }

            if (date >= windowStart && !excluded.Contains(date))
            {
                dates.Add(date);
            }
        }

        return dates;
    }

    /// <summary>
    /// The rule in a fixed part order (FREQ, UNTIL, COUNT, INTERVAL, BYMONTH, BYMONTHDAY, BYDAY,
    /// BYSETPOS, WKST), leaving out INTERVAL=1 and an unstated WKST, so parsing the result gives an equal rule.
    /// </summary>
    public override string ToString()
    {
        var text = new StringBuilder("FREQ=");
        text.Append(Frequency switch
        {
            RecurrenceFrequency.Daily => "DAILY",
            RecurrenceFrequency.Weekly => "WEEKLY",
            RecurrenceFrequency.Monthly => "MONTHLY",
            _ => "YEARLY",
        });
        if (Until is { } until)
        {
            text.Append(";UNTIL=").Append(until.ToString());
        }

        if (Count is { } count)
        {
            text.Append(";COUNT=").Append(count);
        }

        if (Interval != 1)
        {
            text.Append(";INTERVAL=").Append(Interval);
        }

        AppendList(text, "BYMONTH", ByMonth);
        AppendList(text, "BYMONTHDAY", ByMonthDay);
        AppendList(text, "BYDAY", ByDay);
        AppendList(text, "BYSETPOS", BySetPosition);
        if (WeekStart is { } weekStart)
        {
            text.Append(";WKST=").Append(RecurrenceWeekday.CodeOf(weekStart));
        }

        return text.ToString();
    }

    private static void AppendList<T>(StringBuilder text, string part, IReadOnlyList<T> values)
    {
        if (values.Count == 0)
        {
            return;
        }

        text.Append(';').Append(part).Append('=').AppendJoin(',', values);
    }
}
