using System.Globalization;
using System.Text;
using Npgsql;

namespace InclusionNetwork.Grains.Calendars;

/// <summary>
/// Course sessions as calendar events, straight from the booking tables: one event per session
/// of every run the person (STAFF) or the school's staff (SCHOOL) hold a place on.
/// <list type="bullet">
/// <item>STATUS: CONFIRMED for a confirmed place, TENTATIVE for an offered one, CANCELLED when the
/// run was cancelled or the place given up (kept until the retention cut-off, then left out).
/// Waiting-list entries that never held a place are not shown.</item>
/// <item>SEQUENCE: the session's, the run's and every counted booking's own sequence (plus one
/// per booking, so a new booking counts) added up: each only grows, so the sum grows whenever
/// anything the event shows changes.</item>
/// <item>DTSTAMP: the latest change of the session, run or bookings (RFC 5545 3.8.7.2: without a
/// METHOD it is when the information was last revised), which keeps bodies stable between polls.</item>
/// </list>
/// </summary>
public sealed class BookingFeedQuery(NpgsqlDataSource dataSource)
{
    /// <summary>The person's own places; <paramref name="runId"/> narrows to one run (a single booking's download).</summary>
    /// <param name="cancelledSince">Cancelled events from before this are left out; null keeps them all.</param>
    public async Task<IReadOnlyList<FeedEvent>> ForStaffAsync(long staffId, DateTimeOffset? cancelledSince, long? runId = null, CancellationToken cancellationToken = default) =>
        [.. (await ReadAsync(StaffHeld, new[] { staffId }, runId, cancelledSince, null, null, cancellationToken)).Select(e => e.Event)];

