using System.Globalization;
using System.Text;
using Npgsql;

namespace InclusionNetwork.Grains.Calendars;

/// <summary>
/// Peer-review visits as all-day calendar events, straight from the review tables. A visit is
/// TENTATIVE while proposed, CONFIRMED from confirmation on (through completion and report),
/// CANCELLED when cancelled (kept until the retention cut-off); visits without a date yet are
/// left out. SEQUENCE is the visit's own sequence, which grows with every change a calendar
/// shows (date, status, reviewers); DTSTAMP is its last change.
/// </summary>
public sealed class VisitFeedQuery(NpgsqlDataSource dataSource)
{
    /// <summary>Visits the member of staff reviews on.</summary>
    public Task<IReadOnlyList<FeedEvent>> ForReviewerAsync(long staffId, ReviewerNaming naming, DateTimeOffset? cancelledSince, CancellationToken cancellationToken = default) =>
        ReadAsync("SELECT visit_id FROM visit_reviewers WHERE staff_id = @subject", staffId, naming, cancelledSince, cancellationToken);

    /// <summary>Visits the school hosts, and visits its staff review on.</summary>
    public Task<IReadOnlyList<FeedEvent>> ForSchoolAsync(string urn, ReviewerNaming naming, DateTimeOffset? cancelledSince, CancellationToken cancellationToken = default) =>
        ReadAsync("""
            SELECT id FROM review_visits WHERE host_urn = @subject
            UNION SELECT visit_id FROM visit_reviewers WHERE school_urn = @subject
            """, urn, naming, cancelledSince, cancellationToken);

    /// <summary>Every visit of the cluster's review cycle.</summary>
    public Task<IReadOnlyList<FeedEvent>> ForClusterAsync(long clusterId, ReviewerNaming naming, DateTimeOffset? cancelledSince, CancellationToken cancellationToken = default) =>
        ReadAsync("""
            SELECT v.id FROM review_visits v JOIN review_cycles rc ON rc.id = v.cycle_id WHERE rc.cluster_id = @subject
            """, clusterId, naming, cancelledSince, cancellationToken);

    /// <summary>Every visit of the clusters the ILE leads, and any visit they were set to attend.</summary>
    public Task<IReadOnlyList<FeedEvent>> ForLeaderAsync(long leaderId, ReviewerNaming naming, DateTimeOffset? cancelledSince, CancellationToken cancellationToken = default) =>
        ReadAsync("""
            SELECT v.id FROM review_visits v
            JOIN review_cycles rc ON rc.id = v.cycle_id JOIN peer_review_clusters c ON c.id = rc.cluster_id
            WHERE c.leader_id = @subject OR v.leader_id = @subject
            """, leaderId, naming, cancelledSince, cancellationToken);

    /// <summary>One visit, whatever its age (a download from its page).</summary>
    public Task<IReadOnlyList<FeedEvent>> ForVisitAsync(long visitId, ReviewerNaming naming, CancellationToken cancellationToken = default) =>
        ReadAsync("SELECT @subject::bigint", visitId, naming, null, cancellationToken);

