using System.Globalization;
using InclusionNetwork.Grains.Common;
using Npgsql;

namespace InclusionNetwork.Grains.Networks;

/// <summary>The SQL of network commands, each checked and written in one transaction.</summary>
public sealed class NetworkStore(NpgsqlDataSource dataSource, NetworkQueries queries, DomainClock clock)
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
        await transaction.CommitAsync();
        return CommandResult<Network>.Success((await queries.FindManyAsync([id]))[id]);
    }

    public async Task<CommandResult<Meeting>> AddMeetingAsync(long networkId, string title, DateTimeOffset startsAt, DateTimeOffset endsAt, string? location)
    {
        if (CheckTimes(startsAt, endsAt) is { } error)
        {
            return CommandResult<Meeting>.Failure(error);
        }
        await using var insert = dataSource.CreateCommand("""
            INSERT INTO meetings (network_id, title, starts_at, ends_at, location, created_at, updated_at)
            VALUES (@network, @title, @starts, @ends, @location, @now, @now) RETURNING id
            """);
        insert.Parameters.AddWithValue("network", networkId);
        insert.Parameters.AddWithValue("title", title.Trim());
        insert.Parameters.AddWithValue("starts", startsAt.ToUniversalTime());
        insert.Parameters.AddWithValue("ends", endsAt.ToUniversalTime());
        insert.Parameters.Add(new NpgsqlParameter<string?>("location", string.IsNullOrWhiteSpace(location) ? null : location.Trim()));
        insert.Parameters.AddWithValue("now", clock.GetUtcNow());
        var id = (long)(await insert.ExecuteScalarAsync())!;
        return CommandResult<Meeting>.Success((await queries.MeetingAsync(id))!);
    }

    /// <summary>Cancels one meeting (one occurrence of a series); its sequence grows so calendars update.</summary>
    public async Task<CommandResult<Meeting>> CancelMeetingAsync(Meeting meeting)
    {
        if (meeting.Cancelled)
        {
            return CommandResult<Meeting>.Failure(new DomainError(ErrorCodes.Invalid, "The meeting is already cancelled.", ["input", "meetingId"]));
        }
        await using var update = dataSource.CreateCommand("""
            UPDATE meetings SET cancelled_at = @now, updated_at = @now, sequence = sequence + 1 WHERE id = @id AND cancelled_at IS NULL
            """);
        update.Parameters.AddWithValue("now", clock.GetUtcNow());
        update.Parameters.AddWithValue("id", meeting.Id);
        await update.ExecuteNonQueryAsync();
        return CommandResult<Meeting>.Success((await queries.MeetingAsync(meeting.Id))!);
    }

    /// <summary>Moves one meeting (one occurrence of a series); it keeps its recurrence start, so it stays that occurrence.</summary>
    public async Task<CommandResult<Meeting>> MoveMeetingAsync(Meeting meeting, DateTimeOffset startsAt, DateTimeOffset endsAt, string? location)
    {
        if (CheckTimes(startsAt, endsAt) is { } error)
        {
            return CommandResult<Meeting>.Failure(error);
        }
        if (meeting.Cancelled)
        {
            return CommandResult<Meeting>.Failure(new DomainError(ErrorCodes.Invalid, "A cancelled meeting cannot be moved.", ["input", "meetingId"]));
        }
        await using var update = dataSource.CreateCommand("""
            UPDATE meetings SET starts_at = @starts, ends_at = @ends, location = coalesce(@location, location), updated_at = @now, sequence = sequence + 1
            WHERE id = @id AND sequence = @sequence
            """);
        update.Parameters.AddWithValue("starts", startsAt.ToUniversalTime());
        update.Parameters.AddWithValue("ends", endsAt.ToUniversalTime());
        update.Parameters.Add(new NpgsqlParameter<string?>("location", string.IsNullOrWhiteSpace(location) ? null : location.Trim()));
        update.Parameters.AddWithValue("now", clock.GetUtcNow());
        update.Parameters.AddWithValue("id", meeting.Id);
        update.Parameters.AddWithValue("sequence", meeting.Sequence);
        if (await update.ExecuteNonQueryAsync() == 0)
        {
            return CommandResult<Meeting>.Failure(new DomainError(ErrorCodes.Conflict, "The meeting was changed by someone else at the same time; try again."));
        }
        return CommandResult<Meeting>.Success((await queries.MeetingAsync(meeting.Id))!);
    }

    private static DomainError? CheckTimes(DateTimeOffset startsAt, DateTimeOffset endsAt) =>
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
