using Npgsql;

namespace InclusionNetwork.Grains.Courses;

/// <summary>
/// The next step after a review: for each school, courses with a bookable upcoming run
/// for its phase, ranked by how many focus areas of its latest reported visit (REPORTED or
/// FOLLOWED_UP, by visit date) the course's framework areas cover, then by how many of its
/// current staff's roles the course's audiences name, then by the soonest bookable run
/// (then by id, so the order is total). A school with no reported visit gets none.
/// One statement for every school asked.
/// </summary>
/// <remarks>
/// A run is bookable while it is SCHEDULED, starts after now and takes bookings
/// (<c>booking_closes_at</c> after now): a full run still takes its waiting list.
/// </remarks>
public sealed class RecommendedCoursesQuery(NpgsqlDataSource dataSource)
{
    public async Task<ILookup<string, Course>> RunAsync(
        IReadOnlyCollection<string> schoolUrns, int first, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand($"""
            WITH latest AS (
                SELECT DISTINCT ON (v.host_urn) v.host_urn AS urn, v.focus_areas
                FROM review_visits v
                WHERE v.host_urn = ANY(@urns) AND v.status IN ('REPORTED', 'FOLLOWED_UP')
                ORDER BY v.host_urn, v.visit_date DESC NULLS LAST, v.reported_at DESC NULLS LAST, v.id DESC),
            roles AS (
                SELECT st.school_urn AS urn, array_agg(DISTINCT st.role) AS roles
                FROM staff st
                WHERE st.school_urn = ANY(@urns) AND st.removed_at IS NULL
                GROUP BY st.school_urn),
            bookable AS (
                SELECT r.course_id, min(r.starts_at) AS soonest
                FROM course_runs r
                WHERE r.status = 'SCHEDULED' AND r.starts_at > @now AND r.booking_closes_at > @now
                GROUP BY r.course_id),
            ranked AS (
                SELECT l.urn, k.course_id,
                       row_number() OVER (PARTITION BY l.urn ORDER BY fit.focus DESC, fit.audience DESC, k.soonest, k.course_id) AS rank
                FROM latest l
                JOIN schools s ON s.urn = l.urn
                LEFT JOIN roles ro ON ro.urn = l.urn
                JOIN courses c ON s.phase = ANY(c.phases)
                JOIN bookable k ON k.course_id = c.id
                CROSS JOIN LATERAL (
                    SELECT (SELECT count(DISTINCT f) FROM unnest(l.focus_areas) f WHERE f = ANY(c.framework_areas)) AS focus,
                           (SELECT count(*) FROM unnest(coalesce(ro.roles, ARRAY[]::text[])) x WHERE x = ANY(c.audiences)) AS audience) fit)
            SELECT ranked.urn, {CourseQueries.Columns}
            FROM ranked JOIN courses c ON c.id = ranked.course_id
            WHERE ranked.rank <= @first
            ORDER BY ranked.urn, ranked.rank
            """);
        command.Parameters.AddWithValue("urns", schoolUrns.Distinct(StringComparer.Ordinal).ToArray());
        command.Parameters.AddWithValue("now", now.ToUniversalTime());
        command.Parameters.AddWithValue("first", (long)first);
        var rows = new List<(string Urn, Course Course)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add((reader.GetString(0), CourseQueries.Read(reader, offset: 1)));
        }
        return rows.ToLookup(r => r.Urn, r => r.Course, StringComparer.Ordinal);
    }
}
