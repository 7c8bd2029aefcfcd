using InclusionNetwork.Grains.Uptake;
using Npgsql;

namespace InclusionNetwork.Grains.Courses;

/// <summary>
/// Evaluations and follow-ups of courses' runs whose first session starts in an academic
/// year, for many courses in two statements. Only bookings whose person attended at least
/// one session count: someone who never came has nothing to say about the course. Every
/// school counts, open or since closed, because the feedback is about the course, not the
/// county's schools. Comments are the evaluations' non-blank comments, newest first, at
/// most <see cref="MaxComments"/> per course so one answer stays bounded.
/// </summary>
public sealed class CourseFeedbackQuery(NpgsqlDataSource dataSource)
{
    public const int MaxComments = 200;

    public async Task<IReadOnlyDictionary<long, CourseFeedback>> RunAsync(
        IReadOnlyCollection<long> courseIds, UptakePeriod period, CancellationToken cancellationToken = default)
    {
        var ids = courseIds.Distinct().ToArray();
        var summaries = await SummariesAsync(ids, period, cancellationToken);
        var comments = await CommentsAsync(ids, period, cancellationToken);
        return ids.ToDictionary(id => id, id =>
        {
            var summary = summaries.GetValueOrDefault(id) ?? new EvaluationSummary(0, 0, 0, 0, 0, 0);
            return new CourseFeedback(summary, summary.Suppressed ? [] : comments[id].ToList());
        });
    }

    private async Task<Dictionary<long, EvaluationSummary>> SummariesAsync(long[] ids, UptakePeriod period, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT r.course_id,
                   count(e.booking_id)::int,
                   count(*) FILTER (WHERE e.content IN ('GOOD', 'EXCELLENT'))::int,
                   count(*) FILTER (WHERE e.knowledge_improved IN ('AGREE', 'STRONGLY_AGREE'))::int,
                   count(*) FILTER (WHERE e.confidence_improved IN ('AGREE', 'STRONGLY_AGREE'))::int,
                   count(f.booking_id)::int,
                   count(*) FILTER (WHERE f.implemented IN ('PARTLY', 'FULLY'))::int
            FROM course_runs r
            JOIN bookings b ON b.run_id = r.id
            LEFT JOIN evaluations e ON e.booking_id = b.id
            LEFT JOIN follow_ups f ON f.booking_id = b.id
            WHERE r.course_id = ANY(@ids)
              AND r.starts_at >= @year_start AND r.starts_at < @year_end
              AND EXISTS (SELECT 1 FROM attendance a WHERE a.booking_id = b.id AND a.present)
              AND (e.booking_id IS NOT NULL OR f.booking_id IS NOT NULL)
            GROUP BY r.course_id
            """);
        AddParameters(command, ids, period);
        var summaries = new Dictionary<long, EvaluationSummary>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            summaries[reader.GetInt64(0)] = new EvaluationSummary(
                reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetInt32(4), reader.GetInt32(5), reader.GetInt32(6));
        }
        return summaries;
    }

    private async Task<ILookup<long, string>> CommentsAsync(long[] ids, UptakePeriod period, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT course_id, comments
            FROM (
                SELECT r.course_id, btrim(e.comments) AS comments,
                       row_number() OVER (PARTITION BY r.course_id ORDER BY e.submitted_at DESC, e.booking_id DESC) AS n
                FROM course_runs r
                JOIN bookings b ON b.run_id = r.id
                JOIN evaluations e ON e.booking_id = b.id
                WHERE r.course_id = ANY(@ids)
                  AND r.starts_at >= @year_start AND r.starts_at < @year_end
                  AND EXISTS (SELECT 1 FROM attendance a WHERE a.booking_id = b.id AND a.present)
                  AND length(btrim(coalesce(e.comments, ''))) > 0) given
            WHERE n <= @max
            ORDER BY course_id, n
            """);
        AddParameters(command, ids, period);
        command.Parameters.AddWithValue("max", (long)MaxComments);
        var rows = new List<(long Course, string Comment)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add((reader.GetInt64(0), reader.GetString(1)));
        }
        return rows.ToLookup(r => r.Course, r => r.Comment);
    }

    private static void AddParameters(NpgsqlCommand command, long[] ids, UptakePeriod period)
    {
        command.Parameters.AddWithValue("ids", ids);
        command.Parameters.AddWithValue("year_start", period.StartsAt);
        command.Parameters.AddWithValue("year_end", period.EndsBefore);
    }
}
