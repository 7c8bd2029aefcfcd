using Npgsql;

namespace InclusionNetwork.Grains.Uptake;

/// <summary>
/// Peer review uptake in one statement. Per open school in scope, over the academic year's
/// clusters and their cycles (a cluster belongs to one academic year and has at most one cycle):
/// <list type="bullet">
/// <item>in a cluster: a member of a cluster of the year that is active, i.e. has a leader
/// and 4 to 6 members (counting every member, as the cluster itself does);</item>
/// <item>reviewed: hosted a visit in a cycle of the year whose status is COMPLETED, REPORTED
/// or FOLLOWED_UP (and, for a quarter, dated on or before its last day);</item>
/// <item>implementing actions: at least one action of the report on its visit in a cycle
/// of the year is IMPLEMENTED (for a quarter, marked so by its end);</item>
/// <item>actively participating: in an active cluster, and either reviewed as above or with
/// a member of staff among the reviewers of such a visit (same statuses and dates) of its
/// own cluster: being a member is not enough, as the delivery plan defines it.</item>
/// </list>
/// Cluster membership is the year's whatever the quarter: clusters are formed for the year.
/// </summary>
public sealed class PeerReviewUptakeQuery(NpgsqlDataSource dataSource)
{
    /// <summary>Every open school (scope ALL), as callers written before scopes ask for it.</summary>
    public Task<IReadOnlyList<PeerReviewUptake>> RunAsync(Breakdown by, UptakePeriod period, CancellationToken cancellationToken) =>
        RunAsync(by, period, SchoolScope.ALL, cancellationToken);

    public async Task<IReadOnlyList<PeerReviewUptake>> RunAsync(Breakdown by, UptakePeriod period, SchoolScope scope = SchoolScope.ALL, CancellationToken cancellationToken = default)
    {
        return await UptakeStatement.ReadAsync(dataSource, $"""
            WITH {UptakeGroups.Ctes(by, scope)},
            active_clusters AS (
                SELECT c.id
                FROM peer_review_clusters c
                JOIN cluster_members m ON m.cluster_id = c.id
                WHERE c.academic_year = @year AND c.leader_id IS NOT NULL
                GROUP BY c.id
                HAVING count(*) BETWEEN 4 AND 6),
            in_cluster AS (
                SELECT m.school_urn AS urn, m.cluster_id
                FROM cluster_members m JOIN active_clusters a ON a.id = m.cluster_id),
            held_visits AS (
                SELECT v.id, v.host_urn, y.cluster_id
                FROM review_visits v JOIN review_cycles y ON y.id = v.cycle_id
                WHERE y.academic_year = @year AND v.status IN ('COMPLETED', 'REPORTED', 'FOLLOWED_UP')
                  AND (NOT @quartered OR v.visit_date <= @last_day)),
            reviewed AS (SELECT DISTINCT host_urn AS urn FROM held_visits),
            implementing AS (
                SELECT DISTINCT v.host_urn AS urn
                FROM review_actions a
                JOIN review_visits v ON v.id = a.visit_id
                JOIN review_cycles y ON y.id = v.cycle_id
                WHERE y.academic_year = @year AND a.status = 'IMPLEMENTED'
                  AND (NOT @quartered OR coalesce(a.implemented_at, a.updated_at) < @counts_before)),
            -- Two joins and a UNION rather than one EXISTS OR another: the OR kept the planner from
            -- joining, and its estimate of the per-member subplans (a million) set off JIT
            -- compilation that alone took seconds. A school is in one cluster a year, so the
            -- UNION's rows are distinct schools as before.
            participating AS (
                SELECT i.urn
                FROM in_cluster i JOIN held_visits h ON h.host_urn = i.urn AND h.cluster_id = i.cluster_id
                UNION
                SELECT i.urn
                FROM in_cluster i
                JOIN held_visits h ON h.cluster_id = i.cluster_id
                JOIN visit_reviewers vr ON vr.visit_id = h.id AND vr.school_urn = i.urn)
            SELECT g.group_name,
                   count(o.urn)::int,
                   count(c.urn)::int,
                   count(r.urn)::int,
                   count(i.urn)::int,
                   count(p.urn)::int
            FROM groups g
            LEFT JOIN open_schools o ON o.group_key = g.group_key
            LEFT JOIN (SELECT DISTINCT urn FROM in_cluster) c ON c.urn = o.urn
            LEFT JOIN reviewed r ON r.urn = o.urn
            LEFT JOIN implementing i ON i.urn = o.urn
            LEFT JOIN participating p ON p.urn = o.urn
            GROUP BY g.group_key, g.group_name, g.ord
            ORDER BY g.ord
            """,
            command =>
            {
                UptakeGroups.AddParameters(command, by);
                UptakeParameters.AddPeriod(command, period);
            },
            reader => new PeerReviewUptake(reader.GetString(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetInt32(4), reader.GetInt32(5)),
            cancellationToken);
    }
}
