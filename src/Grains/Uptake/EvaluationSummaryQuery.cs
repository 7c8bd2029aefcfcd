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
            -- attendee_answers (migration 0045) holds, by run, the answers of bookings with a
            -- session attended, kept right by triggers: the year's runs find theirs without
            -- reading every answer, booking and attendance mark of every year.
            answers AS (
                SELECT a.school_urn AS urn,
                       (a.evaluated_at IS NOT NULL AND (NOT @quartered OR a.evaluated_at < @counts_before)) AS evaluated,
                       a.content, a.knowledge_improved, a.confidence_improved,
                       (a.followed_up_at IS NOT NULL AND (NOT @quartered OR a.followed_up_at < @counts_before)) AS followed_up,
                       a.implemented
                FROM course_runs r
                JOIN courses c ON c.id = r.course_id
                JOIN attendee_answers a ON a.run_id = r.id
                WHERE r.starts_at >= @year_start AND r.starts_at < @year_end
                  AND {UptakeParameters.CourseConditions}),
            answered AS (
                SELECT urn,
                       count(*) FILTER (WHERE evaluated) AS responses,
                       count(*) FILTER (WHERE evaluated AND content IN ('GOOD', 'EXCELLENT')) AS good,
                       count(*) FILTER (WHERE evaluated AND knowledge_improved IN ('AGREE', 'STRONGLY_AGREE')) AS knowledge,
                       count(*) FILTER (WHERE evaluated AND confidence_improved IN ('AGREE', 'STRONGLY_AGREE')) AS confidence,
                       count(*) FILTER (WHERE followed_up) AS follow_ups,
                       count(*) FILTER (WHERE followed_up AND implemented IN ('PARTLY', 'FULLY')) AS implemented
                FROM answers
                GROUP BY urn)
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
