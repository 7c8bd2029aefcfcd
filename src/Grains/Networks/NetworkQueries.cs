using Npgsql;

namespace InclusionNetwork.Grains.Networks;

/// <summary>Reads of networks and meetings, straight from SQL, batched by key.</summary>
public sealed class NetworkQueries(NpgsqlDataSource dataSource)
{
    internal const string NetworkSelect = """
        SELECT n.id, n.name, n.kind, n.district_id, n.cluster_id, n.organiser_leader_id, n.recurrence, n.first_starts_at,
               n.duration_minutes, n.location,
               coalesce(array_agg(m.school_urn ORDER BY m.school_urn) FILTER (WHERE m.school_urn IS NOT NULL), '{}'), n.version
        FROM networks n LEFT JOIN network_members m ON m.network_id = n.id
        """;

    internal const string NetworkGroupBy = " GROUP BY n.id ORDER BY n.name, n.id";

    /// <summary>A meeting's columns in the order <see cref="ReadMeetingsAsync"/> reads them.</summary>
    internal const string MeetingColumns = "id, network_id, title, starts_at, ends_at, location, cancelled_at IS NOT NULL, recurrence_start, sequence";

    private const string MeetingSelect = "SELECT " + MeetingColumns + " FROM meetings";

    public async Task<IReadOnlyList<Network>> SearchAsync(NetworkKind? kind, string? districtId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(NetworkSelect +
            " WHERE (@kind::text IS NULL OR n.kind = @kind) AND (@district::text IS NULL OR n.district_id = @district)" + NetworkGroupBy);
        command.Parameters.Add(new NpgsqlParameter<string?>("kind", kind?.ToString()));
        command.Parameters.Add(new NpgsqlParameter<string?>("district", districtId));
        return await ReadNetworksAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyDictionary<long, Network>> FindManyAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(NetworkSelect + " WHERE n.id = ANY(@ids)" + NetworkGroupBy);
        command.Parameters.AddWithValue("ids", ids.ToArray());
        return (await ReadNetworksAsync(command, cancellationToken)).ToDictionary(n => n.Id);
    }

    /// <summary>Meetings of the networks starting in [from, to) (either end open when null), cancelled ones included.</summary>
    public async Task<ILookup<long, Meeting>> MeetingsAsync(IReadOnlyCollection<long> networkIds, DateTimeOffset? from, DateTimeOffset? to,
        CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(MeetingSelect + """
             WHERE network_id = ANY(@ids) AND (@from::timestamptz IS NULL OR starts_at >= @from) AND (@to::timestamptz IS NULL OR starts_at < @to)
             ORDER BY starts_at, id
            """);
        command.Parameters.AddWithValue("ids", networkIds.ToArray());
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset?>("from", from) { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset?>("to", to) { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        return (await ReadMeetingsAsync(command, cancellationToken)).ToLookup(m => m.NetworkId);
    }

    /// <summary>Ids of the networks that are each cluster's own (cluster meetings).</summary>
    public async Task<ILookup<long, long>> NetworksOfClustersAsync(IReadOnlyCollection<long> clusterIds, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("SELECT cluster_id, id FROM networks WHERE cluster_id = ANY(@ids)");
        command.Parameters.AddWithValue("ids", clusterIds.ToArray());
        var pairs = new List<(long Cluster, long Network)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            pairs.Add((reader.GetInt64(0), reader.GetInt64(1)));
        }
        return pairs.ToLookup(p => p.Cluster, p => p.Network);
    }

    public async Task<Meeting?> MeetingAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(MeetingSelect + " WHERE id = @id");
        command.Parameters.AddWithValue("id", id);
        return (await ReadMeetingsAsync(command, cancellationToken)).SingleOrDefault();
    }

    internal static async Task<List<Network>> ReadNetworksAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var networks = new List<Network>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            networks.Add(new Network(reader.GetInt64(0), reader.GetString(1), Enum.Parse<NetworkKind>(reader.GetString(2)),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetInt64(4),
                reader.IsDBNull(5) ? null : reader.GetInt64(5),
                reader.IsDBNull(6) ? null : reader.GetString(6),
                reader.IsDBNull(7) ? null : reader.GetFieldValue<DateTimeOffset>(7),
                reader.IsDBNull(8) ? null : reader.GetInt32(8),
                reader.IsDBNull(9) ? null : reader.GetString(9),
                reader.GetFieldValue<string[]>(10),
                reader.GetInt32(11)));
        }
        return networks;
    }

    internal static async Task<List<Meeting>> ReadMeetingsAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var meetings = new List<Meeting>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            meetings.Add(new Meeting(reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3),
                reader.GetFieldValue<DateTimeOffset>(4), reader.IsDBNull(5) ? null : reader.GetString(5), reader.GetBoolean(6),
                reader.IsDBNull(7) ? null : reader.GetFieldValue<DateTimeOffset>(7), reader.GetInt32(8)));
        }
        return meetings;
    }
}
