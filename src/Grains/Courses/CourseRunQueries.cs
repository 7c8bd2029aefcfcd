using Npgsql;

namespace InclusionNetwork.Grains.Courses;

/// <summary>Reads runs and sessions straight from SQL, many at a time for per-request batching.</summary>
public sealed class CourseRunQueries(NpgsqlDataSource dataSource)
{
    internal const string RunColumns = """
        r.id, r.course_id, r.venue, r.district_id, r.capacity, r.max_places_per_school, r.booking_closes_at, r.starts_at, r.ends_at,
        r.status, r.cancelled_at, r.confirmed_count, r.offered_count, r.waitlisted_count, r.sequence
        """;

    public async Task<IReadOnlyDictionary<long, CourseRun>> FindManyAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand($"SELECT {RunColumns} FROM course_runs r WHERE r.id = ANY(@ids)");
        command.Parameters.AddWithValue("ids", ids.ToArray());
        var runs = new Dictionary<long, CourseRun>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var run = ReadRun(reader);
            runs[run.Id] = run;
        }
        return runs;
    }

    public async Task<CourseRun?> FindAsync(long id, CancellationToken cancellationToken = default) =>
        (await FindManyAsync([id], cancellationToken)).GetValueOrDefault(id);

    /// <summary>Runs of each course by start; only those not yet ended unless <paramref name="includePast"/>.</summary>
    public async Task<ILookup<long, CourseRun>> OfCoursesAsync(
        IReadOnlyCollection<long> courseIds, bool includePast, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand($"""
            SELECT {RunColumns} FROM course_runs r
            WHERE r.course_id = ANY(@ids) AND (@include_past OR r.ends_at > @now)
            ORDER BY r.starts_at, r.id
            """);
        command.Parameters.AddWithValue("ids", courseIds.ToArray());
        command.Parameters.AddWithValue("include_past", includePast);
        command.Parameters.AddWithValue("now", now);
        var runs = new List<CourseRun>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            runs.Add(ReadRun(reader));
        }
        return runs.ToLookup(r => r.CourseId);
    }

    /// <summary>Sessions of each run, in order.</summary>
    public async Task<ILookup<long, CourseSession>> SessionsOfAsync(IReadOnlyCollection<long> runIds, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT id, run_id, starts_at, ends_at, sequence FROM course_sessions WHERE run_id = ANY(@ids) ORDER BY starts_at, id");
        command.Parameters.AddWithValue("ids", runIds.ToArray());
        var sessions = new List<CourseSession>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            sessions.Add(ReadSession(reader));
        }
        return sessions.ToLookup(s => s.RunId);
    }

    public async Task<IReadOnlyDictionary<long, CourseSession>> FindSessionsAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT id, run_id, starts_at, ends_at, sequence FROM course_sessions WHERE id = ANY(@ids)");
        command.Parameters.AddWithValue("ids", ids.ToArray());
        var sessions = new Dictionary<long, CourseSession>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var session = ReadSession(reader);
            sessions[session.Id] = session;
        }
        return sessions;
    }

    internal static CourseRun ReadRun(NpgsqlDataReader reader, int offset = 0) => new(
        reader.GetInt64(offset),
        reader.GetInt64(offset + 1),
        reader.IsDBNull(offset + 2) ? null : reader.GetString(offset + 2),
        reader.IsDBNull(offset + 3) ? null : reader.GetString(offset + 3),
        reader.GetInt32(offset + 4),
        reader.IsDBNull(offset + 5) ? null : reader.GetInt32(offset + 5),
        reader.GetFieldValue<DateTimeOffset>(offset + 6),
        reader.GetFieldValue<DateTimeOffset>(offset + 7),
        reader.GetFieldValue<DateTimeOffset>(offset + 8),
        reader.GetString(offset + 9) == "CANCELLED",
        reader.IsDBNull(offset + 10) ? null : reader.GetFieldValue<DateTimeOffset>(offset + 10),
        reader.GetInt32(offset + 11),
        reader.GetInt32(offset + 12),
        reader.GetInt32(offset + 13),
        reader.GetInt32(offset + 14));

    internal static CourseSession ReadSession(NpgsqlDataReader reader) => new(
        reader.GetInt64(0), reader.GetInt64(1), reader.GetFieldValue<DateTimeOffset>(2), reader.GetFieldValue<DateTimeOffset>(3), reader.GetInt32(4));
}
