using Npgsql;

namespace InclusionNetwork.Grains.Uptake;

/// <summary>
/// Inclusion leadership uptake in one statement: open schools where, by the end of the
/// academic year, a senior leader (SENIOR_LEADER, HEADTEACHER or EXECUTIVE_HEADTEACHER) and
/// a middle leader (MIDDLE_LEADER or SENCO) have each completed (attended every session of)
/// a run of a course with a leadership level, the run having ended before the year was out.
/// </summary>
/// <remarks>
/// Staff removed from the school before the year ended no longer count for it: the measure
/// is about the leaders a school has, and a removed member of staff's history is kept only
/// so their bookings stay readable. The staff member's role is their current one.
/// </remarks>
public sealed class LeadershipUptakeQuery(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyList<LeadershipUptake>> RunAsync(Breakdown by, UptakePeriod period, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand($"""
            WITH {UptakeGroups.Ctes(by)},
            trained AS (
                SELECT st.school_urn AS urn
                FROM courses c
                JOIN course_runs r ON r.course_id = c.id
                JOIN bookings b ON b.run_id = r.id
                JOIN staff st ON st.id = b.staff_id
                WHERE c.leadership_level IS NOT NULL
                  AND r.ends_at < @year_end
                  AND b.status = 'CONFIRMED' AND b.completed_at IS NOT NULL
                  AND (st.removed_at IS NULL OR st.removed_at >= @year_end)
                  AND st.role IN ('SENIOR_LEADER', 'HEADTEACHER', 'EXECUTIVE_HEADTEACHER', 'MIDDLE_LEADER', 'SENCO')
                GROUP BY st.school_urn
                HAVING bool_or(st.role IN ('SENIOR_LEADER', 'HEADTEACHER', 'EXECUTIVE_HEADTEACHER'))
                   AND bool_or(st.role IN ('MIDDLE_LEADER', 'SENCO')))
            SELECT g.group_name, count(o.urn)::int, count(t.urn)::int
            FROM groups g
            LEFT JOIN open_schools o ON o.group_key = g.group_key
            LEFT JOIN trained t ON t.urn = o.urn
            GROUP BY g.group_key, g.group_name, g.ord
            ORDER BY g.ord
            """);
        UptakeGroups.AddParameters(command, by);
        command.Parameters.AddWithValue("year_end", period.EndsBefore);
        var rows = new List<LeadershipUptake>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new LeadershipUptake(reader.GetString(0), reader.GetInt32(1), reader.GetInt32(2)));
        }
        return rows;
    }
}
