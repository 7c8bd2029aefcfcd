using Npgsql;
using NpgsqlTypes;

namespace InclusionNetwork.Grains.Uptake;

/// <summary>Parameters the measures share, typed explicitly so a null still tells PostgreSQL its type.</summary>
internal static class UptakeParameters
{
    /// <summary>
    /// <c>@year_start</c>, <c>@year_end</c> (the year's instants), <c>@now</c>, and the quarter's
    /// cut-off: <c>@counts_before</c> (an instant) and <c>@last_day</c> (a date), the year's end when
    /// no quarter is asked for.
    /// </summary>
    public static void AddPeriod(NpgsqlCommand command, UptakePeriod period)
    {
        command.Parameters.AddWithValue("year_start", period.StartsAt);
        command.Parameters.AddWithValue("year_end", period.EndsBefore);
        command.Parameters.AddWithValue("now", period.Now);
        command.Parameters.AddWithValue("counts_before", period.CountsBefore);
        command.Parameters.AddWithValue("last_day", period.LastDay);
        command.Parameters.AddWithValue("year", period.Year.ToString());
        // Events without a date in the year (a visit of the year's cycle, an evaluation) are
        // cut off only when a quarter is asked for: the whole year stays as it always was.
        command.Parameters.AddWithValue("quartered", period.Quarter is not null);
    }

    public static void AddCourseFilter(NpgsqlCommand command, CourseFilter filter)
    {
        command.Parameters.Add(new NpgsqlParameter("strand", NpgsqlDbType.Text) { Value = (object?)filter.Strand?.ToString() ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("course_id", NpgsqlDbType.Bigint) { Value = (object?)filter.CourseId ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("need_type", NpgsqlDbType.Text) { Value = (object?)filter.NeedType?.ToString() ?? DBNull.Value });
        command.Parameters.AddWithValue("core_offer_only", filter.CoreOfferOnly);
    }

    /// <summary>The course conditions, on the courses row aliased <c>c</c>.</summary>
    public const string CourseConditions = """
        (@strand::text IS NULL OR c.strand = @strand)
        AND (@course_id::bigint IS NULL OR c.id = @course_id)
        AND (@need_type::text IS NULL OR @need_type = ANY (c.need_types))
        AND (NOT @core_offer_only OR c.core_offer)
        """;
}
