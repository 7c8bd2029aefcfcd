using System.Collections.Concurrent;

namespace InclusionNetwork.Calendar;

/// <summary>
/// What a VTIMEZONE says about one zone for the years a calendar's events fall in. Built from
/// <see cref="TimeZoneInfo"/> (the IANA rules on Linux) by finding the real offset changes in those
/// years and describing each kind of change by a yearly RRULE (e.g. the last Sunday of March at
/// 01:00) when every one of them fits it, or by a list of RDATEs when they do not.
/// </summary>
internal sealed class TimeZoneDefinition
{
    private const int CacheLimit = 256;
    private static readonly ConcurrentDictionary<(string Id, int FirstYear, int LastYear), TimeZoneDefinition> Cache = new();

    private TimeZoneDefinition(string id, IReadOnlyList<TimeZoneObservance> observances)
    {
        Id = id;
        Observances = observances;
    }

    public string Id { get; }

    public IReadOnlyList<TimeZoneObservance> Observances { get; }

    /// <summary>
    /// The definition covering <paramref name="firstYear"/> to <paramref name="lastYear"/> (and a year
    /// either side, so that events near New Year see the change before them). Cached: a feed renders
    /// the same few zones over the same years again and again.
    /// </summary>
    /// <exception cref="TimeZoneNotFoundException">The id names no zone this machine knows.</exception>
    public static TimeZoneDefinition For(string id, int firstYear, int lastYear)
    {
        var key = (id, firstYear, lastYear);
        if (Cache.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var built = Build(TimeZoneInfo.FindSystemTimeZoneById(id), firstYear, lastYear);
        if (Cache.Count >= CacheLimit)
        {
            Cache.Clear();
        }

        Cache[key] = built;
        return built;
    }

    internal static TimeZoneDefinition Build(TimeZoneInfo zone, int firstYear, int lastYear)
    {
        var from = new DateTime(Math.Max(1, firstYear - 1), 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var to = new DateTime(Math.Min(9998, lastYear + 1), 12, 31, 0, 0, 0, DateTimeKind.Utc);
        var (standardName, daylightName) = TimeZoneAbbreviations.For(zone);
        var transitions = FindTransitions(zone, from, to);

        if (transitions.Count == 0)
        {
            // No change in these years: one observance that has held "since 1970" covers them all.
            var daylight = zone.IsDaylightSavingTime(from);
            var offset = zone.GetUtcOffset(from);
            return new TimeZoneDefinition(zone.Id,
            [
                new TimeZoneObservance(daylight, new DateTime(1970, 1, 1), offset, offset, daylight ? daylightName : standardName, null, []),
            ]);
        }

        var observances = new List<TimeZoneObservance>();
        // Same kind of change in the same month at the same local time: one candidate rule. Splitting
        // by month and time keeps an old rule and its replacement (US, 2007) apart, each with its own RRULE.
        var groups = transitions
            .GroupBy(t => (t.IsDaylight, t.OffsetFrom, t.OffsetTo, t.LocalStart.Month, t.LocalStart.TimeOfDay))
            .OrderBy(g => g.First().Instant);
        foreach (var group in groups)
        {
            var members = group.ToList();
            var starts = members.Select(t => t.LocalStart).ToList();
            var lastOfKind = transitions.Last(t => t.IsDaylight == group.Key.IsDaylight);
            var until = ReferenceEquals(members[^1], lastOfKind) ? (RecurrenceUntil?)null : RecurrenceUntil.AtUtc(members[^1].Instant);
            var rule = FitYearlyRule(starts, until);
            observances.Add(new TimeZoneObservance(
                group.Key.IsDaylight,
                starts[0],
                group.Key.OffsetFrom,
                group.Key.OffsetTo,
                group.Key.IsDaylight ? daylightName : standardName,
                rule,
                rule is null ? starts.Skip(1).ToList() : []));
        }

        return new TimeZoneDefinition(zone.Id, observances);
    }

    /// <summary>
    /// A YEARLY rule (BYMONTH with BYDAY as n-th or last weekday, or BYMONTHDAY) that yields exactly
    /// these local starts, one per consecutive year; null when none does.
    /// </summary>
    internal static RecurrenceRule? FitYearlyRule(IReadOnlyList<DateTime> starts, RecurrenceUntil? until)
    {
        if (starts.Count < 2)
        {
            return null;
        }

        var first = starts[0];
        for (var i = 1; i < starts.Count; i++)
        {
            var s = starts[i];
            if (s.Year != first.Year + i || s.Month != first.Month || s.TimeOfDay != first.TimeOfDay)
            {
                return null;
            }
        }

        if (starts.All(s => s.DayOfWeek == first.DayOfWeek))
        {
            if (starts.All(s => s.Day + 7 > DateTime.DaysInMonth(s.Year, s.Month)))
            {
                return new RecurrenceRule(RecurrenceFrequency.Yearly, until: until, byMonth: [first.Month], byDay: [new RecurrenceWeekday(first.DayOfWeek, -1)]);
            }

            var nth = ((first.Day - 1) / 7) + 1;
            if (starts.All(s => ((s.Day - 1) / 7) + 1 == nth))
            {
                return new RecurrenceRule(RecurrenceFrequency.Yearly, until: until, byMonth: [first.Month], byDay: [new RecurrenceWeekday(first.DayOfWeek, nth)]);
            }
        }

        if (starts.All(s => s.Day == first.Day))
        {
            return new RecurrenceRule(RecurrenceFrequency.Yearly, until: until, byMonth: [first.Month], byMonthDay: [first.Day]);
        }

        return null;
    }

    /// <summary>
    /// Every instant in [from, to) at which the UTC offset or the daylight flag changes, found a day
    /// at a time and then narrowed to the minute.
    /// </summary>
    internal static List<Transition> FindTransitions(TimeZoneInfo zone, DateTime from, DateTime to)
    {
        var transitions = new List<Transition>();
        var before = from;
        var state = StateAt(zone, before);
        while (before < to)
        {
            var after = before.AddDays(1);
            var next = StateAt(zone, after);
            if (next != state)
            {
                var low = before;
                var high = after;
                while ((high - low).Ticks > TimeSpan.TicksPerMinute)
                {
                    var middle = low.AddMinutes(Math.Floor((high - low).TotalMinutes / 2));
                    if (StateAt(zone, middle) == state)
                    {
                        low = middle;
                    }
                    else
                    {
                        high = middle;
                    }
                }

                var changed = StateAt(zone, high);
                transitions.Add(new Transition(high, state.Offset, changed.Offset, changed.IsDaylight));
            }

            state = next;
            before = after;
        }

        return transitions;
    }

    private static (TimeSpan Offset, bool IsDaylight) StateAt(TimeZoneInfo zone, DateTime utc) =>
        (zone.GetUtcOffset(utc), zone.IsDaylightSavingTime(utc));

    /// <summary>An offset change: at <see cref="Instant"/> (UTC) the offset goes from one value to another.</summary>
    internal sealed record Transition(DateTime Instant, TimeSpan OffsetFrom, TimeSpan OffsetTo, bool IsDaylight)
    {
        /// <summary>The wall-clock time of the change on the clock as it was before (RFC 5545 3.6.5).</summary>
        public DateTime LocalStart => DateTime.SpecifyKind(Instant + OffsetFrom, DateTimeKind.Unspecified);
    }
}
