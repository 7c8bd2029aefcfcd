using InclusionNetwork.Grains.Accounts;
using InclusionNetwork.Grains.Common;
using InclusionNetwork.Grains.Leaders;
using Npgsql;

namespace InclusionNetwork.Grains.PeerReview;

/// <summary>
/// Writes of visits: each change in one transaction, guarded by the visit's version, its
/// cluster's version and, for a date, the leader's diary version. Locks are taken leader,
/// then cycle, then visit, by every writer of visits. The unique indexes on (leader, day) and
/// (person, day) stay the backstop: a clash another silo made between our read and our write
/// comes back as a CLASH error, nothing written.
/// </summary>
public sealed class VisitStore(NpgsqlDataSource dataSource, DomainClock clock)
{
    public async Task<ReviewVisit?> LoadAsync(long visitId)
    {
        await using var command = dataSource.CreateCommand(PeerReviewQueries.VisitSelect + " WHERE v.id = @id" + PeerReviewQueries.VisitGroupBy);
        command.Parameters.AddWithValue("id", visitId);
        return (await PeerReviewQueries.ReadVisitsAsync(command, CancellationToken.None)).SingleOrDefault();
    }

    public async Task<IReadOnlyList<ReviewVisit>> LoadCycleAsync(long cycleId)
    {
        await using var command = dataSource.CreateCommand(PeerReviewQueries.VisitSelect + " WHERE v.cycle_id = @id" + PeerReviewQueries.VisitGroupBy);
        command.Parameters.AddWithValue("id", cycleId);
        return await PeerReviewQueries.ReadVisitsAsync(command, CancellationToken.None);
    }

    /// <summary>
    /// Updates the visit's row with <paramref name="set"/> (a SQL SET list; <c>@now</c> is bound)
    /// if the visit is still at <paramref name="visit"/>'s version and its cluster at
    /// <paramref name="cluster"/>'s (who may act, and the leader, are the cluster's), then runs
    /// <paramref name="then"/> in the same transaction. The cluster's leader is locked first and,
    /// when <paramref name="diaryVersion"/> is given, their diary must still be at it; the cycle's
    /// version moves on, so the cycle grain sees its visits changed.
    /// </summary>
    /// <returns>Stale when another writer got there first; an error when <paramref name="then"/> refused; else success.</returns>
    public async Task<WriteOutcome> UpdateAsync(ReviewVisit visit, Cluster cluster, string set, Action<NpgsqlParameterCollection>? parameters = null,
        Func<NpgsqlConnection, NpgsqlTransaction, Task>? then = null, long? diaryVersion = null)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        // Leader, then cycle, then visit: the order every writer of visits takes its locks in.
        if (!await LeaderStore.LockDiariesAsync(connection, transaction, [cluster.LeaderId],
                cluster.LeaderId is { } leader && diaryVersion is { } expected ? (leader, expected) : null))
        {
            return WriteOutcome.Conflict;
        }
        await using (var cycle = new NpgsqlCommand("UPDATE review_cycles SET version = version + 1 WHERE id = @cycle", connection, transaction))
        {
            cycle.Parameters.AddWithValue("cycle", visit.CycleId);
            await cycle.ExecuteNonQueryAsync();
        }
        await using (var update = new NpgsqlCommand($"""
            UPDATE review_visits SET {set}, updated_at = @now, version = version + 1
            WHERE id = @id AND version = @version AND EXISTS (SELECT 1 FROM peer_review_clusters WHERE id = @cluster AND version = @cluster_version)
            """, connection, transaction))
        {
            update.Parameters.AddWithValue("id", visit.Id);
            update.Parameters.AddWithValue("version", visit.Version);
            update.Parameters.AddWithValue("cluster", cluster.Id);
            update.Parameters.AddWithValue("cluster_version", cluster.Version);
            update.Parameters.AddWithValue("now", clock.GetUtcNow());
            parameters?.Invoke(update.Parameters);
            try
            {
                if (await update.ExecuteNonQueryAsync() == 0)
                {
                    return WriteOutcome.Conflict;
                }
                if (then is not null)
                {
                    await then(connection, transaction);
                }
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
            {
                return WriteOutcome.Clashed(e.ConstraintName);
            }
        }
        await transaction.CommitAsync();
        return WriteOutcome.Written;
    }

    /// <summary>The cycle's version: it moves on whenever the cycle is planned or one of its visits is written.</summary>
    public async Task<int?> CycleVersionAsync(long cycleId)
    {
        await using var command = dataSource.CreateCommand("SELECT version FROM review_cycles WHERE id = @id");
        command.Parameters.AddWithValue("id", cycleId);
        return await command.ExecuteScalarAsync() is int version ? version : null;
    }

