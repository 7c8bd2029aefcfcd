using System.Globalization;
using InclusionNetwork.Grains.Common;
using InclusionNetwork.Grains.Leaders;
using Npgsql;

namespace InclusionNetwork.Grains.PeerReview;

/// <summary>
/// The SQL of cluster commands, each checked and written inside one transaction. The unique
/// index on (school, academic year) and the lock on the leader's row keep the rules across
/// silos; what the checks here catch first gets a clear message.
/// </summary>
public sealed class ClusterStore(NpgsqlDataSource dataSource, DomainClock clock)
{
    public NpgsqlDataSource DataSource => dataSource;

    public async Task<CommandResult<Cluster>> CreateAsync(string academicYear, string name, long? leaderId, IReadOnlyList<string> memberUrns)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var errors = new List<DomainError>();
        errors.AddRange(await CheckNameAsync(connection, transaction, academicYear, name, null));
        errors.AddRange(await CheckMembersAsync(connection, transaction, academicYear, memberUrns, null));
        if (leaderId is { } leader)
        {
            errors.AddRange(await CheckLeaderCapacityAsync(connection, transaction, academicYear, leader, null));
        }
        if (errors.Count > 0)
        {
            return new CommandResult<Cluster>(null, errors);
        }
        var now = clock.GetUtcNow();
        long id;
        await using (var insert = new NpgsqlCommand("""
            INSERT INTO peer_review_clusters (name, academic_year, leader_id, created_at, updated_at) VALUES (@name, @year, @leader, @now, @now) RETURNING id
            """, connection, transaction))
        {
            insert.Parameters.AddWithValue("name", name.Trim());
            insert.Parameters.AddWithValue("year", academicYear);
            insert.Parameters.Add(new NpgsqlParameter<long?>("leader", leaderId));
            insert.Parameters.AddWithValue("now", now);
            id = (long)(await insert.ExecuteScalarAsync())!;
        }
        await using (var cycle = new NpgsqlCommand("""
            INSERT INTO review_cycles (cluster_id, academic_year, created_at, updated_at) VALUES (@id, @year, @now, @now)
            """, connection, transaction))
        {
            cycle.Parameters.AddWithValue("id", id);
            cycle.Parameters.AddWithValue("year", academicYear);
            cycle.Parameters.AddWithValue("now", now);
            await cycle.ExecuteNonQueryAsync();
        }
        if (await AddMembersAsync(connection, transaction, id, academicYear, memberUrns, now) is { } clash)
        {
            return CommandResult<Cluster>.Failure(clash);
        }
        await transaction.CommitAsync();
        return CommandResult<Cluster>.Success((await LoadAsync(id))!);
    }

    /// <returns>null when another writer changed the cluster since <paramref name="current"/> was read.</returns>
    public async Task<CommandResult<Cluster>?> UpdateAsync(Cluster current, ClusterChange change)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var now = clock.GetUtcNow();
        var leaderId = change.SetLeader ? change.LeaderId : current.LeaderId;
        // Leaders first, as every writer of their visits locks them: a change of leader or
        // members moves visits, and the diary triggers then lock the leaders' rows.
        await LeaderStore.LockDiariesAsync(connection, transaction, [current.LeaderId, leaderId]);
        await using (var bump = new NpgsqlCommand("""
            UPDATE peer_review_clusters SET name = @name, leader_id = @leader, updated_at = @now, version = version + 1
            WHERE id = @id AND version = @version
            """, connection, transaction))
        {
            bump.Parameters.AddWithValue("name", (change.Name ?? current.Name).Trim());
            bump.Parameters.Add(new NpgsqlParameter<long?>("leader", leaderId));
            bump.Parameters.AddWithValue("now", now);
            bump.Parameters.AddWithValue("id", current.Id);
            bump.Parameters.AddWithValue("version", current.Version);
            if (await bump.ExecuteNonQueryAsync() == 0)
            {
                return null;
            }
        }
        var errors = new List<DomainError>();
        if (change.Name is not null)
        {
            errors.AddRange(await CheckNameAsync(connection, transaction, current.AcademicYear, change.Name, current.Id));
        }
        var members = change.MemberUrns ?? current.MemberUrns;
        var removed = current.MemberUrns.Except(members).ToList();
        var added = members.Except(current.MemberUrns).ToList();
        if (change.MemberUrns is not null)
        {
            errors.AddRange(await CheckMembersAsync(connection, transaction, current.AcademicYear, change.MemberUrns, current.Id));
            errors.AddRange(await CheckRemovableAsync(connection, transaction, current, removed, change.MemberUrns));
        }
        if (change.SetLeader && leaderId is { } newLeader && newLeader != current.LeaderId)
        {
            errors.AddRange(await CheckLeaderCapacityAsync(connection, transaction, current.AcademicYear, newLeader, current.Id));
        }
        if (errors.Count > 0)
        {
            return new CommandResult<Cluster>(null, errors);
        }
        if (removed.Count > 0)
        {
            await using var remove = new NpgsqlCommand("""
                DELETE FROM visit_reviewers r USING review_visits v
                WHERE v.id = r.visit_id AND v.cycle_id = @cycle AND v.status = 'PROPOSED' AND r.school_urn = ANY(@removed);
                DELETE FROM review_visits WHERE cycle_id = @cycle AND status = 'PROPOSED' AND host_urn = ANY(@removed);
                DELETE FROM cluster_members WHERE cluster_id = @id AND school_urn = ANY(@removed);
                """, connection, transaction);
            remove.Parameters.AddWithValue("cycle", current.CycleId);
            remove.Parameters.AddWithValue("removed", removed.ToArray());
            remove.Parameters.AddWithValue("id", current.Id);
            await remove.ExecuteNonQueryAsync();
        }
        if (await AddMembersAsync(connection, transaction, current.Id, current.AcademicYear, added, now) is { } clash)
        {
            return CommandResult<Cluster>.Failure(clash);
        }
        if (change.SetLeader && leaderId != current.LeaderId)
        {
            // Visits still to come follow the new leader; the unique index refuses a day they are already at another visit.
            await using var follow = new NpgsqlCommand("""
                UPDATE review_visits SET leader_id = @leader, sequence = sequence + 1, updated_at = @now, version = version + 1
                WHERE cycle_id = @cycle AND status IN ('PROPOSED', 'CONFIRMED')
                """, connection, transaction);
            follow.Parameters.Add(new NpgsqlParameter<long?>("leader", leaderId));
            follow.Parameters.AddWithValue("now", now);
            follow.Parameters.AddWithValue("cycle", current.CycleId);
            try
            {
                await follow.ExecuteNonQueryAsync();
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
            {
                return CommandResult<Cluster>.Failure(new DomainError(ErrorCodes.Clash,
                    "The new leader is at another visit on the day of one of this cluster's visits; move that visit first.", ["input", "leaderId"]));
            }
        }
        await transaction.CommitAsync();
        return CommandResult<Cluster>.Success((await LoadAsync(current.Id))!);
    }

    public async Task<Cluster?> LoadAsync(long id)
    {
        await using var command = dataSource.CreateCommand(PeerReviewQueries.ClusterSelect + " WHERE k.id = @id" + PeerReviewQueries.ClusterGroupBy);
        command.Parameters.AddWithValue("id", id);
        return (await PeerReviewQueries.ReadClustersAsync(command, CancellationToken.None)).SingleOrDefault();
    }

    private static async Task<DomainError?> AddMembersAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long clusterId, string year,
        IReadOnlyList<string> urns, DateTimeOffset now)
    {
        if (urns.Count == 0)
        {
            return null;
        }
        await using var insert = new NpgsqlCommand("""
            INSERT INTO cluster_members (cluster_id, academic_year, school_urn, joined_at) SELECT @id, @year, unnest(@urns), @now
            """, connection, transaction);
        insert.Parameters.AddWithValue("id", clusterId);
        insert.Parameters.AddWithValue("year", year);
        insert.Parameters.AddWithValue("urns", urns.ToArray());
        insert.Parameters.AddWithValue("now", now);
        try
        {
            await insert.ExecuteNonQueryAsync();
            return null;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            // Another silo put one of these schools in a cluster after the check above.
            return new DomainError(PeerReviewErrorCodes.SchoolInOtherCluster, $"A school joined another cluster for {year} meanwhile; try again.", ["input", "memberUrns"]);
        }
    }

    private static async Task<IReadOnlyList<DomainError>> CheckNameAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string year, string name, long? clusterId)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 200)
        {
            return [DomainError.Invalid("Give the cluster a name of at most 200 characters.", "input", "name")];
        }
        await using var command = new NpgsqlCommand("""
            SELECT 1 FROM peer_review_clusters WHERE academic_year = @year AND lower(name) = lower(@name) AND id IS DISTINCT FROM @id
            """, connection, transaction);
        command.Parameters.AddWithValue("year", year);
        command.Parameters.AddWithValue("name", name.Trim());
        command.Parameters.Add(new NpgsqlParameter<long?>("id", clusterId));
        return await command.ExecuteScalarAsync() is null
            ? []
            : [new DomainError(ErrorCodes.Clash, $"Another cluster of {year} is called \"{name.Trim()}\".", ["input", "name"])];
    }

    private static async Task<IReadOnlyList<DomainError>> CheckMembersAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string year,
        IReadOnlyList<string> urns, long? clusterId)
    {
        var errors = new List<DomainError>();
        for (var i = 0; i < urns.Count; i++)
        {
            if (urns.Take(i).Contains(urns[i]))
            {
                errors.Add(DomainError.Invalid($"School {urns[i]} is listed twice.", "input", "memberUrns", Index(i)));
            }
        }
        if (urns.Count > Cluster.MaximumMembers)
        {
            errors.Add(new DomainError(PeerReviewErrorCodes.ClusterFull,
                $"A cluster has at most {Cluster.MaximumMembers} member schools; {urns.Count} were given.", ["input", "memberUrns", Index(Cluster.MaximumMembers)]));
        }
        await using var command = new NpgsqlCommand("""
            SELECT u.urn, u.n, s.name, s.open, k.name
            FROM unnest(@urns) WITH ORDINALITY AS u(urn, n)
            LEFT JOIN schools s ON s.urn = u.urn
            LEFT JOIN cluster_members m ON m.school_urn = u.urn AND m.academic_year = @year AND m.cluster_id IS DISTINCT FROM @id
            LEFT JOIN peer_review_clusters k ON k.id = m.cluster_id
            ORDER BY u.n
            """, connection, transaction);
        command.Parameters.AddWithValue("urns", urns.ToArray());
        command.Parameters.AddWithValue("year", year);
        command.Parameters.Add(new NpgsqlParameter<long?>("id", clusterId));
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var index = Index((int)reader.GetInt64(1) - 1);
            if (reader.IsDBNull(2))
            {
                errors.Add(DomainError.NotFound($"No school has URN {reader.GetString(0)}.", "input", "memberUrns", index));
            }
            else if (!reader.GetBoolean(3))
            {
                errors.Add(DomainError.Invalid($"{reader.GetString(2)} is closed.", "input", "memberUrns", index));
            }
            else if (!reader.IsDBNull(4))
            {
                errors.Add(new DomainError(PeerReviewErrorCodes.SchoolInOtherCluster,
                    $"{reader.GetString(2)} is already in the cluster \"{reader.GetString(4)}\" for {year}; a school belongs to one cluster a year.",
                    ["input", "memberUrns", index]));
            }
        }
        return errors;
    }

    private static async Task<IReadOnlyList<DomainError>> CheckRemovableAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Cluster cluster,
        IReadOnlyList<string> removed, IReadOnlyList<string> members)
    {
        if (removed.Count == 0)
        {
            return [];
        }
        await using var command = new NpgsqlCommand("""
            SELECT DISTINCT s.urn, s.name FROM review_visits v
            LEFT JOIN visit_reviewers r ON r.visit_id = v.id
            JOIN schools s ON s.urn = v.host_urn AND s.urn = ANY(@removed) OR s.urn = r.school_urn AND s.urn = ANY(@removed)
            WHERE v.cycle_id = @cycle AND v.status NOT IN ('PROPOSED', 'CANCELLED')
            ORDER BY s.urn
            """, connection, transaction);
        command.Parameters.AddWithValue("cycle", cluster.CycleId);
        command.Parameters.AddWithValue("removed", removed.ToArray());
        var errors = new List<DomainError>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            errors.Add(new DomainError(PeerReviewErrorCodes.MemberHasVisit,
                $"{reader.GetString(1)} hosts or reviews on a confirmed visit of this cycle, so it cannot leave the cluster.", ["input", "memberUrns"]));
        }
        return errors;
    }

    private static async Task<IReadOnlyList<DomainError>> CheckLeaderCapacityAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string year,
        long leaderId, long? clusterId)
    {
        // The row lock serializes every change of this leader's clusters, across silos.
        await using var command = new NpgsqlCommand("""
            SELECT l.name, l.max_clusters,
                   (SELECT count(*) FROM peer_review_clusters k WHERE k.leader_id = l.id AND k.academic_year = @year AND k.id IS DISTINCT FROM @id),
                   l.retired_at IS NOT NULL
            FROM inclusion_leaders l WHERE l.id = @leader FOR UPDATE
            """, connection, transaction);
        command.Parameters.AddWithValue("leader", leaderId);
        command.Parameters.AddWithValue("year", year);
        command.Parameters.Add(new NpgsqlParameter<long?>("id", clusterId));
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            return [DomainError.NotFound("No inclusion leader has that id.", "input", "leaderId")];
        }
        var (name, max, count) = (reader.GetString(0), reader.GetInt32(1), reader.GetInt64(2));
        if (reader.GetBoolean(3))
        {
            return [new DomainError(PeerReviewErrorCodes.LeaderRetired, $"{name} has retired and can lead no new cluster.", ["input", "leaderId"])];
        }
        return count >= max
            ? [new DomainError(PeerReviewErrorCodes.LeaderAtCapacity, $"{name} already leads {count} clusters in {year}, their maximum of {max}.", ["input", "leaderId"])]
            : [];
    }

    private static string Index(int i) => i.ToString(CultureInfo.InvariantCulture);
}
