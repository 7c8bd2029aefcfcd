using System.Globalization;
using InclusionNetwork.Grains.Common;
using Npgsql;

namespace InclusionNetwork.Grains.Networks;

/// <summary>The SQL of network commands, each checked and written in one transaction.</summary>
public sealed class NetworkStore(NpgsqlDataSource dataSource, NetworkQueries queries, MeetingNotices notices, DomainClock clock)
{
    public const int DefaultDurationMinutes = 90;

    public async Task<CommandResult<Network>> CreateAsync(NewNetwork network)
    {
        var errors = new List<DomainError>();
        if (string.IsNullOrWhiteSpace(network.Name) || network.Name.Trim().Length > 200)
        {
            errors.Add(DomainError.Invalid("Give the network a name of at most 200 characters.", "input", "name"));
        }
        if (network.DurationMinutes is < 1 or > 1440)
        {
            errors.Add(DomainError.Invalid("A meeting lasts between 1 minute and 24 hours.", "input", "durationMinutes"));
        }
        var duration = TimeSpan.FromMinutes(network.DurationMinutes ?? DefaultDurationMinutes);
        var starts = new List<(DateTimeOffset Start, DateTimeOffset? RecurrenceStart)>();
        if (network.Recurrence is { } recurrence)
        {
            if (network.FirstStartsAt is not { } first)
            {
                errors.Add(DomainError.Invalid("A recurring network needs the first meeting's start (firstStartsAt).", "input", "firstStartsAt"));
            }
            else
            {
                try
                {
                    starts.AddRange(MeetingSeries.Expand(recurrence, first).Select(s => (s, (DateTimeOffset?)s)));
                }
                catch (RecurrenceRuleException e)
                {
                    errors.Add(DomainError.Invalid($"The recurrence is not a valid RRULE: {e.Message}", "input", "recurrence"));
                }
            }
        }
        else if (network.FirstStartsAt is { } single)
        {
            starts.Add((single.ToUniversalTime(), null));
        }
        for (var i = 0; i < network.MeetingStarts.Count; i++)
        {
            starts.Add((network.MeetingStarts[i].ToUniversalTime(), null));
        }
        if (errors.Count > 0)
        {
            return new CommandResult<Network>(null, errors);
        }
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        errors.AddRange(await CheckReferencesAsync(connection, transaction, network));
        errors.AddRange(await NetworkOrganisers.CheckAsync(connection, transaction, network.OrganiserAccountIds ?? []));
        if (errors.Count > 0)
        {
            return new CommandResult<Network>(null, errors);
        }
        var now = clock.GetUtcNow();
        long id;
        await using (var insert = new NpgsqlCommand("""
            INSERT INTO networks (name, kind, district_id, cluster_id, organiser_leader_id, recurrence, first_starts_at, duration_minutes, location, created_at, updated_at)
            VALUES (@name, @kind, @district, @cluster, @organiser, @recurrence, @first, @duration, @location, @now, @now) RETURNING id
            """, connection, transaction))
        {
            insert.Parameters.AddWithValue("name", network.Name.Trim());
            insert.Parameters.AddWithValue("kind", network.Kind.ToString());
            insert.Parameters.Add(new NpgsqlParameter<string?>("district", network.DistrictId));
            insert.Parameters.Add(new NpgsqlParameter<long?>("cluster", network.ClusterId));
            insert.Parameters.Add(new NpgsqlParameter<long?>("organiser", network.OrganiserLeaderId));
            insert.Parameters.Add(new NpgsqlParameter<string?>("recurrence", network.Recurrence is null ? null : MeetingRecurrence.Normalise(network.Recurrence)));
            insert.Parameters.Add(new NpgsqlParameter<DateTimeOffset?>("first", network.FirstStartsAt?.ToUniversalTime()) { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
            insert.Parameters.AddWithValue("duration", (int)duration.TotalMinutes);
            insert.Parameters.Add(new NpgsqlParameter<string?>("location", string.IsNullOrWhiteSpace(network.Location) ? null : network.Location.Trim()));
            insert.Parameters.AddWithValue("now", now);
            id = (long)(await insert.ExecuteScalarAsync())!;
        }
        await using (var members = new NpgsqlCommand("""
            INSERT INTO network_members (network_id, school_urn) SELECT @id, unnest(@urns) ON CONFLICT DO NOTHING;
            INSERT INTO meetings (network_id, title, starts_at, ends_at, location, recurrence_start, created_at, updated_at)
            SELECT @id, @title, s, s + @duration, @location, r, @now, @now FROM unnest(@starts, @recurrence_starts) AS t(s, r);
            """, connection, transaction))
        {
            members.Parameters.AddWithValue("id", id);
            members.Parameters.AddWithValue("urns", network.MemberUrns.Distinct().ToArray());
            members.Parameters.AddWithValue("title", network.Name.Trim());
            members.Parameters.AddWithValue("duration", duration);
            members.Parameters.Add(new NpgsqlParameter<string?>("location", string.IsNullOrWhiteSpace(network.Location) ? null : network.Location.Trim()));
            members.Parameters.AddWithValue("starts", starts.Select(s => s.Start).ToArray());
            members.Parameters.Add(new NpgsqlParameter<DateTimeOffset?[]>("recurrence_starts", starts.Select(s => s.RecurrenceStart).ToArray())
                { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.TimestampTz });
            members.Parameters.AddWithValue("now", now);
            await members.ExecuteNonQueryAsync();
        }
        await NetworkOrganisers.AddAsync(connection, transaction, id, network.OrganiserAccountIds ?? []);
        await transaction.CommitAsync();
        return CommandResult<Network>.Success((await queries.FindManyAsync([id]))[id]);
    }

    // Each meeting write below is one statement that moves the network's version on only
    // while it is still at the version the grain holds, and changes the meeting only beside
    // that: no rows back means someone else wrote the network (or the meeting) since.

    /// <summary>Adds a one-off meeting; null when the network is no longer at <paramref name="expectedVersion"/>.</summary>
    public async Task<Meeting?> AddMeetingAsync(long networkId, int expectedVersion, string title, DateTimeOffset startsAt, DateTimeOffset endsAt, string? location)
    {
        await using var insert = dataSource.CreateCommand($"""
            WITH network AS (
                UPDATE networks SET version = version + 1, updated_at = @now WHERE id = @network AND version = @expected RETURNING 1 AS written
            )
            INSERT INTO meetings (network_id, title, starts_at, ends_at, location, created_at, updated_at)
            SELECT @network, @title, @starts, @ends, @location, @now, @now FROM network
            RETURNING {NetworkQueries.MeetingColumns}
            """);
        insert.Parameters.AddWithValue("network", networkId);
        insert.Parameters.AddWithValue("expected", expectedVersion);
        insert.Parameters.AddWithValue("title", title.Trim());
        insert.Parameters.AddWithValue("starts", startsAt.ToUniversalTime());
        insert.Parameters.AddWithValue("ends", endsAt.ToUniversalTime());
        insert.Parameters.Add(new NpgsqlParameter<string?>("location", string.IsNullOrWhiteSpace(location) ? null : location.Trim()));
        insert.Parameters.AddWithValue("now", clock.GetUtcNow());
        return (await NetworkQueries.ReadMeetingsAsync(insert, default)).SingleOrDefault();
    }

    /// <summary>Cancels one meeting (one occurrence of a series); its sequence grows so calendars update. Null when the network moved on.</summary>
    public async Task<Meeting?> CancelMeetingAsync(long networkId, int expectedVersion, Meeting meeting)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var update = new NpgsqlCommand($"""
            WITH network AS (
                UPDATE networks SET version = version + 1, updated_at = @now WHERE id = @network AND version = @expected RETURNING 1 AS written
            )
            UPDATE meetings m SET cancelled_at = @now, updated_at = @now, sequence = m.sequence + 1
            FROM network WHERE m.id = @id AND m.network_id = @network AND m.cancelled_at IS NULL
            RETURNING {NetworkQueries.MeetingColumns}
            """, connection, transaction);
        update.Parameters.AddWithValue("network", networkId);
        update.Parameters.AddWithValue("expected", expectedVersion);
        update.Parameters.AddWithValue("now", clock.GetUtcNow());
        update.Parameters.AddWithValue("id", meeting.Id);
        return await NotifiedAsync(connection, transaction, update, meeting);
    }

    /// <summary>Moves one meeting (one occurrence of a series); it keeps its recurrence start, so it stays that occurrence. Null when the network moved on.</summary>
    public async Task<Meeting?> MoveMeetingAsync(long networkId, int expectedVersion, Meeting meeting, DateTimeOffset startsAt, DateTimeOffset endsAt, string? location)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var update = new NpgsqlCommand($"""
            WITH network AS (
                UPDATE networks SET version = version + 1, updated_at = @now WHERE id = @network AND version = @expected RETURNING 1 AS written
            )
            UPDATE meetings m SET starts_at = @starts, ends_at = @ends, location = coalesce(@location, m.location), updated_at = @now, sequence = m.sequence + 1
            FROM network WHERE m.id = @id AND m.network_id = @network AND m.sequence = @sequence
            RETURNING {NetworkQueries.MeetingColumns}
            """, connection, transaction);
        update.Parameters.AddWithValue("network", networkId);
        update.Parameters.AddWithValue("expected", expectedVersion);
        update.Parameters.AddWithValue("starts", startsAt.ToUniversalTime());
        update.Parameters.AddWithValue("ends", endsAt.ToUniversalTime());
        update.Parameters.Add(new NpgsqlParameter<string?>("location", string.IsNullOrWhiteSpace(location) ? null : location.Trim()));
        update.Parameters.AddWithValue("now", clock.GetUtcNow());
        update.Parameters.AddWithValue("id", meeting.Id);
        update.Parameters.AddWithValue("sequence", meeting.Sequence);
        return await NotifiedAsync(connection, transaction, update, meeting);
    }

