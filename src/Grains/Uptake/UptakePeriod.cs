using InclusionNetwork.Grains.PeerReview;
using InclusionNetwork.Grains.TermDates;

namespace InclusionNetwork.Grains.Uptake;

/// <summary>
/// The academic year a report covers, as the instants the SQL compares with: from London
/// midnight on 1 September to London midnight on the next 1 September (exclusive), so a
/// run whose first session starts at 23:30 on 31 August belongs to the year that ends then.
/// <paramref name="Now"/> decides which runs have ended.
/// </summary>
/// <remarks>
/// A <paramref name="Quarter"/> (1 September–November, 2 December–February, 3 March–May,
/// 4 June–August) cuts every measure off at the end of that quarter's last day: figures are
/// "so far this year" at the quarter's end, so the four quarters make a rising trend that
/// ends at the whole year's figure. Without one, <see cref="LastDay"/> is 31 August.
/// </remarks>
public sealed record UptakePeriod(AcademicYear Year, DateTimeOffset Now, int? Quarter = null)
{
    public const int Quarters = 4;

    // In UTC: Npgsql writes timestamptz only from offset-zero values.
    public DateTimeOffset StartsAt => LondonTime.At(Year.StartsOn, TimeOnly.MinValue).ToUniversalTime();

    public DateTimeOffset EndsBefore => LondonTime.At(Year.EndsOn.AddDays(1), TimeOnly.MinValue).ToUniversalTime();

    /// <summary>The last day counted: the quarter's last day, or the year's.</summary>
    public DateOnly LastDay => Quarter is { } q ? Year.StartsOn.AddMonths(3 * q).AddDays(-1) : Year.EndsOn;

    /// <summary>London midnight after <see cref="LastDay"/>: events at or after it are not counted.</summary>
    public DateTimeOffset CountsBefore => LondonTime.At(LastDay.AddDays(1), TimeOnly.MinValue).ToUniversalTime();

    /// <summary>The same year cut off at another quarter (null for the whole year).</summary>
    public UptakePeriod AtQuarter(int? quarter) => this with { Quarter = quarter };

    /// <summary>
    /// Reads "2025/26", or the year containing today (Europe/London) when <paramref name="academicYear"/>
    /// is null, and a quarter 1 to 4 (null: the whole year). A malformed year or a quarter out of
    /// range gives an <see cref="UptakeArgumentException"/> naming it.
    /// </summary>
    public static UptakePeriod For(string? academicYear, TimeProvider clock, int? quarter = null)
    {
        if (quarter is < 1 or > Quarters)
        {
            throw new UptakeArgumentException($"quarter {quarter} is not a quarter of the academic year: give 1 (September to November), 2 (December to February), 3 (March to May) or 4 (June to August), or leave it out for the whole year.");
        }
        var now = clock.GetUtcNow().ToUniversalTime();
        if (academicYear is null)
        {
            return new UptakePeriod(AcademicYear.Containing(LondonTime.DateOf(now)), now, quarter);
        }
        if (!AcademicYear.TryParse(academicYear, out var year))
        {
            throw new UptakeArgumentException($"\"{academicYear}\" is not an academic year: write it as 2025/26 (1 September 2025 to 31 August 2026).");
        }
        return new UptakePeriod(year.Value, now, quarter);
    }
}
