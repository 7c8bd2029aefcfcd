using Npgsql;

namespace InclusionNetwork.Grains.Uptake;

/// <summary>
/// Evaluations and follow-ups in one statement, over bookings of staff of open schools in
/// scope on runs whose first session starts in the academic year (and of the strand, course,
/// area of need or core offer, when given), grouped by the booked person's school's group.
/// Whether a booking is still confirmed does not matter: an answer given stays given. For a
/// quarter, an answer counts when it was submitted before the quarter's end.
/// </summary>
/// <remarks>
/// Only attendees' answers count: a booking with no session marked present is left out, so
/// an evaluation given by someone who never came (accepted before that was refused) cannot
/// move a figure.
/// </remarks>
public sealed class EvaluationSummaryQuery(NpgsqlDataSource dataSource)
{
    /// <summary>The county's figure (every open school): the contract's <c>evaluations</c>.</summary>
    public async Task<EvaluationSummary> RunAsync(UptakePeriod period, CourseFilter filter, CancellationToken cancellationToken = default) =>
        (await GroupsAsync(Breakdown.COUNTY, period, filter, SchoolScope.ALL, cancellationToken))[0].Summary;

    /// <summary>
    /// Every group of the breakdown, in order, with primary and secondary suppression applied
    /// (<see cref="EvaluationSuppression"/>): the contract's <c>evaluationsBy</c>.
    /// </summary>
    public async Task<IReadOnlyList<EvaluationGroup>> ByAsync(Breakdown by, UptakePeriod period, CourseFilter filter, SchoolScope scope, CancellationToken cancellationToken = default) =>
        EvaluationSuppression.Apply(await GroupsAsync(by, period, filter, scope, cancellationToken));

    private async Task<IReadOnlyList<EvaluationGroup>> GroupsAsync(Breakdown by, UptakePeriod period, CourseFilter filter, SchoolScope scope, CancellationToken cancellationToken)
    {
        // A district's area, so suppression can also keep each area's districts from giving one away.
        var parent = by == Breakdown.DISTRICT ? "(SELECT d.area_id FROM districts d WHERE d.id = g.group_key)" : "NULL::text";
        return await UptakeStatement.ReadAsync(dataSource, $"""
            WITH {UptakeGroups.Ctes(by, scope)},
            -- The year's bookings come from bookings_by_run_with_school (by run, with the id and
            -- the school), so the million bookings of every year are not read for the few runs
            -- of one; only those with an answer are then checked for attendance.
            answered AS (
                SELECT b.school_urn AS urn,
                       count(x.evaluated) AS responses,
                       count(*) FILTER (WHERE x.content IN ('GOOD', 'EXCELLENT')) AS good,
                       count(*) FILTER (WHERE x.knowledge_improved IN ('AGREE', 'STRONGLY_AGREE')) AS knowledge,
                       count(*) FILTER (WHERE x.confidence_improved IN ('AGREE', 'STRONGLY_AGREE')) AS confidence,
                       count(x.followed_up) AS follow_ups,
                       count(*) FILTER (WHERE x.implemented IN ('PARTLY', 'FULLY')) AS implemented
                FROM course_runs r
                JOIN courses c ON c.id = r.course_id
                JOIN bookings b ON b.run_id = r.id
                JOIN (SELECT coalesce(e.booking_id, f.booking_id) AS booking_id, e.booking_id AS evaluated, f.booking_id AS followed_up,
                             e.content, e.knowledge_improved, e.confidence_improved, f.implemented
                      FROM (SELECT * FROM evaluations WHERE NOT @quartered OR submitted_at < @counts_before) e
                      FULL JOIN (SELECT * FROM follow_ups WHERE NOT @quartered OR submitted_at < @counts_before) f
                             ON f.booking_id = e.booking_id) x ON x.booking_id = b.id
                WHERE r.starts_at >= @year_start AND r.starts_at < @year_end
                  AND {UptakeParameters.CourseConditions}
                  AND EXISTS (SELECT 1 FROM attendance a WHERE a.booking_id = b.id AND a.present)
                GROUP BY b.school_urn)
            SELECT g.group_name,
                   coalesce(sum(x.responses), 0)::int,
                   coalesce(sum(x.good), 0)::int,
                   coalesce(sum(x.knowledge), 0)::int,
                   coalesce(sum(x.confidence), 0)::int,
                   coalesce(sum(x.follow_ups), 0)::int,
                   coalesce(sum(x.implemented), 0)::int,
                   {parent}
            FROM groups g
            LEFT JOIN open_schools o ON o.group_key = g.group_key
            LEFT JOIN answered x ON x.urn = o.urn
            GROUP BY g.group_key, g.group_name, g.ord
            ORDER BY g.ord
            """,
            command =>
            {
                UptakeGroups.AddParameters(command, by);
                UptakeParameters.AddPeriod(command, period);
                UptakeParameters.AddCourseFilter(command, filter);
            },
            reader => new EvaluationGroup(reader.GetString(0),
                new EvaluationSummary(reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetInt32(4), reader.GetInt32(5), reader.GetInt32(6)),
                reader.IsDBNull(7) ? null : reader.GetString(7)),
            cancellationToken);
    }
}