    /// <summary>Who a visit concerns, for deciding who may download it; null when there is no such visit.</summary>
    public async Task<VisitParties?> FindPartiesAsync(long visitId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT v.host_urn, c.id, c.leader_id, v.leader_id,
                   ARRAY(SELECT vr.staff_id FROM visit_reviewers vr WHERE vr.visit_id = v.id),
                   ARRAY(SELECT DISTINCT vr.school_urn FROM visit_reviewers vr WHERE vr.visit_id = v.id)
            FROM review_visits v JOIN review_cycles rc ON rc.id = v.cycle_id JOIN peer_review_clusters c ON c.id = rc.cluster_id
            WHERE v.id = @id
            """);
        command.Parameters.AddWithValue("id", visitId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }
        return new VisitParties(
            reader.GetString(0),
            reader.GetInt64(1),
            reader.IsDBNull(2) ? null : reader.GetInt64(2),
            reader.IsDBNull(3) ? null : reader.GetInt64(3),
            reader.GetFieldValue<long[]>(4),
            reader.GetFieldValue<string[]>(5));
    }

    /// <summary>
    /// One visit's event as the feeds show it, read inside the caller's transaction: an
    /// invitation written beside a change carries the UID and SEQUENCE the change gives it.
    /// </summary>
    public static async Task<FeedEvent?> ForVisitAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long visitId, ReviewerNaming naming,
        CancellationToken cancellationToken = default)
    {
        await using var command = Command("SELECT @subject::bigint", naming, null, new NpgsqlCommand { Connection = connection, Transaction = transaction });
        command.Parameters.AddWithValue("subject", visitId);
        return (await ReadEventsAsync(command, cancellationToken)).SingleOrDefault();
    }

    private async Task<IReadOnlyList<FeedEvent>> ReadAsync<TSubject>(string visitIdsSql, TSubject subject, ReviewerNaming naming,
        DateTimeOffset? cancelledSince, CancellationToken cancellationToken)
        where TSubject : notnull
    {
        await using var command = Command(visitIdsSql, naming, cancelledSince, dataSource.CreateCommand());
        command.Parameters.AddWithValue("subject", subject);
        return await ReadEventsAsync(command, cancellationToken);
    }

    private static NpgsqlCommand Command(string visitIdsSql, ReviewerNaming naming, DateTimeOffset? cancelledSince, NpgsqlCommand command)
    {
        command.CommandText = $"""
            SELECT v.id, v.visit_date, v.status, v.sequence, v.updated_at, h.name, h.postcode, c.name, l.name, v.self_evaluation_due,
                   ARRAY(SELECT st.name || ' (' || rs.name || ')'
                         FROM visit_reviewers vr JOIN staff st ON st.id = vr.staff_id JOIN schools rs ON rs.urn = vr.school_urn
                         WHERE vr.visit_id = v.id AND (@all_schools OR vr.school_urn = ANY(@schools))
                         ORDER BY rs.name, st.name, st.id) AS named,
                   (SELECT count(*) FROM visit_reviewers vr WHERE vr.visit_id = v.id) AS reviewers,
                   coalesce(v.cancelled_at, v.updated_at) AS cancelled_at, c.id AS cluster_id
            FROM review_visits v
            JOIN review_cycles rc ON rc.id = v.cycle_id
            JOIN peer_review_clusters c ON c.id = rc.cluster_id
            JOIN schools h ON h.urn = v.host_urn
            LEFT JOIN inclusion_leaders l ON l.id = c.leader_id
            WHERE v.id IN ({visitIdsSql})
              AND v.visit_date IS NOT NULL
              AND (@since::timestamptz IS NULL OR v.status <> 'CANCELLED' OR coalesce(v.cancelled_at, v.updated_at) > @since)
            ORDER BY v.visit_date, v.id
            """;
        command.Parameters.AddWithValue("all_schools", naming.AllSchools);
        command.Parameters.AddWithValue("schools", naming.Schools.ToArray());
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset?>("since", cancelledSince) { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        return command;
    }

    private static async Task<IReadOnlyList<FeedEvent>> ReadEventsAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var events = new List<FeedEvent>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var day = reader.GetFieldValue<DateOnly>(1);
            var status = reader.GetString(2) switch
            {
                "CANCELLED" => EventStatus.Cancelled,
                "PROPOSED" => EventStatus.Tentative,
                _ => EventStatus.Confirmed,
            };
            var host = reader.GetString(5);
            var postcode = reader.IsDBNull(6) ? null : reader.GetString(6);
            events.Add(new FeedEvent
            {
                Uid = EventUids.Visit(reader.GetInt64(0)),
                DtStamp = reader.GetFieldValue<DateTimeOffset>(4),
                Start = EventTime.AllDay(day),
                End = EventTime.AllDay(day.AddDays(1)),
                Summary = $"Peer review visit: {host}",
                Location = postcode is null ? host : $"{host}, {postcode}",
                Description = Describe(status, reader.GetString(7), reader.IsDBNull(8) ? null : reader.GetString(8),
                    reader.IsDBNull(9) ? null : reader.GetFieldValue<DateOnly>(9), reader.GetFieldValue<string[]>(10), reader.GetInt64(11)),
                Status = status,
                Sequence = reader.GetInt32(3),
                Categories = ["Peer review"],
                PagePath = string.Create(CultureInfo.InvariantCulture, $"/ile/clusters/{reader.GetInt64(13)}/visits/{reader.GetInt64(0)}"),
                CancelledAt = status == EventStatus.Cancelled ? reader.GetFieldValue<DateTimeOffset>(12) : null,
            });
        }
        return events;
    }

    private static string Describe(EventStatus status, string cluster, string? leader, DateOnly? selfEvaluationDue, string[] named, long reviewers)
    {
        var text = new StringBuilder();
        if (status == EventStatus.Cancelled)
        {
            text.Append("Cancelled.\n");
        }
        else if (status == EventStatus.Tentative)
        {
            text.Append("Proposed date, not yet confirmed.\n");
        }
        text.Append("Cluster: ").Append(cluster).Append('.');
        if (leader is not null)
        {
            text.Append("\nILE: ").Append(leader).Append('.');
        }
        if (selfEvaluationDue is { } due && status != EventStatus.Cancelled)
        {
            text.Append("\nSelf-evaluation due: ").Append(due.ToString("dddd d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))).Append('.');
        }
        text.Append(CultureInfo.InvariantCulture, $"\nReviewers: {reviewers}");
        if (named.Length > 0)
        {
            text.Append(", including ").AppendJoin(", ", named);
        }
        text.Append('.');
        return text.ToString();
    }
}
