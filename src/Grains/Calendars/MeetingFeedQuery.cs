using Npgsql;

namespace InclusionNetwork.Grains.Calendars;

/// <summary>
/// Network meetings as calendar events, straight from the networks tables. Every occurrence of a
/// series is its own row (moved or cancelled on its own), so each is its own event with its own
/// UID. SEQUENCE is the meeting's sequence plus its network's version beyond the first, both of
/// which only grow (the network's name and location show in the event).
/// </summary>
public sealed class MeetingFeedQuery(NpgsqlDataSource dataSource)
{
    /// <summary>Meetings of the networks the school belongs to, and of its peer-review clusters.</summary>
    public Task<IReadOnlyList<FeedEvent>> ForSchoolAsync(string urn, DateTimeOffset? cancelledSince, CancellationToken cancellationToken = default) =>
        ReadAsync("""
            SELECT network_id FROM network_members WHERE school_urn = @subject
            UNION SELECT n.id FROM networks n JOIN cluster_members cm ON cm.cluster_id = n.cluster_id WHERE cm.school_urn = @subject
            """, urn, cancelledSince, cancellationToken);

    /// <summary>The cluster's own meetings.</summary>
    public Task<IReadOnlyList<FeedEvent>> ForClusterAsync(long clusterId, DateTimeOffset? cancelledSince, CancellationToken cancellationToken = default) =>
        ReadAsync("SELECT id FROM networks WHERE cluster_id = @subject", clusterId, cancelledSince, cancellationToken);

    /// <summary>Meetings the ILE organises, those of the clusters they lead, and the ILE group's.</summary>
    public Task<IReadOnlyList<FeedEvent>> ForLeaderAsync(long leaderId, DateTimeOffset? cancelledSince, CancellationToken cancellationToken = default) =>
        ReadAsync("""
            SELECT id FROM networks WHERE organiser_leader_id = @subject OR kind = 'ILE_GROUP'
            UNION SELECT n.id FROM networks n JOIN peer_review_clusters c ON c.id = n.cluster_id WHERE c.leader_id = @subject
            """, leaderId, cancelledSince, cancellationToken);

    /// <summary>
    /// One meeting's event as the feeds show it, read inside the caller's transaction: an
    /// invitation written beside a change carries the UID and SEQUENCE the change gives it.
    /// </summary>
    public static async Task<FeedEvent?> ForMeetingAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long meetingId,
        CancellationToken cancellationToken = default)
    {
        await using var command = new NpgsqlCommand(Sql("m.id = @subject"), connection, transaction);
        command.Parameters.AddWithValue("subject", meetingId);
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset?>("since", null) { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        return (await ReadEventsAsync(command, cancellationToken)).SingleOrDefault();
    }

    private async Task<IReadOnlyList<FeedEvent>> ReadAsync<TSubject>(string networkIdsSql, TSubject subject, DateTimeOffset? cancelledSince,
        CancellationToken cancellationToken)
        where TSubject : notnull
    {
        await using var command = dataSource.CreateCommand(Sql($"m.network_id IN ({networkIdsSql})"));
        command.Parameters.AddWithValue("subject", subject);
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset?>("since", cancelledSince) { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        return await ReadEventsAsync(command, cancellationToken);
    }

    private static string Sql(string which) => $"""
        SELECT m.id, m.title, m.starts_at, m.ends_at, coalesce(m.location, n.location), m.cancelled_at IS NOT NULL,
               m.sequence + n.version - 1, greatest(m.updated_at, n.updated_at), n.name, m.cancelled_at
        FROM meetings m JOIN networks n ON n.id = m.network_id
        WHERE {which}
          AND (@since::timestamptz IS NULL OR m.cancelled_at IS NULL OR m.cancelled_at > @since)
        ORDER BY m.starts_at, m.id
        """;

    private static async Task<IReadOnlyList<FeedEvent>> ReadEventsAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var events = new List<FeedEvent>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var cancelled = reader.GetBoolean(5);
            var network = reader.GetString(8);
            events.Add(new FeedEvent
            {
                Uid = EventUids.Meeting(reader.GetInt64(0)),
                DtStamp = reader.GetFieldValue<DateTimeOffset>(7),
                Start = London.At(reader.GetFieldValue<DateTimeOffset>(2)),
                End = London.At(reader.GetFieldValue<DateTimeOffset>(3)),
                Summary = reader.GetString(1),
                Location = reader.IsDBNull(4) ? null : reader.GetString(4),
                Description = cancelled ? $"Cancelled.\nNetwork: {network}." : $"Network: {network}.",
                Status = cancelled ? EventStatus.Cancelled : EventStatus.Confirmed,
                Sequence = reader.GetInt32(6),
                Categories = ["Meeting"],
                CancelledAt = cancelled ? reader.GetFieldValue<DateTimeOffset>(9) : null,
            });
        }
        return events;
    }
}
