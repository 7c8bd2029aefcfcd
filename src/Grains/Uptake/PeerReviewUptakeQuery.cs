using Npgsql;

namespace InclusionNetwork.Grains.Uptake;

/// <summary>
/// Peer review uptake in one statement. Per open school, over the academic year's clusters
/// and their cycles (a cluster belongs to one academic year and has at most one cycle):
/// <list type="bullet">
/// <item>in a cluster: a member of a cluster of the year that is active, i.e. has a leader
/// and 4 to 6 members (counting every member, as the cluster itself does);</item>
/// <item>reviewed: hosted a visit in a cycle of the year whose status is COMPLETED, REPORTED
/// or FOLLOWED_UP;</item>
/// <item>implementing actions: at least one action of the report on its visit in a cycle
/// of the year is IMPLEMENTED.</item>
/// </list>
/// </summary>
public sealed class PeerReviewUptakeQuery(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyList<PeerReviewUptake>> RunAsync(Breakdown by, UptakePeriod period, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand($"""
            WITH {UptakeGroups.Ctes(by)},
            active_clusters AS (
                SELECT c.id
                FROM peer_review_clusters c
                JOIN cluster_members m ON m.cluster_id = c.id
                WHERE c.academic_year = @year AND c.leader_id IS NOT NULL
                GROUP BY c.id
                HAVING count(*) BETWEEN 4 AND 6),
            in_cluster AS (
                SELECT DISTINCT m.school_urn AS urn
                FROM cluster_members m JOIN active_clusters a ON a.id = m.cluster_id),
            reviewed AS (
                SELECT DISTINCT v.host_urn AS urn
                FROM review_visits v JOIN review_cycles y ON y.id = v.cycle_id
                WHERE y.academic_year = @year AND v.status IN ('COMPLETED', 'REPORTED', 'FOLLOWED_UP')),
            implementing AS (
                SELECT DISTINCT v.host_urn AS urn
                FROM review_actions a
                JOIN review_visits v ON v.id = a.visit_id
                JOIN review_cycles y ON y.id = v.cycle_id
                WHERE y.academic_year = @year AND a.status = 'IMPLEMENTED')
            SELECT g.group_name,
                   count(o.urn)::int,
                   count(c.urn)::int,
                   count(r.urn)::int,
                   count(i.urn)::int
            FROM groups g
            LEFT JOIN open_schools o ON o.group_key = g.group_key
            LEFT JOIN in_cluster c ON c.urn = o.urn
            LEFT JOIN reviewed r ON r.urn = o.urn
            LEFT JOIN implementing i ON i.urn = o.urn
            GROUP BY g.group_key, g.group_name, g.ord
            ORDER BY g.ord
            """);
        UptakeGroups.AddParameters(command, by);
        command.Parameters.AddWithValue("year", period.Year.ToString());
        var rows = new List<PeerReviewUptake>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new PeerReviewUptake(reader.GetString(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetInt32(4)));
        }
        return rows;
    }
}