    /// <summary>Replaces the visit's reviewers; their review_date carries the visit's date so the (person, day) index can guard.</summary>
    public static async Task ReplaceReviewersAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long visitId, DateOnly date,
        IReadOnlyList<(long StaffId, string SchoolUrn)> reviewers)
    {
        await using var command = new NpgsqlCommand("""
            DELETE FROM visit_reviewers WHERE visit_id = @visit;
            INSERT INTO visit_reviewers (visit_id, staff_id, school_urn, review_date) SELECT @visit, unnest(@staff), unnest(@schools), @date;
            """, connection, transaction);
        command.Parameters.AddWithValue("visit", visitId);
        command.Parameters.AddWithValue("staff", reviewers.Select(r => r.StaffId).ToArray());
        command.Parameters.AddWithValue("schools", reviewers.Select(r => r.SchoolUrn).ToArray());
        command.Parameters.AddWithValue("date", date);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// Writes a plan: every planned visit PROPOSED with its date and reviewers, or nothing. It is
    /// written only if the cycle is still at <paramref name="cycleVersion"/>, the cluster at its
    /// version and the leader's diary at <paramref name="diaryVersion"/>: the facts it was planned from.
    /// </summary>
    public async Task<WriteOutcome> SavePlanAsync(Cluster cluster, int cycleVersion, long? diaryVersion, IReadOnlyList<PlannedVisit> plan,
        IReadOnlyDictionary<long, string> staffSchools)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var now = clock.GetUtcNow();
        try
        {
            if (!await LeaderStore.LockDiariesAsync(connection, transaction, [cluster.LeaderId],
                    cluster.LeaderId is { } leader && diaryVersion is { } expected ? (leader, expected) : null))
            {
                return WriteOutcome.Conflict;
            }
            await using (var cycle = new NpgsqlCommand("""
                UPDATE review_cycles SET planned_at = @now, updated_at = @now, version = version + 1
                WHERE id = @id AND version = @version AND EXISTS (SELECT 1 FROM peer_review_clusters WHERE id = @cluster AND version = @cluster_version)
                """, connection, transaction))
            {
                cycle.Parameters.AddWithValue("now", now);
                cycle.Parameters.AddWithValue("id", cluster.CycleId);
                cycle.Parameters.AddWithValue("version", cycleVersion);
                cycle.Parameters.AddWithValue("cluster", cluster.Id);
                cycle.Parameters.AddWithValue("cluster_version", cluster.Version);
                if (await cycle.ExecuteNonQueryAsync() == 0)
                {
                    return WriteOutcome.Conflict;
                }
            }
            foreach (var visit in plan)
            {
                await using var upsert = new NpgsqlCommand("""
                    INSERT INTO review_visits (cycle_id, host_urn, status, visit_date, leader_id, proposed_at, created_at, updated_at)
                    VALUES (@cycle, @host, 'PROPOSED', @date, @leader, @now, @now, @now)
                    ON CONFLICT (cycle_id, host_urn) DO UPDATE
                        SET visit_date = excluded.visit_date, leader_id = excluded.leader_id, proposed_at = excluded.proposed_at,
                            updated_at = excluded.updated_at, sequence = review_visits.sequence + 1, version = review_visits.version + 1
                        WHERE review_visits.status = 'PROPOSED'
                    RETURNING id
                    """, connection, transaction);
                upsert.Parameters.AddWithValue("cycle", cluster.CycleId);
                upsert.Parameters.AddWithValue("host", visit.HostUrn);
                upsert.Parameters.AddWithValue("date", visit.Date);
                upsert.Parameters.Add(new NpgsqlParameter<long?>("leader", cluster.LeaderId));
                upsert.Parameters.AddWithValue("now", now);
                if (await upsert.ExecuteScalarAsync() is not long id)
                {
                    // The visit was confirmed while we planned: plan again from fresh facts.
                    return WriteOutcome.Conflict;
                }
                await ReplaceReviewersAsync(connection, transaction, id, visit.Date, visit.ReviewerStaffIds.Select(s => (s, staffSchools[s])).ToList());
            }
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return WriteOutcome.Clashed(e.ConstraintName);
        }
        await transaction.CommitAsync();
        return WriteOutcome.Written;
    }
}

/// <summary>How a guarded write went.</summary>
public sealed record WriteOutcome(bool Succeeded, bool Stale, IReadOnlyList<DomainError> Errors)
{
    public static readonly WriteOutcome Written = new(true, false, []);
    public static readonly WriteOutcome Conflict = new(false, true, []);

    /// <summary>The command's rules refused it; nothing was written.</summary>
    public static WriteOutcome Refused(params DomainError[] errors) => new(false, false, errors);

    public static WriteOutcome Clashed(string? constraint) => Refused(new DomainError(ErrorCodes.Clash, constraint switch
    {
        "review_visits_leader_day" => "The cluster's ILE was booked onto another visit that day meanwhile.",
        "visit_reviewers_person_day" => "One of the reviewers was put on another visit that day meanwhile.",
        _ => "Another change got there first; try again.",
    }));
}
