using InclusionNetwork.Grains.Networks;
using InclusionNetwork.Grains.PeerReview;
using Npgsql;

namespace InclusionNetwork.Silo.DemoData;

/// <summary>
/// The demo county's networks, as the programme runs them: a SENCO forum in every district
/// meeting six times a year, once each half term (explicit dates); six LIFT forum groups in
/// every district, each with a sixth of the district's open schools and meeting six times a
/// year on its own day; the ILE group monthly; and each
/// 2026/27 peer-review cluster's own meetings, organised by its ILE. Recurring series are
/// expanded by the same code as <c>createNetwork</c>.
/// </summary>
public sealed class NetworksDemoDataStep : IDemoDataStep
{
    public string Name => "networks";

    public int Order => 50;

    private static readonly DateOnly[] SencoForumDays =
    [
        new(2025, 10, 8), new(2025, 12, 3), new(2026, 2, 4), new(2026, 3, 25), new(2026, 5, 20), new(2026, 7, 8),
        new(2026, 10, 7), new(2026, 12, 2), new(2027, 2, 3), new(2027, 3, 24), new(2027, 5, 19), new(2027, 7, 7),
    ];

    /// <summary>
    /// Each LIFT group's day of the month, every other month: six meetings a year, no two groups
    /// of a district on one day; and its first meeting, in September 2025 (a series starts on one of its own days).
    /// </summary>
    private static readonly (string Day, DateOnly First)[] LiftGroups =
    [
        ("2TU", new(2025, 9, 9)), ("2WE", new(2025, 9, 10)), ("2TH", new(2025, 9, 11)),
        ("3TU", new(2025, 9, 16)), ("3WE", new(2025, 9, 17)), ("3TH", new(2025, 9, 18)),
    ];

    public async Task LoadAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, DemoContext context, CancellationToken cancellationToken)
    {
        var districts = new List<(string Id, string Name)>();
        await using (var read = new NpgsqlCommand("SELECT id, name FROM districts ORDER BY sort_order", connection, transaction))
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                districts.Add((reader.GetString(0), reader.GetString(1)));
            }
        }
        foreach (var (id, name) in districts)
        {
            var termly = SencoForumDays.Select(d => LondonTime.At(d, new TimeOnly(15, 45)).ToUniversalTime()).ToList();
            await InsertAsync(connection, transaction, context, $"{name} SENCO Forum", NetworkKind.SENCO_FORUM, id, null, null,
                null, null, 90, $"{name} Education Centre", termly, "SELECT urn FROM schools WHERE open AND district_id = @district", cancellationToken);
            // Six groups, the district's open schools dealt out among them in URN order.
            for (var group = 0; group < LiftGroups.Length; group++)
            {
                await InsertAsync(connection, transaction, context, $"{name} LIFT Forum {group + 1}", NetworkKind.LIFT_FORUM, id, null, null,
                    $"FREQ=MONTHLY;INTERVAL=2;BYDAY={LiftGroups[group].Day}", LondonTime.At(LiftGroups[group].First, new TimeOnly(13, 30)), 120,
                    $"{name} Inclusion Hub", [],
                    $"SELECT urn FROM (SELECT urn, row_number() OVER (ORDER BY urn) - 1 AS n FROM schools WHERE open AND district_id = @district) s WHERE n % {LiftGroups.Length} = {group}",
                    cancellationToken);
            }
        }
        await InsertAsync(connection, transaction, context, "ILE Group", NetworkKind.ILE_GROUP, null, null, null,
            "FREQ=MONTHLY;BYDAY=1TH", LondonTime.At(new DateOnly(2025, 9, 4), new TimeOnly(10, 0)), 120, "County Hall, Maidstone", [],
            "SELECT DISTINCT school_urn FROM inclusion_leaders WHERE school_urn IS NOT NULL AND @district::text IS NULL", cancellationToken);

        var clusters = new List<(long Id, string Name, long Leader)>();
        await using (var read = new NpgsqlCommand(
            "SELECT id, name, leader_id FROM peer_review_clusters WHERE academic_year = '2026/27' AND leader_id IS NOT NULL ORDER BY id", connection, transaction))
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                clusters.Add((reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2)));
            }
        }
        foreach (var (clusterId, name, leader) in clusters)
        {
            await InsertAsync(connection, transaction, context, $"{name} meetings", NetworkKind.PEER_REVIEW_CLUSTER, null, clusterId, leader,
                "FREQ=MONTHLY;INTERVAL=2;BYDAY=3WE;COUNT=5", LondonTime.At(new DateOnly(2026, 9, 16), new TimeOnly(15, 30)), 60, null, [],
                "SELECT school_urn FROM cluster_members WHERE cluster_id = @cluster AND @district::text IS NULL", cancellationToken);
        }
    }

    private static async Task InsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, DemoContext context, string name, NetworkKind kind,
        string? districtId, long? clusterId, long? organiser, string? recurrence, DateTimeOffset? firstStartsAt, int durationMinutes, string? location,
        IReadOnlyList<DateTimeOffset> explicitStarts, string membersSql, CancellationToken cancellationToken)
    {
        var starts = recurrence is null ? explicitStarts.Select(s => (s, (DateTimeOffset?)null)).ToList()
            : MeetingSeries.Expand(recurrence, firstStartsAt!.Value).Select(s => (s, (DateTimeOffset?)s)).ToList();
        await using var command = new NpgsqlCommand($"""
            WITH network AS (
                INSERT INTO networks (name, kind, district_id, cluster_id, organiser_leader_id, recurrence, first_starts_at, duration_minutes, location, created_at, updated_at)
                VALUES (@name, @kind, @district, @cluster, @organiser, @recurrence, @first, @duration, @location, @now, @now) RETURNING id
            ), members AS (
                INSERT INTO network_members (network_id, school_urn) SELECT network.id, m.urn FROM network, ({membersSql}) AS m(urn)
            )
            INSERT INTO meetings (network_id, title, starts_at, ends_at, location, recurrence_start, created_at, updated_at)
            SELECT network.id, @name, s, s + make_interval(mins => @duration), @location, r, @now, @now FROM network, unnest(@starts, @recurrence_starts) AS t(s, r)
            """, connection, transaction);
        command.Parameters.AddWithValue("name", name);
        command.Parameters.AddWithValue("kind", kind.ToString());
        command.Parameters.Add(new NpgsqlParameter<string?>("district", districtId));
        command.Parameters.Add(new NpgsqlParameter<long?>("cluster", clusterId));
        command.Parameters.Add(new NpgsqlParameter<long?>("organiser", organiser));
        command.Parameters.Add(new NpgsqlParameter<string?>("recurrence", recurrence));
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset?>("first", firstStartsAt?.ToUniversalTime()) { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        command.Parameters.AddWithValue("duration", durationMinutes);
        command.Parameters.Add(new NpgsqlParameter<string?>("location", location));
        command.Parameters.AddWithValue("now", context.Now);
        command.Parameters.AddWithValue("starts", starts.Select(s => s.Item1).ToArray());
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset?[]>("recurrence_starts", starts.Select(s => s.Item2).ToArray())
            { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.TimestampTz });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
