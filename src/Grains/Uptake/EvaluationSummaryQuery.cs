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
        await using var command = dataSource.CreateCommand($"""
            WITH {UptakeGroups.Ctes(by, scope)},
            answered AS (
                SELECT b.school_urn AS urn,
                       count(e.booking_id) AS responses,
                       count(*) FILTER (WHERE e.content IN ('GOOD', 'EXCELLENT')) AS good,
                       count(*) FILTER (WHERE e.knowledge_improved IN ('AGREE', 'STRONGLY_AGREE')) AS knowledge,
                       count(*) FILTER (WHERE e.confidence_improved IN ('AGREE', 'STRONGLY_AGREE')) AS confidence,
                       count(f.booking_id) AS follow_ups,
                       count(*) FILTER (WHERE f.implemented IN ('PARTLY', 'FULLY')) AS implemented
                FROM course_runs r
                JOIN courses c ON c.id = r.course_id
                JOIN bookings b ON b.run_id = r.id
                LEFT JOIN evaluations e ON e.booking_id = b.id AND (NOT @quartered OR e.submitted_at < @counts_before)
                LEFT JOIN follow_ups f ON f.booking_id = b.id AND (NOT @quartered OR f.submitted_at < @counts_before)
                WHERE r.starts_at >= @year_start AND r.starts_at < @year_end
                  AND {UptakeParameters.CourseConditions}
                  AND (e.booking_id IS NOT NULL OR f.booking_id IS NOT NULL)
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
            """);
        UptakeGroups.AddParameters(command, by);
        UptakeParameters.AddPeriod(command, period);
        UptakeParameters.AddCourseFilter(command, filter);
        var rows = new List<EvaluationGroup>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new EvaluationGroup(reader.GetString(0),
                new EvaluationSummary(reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetInt32(4), reader.GetInt32(5), reader.GetInt32(6)),
                reader.IsDBNull(7) ? null : reader.GetString(7)));
        }
        return rows;
    }
}
