namespace InclusionNetwork.Calendar;

/// <summary>
/// Generates the starts a rule produces, in wall-clock order, following RFC 5545 3.3.10: the rule
/// walks period by period (day, week, month or year, stepping by INTERVAL from DTSTART's period),
/// BYxxx parts expand or limit the dates in each period as the table in 3.3.10 says, BYSETPOS
/// picks among them, and every instance keeps DTSTART's time of day.
/// </summary>
internal static class RecurrenceExpander
{
    /// <summary>
    /// Yields DTSTART first (3.3.10: it is always the first instance, and COUNT includes it), then
    /// each later start, until COUNT or UNTIL ends the rule or a period begins after <paramref name="stopAfter"/>.
    /// Dates a period does not have (31 February, 29 February in other years) are skipped, not moved.
    /// </summary>
    public static IEnumerable<DateTime> Enumerate(RecurrenceRule rule, DateTime first, DateTime stopAfter, Func<DateTime, DateTimeOffset> toInstant)
    {
        if (IsPastUntil(rule, first, toInstant))
        {
            yield break;
        }

        yield return first;
        var produced = 1;
        var timeOfDay = first.TimeOfDay;
        var candidates = new List<DateOnly>();
        var firstDate = DateOnly.FromDateTime(first);
        var stopDate = DateOnly.FromDateTime(stopAfter);

        for (var period = 0; ; period++)
        {
            if (!TryPeriodStart(rule, firstDate, period, out var periodStart) || periodStart > stopDate)
            {
                yield break;
            }

            candidates.Clear();
            AddCandidates(rule, firstDate, periodStart, candidates);
            candidates.Sort();
            RemoveDuplicates(candidates);
            var chosen = rule.BySetPosition.Count > 0 ? SelectPositions(candidates, rule.BySetPosition) : candidates;

            foreach (var date in chosen)
            {
                var start = date.ToDateTime(TimeOnly.FromTimeSpan(timeOfDay));
                if (start <= first)
                {
                    continue;
                }

                if (IsPastUntil(rule, start, toInstant))
                {
                    yield break;
                }

                yield return start;
                produced++;
                if (rule.Count is { } count && produced >= count)
                {
                    yield break;
                }
            }
        }
    }

    private static bool IsPastUntil(RecurrenceRule rule, DateTime start, Func<DateTime, DateTimeOffset> toInstant)
    {
        if (rule.Until is not { } until)
        {
            return false;
        }

        return until.IsDate
            ? start.Date > until.Value
            : toInstant(start).UtcDateTime > until.Value;
    }

    /// <summary>The first day of the n-th period; false once the calendar runs out (year 9999).</summary>
    private static bool TryPeriodStart(RecurrenceRule rule, DateOnly first, int period, out DateOnly start)
    {
        start = default;
        long step = (long)period * rule.Interval;
        switch (rule.Frequency)
        {
            case RecurrenceFrequency.Daily:
                return TryAddDays(first, step, out start);
            case RecurrenceFrequency.Weekly:
                var weekStart = rule.WeekStart ?? DayOfWeek.Monday;
                var back = ((int)first.DayOfWeek - (int)weekStart + 7) % 7;
                return TryAddDays(first.AddDays(-Math.Min(back, first.DayNumber)), step * 7, out start);
            case RecurrenceFrequency.Monthly:
                var month = (first.Year * 12L) + first.Month - 1 + step;
                if (month / 12 > 9999)
                {
                    return false;
                }

                start = new DateOnly((int)(month / 12), (int)(month % 12) + 1, 1);
                return true;
            default:
                var year = first.Year + step;
                if (year > 9999)
                {
                    return false;
                }

                start = new DateOnly((int)year, 1, 1);
                return true;
        }
    }

    private static bool TryAddDays(DateOnly date, long days, out DateOnly result)
    {
        result = default;
        if (date.DayNumber + days > DateOnly.MaxValue.DayNumber)
        {
            return false;
        }

        result = date.AddDays((int)days);
        return true;
    }

