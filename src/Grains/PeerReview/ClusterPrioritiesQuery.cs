using InclusionNetwork.Grains.Common;
using Npgsql;

namespace InclusionNetwork.Grains.PeerReview;

/// <summary>
/// What a cluster's schools are working on, for the ILE group's termly summary: the focus
/// areas of the visits of the cluster's cycle (a cluster is of one academic year and has one
/// cycle) that have a self-evaluation submitted or a report, counted once per member school
/// that chose it, most frequent first, ties in the framework's order. Areas no school chose
/// are left out. One statement for many clusters.
/// </summary>
public sealed class ClusterPrioritiesQuery(NpgsqlDataSource dataSource)
{
    public async Task<ILookup<long, ClusterPriority>> RunAsync(IReadOnlyCollection<long> clusterIds, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT y.cluster_id, f.area, count(DISTINCT v.host_urn)::int
            FROM review_cycles y
            JOIN review_visits v ON v.cycle_id = y.id
            JOIN cluster_members m ON m.cluster_id = y.cluster_id AND m.school_urn = v.host_urn
            CROSS JOIN LATERAL unnest(v.focus_areas) AS f (area)
            WHERE y.cluster_id = ANY(@ids)
              AND (v.self_evaluation_submitted_at IS NOT NULL OR EXISTS (SELECT 1 FROM review_reports p WHERE p.visit_id = v.id))
            GROUP BY y.cluster_id, f.area
            """);
        command.Parameters.AddWithValue("ids", clusterIds.Distinct().ToArray());
        var rows = new List<(long Cluster, ClusterPriority Priority)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add((reader.GetInt64(0), new ClusterPriority(Enum.Parse<FrameworkArea>(reader.GetString(1)), reader.GetInt32(2))));
        }
        return rows
            .OrderBy(r => r.Cluster).ThenByDescending(r => r.Priority.Schools).ThenBy(r => r.Priority.Area)
            .ToLookup(r => r.Cluster, r => r.Priority);
    }
}
