namespace InclusionNetwork.Grains.TermDates;

/// <summary>
/// The one definition of a working day: a weekday in term time that is neither a bank
/// holiday of England nor a closure (training) day of the school concerned. Term time is
/// any date inside a TERM period that no HALF_TERM or HOLIDAY period covers. Built from
/// data (term dates, bank holidays, closure days), so it knows nothing of a particular year.
/// </summary>
public sealed class TermCalendar
{
    private readonly IReadOnlyList<TermPeriod> terms;
    private readonly IReadOnlyList<TermPeriod> breaks;
    private readonly HashSet<DateOnly> bankHolidays;
    private readonly IReadOnlyDictionary<string, HashSet<DateOnly>> closures;

    public TermCalendar(
        IEnumerable<TermPeriod> periods,
        IEnumerable<DateOnly> bankHolidays,
        IReadOnlyDictionary<string, IReadOnlyCollection<DateOnly>>? closureDays = null)
    {
        var all = periods.ToList();
        terms = all.Where(p => p.Kind == TermPeriodKind.TERM).OrderBy(p => p.StartsOn).ToList();
        breaks = all.Where(p => p.Kind != TermPeriodKind.TERM).ToList();
        this.bankHolidays = [.. bankHolidays];
        closures = (closureDays ?? new Dictionary<string, IReadOnlyCollection<DateOnly>>())
            .ToDictionary(c => c.Key, c => new HashSet<DateOnly>(c.Value));
    }

    public IReadOnlyList<TermPeriod> Terms => terms;

    /// <summary>True when the calendar has term dates covering any part of the year.</summary>
    public bool HasTermsIn(AcademicYear year) => terms.Any(t => t.EndsOn >= year.StartsOn && t.StartsOn <= year.EndsOn);

    public bool IsTermTime(DateOnly date) => terms.Any(t => t.Contains(date)) && !breaks.Any(b => b.Contains(date));

    public bool IsBankHoliday(DateOnly date) => bankHolidays.Contains(date);

    public bool IsClosureDay(DateOnly date, string? schoolUrn) =>
        schoolUrn is not null && closures.TryGetValue(schoolUrn, out var days) && days.Contains(date);

    public static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    /// <summary>A weekday in term time, not a bank holiday, not a closure day of <paramref name="schoolUrn"/> (when given).</summary>
    public bool IsWorkingDay(DateOnly date, string? schoolUrn = null) =>
        !IsWeekend(date) && IsTermTime(date) && !IsBankHoliday(date) && !IsClosureDay(date, schoolUrn);

    /// <summary>Why a date is not a working day for the school, or null when it is one.</summary>
    public NonWorkingReason? ReasonNotWorking(DateOnly date, string? schoolUrn = null)
    {
        if (IsWeekend(date))
        {
            return NonWorkingReason.Weekend;
        }
        if (!IsTermTime(date))
        {
            return NonWorkingReason.Holiday;
        }
        if (IsBankHoliday(date))
        {
            return NonWorkingReason.BankHoliday;
        }
        return IsClosureDay(date, schoolUrn) ? NonWorkingReason.ClosureDay : null;
    }

    /// <summary>
    /// The <paramref name="count"/>-th working day after <paramref name="from"/> (not counting
    /// <paramref name="from"/> itself); null when the term dates run out first.
    /// </summary>
    public DateOnly? AddWorkingDays(DateOnly from, int count, string? schoolUrn = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var last = LastKnownTermDay;
        var date = from;
        for (var found = 0; found < count;)
        {
            date = date.AddDays(1);
            if (last is null || date > last)
            {
                return null;
            }
            if (IsWorkingDay(date, schoolUrn))
            {
                found++;
            }
        }
        return date;
    }

    /// <summary>
    /// The <paramref name="count"/>-th working day before <paramref name="from"/>; null when
    /// the term dates run out first.
    /// </summary>
    public DateOnly? SubtractWorkingDays(DateOnly from, int count, string? schoolUrn = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var first = FirstKnownTermDay;
        var date = from;
        for (var found = 0; found < count;)
        {
            date = date.AddDays(-1);
            if (first is null || date < first)
            {
                return null;
            }
            if (IsWorkingDay(date, schoolUrn))
            {
                found++;
            }
        }
        return date;
    }

    /// <summary>Working days in (<paramref name="after"/>, <paramref name="until"/>]: both ends exclusive of the first, inclusive of the last.</summary>
    public int WorkingDaysBetween(DateOnly after, DateOnly until, string? schoolUrn = null)
    {
        var count = 0;
        for (var date = after.AddDays(1); date <= until; date = date.AddDays(1))
        {
            if (IsWorkingDay(date, schoolUrn))
            {
                count++;
            }
        }
        return count;
    }

    /// <summary>Every working day of the school in [<paramref name="from"/>, <paramref name="to"/>].</summary>
    public IEnumerable<DateOnly> WorkingDays(DateOnly from, DateOnly to, string? schoolUrn = null)
    {
        for (var date = from; date <= to; date = date.AddDays(1))
        {
            if (IsWorkingDay(date, schoolUrn))
            {
                yield return date;
            }
        }
    }

    private DateOnly? FirstKnownTermDay => terms.Count == 0 ? null : terms.Min(t => t.StartsOn);

    private DateOnly? LastKnownTermDay => terms.Count == 0 ? null : terms.Max(t => t.EndsOn);
}

/// <summary>Why a date is not a working day, most general reason first.</summary>
public enum NonWorkingReason { Weekend, Holiday, BankHoliday, ClosureDay }
