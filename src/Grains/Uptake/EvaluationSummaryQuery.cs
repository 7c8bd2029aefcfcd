using Npgsql;

namespace InclusionNetwork.Grains.Uptake;

/// <summary>
/// Evaluations and follow-ups in one statement, over bookings of open schools' staff on runs
/// whose first session starts in the academic year (and of the strand or course, when
/// given). Whether a booking is still confirmed does not matter: an answer given stays given.
/// </summary>
public sealed class EvaluationSummaryQuery(NpgsqlDataSource dataSource)
{
    public async Task<EvaluationSummary> RunAsync(UptakePeriod period, CourseFilter filter, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT count(e.booking_id)::int,
                   count(*) FILTER (WHERE e.content IN ('GOOD', 'EXCELLENT'))::int,
                   count(*) FILTER (WHERE e.knowledge_improved IN ('AGREE', 'STRONGLY_AGREE'))::int,
                   count(*) FILTER (WHERE e.confidence_improved IN ('AGREE', 'STRONGLY_AGREE'))::int,
                   count(f.booking_id)::int,
                   count(*) FILTER (WHERE f.implemented IN ('PARTLY', 'FULLY'))::int
            FROM course_runs r
            JOIN courses c ON c.id = r.course_id
            JOIN bookings b ON b.run_id = r.id
            JOIN schools s ON s.urn = b.school_urn AND s.open
            LEFT JOIN evaluations e ON e.booking_id = b.id
            LEFT JOIN follow_ups f ON f.booking_id = b.id
            WHERE r.starts_at >= @year_start AND r.starts_at < @year_end
              AND (@strand::text IS NULL OR c.strand = @strand)
              AND (@course_id::bigint IS NULL OR c.id = @course_id)
              AND (e.booking_id IS NOT NULL OR f.booking_id IS NOT NULL)
            """);
        UptakeParameters.AddPeriod(command, period);
        UptakeParameters.AddCourseFilter(command, filter);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new EvaluationSummary(reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetInt32(4), reader.GetInt32(5));
    }
}
