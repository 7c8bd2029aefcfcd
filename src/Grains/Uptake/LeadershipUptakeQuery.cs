using InclusionNetwork.Grains.Courses;
using Npgsql;

namespace InclusionNetwork.Grains.Uptake;

/// <summary>
/// Inclusion leadership uptake in one statement: open schools in scope where, by the end of
/// the period (the academic year, or a quarter of it), a senior leader (SENIOR_LEADER,
/// HEADTEACHER or EXECUTIVE_HEADTEACHER) and a middle leader (MIDDLE_LEADER or SENCO) have
/// each completed (attended every session of) a run of a course with a leadership level, the
/// run having ended before the period was out; and, per level of the programme, schools with
/// any member of staff (any role) who completed a run of a course at that level by then.
/// </summary>
/// <remarks>
/// Staff removed from the school before the period ended no longer count for it: the measure
/// is about the leaders a school has, and a removed member of staff's history is kept only
/// so their bookings stay readable. The staff member's role is their current one.
/// </remarks>
public sealed class LeadershipUptakeQuery(NpgsqlDataSource dataSource)
{
    private static readonly LeadershipLevel[] Levels = Enum.GetValues<LeadershipLevel>();

    /// <summary>Every open school (scope ALL), as callers written before scopes ask for it.</summary>
    public Task<IReadOnlyList<LeadershipUptake>> RunAsync(Breakdown by, UptakePeriod period, CancellationToken cancellationToken) =>
        RunAsync(by, period, SchoolScope.ALL, cancellationToken);

    public async Task<IReadOnlyList<LeadershipUptake>> RunAsync(Breakdown by, UptakePeriod period, SchoolScope scope = SchoolScope.ALL, CancellationToken cancellationToken = default)
    {
        // One flag and one count per level, in the enum's order (the contract's), from the level names only.
        var levelFlags = string.Join(",\n", Levels.Select((l, i) => $"bool_or(f.leadership_level = '{l}' AND f.anyone_by < @counts_before) AS level_{i}"));
        var levelCounts = string.Join(",\n", Levels.Select((_, i) => $"count(*) FILTER (WHERE k.level_{i})::int"));
        // leadership_firsts (migration 0046), kept right by triggers, holds per school and level
        // when its staff first completed a run at that level (senior leaders, middle leaders,
        // anyone), with removed staff on rows of their own that count until their removal: a
        // few rows per school instead of every completion of every year joined to every member
        // of staff. Which roles are senior and middle leaders is therefore written in that
        // migration's leadership_firsts_defined: a change to either list needs a migration.
        return await UptakeStatement.ReadAsync(dataSource, $"""
            WITH {UptakeGroups.Ctes(by, scope)},
            completed AS (
                SELECT f.school_urn AS urn,
                       bool_or(f.senior_leader_by < @counts_before) AND bool_or(f.middle_leader_by < @counts_before) AS trained,
                       {levelFlags}
                FROM leadership_firsts f
                WHERE f.removed_at IS NULL OR f.removed_at >= @counts_before
                GROUP BY f.school_urn)
            SELECT g.group_name, count(o.urn)::int, count(*) FILTER (WHERE k.trained)::int,
                   {levelCounts}
            FROM groups g
            LEFT JOIN open_schools o ON o.group_key = g.group_key
            LEFT JOIN completed k ON k.urn = o.urn
            GROUP BY g.group_key, g.group_name, g.ord
            ORDER BY g.ord
            """,
            command =>
            {
                UptakeGroups.AddParameters(command, by);
                UptakeParameters.AddPeriod(command, period);
            },
            reader =>
            {
                var schools = reader.GetInt32(1);
                return new LeadershipUptake(reader.GetString(0), schools, reader.GetInt32(2),
                    [.. Levels.Select((level, i) => new LeadershipLevelUptake(level, reader.GetInt32(3 + i), schools))]);
            },
            cancellationToken);
    }
}
