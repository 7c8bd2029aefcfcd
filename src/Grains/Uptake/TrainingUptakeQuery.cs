using Npgsql;

namespace InclusionNetwork.Grains.Uptake;

/// <summary>
/// Training uptake in one statement: CONFIRMED bookings of staff of open schools in scope on
/// runs whose first session starts in the academic year, or, for a quarter, from the year's
/// start to the quarter's end (cancelled, offered and waitlisted places do not count),
/// optionally of one strand, one course, one area of need, or the core offer only. A booking is completed when every
/// session of its run was attended; a run has ended when its last session has.
/// </summary>
public sealed class TrainingUptakeQuery(NpgsqlDataSource dataSource)
{
    /// <summary>Every open school (scope ALL), as callers written before scopes ask for it.</summary>
    public Task<IReadOnlyList<TrainingUptake>> RunAsync(Breakdown by, UptakePeriod period, CourseFilter filter, CancellationToken cancellationToken) =>
        RunAsync(by, period, filter, SchoolScope.ALL, cancellationToken);

    public async Task<IReadOnlyList<TrainingUptake>> RunAsync(Breakdown by, UptakePeriod period, CourseFilter filter, SchoolScope scope = SchoolScope.ALL, CancellationToken cancellationToken = default)
    {
        return await UptakeStatement.ReadAsync(dataSource, $"""
            WITH {UptakeGroups.Ctes(by, scope)},
            booked AS (
                SELECT b.school_urn AS urn,
                       count(*) AS bookings,
                       count(*) FILTER (WHERE b.completed_at IS NOT NULL) AS completions,
                       count(*) FILTER (WHERE r.ends_at <= @now) AS ended,
                       count(*) FILTER (WHERE r.ends_at <= @now AND b.completed_at IS NOT NULL) AS ended_completions
                FROM course_runs r
                JOIN courses c ON c.id = r.course_id
                JOIN bookings b ON b.run_id = r.id
                WHERE r.starts_at >= @year_start AND r.starts_at < @counts_before
                  AND b.status = 'CONFIRMED'
                  AND {UptakeParameters.CourseConditions}
                GROUP BY b.school_urn)
            SELECT g.group_name,
                   count(o.urn)::int,
                   count(k.urn)::int,
                   coalesce(sum(k.bookings), 0)::int,
                   coalesce(sum(k.completions), 0)::int,
                   coalesce(sum(k.ended), 0)::int,
                   coalesce(sum(k.ended_completions), 0)::int
            FROM groups g
            LEFT JOIN open_schools o ON o.group_key = g.group_key
            LEFT JOIN booked k ON k.urn = o.urn
            GROUP BY g.group_key, g.group_name, g.ord
            ORDER BY g.ord
            """,
            command =>
            {
                UptakeGroups.AddParameters(command, by);
                UptakeParameters.AddPeriod(command, period);
                UptakeParameters.AddCourseFilter(command, filter);
            },
            reader => new TrainingUptake(reader.GetString(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3),
                reader.GetInt32(4), reader.GetInt32(5), reader.GetInt32(6)),
            cancellationToken);
    }
}