    /// <summary>
    /// Runs a meeting's change and, when it was written, the messages to the people it concerns,
    /// in one transaction: the messages exist exactly when the change does.
    /// </summary>
    private async Task<Meeting?> NotifiedAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, NpgsqlCommand change, Meeting before)
    {
        if ((await NetworkQueries.ReadMeetingsAsync(change, default)).SingleOrDefault() is not { } after)
        {
            return null;
        }
        await notices.ChangedAsync(connection, transaction, before, after);
        await transaction.CommitAsync();
        return after;
    }

    /// <summary>The times rule of a meeting added or moved.</summary>
    public static DomainError? CheckTimes(DateTimeOffset startsAt, DateTimeOffset endsAt) =>
        endsAt <= startsAt
            ? DomainError.Invalid("A meeting must end after it starts.", "input", "endsAt")
            : endsAt - startsAt > TimeSpan.FromDays(1)
                ? DomainError.Invalid("A meeting lasts at most 24 hours.", "input", "endsAt")
                : null;

    private static async Task<IReadOnlyList<DomainError>> CheckReferencesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, NewNetwork network)
    {
        var errors = new List<DomainError>();
        if (network.DistrictId is not null)
        {
            await using var district = new NpgsqlCommand("SELECT 1 FROM districts WHERE id = @id", connection, transaction);
            district.Parameters.AddWithValue("id", network.DistrictId);
            if (await district.ExecuteScalarAsync() is null)
            {
                errors.Add(DomainError.NotFound("No district has that id.", "input", "districtId"));
            }
        }
        await using var schools = new NpgsqlCommand("""
            SELECT u.n FROM unnest(@urns) WITH ORDINALITY AS u(urn, n) WHERE NOT EXISTS (SELECT 1 FROM schools s WHERE s.urn = u.urn) ORDER BY u.n
            """, connection, transaction);
        schools.Parameters.AddWithValue("urns", network.MemberUrns.ToArray());
        await using var reader = await schools.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var index = (int)reader.GetInt64(0) - 1;
            errors.Add(DomainError.NotFound($"No school has URN {network.MemberUrns[index]}.", "input", "memberUrns", index.ToString(CultureInfo.InvariantCulture)));
        }
        return errors;
    }
}
