namespace InclusionNetwork.Grains.Courses;

/// <summary>
/// Civil dates and academic years are Europe/London; instants are stored in UTC. These turn
/// one into the other, so a date filter means the same day a person in the county means.
/// </summary>
public static class CivilTime
{
    public static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    /// <summary>The instant a civil date begins in Europe/London, in UTC (as the database takes instants).</summary>
    public static DateTimeOffset StartOf(DateOnly date) => At(date, TimeOnly.MinValue);

    /// <summary>The instant of a Europe/London wall-clock time, in UTC.</summary>
    public static DateTimeOffset At(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, London.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>The instant as a Europe/London wall-clock time with its offset.</summary>
    public static DateTimeOffset ToLondon(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, London);

    /// <summary>
    /// The academic year written "2025/26": 1 September 2025 to 31 August 2026, as the
    /// instants [start, end). Null when the text is not an academic year.
    /// </summary>
    public static (DateTimeOffset Start, DateTimeOffset End)? AcademicYear(string text)
    {
        if (text.Length != 7 || text[4] != '/' || !int.TryParse(text.AsSpan(0, 4), out var first)
            || !int.TryParse(text.AsSpan(5, 2), out var second) || (first + 1) % 100 != second || first < 1900)
        {
            return null;
        }
        return (StartOf(new DateOnly(first, 9, 1)), StartOf(new DateOnly(first + 1, 9, 1)));
    }

    /// <summary>The academic year (e.g. "2026/27") the instant falls in.</summary>
    public static string AcademicYearOf(DateTimeOffset instant)
    {
        var local = ToLondon(instant);
        var first = local.Month >= 9 ? local.Year : local.Year - 1;
        return $"{first}/{(first + 1) % 100:00}";
    }
}
