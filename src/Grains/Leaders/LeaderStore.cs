using InclusionNetwork.Grains.Accounts;
using InclusionNetwork.Grains.Common;
using Npgsql;

namespace InclusionNetwork.Grains.Leaders;

/// <summary>
/// The writes of a leader's record. Designation creates the leader (and so the identity of their
/// grain) and runs here in one transaction; every change after it is made by the leader's grain.
/// </summary>
public sealed class LeaderStore(NpgsqlDataSource dataSource, DomainClock clock)
{
    private const string LeaderColumns = "l.id, l.name, l.email, l.school_urn, l.max_clusters, l.retired_at IS NOT NULL";

    /// <summary>Makes an account an ILE: a leader record from its name and email, the LEADER role, and the link between them.</summary>
    public async Task<CommandResult<InclusionLeader>> DesignateAsync(Viewer viewer, long accountId, string? schoolUrn, int? maxClusters,
        CancellationToken cancellationToken = default)
    {
        if (!viewer.IsAdmin)
        {
            return CommandResult<InclusionLeader>.Failure(DomainError.NotAllowed("Only admins may designate Inclusion Leaders of Education."));
        }
        var max = maxClusters ?? LeaderRules.DefaultMaxClusters;
        if (max is < 1 or > LeaderRules.MostMaxClusters)
        {
            return CommandResult<InclusionLeader>.Failure(DomainError.Invalid($"maxClusters must be between 1 and {LeaderRules.MostMaxClusters}.", "input", "maxClusters"));
        }
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await SchoolProblemAsync(connection, transaction, schoolUrn, cancellationToken) is { } schoolProblem)
        {
            return CommandResult<InclusionLeader>.Failure(schoolProblem);
        }
        string name;
        string email;
        long? existingLeader;
        await using (var find = new NpgsqlCommand($"SELECT a.name, a.email, a.leader_id FROM accounts a WHERE a.id = @id AND {AccountStatus.LiveSql} FOR UPDATE OF a", connection, transaction))
        {
            find.Parameters.AddWithValue("id", accountId);
            await using var reader = await find.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                return CommandResult<InclusionLeader>.Failure(DomainError.NotFound("No active account has that id.", "input", "accountId"));
            }
            (name, email, existingLeader) = (reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetInt64(2));
        }
        if (existingLeader is not null)
        {
            return CommandResult<InclusionLeader>.Failure(new DomainError(ErrorCodes.Conflict,
                "That account is an Inclusion Leader of Education already; change or un-retire them instead.", ["input", "accountId"]));
        }
        long leaderId;
        await using (var insert = new NpgsqlCommand("""
            INSERT INTO inclusion_leaders (name, email, school_urn, max_clusters, created_at) VALUES (@name, @email, @school, @max, @now)
            ON CONFLICT DO NOTHING RETURNING id
            """, connection, transaction))
        {
            insert.Parameters.AddWithValue("name", name);
            insert.Parameters.AddWithValue("email", email);
            insert.Parameters.AddWithValue("school", NpgsqlTypes.NpgsqlDbType.Text, (object?)schoolUrn ?? DBNull.Value);
            insert.Parameters.AddWithValue("max", max);
            insert.Parameters.AddWithValue("now", clock.GetUtcNow());
            if (await insert.ExecuteScalarAsync(cancellationToken) is not long id)
            {
                return CommandResult<InclusionLeader>.Failure(new DomainError(ErrorCodes.Conflict,
                    "Another leader record has that account's email address.", ["input", "accountId"]));
            }
            leaderId = id;
        }
        await using (var link = new NpgsqlCommand("""
            UPDATE accounts SET leader_id = @leader WHERE id = @id;
            INSERT INTO account_roles (account_id, role) VALUES (@id, 'LEADER') ON CONFLICT DO NOTHING;
            """, connection, transaction))
        {
            link.Parameters.AddWithValue("id", accountId);
            link.Parameters.AddWithValue("leader", leaderId);
            await link.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return CommandResult<InclusionLeader>.Success(new InclusionLeader(leaderId, name, email, schoolUrn, max));
    }

    /// <summary>Applies a checked change in one transaction and returns the leader as now stored; null when there is no such leader.</summary>
    public async Task<InclusionLeader?> ChangeAsync(long leaderId, LeaderChange change, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var update = new NpgsqlCommand("""
            UPDATE inclusion_leaders SET
                school_urn = CASE WHEN @schoolGiven THEN @school ELSE school_urn END,
                max_clusters = coalesce(@max, max_clusters),
                retired_at = CASE WHEN @retired IS NULL THEN retired_at WHEN @retired THEN coalesce(retired_at, @now) ELSE NULL END
            WHERE id = @id
            """, connection, transaction))
        {
            update.Parameters.AddWithValue("id", leaderId);
            update.Parameters.AddWithValue("schoolGiven", change.SchoolUrnGiven);
            update.Parameters.AddWithValue("school", NpgsqlTypes.NpgsqlDbType.Text, (object?)change.SchoolUrn ?? DBNull.Value);
            update.Parameters.AddWithValue("max", NpgsqlTypes.NpgsqlDbType.Integer, (object?)change.MaxClusters ?? DBNull.Value);
            update.Parameters.AddWithValue("retired", NpgsqlTypes.NpgsqlDbType.Boolean, (object?)change.Retired ?? DBNull.Value);
            update.Parameters.AddWithValue("now", clock.GetUtcNow());
            if (await update.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                return null;
            }
        }
        await using (var dates = new NpgsqlCommand("""
            DELETE FROM leader_unavailable_dates WHERE leader_id = @id AND unavailable_on = ANY(@remove);
            INSERT INTO leader_unavailable_dates (leader_id, unavailable_on) SELECT @id, unnest(@add) ON CONFLICT DO NOTHING;
            """, connection, transaction))
        {
            dates.Parameters.AddWithValue("id", leaderId);
            dates.Parameters.AddWithValue("remove", change.RemoveUnavailableDates.ToArray());
            dates.Parameters.AddWithValue("add", change.AddUnavailableDates.Except(change.RemoveUnavailableDates).ToArray());
            await dates.ExecuteNonQueryAsync(cancellationToken);
        }
        InclusionLeader leader;
        await using (var read = new NpgsqlCommand($"SELECT {LeaderColumns} FROM inclusion_leaders l WHERE l.id = @id", connection, transaction))
        {
            read.Parameters.AddWithValue("id", leaderId);
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            leader = new InclusionLeader(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.GetInt32(4), reader.GetBoolean(5));
        }
        await transaction.CommitAsync(cancellationToken);
        return leader;
    }

    /// <summary>
    /// The leader's whole diary in one round trip, read in one snapshot so its version matches
    /// what it holds; null when there is no such leader.
    /// </summary>
    public async Task<LeaderDiaryState?> LoadDiaryAsync(long leaderId, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        await using var command = new NpgsqlCommand($"""
            SELECT {LeaderColumns}, l.diary_version FROM inclusion_leaders l WHERE l.id = @id;
            SELECT unavailable_on FROM leader_unavailable_dates WHERE leader_id = @id;
            SELECT id, visit_date FROM review_visits WHERE leader_id = @id AND status <> 'CANCELLED' AND visit_date IS NOT NULL;
            SELECT id, academic_year FROM peer_review_clusters WHERE leader_id = @id ORDER BY id;
            """, connection, transaction);
        command.Parameters.AddWithValue("id", leaderId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }
        var leader = new InclusionLeader(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3),
            reader.GetInt32(4), reader.GetBoolean(5));
        var version = reader.GetInt64(6);
        await reader.NextResultAsync(cancellationToken);
        var unavailable = new HashSet<DateOnly>();
        while (await reader.ReadAsync(cancellationToken))
        {
            unavailable.Add(reader.GetFieldValue<DateOnly>(0));
        }
        await reader.NextResultAsync(cancellationToken);
        var visits = new Dictionary<long, DateOnly>();
        while (await reader.ReadAsync(cancellationToken))
        {
            visits[reader.GetInt64(0)] = reader.GetFieldValue<DateOnly>(1);
        }
        await reader.NextResultAsync(cancellationToken);
        var clusters = new List<(long, string)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            clusters.Add((reader.GetInt64(0), reader.GetString(1)));
        }
        return new LeaderDiaryState(leader, unavailable, visits, clusters, version);
    }

    /// <summary>The leader's diary version as stored; null when there is no such leader.</summary>
    public async Task<long?> DiaryVersionAsync(long leaderId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("SELECT diary_version FROM inclusion_leaders WHERE id = @id");
        command.Parameters.AddWithValue("id", leaderId);
        return await command.ExecuteScalarAsync(cancellationToken) is long version ? version : null;
    }

    /// <summary>
    /// Locks the rows of <paramref name="leaderIds"/> in id order inside a writer's transaction
    /// and checks the diary of <paramref name="expected"/> (a leader and the version the writer
    /// judged by) is still the one stored. Every grain that writes a leader's visits locks the
    /// leader first, so the diary triggers' own row locks never wait in the other order.
    /// </summary>
    /// <returns>False when the expected leader's diary has moved on since it was told.</returns>
    public static async Task<bool> LockDiariesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IEnumerable<long?> leaderIds,
        (long LeaderId, long Version)? expected = null)
    {
        var ids = leaderIds.OfType<long>().Distinct().ToArray();
        if (ids.Length == 0)
        {
            return true;
        }
        await using var command = new NpgsqlCommand("SELECT id, diary_version FROM inclusion_leaders WHERE id = ANY(@ids) ORDER BY id FOR UPDATE", connection, transaction);
        command.Parameters.AddWithValue("ids", ids);
        var stale = false;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            if (expected is { } e && e.LeaderId == reader.GetInt64(0) && e.Version != reader.GetInt64(1))
            {
                stale = true;
            }
        }
        return !stale;
    }

    public async Task<DomainError?> SchoolProblemAsync(string? schoolUrn, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await SchoolProblemAsync(connection, null, schoolUrn, cancellationToken);
    }

    private static async Task<DomainError?> SchoolProblemAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string? schoolUrn, CancellationToken cancellationToken)
    {
        if (schoolUrn is null)
        {
            return null;
        }
        await using var school = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM schools WHERE urn = @urn)", connection, transaction);
        school.Parameters.AddWithValue("urn", schoolUrn);
        return (bool)(await school.ExecuteScalarAsync(cancellationToken))! ? null : DomainError.NotFound("No school has that URN.", "input", "schoolUrn");
    }
}