    private static void AddCandidates(RecurrenceRule rule, DateOnly first, DateOnly periodStart, List<DateOnly> candidates)
    {
        switch (rule.Frequency)
        {
            case RecurrenceFrequency.Daily:
                // Every BYxxx part limits a daily rule.
                if (InMonths(rule, periodStart.Month) && MatchesMonthDays(rule, periodStart) && MatchesWeekdays(rule, periodStart))
                {
                    candidates.Add(periodStart);
                }

                break;

            case RecurrenceFrequency.Weekly:
                // BYDAY expands within the week (WKST-based); BYMONTH limits.
                for (var i = 0; i < 7; i++)
                {
                    var day = periodStart.AddDays(i);
                    var wanted = rule.ByDay.Count > 0 ? MatchesWeekdays(rule, day) : day.DayOfWeek == first.DayOfWeek;
                    if (wanted && InMonths(rule, day.Month))
                    {
                        candidates.Add(day);
                    }
                }

                break;

            case RecurrenceFrequency.Monthly:
                if (InMonths(rule, periodStart.Month))
                {
                    AddMonthCandidates(rule, first, periodStart.Year, periodStart.Month, candidates);
                }

                break;

            default:
                AddYearCandidates(rule, first, periodStart.Year, candidates);
                break;
        }
    }

    /// <summary>
    /// Within one month: BYMONTHDAY expands (and BYDAY then limits), else BYDAY expands (an ordinal
    /// counts within the month), else DTSTART's day of the month.
    /// </summary>
    private static void AddMonthCandidates(RecurrenceRule rule, DateOnly first, int year, int month, List<DateOnly> candidates)
    {
        if (rule.ByMonthDay.Count > 0)
        {
            foreach (var day in rule.ByMonthDay)
            {
                if (TryMonthDay(year, month, day, out var date) && MatchesWeekdaysInMonth(rule, date))
                {
                    candidates.Add(date);
                }
            }
        }
        else if (rule.ByDay.Count > 0)
        {
            var firstOfMonth = new DateOnly(year, month, 1);
            AddWeekdaysInRange(rule.ByDay, firstOfMonth, firstOfMonth.AddMonths(1), candidates);
        }
        else if (first.Day <= DateTime.DaysInMonth(year, month))
        {
            candidates.Add(new DateOnly(year, month, first.Day));
        }
    }

    /// <summary>
    /// Within one year: BYMONTH expands to months, and inside each BYMONTHDAY or BYDAY expand as for a
    /// month. BYDAY without BYMONTH counts its ordinals across the whole year. With no BYxxx part
    /// the instance falls on DTSTART's month and day.
    /// </summary>
    private static void AddYearCandidates(RecurrenceRule rule, DateOnly first, int year, List<DateOnly> candidates)
    {
        if (rule.ByMonthDay.Count > 0 || (rule.ByDay.Count > 0 && rule.ByMonth.Count > 0))
        {
            for (var month = 1; month <= 12; month++)
            {
                if (rule.ByMonth.Count == 0 || rule.ByMonth.Contains(month))
                {
                    AddMonthCandidates(rule, first, year, month, candidates);
                }
            }
        }
        else if (rule.ByDay.Count > 0)
        {
            var firstOfYear = new DateOnly(year, 1, 1);
            AddWeekdaysInRange(rule.ByDay, firstOfYear, firstOfYear.AddYears(1), candidates);
        }
        else if (rule.ByMonth.Count > 0)
        {
            foreach (var month in rule.ByMonth)
            {
                if (first.Day <= DateTime.DaysInMonth(year, month))
                {
                    candidates.Add(new DateOnly(year, month, first.Day));
                }
            }
        }
        else if (first.Day <= DateTime.DaysInMonth(year, first.Month))
        {
            candidates.Add(new DateOnly(year, first.Month, first.Day));
        }
    }

