using Npgsql;

namespace InclusionNetwork.Grains.Bookings;

/// <summary>Reads bookings and what hangs off them straight from SQL, many at a time for per-request batching.</summary>
public sealed class BookingQueries(NpgsqlDataSource dataSource)
{
    /// <summary>The waiting-list position is counted, not stored, so it can never have gaps or repeats.</summary>
    private const string Columns = """
        b.id, b.run_id, b.staff_id, b.school_urn, b.status,
        CASE WHEN b.status = 'WAITLISTED' THEN (SELECT count(*) FROM bookings w
                                              WHERE w.run_id = b.run_id AND w.status = 'WAITLISTED' AND w.id <= b.id) END,
        b.offer_expires_at, b.booked_at, b.cancelled_at, b.cancellation, b.completed_at, b.sequence
        """;

    public async Task<IReadOnlyDictionary<long, Booking>> FindManyAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken = default)
    {
        var found = await ListAsync("b.id = ANY(@ids)", "b.id", command => command.Parameters.AddWithValue("ids", ids.ToArray()), cancellationToken);
        return found.ToDictionary(b => b.Id);
    }

    public async Task<Booking?> FindAsync(long id, CancellationToken cancellationToken = default) =>
        (await FindManyAsync([id], cancellationToken)).GetValueOrDefault(id);

    /// <summary>Every booking of each run, cancelled ones included, in the order they were made.</summary>
    public async Task<ILookup<long, Booking>> OfRunsAsync(IReadOnlyCollection<long> runIds, CancellationToken cancellationToken = default) =>
        (await ListAsync("b.run_id = ANY(@ids)", "b.id", command => command.Parameters.AddWithValue("ids", runIds.ToArray()), cancellationToken))
            .ToLookup(b => b.RunId);

    /// <summary>A person's bookings, soonest run first.</summary>
    public async Task<IReadOnlyList<Booking>> OfStaffAsync(long staffId, BookingStatus? status, CancellationToken cancellationToken = default) =>
        await ListAsync(
            "b.staff_id = @staff AND (@status::text IS NULL OR b.status = @status)",
            "(SELECT r.starts_at FROM course_runs r WHERE r.id = b.run_id), b.id",
            command =>
            {
                command.Parameters.AddWithValue("staff", staffId);
                command.Parameters.AddWithValue("status", (object?)status?.ToString() ?? DBNull.Value);
            },
            cancellationToken);

    /// <summary>A school's bookings on runs starting in [from, to) (every run when null), soonest run first.</summary>
    public async Task<IReadOnlyList<Booking>> OfSchoolAsync(
        string urn, (DateTimeOffset From, DateTimeOffset To)? runsStarting, BookingStatus? status, CancellationToken cancellationToken = default) =>
        await ListAsync(
            """
            b.school_urn = @urn AND (@status::text IS NULL OR b.status = @status)
            AND (@from::timestamptz IS NULL OR EXISTS (
                SELECT 1 FROM course_runs r WHERE r.id = b.run_id AND r.starts_at >= @from AND r.starts_at < @to))
            """,
            "(SELECT r.starts_at FROM course_runs r WHERE r.id = b.run_id), b.id",
            command =>
            {
                command.Parameters.AddWithValue("urn", urn);
                command.Parameters.AddWithValue("status", (object?)status?.ToString() ?? DBNull.Value);
                command.Parameters.AddWithValue("from", NpgsqlTypes.NpgsqlDbType.TimestampTz, (object?)runsStarting?.From ?? DBNull.Value);
                command.Parameters.AddWithValue("to", NpgsqlTypes.NpgsqlDbType.TimestampTz, (object?)runsStarting?.To ?? DBNull.Value);
            },
            cancellationToken);

    /// <summary>Attendance recorded for each booking, in session order.</summary>
    public async Task<ILookup<long, Attendance>> AttendanceOfAsync(IReadOnlyCollection<long> bookingIds, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT a.booking_id, a.session_id, a.present, a.recorded_at FROM attendance a
            JOIN course_sessions s ON s.id = a.session_id
            WHERE a.booking_id = ANY(@ids) ORDER BY s.starts_at, s.id
            """);
        command.Parameters.AddWithValue("ids", bookingIds.ToArray());
        var rows = new List<Attendance>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new Attendance(reader.GetInt64(0), reader.GetInt64(1), reader.GetBoolean(2), reader.GetFieldValue<DateTimeOffset>(3)));
        }
        return rows.ToLookup(a => a.BookingId);
    }

    public async Task<IReadOnlyDictionary<long, Evaluation>> EvaluationsOfAsync(IReadOnlyCollection<long> bookingIds, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT booking_id, content, knowledge_improved, confidence_improved, comments, submitted_at
            FROM evaluations WHERE booking_id = ANY(@ids)
            """);
        command.Parameters.AddWithValue("ids", bookingIds.ToArray());
        var evaluations = new Dictionary<long, Evaluation>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            evaluations[reader.GetInt64(0)] = new Evaluation(
                reader.GetInt64(0), Enum.Parse<ContentRating>(reader.GetString(1)), Enum.Parse<Agreement>(reader.GetString(2)),
                Enum.Parse<Agreement>(reader.GetString(3)), reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetFieldValue<DateTimeOffset>(5));
        }
        return evaluations;
    }

    public async Task<IReadOnlyDictionary<long, FollowUp>> FollowUpsOfAsync(IReadOnlyCollection<long> bookingIds, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT booking_id, implemented, notes, submitted_at FROM follow_ups WHERE booking_id = ANY(@ids)");
        command.Parameters.AddWithValue("ids", bookingIds.ToArray());
        var followUps = new Dictionary<long, FollowUp>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            followUps[reader.GetInt64(0)] = new FollowUp(
                reader.GetInt64(0), Enum.Parse<Implementation>(reader.GetString(1)), reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.GetFieldValue<DateTimeOffset>(3));
        }
        return followUps;
    }

    /// <summary>The run a booking is on, so a command about the booking reaches that run's grain.</summary>
    public async Task<long?> RunOfBookingAsync(long bookingId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("SELECT run_id FROM bookings WHERE id = @id");
        command.Parameters.AddWithValue("id", bookingId);
        return await command.ExecuteScalarAsync(cancellationToken) as long?;
    }

    /// <summary>The run a session belongs to, so a register reaches that run's grain.</summary>
    public async Task<long?> RunOfSessionAsync(long sessionId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("SELECT run_id FROM course_sessions WHERE id = @id");
        command.Parameters.AddWithValue("id", sessionId);
        return await command.ExecuteScalarAsync(cancellationToken) as long?;
    }

    /// <summary>The account that provides each run's course, for the rule that a run's provider sees its bookings.</summary>
    public async Task<IReadOnlyDictionary<long, long?>> ProvidersOfRunsAsync(IReadOnlyCollection<long> runIds, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT r.id, c.provider_account_id FROM course_runs r JOIN courses c ON c.id = r.course_id WHERE r.id = ANY(@ids)");
        command.Parameters.AddWithValue("ids", runIds.ToArray());
        var providers = new Dictionary<long, long?>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            providers[reader.GetInt64(0)] = reader.IsDBNull(1) ? null : reader.GetInt64(1);
        }
        return providers;
    }

    private async Task<List<Booking>> ListAsync(string where, string orderBy, Action<NpgsqlCommand> bind, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT {Columns} FROM bookings b WHERE {where} ORDER BY {orderBy}");
        bind(command);
        var bookings = new List<Booking>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            bookings.Add(Read(reader));
        }
        return bookings;
    }

    private static Booking Read(NpgsqlDataReader reader) => new(
        reader.GetInt64(0),
        reader.GetInt64(1),
        reader.GetInt64(2),
        reader.GetString(3),
        Enum.Parse<BookingStatus>(reader.GetString(4)),
        reader.IsDBNull(5) ? null : (int)reader.GetInt64(5),
        reader.IsDBNull(6) ? null : reader.GetFieldValue<DateTimeOffset>(6),
        reader.GetFieldValue<DateTimeOffset>(7),
        reader.IsDBNull(8) ? null : reader.GetFieldValue<DateTimeOffset>(8),
        reader.IsDBNull(9) ? null : Enum.Parse<Cancellation>(reader.GetString(9)),
        reader.IsDBNull(10) ? null : reader.GetFieldValue<DateTimeOffset>(10),
        reader.GetInt32(11));
}
