using InclusionNetwork.Grains.Common;
using Npgsql;

namespace InclusionNetwork.Grains.PeerReview;

/// <summary>
/// Reads of clusters, cycles, visits, reports and actions, straight from SQL and batched by
/// key so a list of items costs one statement per kind of thing, not one per item.
/// </summary>
public sealed class PeerReviewQueries(NpgsqlDataSource dataSource)
{
    internal const string ClusterSelect = """
        SELECT k.id, k.name, k.academic_year, k.leader_id,
               coalesce(array_agg(m.school_urn ORDER BY m.school_urn) FILTER (WHERE m.school_urn IS NOT NULL), '{}'),
               y.id, k.version
        FROM peer_review_clusters k
        JOIN review_cycles y ON y.cluster_id = k.id
        LEFT JOIN cluster_members m ON m.cluster_id = k.id
        """;

    internal const string ClusterGroupBy = " GROUP BY k.id, y.id ORDER BY k.academic_year, k.name, k.id";

    internal const string VisitSelect = """
        SELECT v.id, v.cycle_id, c.cluster_id, c.academic_year, v.host_urn, v.status, v.visit_date,
               coalesce(array_agg(r.staff_id ORDER BY r.staff_id) FILTER (WHERE r.staff_id IS NOT NULL), '{}'),
               coalesce(array_agg(r.school_urn ORDER BY r.staff_id) FILTER (WHERE r.staff_id IS NOT NULL), '{}'),
               v.focus_areas, v.self_evaluation_due, v.self_evaluation_submitted_at, v.impact_review_due, v.sequence, v.version
        FROM review_visits v
        JOIN review_cycles c ON c.id = v.cycle_id
        LEFT JOIN visit_reviewers r ON r.visit_id = v.id
        """;

    internal const string VisitGroupBy = " GROUP BY v.id, c.cluster_id, c.academic_year ORDER BY v.visit_date NULLS LAST, v.host_urn, v.id";

