using Npgsql;
using NpgsqlTypes;

namespace InclusionNetwork.Grains.Uptake;

/// <summary>Parameters the measures share, typed explicitly so a null still tells PostgreSQL its type.</summary>
internal static class UptakeParameters
{
    public static void AddPeriod(NpgsqlCommand command, UptakePeriod period)
    {
        command.Parameters.AddWithValue("year_start", period.StartsAt);
        command.Parameters.AddWithValue("year_end", period.EndsBefore);
        command.Parameters.AddWithValue("now", period.Now);
    }

    public static void AddCourseFilter(NpgsqlCommand command, CourseFilter filter)
    {
        command.Parameters.Add(new NpgsqlParameter("strand", NpgsqlDbType.Text) { Value = (object?)filter.Strand?.ToString() ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("course_id", NpgsqlDbType.Bigint) { Value = (object?)filter.CourseId ?? DBNull.Value });
    }
}
