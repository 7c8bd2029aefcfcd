using InclusionNetwork.Grains.PeerReview;
using InclusionNetwork.Grains.TermDates;

namespace InclusionNetwork.Grains.Uptake;

/// <summary>
/// The academic year a report covers, as the instants the SQL compares with: from London
/// midnight on 1 September to London midnight on the next 1 September (exclusive), so a
/// run whose first session starts at 23:30 on 31 August belongs to the year that ends then.
/// <paramref name="Now"/> decides which runs have ended.
/// </summary>
public sealed record UptakePeriod(AcademicYear Year, DateTimeOffset Now)
{
    // In UTC: Npgsql writes timestamptz only from offset-zero values.
    public DateTimeOffset StartsAt => LondonTime.At(Year.StartsOn, TimeOnly.MinValue).ToUniversalTime();

    public DateTimeOffset EndsBefore => LondonTime.At(Year.EndsOn.AddDays(1), TimeOnly.MinValue).ToUniversalTime();

    /// <summary>
    /// Reads "2025/26", or the year containing today (Europe/London) when <paramref name="academicYear"/>
    /// is null. A malformed year gives an <see cref="UptakeArgumentException"/> naming it.
    /// </summary>
    public static UptakePeriod For(string? academicYear, TimeProvider clock)
    {
        var now = clock.GetUtcNow().ToUniversalTime();
        if (academicYear is null)
        {
            return new UptakePeriod(AcademicYear.Containing(LondonTime.DateOf(now)), now);
        }
        if (!AcademicYear.TryParse(academicYear, out var year))
        {
            throw new UptakeArgumentException($"\"{academicYear}\" is not an academic year: write it as 2025/26 (1 September 2025 to 31 August 2026).");
        }
        return new UptakePeriod(year.Value, now);
    }
}