    /// <summary>
    /// What each person's own feed shows of one run, read on the caller's connection and in its
    /// transaction, so a message written with a change carries the SEQUENCE that change produced.
    /// </summary>
    public async Task<ILookup<long, FeedEvent>> ForStaffOnRunAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, long runId,
        IReadOnlyCollection<long> staffIds, CancellationToken cancellationToken = default) =>
        staffIds.Count == 0 ? Array.Empty<FeedEvent>().ToLookup(_ => 0L)
            : (await ReadAsync(StaffHeld, staffIds.ToArray(), runId, null, connection, transaction, cancellationToken))
                .ToLookup(e => long.Parse(e.Owner, CultureInfo.InvariantCulture), e => e.Event);

    /// <summary>What each school's feed shows of one run, on the caller's connection and transaction (see <see cref="ForStaffOnRunAsync"/>).</summary>
    public async Task<ILookup<string, FeedEvent>> ForSchoolsOnRunAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, long runId,
        IReadOnlyCollection<string> schoolUrns, CancellationToken cancellationToken = default) =>
        schoolUrns.Count == 0 ? Array.Empty<FeedEvent>().ToLookup(_ => "")
            : (await ReadAsync(SchoolHeld, schoolUrns.ToArray(), runId, null, connection, transaction, cancellationToken))
                .ToLookup(e => e.Owner, e => e.Event);

    private const string StaffHeld = """
            SELECT b.run_id, b.staff_id::text AS owner,
                   CASE max(b.status) FILTER (WHERE b.status IN ('CONFIRMED', 'OFFERED'))
                       WHEN 'CONFIRMED' THEN 'CONFIRMED' WHEN 'OFFERED' THEN 'TENTATIVE' END AS live_status,
                   max(b.offer_expires_at) FILTER (WHERE b.status = 'OFFERED') AS offer_expires_at,
                   NULL::text[] AS names,
                   max(b.cancelled_at) AS cancelled_at,
                   sum(b.sequence + 1)::integer AS sequence,
                   max(b.updated_at) AS updated_at
            FROM bookings b
            WHERE b.staff_id = ANY(@subjects)
              AND (@run::bigint IS NULL OR b.run_id = @run)
              AND (b.status IN ('CONFIRMED', 'OFFERED')
                   OR (b.status = 'CANCELLED' AND (b.confirmed_at IS NOT NULL OR b.offered_at IS NOT NULL)))
            GROUP BY b.staff_id, b.run_id
            """;

    /// <summary>
    /// The school's confirmed places, one event per session naming the school's own booked staff
    /// (and nobody from any other school).
    /// </summary>
    public async Task<IReadOnlyList<FeedEvent>> ForSchoolAsync(string urn, DateTimeOffset? cancelledSince, CancellationToken cancellationToken = default) =>
        [.. (await ReadAsync(SchoolHeld, new[] { urn }, null, cancelledSince, null, null, cancellationToken)).Select(e => e.Event)];

    private const string SchoolHeld = """
            SELECT b.run_id, b.school_urn AS owner,
                   CASE WHEN bool_or(b.status = 'CONFIRMED') THEN 'CONFIRMED' END AS live_status,
                   NULL::timestamptz AS offer_expires_at,
                   array_agg(st.name ORDER BY st.name, st.id) FILTER (WHERE b.status = 'CONFIRMED') AS names,
                   max(b.cancelled_at) AS cancelled_at,
                   sum(b.sequence + 1)::integer AS sequence,
                   max(b.updated_at) AS updated_at
            FROM bookings b JOIN staff st ON st.id = b.staff_id
            WHERE b.school_urn = ANY(@subjects)
              AND (@run::bigint IS NULL OR b.run_id = @run)
              AND (b.status = 'CONFIRMED' OR (b.status = 'CANCELLED' AND b.confirmed_at IS NOT NULL))
            GROUP BY b.school_urn, b.run_id
            """;

    /// <summary>Who a booking belongs to, for deciding who may download it; null when there is no such booking.</summary>
    public async Task<BookingParties?> FindPartiesAsync(long bookingId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT b.staff_id, b.school_urn, b.run_id, c.provider_account_id
            FROM bookings b JOIN course_runs r ON r.id = b.run_id JOIN courses c ON c.id = r.course_id
            WHERE b.id = @id
            """);
        command.Parameters.AddWithValue("id", bookingId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }
        return new BookingParties(reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2), reader.IsDBNull(3) ? null : reader.GetInt64(3));
    }

    /// <param name="heldSql">
    /// One row per subject (owner, as text) and run: run_id, owner, live_status (CONFIRMED, TENTATIVE or null when only given-up places
    /// remain), offer_expires_at, names (staff to name, or null), cancelled_at, sequence, updated_at.
    /// </param>
    /// <param name="connection">The caller's connection, to read inside its transaction; null: a connection of the pool.</param>
    private async Task<List<(string Owner, FeedEvent Event)>> ReadAsync<TSubject>(string heldSql, TSubject[] subjects, long? runId, DateTimeOffset? cancelledSince,
        NpgsqlConnection? connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
        where TSubject : notnull
    {
        var sql = $"""
            WITH held AS ({heldSql}),
            sessions AS (
                SELECT s.*, row_number() OVER (PARTITION BY s.run_id ORDER BY s.starts_at, s.id) AS number,
                       count(*) OVER (PARTITION BY s.run_id) AS total
                FROM course_sessions s WHERE s.run_id IN (SELECT run_id FROM held)
            ),
            events AS (
                SELECT s.id, s.starts_at, s.ends_at, s.number, s.total, c.title, c.provider, r.venue, d.name AS district, c.id AS course_id,
                       r.status = 'CANCELLED' AS run_cancelled, r.cancel_reason,
                       CASE WHEN r.status = 'CANCELLED' THEN 'CANCELLED' ELSE coalesce(h.live_status, 'CANCELLED') END AS status,
                       CASE WHEN r.status = 'CANCELLED' THEN r.cancelled_at WHEN h.live_status IS NULL THEN h.cancelled_at END AS cancelled_at,
                       h.offer_expires_at, h.names, h.owner,
                       s.sequence + r.sequence + h.sequence AS sequence,
                       -- Not the run row's updated_at: it moves with every booking on the run, which shows in no other feed.
                       greatest(s.updated_at, r.created_at, r.cancelled_at, h.updated_at) AS updated_at
                FROM held h
                JOIN course_runs r ON r.id = h.run_id
                JOIN courses c ON c.id = r.course_id
                JOIN sessions s ON s.run_id = r.id
                LEFT JOIN districts d ON d.id = r.district_id
            )
            SELECT id, starts_at, ends_at, number, total, title, provider, venue, district, run_cancelled, cancel_reason,
                   status, offer_expires_at, names, sequence, updated_at, cancelled_at, course_id, owner
            FROM events
            WHERE @since::timestamptz IS NULL OR cancelled_at IS NULL OR cancelled_at > @since
            ORDER BY starts_at, id
            """;
        await using var command = connection is null ? dataSource.CreateCommand(sql) : new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.AddWithValue("subjects", subjects);
        command.Parameters.Add(new NpgsqlParameter<long?>("run", runId) { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Bigint });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset?>("since", cancelledSince) { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        var events = new List<(string, FeedEvent)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var status = Enum.Parse<EventStatus>(reader.GetString(11), ignoreCase: true);
            var venue = reader.IsDBNull(7) ? null : reader.GetString(7);
            events.Add((reader.GetString(18), new FeedEvent
            {
                Uid = EventUids.Session(reader.GetInt64(0)),
                DtStamp = reader.GetFieldValue<DateTimeOffset>(15),
                Start = London.At(reader.GetFieldValue<DateTimeOffset>(1)),
                End = London.At(reader.GetFieldValue<DateTimeOffset>(2)),
                Summary = reader.GetString(5),
                Location = venue is null ? "Online" : $"{venue}, {reader.GetString(8)}",
                Description = Describe(
                    reader.GetInt64(3), reader.GetInt64(4), reader.GetString(6), status, reader.GetBoolean(9),
                    reader.IsDBNull(10) ? null : reader.GetString(10),
                    reader.IsDBNull(12) ? null : reader.GetFieldValue<DateTimeOffset>(12),
                    reader.IsDBNull(13) ? null : reader.GetFieldValue<string[]>(13)),
                Status = status,
                Sequence = reader.GetInt32(14),
                Categories = ["Course"],
                PagePath = $"/courses/{reader.GetInt64(17).ToString(CultureInfo.InvariantCulture)}",
                CancelledAt = status == EventStatus.Cancelled && !reader.IsDBNull(16) ? reader.GetFieldValue<DateTimeOffset>(16) : null,
            }));
        }
        return events;
    }

    private static string Describe(long number, long total, string provider, EventStatus status, bool runCancelled, string? cancelReason,
        DateTimeOffset? offerExpiresAt, string[]? names)
    {
        var text = new StringBuilder();
        if (status == EventStatus.Cancelled)
        {
            text.Append(runCancelled ? "Cancelled: the provider cancelled this run." : "Cancelled: the place was given up.");
            if (runCancelled && !string.IsNullOrWhiteSpace(cancelReason))
            {
                text.Append(" Reason: ").Append(cancelReason.Trim());
            }
            text.Append('\n');
        }
        else if (status == EventStatus.Tentative && offerExpiresAt is { } expires)
        {
            text.Append("A place is offered to you: accept it by ").Append(London.Describe(expires)).Append(" or it passes to the next person.\n");
        }
        text.Append(CultureInfo.InvariantCulture, $"Session {number} of {total}, run by {provider}.");
        if (names is { Length: > 0 })
        {
            text.Append("\nBooked: ").AppendJoin(", ", names).Append('.');
        }
        return text.ToString();
    }
}