    /// <summary>Adds the days in [start, end) that BYDAY names: all of them, or the n-th from either end.</summary>
    private static void AddWeekdaysInRange(IReadOnlyList<RecurrenceWeekday> byDay, DateOnly start, DateOnly end, List<DateOnly> candidates)
    {
        foreach (var weekday in byDay)
        {
            var firstMatch = start.AddDays(((int)weekday.Day - (int)start.DayOfWeek + 7) % 7);
            if (weekday.Ordinal == 0)
            {
                for (var day = firstMatch; day < end; day = day.AddDays(7))
                {
                    candidates.Add(day);
                }
            }
            else if (weekday.Ordinal > 0)
            {
                var day = firstMatch.AddDays(7 * (weekday.Ordinal - 1));
                if (day < end)
                {
                    candidates.Add(day);
                }
            }
            else
            {
                var last = end.AddDays(-1);
                var lastMatch = last.AddDays(-(((int)last.DayOfWeek - (int)weekday.Day + 7) % 7));
                var day = lastMatch.AddDays(7 * (weekday.Ordinal + 1));
                if (day >= start)
                {
                    candidates.Add(day);
                }
            }
        }
    }

    private static bool TryMonthDay(int year, int month, int day, out DateOnly date)
    {
        var daysInMonth = DateTime.DaysInMonth(year, month);
        var dayOfMonth = day > 0 ? day : daysInMonth + 1 + day;
        date = default;
        if (dayOfMonth < 1 || dayOfMonth > daysInMonth)
        {
            return false;
        }

        date = new DateOnly(year, month, dayOfMonth);
        return true;
    }

    private static bool InMonths(RecurrenceRule rule, int month) =>
        rule.ByMonth.Count == 0 || rule.ByMonth.Contains(month);

    private static bool MatchesMonthDays(RecurrenceRule rule, DateOnly date)
    {
        if (rule.ByMonthDay.Count == 0)
        {
            return true;
        }

        foreach (var day in rule.ByMonthDay)
        {
            if (TryMonthDay(date.Year, date.Month, day, out var match) && match == date)
            {
                return true;
            }
        }

        return false;
    }

    private static bool MatchesWeekdays(RecurrenceRule rule, DateOnly date)
    {
        if (rule.ByDay.Count == 0)
        {
            return true;
        }

        foreach (var weekday in rule.ByDay)
        {
            if (weekday.Day == date.DayOfWeek)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>BYDAY as a limit on dates BYMONTHDAY made; an ordinal counts within the date's month.</summary>
    private static bool MatchesWeekdaysInMonth(RecurrenceRule rule, DateOnly date)
    {
        if (rule.ByDay.Count == 0)
        {
            return true;
        }

        var daysInMonth = DateTime.DaysInMonth(date.Year, date.Month);
        var fromStart = ((date.Day - 1) / 7) + 1;
        var fromEnd = -(((daysInMonth - date.Day) / 7) + 1);
        foreach (var weekday in rule.ByDay)
        {
            if (weekday.Day == date.DayOfWeek && (weekday.Ordinal == 0 || weekday.Ordinal == fromStart || weekday.Ordinal == fromEnd))
            {
                return true;
            }
        }

        return false;
    }

    private static void RemoveDuplicates(List<DateOnly> sorted)
    {
        for (var i = sorted.Count - 1; i > 0; i--)
        {
            if (sorted[i] == sorted[i - 1])
            {
                sorted.RemoveAt(i);
            }
        }
    }

    /// <summary>BYSETPOS: the n-th (or n-th from last) of the period's sorted candidates, in date order.</summary>
    private static List<DateOnly> SelectPositions(List<DateOnly> candidates, IReadOnlyList<int> positions)
    {
        var chosen = new List<DateOnly>(positions.Count);
        foreach (var position in positions)
        {
            var index = position > 0 ? position - 1 : candidates.Count + position;
            if (index >= 0 && index < candidates.Count)
            {
                chosen.Add(candidates[index]);
            }
        }

        chosen.Sort();
        RemoveDuplicates(chosen);
        return chosen;
    }
}
