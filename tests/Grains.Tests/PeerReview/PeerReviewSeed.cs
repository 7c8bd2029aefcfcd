using InclusionNetwork.Grains.Accounts;
using Npgsql;

namespace InclusionNetwork.Grains.Tests.PeerReview;

/// <summary>
/// Rows of peer review written straight into a test database: schools with one SENCO each (the
/// staff the planner draws reviewers from), leaders, clusters with their cycles, and visits.
/// Today is Monday 23 November 2026, in the 2026/27 year whose term dates the migrations hold.
/// </summary>
internal static class PeerReviewSeed
{
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    public static readonly Viewer Admin = new(1, "Admin", "admin@example.test", new HashSet<Role> { Role.ADMIN }, null, null, null);

    public static Viewer LeaderViewer(long leaderId) => new(100 + leaderId, "Leader", "leader@example.test", new HashSet<Role> { Role.LEADER }, null, null, leaderId);

    /// <summary>Open schools with one SENCO each; the SENCOs' staff ids by URN.</summary>
    public static async Task<IReadOnlyDictionary<string, long>> SchoolsAsync(NpgsqlDataSource db, params string[] urns)
    {
        await using var command = db.CreateCommand("""
            INSERT INTO schools (urn, name, phase, school_type, district_id, open, gias_type, gias_phase, gias_status, imported_at, updated_at)
            SELECT u, 'School ' || u, 'PRIMARY', 'MAINTAINED', 'dartford', true, 'Community school', 'Primary', 'Open', now(), now() FROM unnest(@urns) AS u;
            INSERT INTO staff (school_urn, name, email, role, created_at)
            SELECT u, 'SENCO of ' || u, 'senco.' || u || '@example.test', 'SENCO', now() FROM unnest(@urns) AS u;
            SELECT school_urn, id FROM staff WHERE school_urn = ANY(@urns);
            """);
        command.Parameters.AddWithValue("urns", urns);
        var sencos = new Dictionary<string, long>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            sencos[reader.GetString(0)] = reader.GetInt64(1);
        }
        return sencos;
    }

    public static async Task<long> LeaderAsync(NpgsqlDataSource db, string name)
    {
        await using var command = db.CreateCommand("INSERT INTO inclusion_leaders (name, email, created_at) VALUES (@name, @email, now()) RETURNING id");
        command.Parameters.AddWithValue("name", name);
        command.Parameters.AddWithValue("email", $"{name.ToLowerInvariant().Replace(' ', '.')}@example.test");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>A 2026/27 cluster of <paramref name="urns"/> led by <paramref name="leaderId"/>, with its cycle.</summary>
    public static async Task<(long ClusterId, long CycleId)> ClusterAsync(NpgsqlDataSource db, string name, long leaderId, params string[] urns)
    {
        await using var command = db.CreateCommand("""
            WITH k AS (
                INSERT INTO peer_review_clusters (name, academic_year, leader_id, created_at, updated_at) VALUES (@name, '2026/27', @leader, @now, @now) RETURNING id
            ), m AS (
                INSERT INTO cluster_members (cluster_id, academic_year, school_urn, joined_at) SELECT k.id, '2026/27', u, @now FROM k, unnest(@urns) AS u
            )
            INSERT INTO review_cycles (cluster_id, academic_year, created_at, updated_at) SELECT id, '2026/27', @now, @now FROM k RETURNING cluster_id, id
            """);
        command.Parameters.AddWithValue("name", name);
        command.Parameters.AddWithValue("leader", leaderId);
        command.Parameters.AddWithValue("urns", urns);
        command.Parameters.AddWithValue("now", Now);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    /// <summary>A PROPOSED visit to <paramref name="hostUrn"/> with no date yet.</summary>
    public static async Task<long> VisitAsync(NpgsqlDataSource db, long cycleId, string hostUrn, long leaderId)
    {
        await using var command = db.CreateCommand("""
            INSERT INTO review_visits (cycle_id, host_urn, status, leader_id, proposed_at, created_at, updated_at)
            VALUES (@cycle, @host, 'PROPOSED', @leader, @now, @now, @now) RETURNING id
            """);
        command.Parameters.AddWithValue("cycle", cycleId);
        command.Parameters.AddWithValue("host", hostUrn);
        command.Parameters.AddWithValue("leader", leaderId);
        command.Parameters.AddWithValue("now", Now);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public static async Task<T> ScalarAsync<T>(NpgsqlDataSource db, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = db.CreateCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