    public async Task<IReadOnlyDictionary<long, Cluster>> ClustersAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(ClusterSelect + " WHERE k.id = ANY(@ids)" + ClusterGroupBy);
        command.Parameters.AddWithValue("ids", ids.ToArray());
        return (await ReadClustersAsync(command, cancellationToken)).ToDictionary(c => c.Id);
    }

    /// <summary>Clusters of the year (every year when null) with a member in the district (any when null).</summary>
    public async Task<IReadOnlyList<Cluster>> SearchClustersAsync(string? districtId, string? academicYear, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(ClusterSelect + """
             WHERE (@year::text IS NULL OR k.academic_year = @year)
               AND (@district::text IS NULL OR EXISTS (
                    SELECT 1 FROM cluster_members dm JOIN schools s ON s.urn = dm.school_urn WHERE dm.cluster_id = k.id AND s.district_id = @district))
            """ + ClusterGroupBy);
        command.Parameters.Add(new NpgsqlParameter<string?>("year", academicYear));
        command.Parameters.Add(new NpgsqlParameter<string?>("district", districtId));
        return await ReadClustersAsync(command, cancellationToken);
    }

    /// <summary>The cluster each school belongs to in the year.</summary>
    public async Task<IReadOnlyDictionary<string, Cluster>> ClustersOfSchoolsAsync(IReadOnlyCollection<string> urns, string academicYear, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(ClusterSelect + """
             WHERE k.id IN (SELECT cluster_id FROM cluster_members WHERE school_urn = ANY(@urns) AND academic_year = @year)
            """ + ClusterGroupBy);
        command.Parameters.AddWithValue("urns", urns.ToArray());
        command.Parameters.AddWithValue("year", academicYear);
        var clusters = await ReadClustersAsync(command, cancellationToken);
        var result = new Dictionary<string, Cluster>();
        foreach (var cluster in clusters)
        {
            foreach (var urn in cluster.MemberUrns.Where(urns.Contains))
            {
                result[urn] = cluster;
            }
        }
        return result;
    }

    public async Task<IReadOnlyList<Cluster>> ClustersLedByAsync(long leaderId, string? academicYear, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(ClusterSelect + " WHERE k.leader_id = @leader AND (@year::text IS NULL OR k.academic_year = @year)" + ClusterGroupBy);
        command.Parameters.AddWithValue("leader", leaderId);
        command.Parameters.Add(new NpgsqlParameter<string?>("year", academicYear));
        return await ReadClustersAsync(command, cancellationToken);
    }

    /// <summary>Of the schools, those in a cluster the leader leads in one of the years: one statement for the whole set.</summary>
    public async Task<IReadOnlySet<string>> SchoolsInClustersLedByAsync(long leaderId, IReadOnlyCollection<string> schoolUrns, IReadOnlyCollection<string> academicYears,
        CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT DISTINCT m.school_urn FROM cluster_members m JOIN peer_review_clusters k ON k.id = m.cluster_id
            WHERE k.leader_id = @leader AND m.school_urn = ANY(@urns) AND k.academic_year = ANY(@years)
            """);
        command.Parameters.AddWithValue("leader", leaderId);
        command.Parameters.AddWithValue("urns", schoolUrns.ToArray());
        command.Parameters.AddWithValue("years", academicYears.ToArray());
        var urns = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            urns.Add(reader.GetString(0));
        }
        return urns;
    }

    public async Task<IReadOnlyDictionary<long, ReviewCycle>> CyclesAsync(IReadOnlyCollection<long> cycleIds, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("SELECT id, cluster_id, academic_year, planned_at FROM review_cycles WHERE id = ANY(@ids)");
        command.Parameters.AddWithValue("ids", cycleIds.ToArray());
        var cycles = new Dictionary<long, ReviewCycle>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            cycles[reader.GetInt64(0)] = new ReviewCycle(reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetFieldValue<DateTimeOffset>(3));
        }
        return cycles;
    }

    public async Task<IReadOnlyDictionary<long, ReviewVisit>> VisitsAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(VisitSelect + " WHERE v.id = ANY(@ids)" + VisitGroupBy);
        command.Parameters.AddWithValue("ids", ids.ToArray());
        return (await ReadVisitsAsync(command, cancellationToken)).ToDictionary(v => v.Id);
    }

    public async Task<ILookup<long, ReviewVisit>> VisitsOfCyclesAsync(IReadOnlyCollection<long> cycleIds, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(VisitSelect + " WHERE v.cycle_id = ANY(@ids)" + VisitGroupBy);
        command.Parameters.AddWithValue("ids", cycleIds.ToArray());
        return (await ReadVisitsAsync(command, cancellationToken)).ToLookup(v => v.CycleId);
    }

    public async Task<IReadOnlyList<ReviewVisit>> VisitsHostedByAsync(string urn, string? academicYear, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(VisitSelect + " WHERE v.host_urn = @urn AND (@year::text IS NULL OR c.academic_year = @year)" + VisitGroupBy);
        command.Parameters.AddWithValue("urn", urn);
        command.Parameters.Add(new NpgsqlParameter<string?>("year", academicYear));
        return await ReadVisitsAsync(command, cancellationToken);
    }

    /// <summary>Visits of the clusters the leader leads, dated within the window (undated ones when no window).</summary>
    public async Task<IReadOnlyList<ReviewVisit>> VisitsOfLeaderAsync(long leaderId, DateOnly? from, DateOnly? to, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(VisitSelect + """
             JOIN peer_review_clusters k ON k.id = c.cluster_id
             WHERE k.leader_id = @leader AND v.status <> 'CANCELLED'
               AND (@from::date IS NULL OR v.visit_date >= @from) AND (@to::date IS NULL OR v.visit_date <= @to)
            """ + VisitGroupBy);
        command.Parameters.AddWithValue("leader", leaderId);
        command.Parameters.Add(new NpgsqlParameter<DateOnly?>("from", from));
        command.Parameters.Add(new NpgsqlParameter<DateOnly?>("to", to));
        return await ReadVisitsAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyDictionary<long, ReviewReport>> ReportsAsync(IReadOnlyCollection<long> visitIds, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("SELECT visit_id, strengths, areas_for_development, submitted_at FROM review_reports WHERE visit_id = ANY(@ids)");
        command.Parameters.AddWithValue("ids", visitIds.ToArray());
        var reports = new Dictionary<long, ReviewReport>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            reports[reader.GetInt64(0)] = new ReviewReport(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3));
        }
        return reports;
    }

    public async Task<ILookup<long, ReviewAction>> ActionsAsync(IReadOnlyCollection<long> visitIds, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT id, visit_id, description, due_date, status FROM review_actions WHERE visit_id = ANY(@ids) ORDER BY visit_id, position");
        command.Parameters.AddWithValue("ids", visitIds.ToArray());
        return (await ReadActionsAsync(command, cancellationToken)).ToLookup(a => a.VisitId);
    }

    public async Task<ReviewAction?> ActionAsync(long actionId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("SELECT id, visit_id, description, due_date, status FROM review_actions WHERE id = @id");
        command.Parameters.AddWithValue("id", actionId);
        return (await ReadActionsAsync(command, cancellationToken)).SingleOrDefault();
    }

    /// <summary>Funded release days the school's staff took reviewing in the year: one per reviewer per visit not cancelled.</summary>
    public async Task<double> ReleaseDaysAsync(string urn, string academicYear, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT count(*) FROM visit_reviewers r JOIN review_visits v ON v.id = r.visit_id JOIN review_cycles c ON c.id = v.cycle_id
            WHERE r.school_urn = @urn AND c.academic_year = @year AND v.status <> 'CANCELLED'
            """);
        command.Parameters.AddWithValue("urn", urn);
        command.Parameters.AddWithValue("year", academicYear);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    internal static async Task<List<Cluster>> ReadClustersAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var clusters = new List<Cluster>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            clusters.Add(new Cluster(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetInt64(3),
                reader.GetFieldValue<string[]>(4), reader.GetInt64(5), reader.GetInt32(6)));
        }
        return clusters;
    }

    internal static async Task<List<ReviewVisit>> ReadVisitsAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var visits = new List<ReviewVisit>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            visits.Add(new ReviewVisit(
                reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetString(3), reader.GetString(4),
                Enum.Parse<VisitStatus>(reader.GetString(5)),
                reader.IsDBNull(6) ? null : reader.GetFieldValue<DateOnly>(6),
                reader.GetFieldValue<long[]>(7),
                reader.GetFieldValue<string[]>(8),
                reader.GetFieldValue<string[]>(9).Select(Enum.Parse<FrameworkArea>).ToList(),
                reader.IsDBNull(10) ? null : reader.GetFieldValue<DateOnly>(10),
                reader.IsDBNull(11) ? null : reader.GetFieldValue<DateTimeOffset>(11),
                reader.IsDBNull(12) ? null : reader.GetFieldValue<DateOnly>(12),
                reader.GetInt32(13),
                reader.GetInt32(14)));
        }
        return visits;
    }

    private static async Task<List<ReviewAction>> ReadActionsAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var actions = new List<ReviewAction>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            actions.Add(new ReviewAction(reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetFieldValue<DateOnly>(3), Enum.Parse<ActionStatus>(reader.GetString(4))));
        }
        return actions;
    }
}
