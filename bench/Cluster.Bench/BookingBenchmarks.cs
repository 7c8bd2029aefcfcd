using System.Diagnostics;
using InclusionNetwork.Grains.Accounts;
using InclusionNetwork.Grains.Bookings;
using Npgsql;
using Orleans;

namespace InclusionNetwork.Cluster.Bench;

/// <summary>
/// Booking throughput through the real run grain (<see cref="ICourseRunGrain.BookAsync"/>,
/// one person per call), on one contended run and across many runs, beside a plain SQL insert
/// loop of as many booking rows (the floor). Each result is checked against the stored rows.
/// </summary>
internal static class BookingBenchmarks
{
    private const int Callers = 32;
    private const int ContendedCapacity = 100;
    /// <summary>At the full and small sizes, ten bookings land on each of the spread runs: half confirmed, half waiting.</summary>
    private const int SpreadCapacity = 5;

    /// <summary>The stand-in runtime's figures on its contended run, as the issue that retired it records them.</summary>
    private const double StandInContended = 277;
    private const double StandInFloor = 2_943;

    private static readonly Viewer Admin = new(1, "Bench admin", "admin@bench.test", new HashSet<Role> { Role.ADMIN }, null, null, null);

    public static async Task RunAsync(IGrainFactory grains, NpgsqlDataSource database, BenchSizes sizes)
    {
        var (bookings, spreadRuns) = (sizes.Bookings, sizes.SpreadRuns);
        var now = TimeProvider.System.GetUtcNow();
        var staff = await SeedAsync(database, now, bookings);
        var warmup = (await NewRunsAsync(database, 1, ContendedCapacity, now))[0];
        var contended = (await NewRunsAsync(database, 1, ContendedCapacity, now))[0];
        var spread = await NewRunsAsync(database, spreadRuns, SpreadCapacity, now);
        var floorRuns = await NewRunsAsync(database, 2, ContendedCapacity, now);

        // The code paths and the connection pool warmed on a run of their own.
        await BookAllAsync(sizes.WarmupBookings, i => (warmup, staff[i]));
        // The loop both before and after the grain's runs: the database's rate drifts while it
        // works, and the faster of the two is the floor the ratios are taken against.
        var floorBefore = await InsertLoopAsync(database, floorRuns[0], staff, bookings, now);
        using var statements = new StatementCounter();
        var oneRun = await BookAllAsync(bookings, i => (contended, staff[i]));
        var oneRunStatements = statements.TakeCount();
        await VerifyAsync(database, [contended], ContendedCapacity, bookings);
        statements.TakeCount();
        var acrossRuns = await BookAllAsync(bookings, i => (spread[i % spreadRuns], staff[i]));
        var acrossRunsStatements = statements.TakeCount();
        await VerifyAsync(database, spread, SpreadCapacity, bookings / spreadRuns);
        var floorAfter = await InsertLoopAsync(database, floorRuns[1], staff, bookings, now);
        var floor = Math.Max(floorBefore, floorAfter);

        Console.WriteLine();
        Console.WriteLine($"Booking throughput ({bookings:N0} bookings, one person each, {Callers} callers at once, through ICourseRunGrain.BookAsync)");
        Console.WriteLine($"  {"",-44} {"bookings/s",12} {"ours/loop",10} {"statements/booking",19}");
        Console.WriteLine($"  {$"one contended run (capacity {ContendedCapacity})",-44} {oneRun,12:N0} {oneRun / floor,9:F2}x {(double)oneRunStatements / bookings,19:F2}   (goal: at least 0.50x)");
        Console.WriteLine($"  {$"across {spreadRuns} runs (capacity {SpreadCapacity} each)",-44} {acrossRuns,12:N0} {acrossRuns / floor,9:F2}x {(double)acrossRunsStatements / bookings,19:F2}");
        Console.WriteLine($"  {"plain SQL insert loop, one connection (floor)",-44} {floor,12:N0}   (the faster of {floorBefore:N0} before and {floorAfter:N0} after)");
        Console.WriteLine($"  {"stand-in runtime, one contended run (then)",-44} {StandInContended,12:N0} {StandInContended / StandInFloor,9:F2}x   (beside its own loop of {StandInFloor:N0}/s)");
        Console.WriteLine($"  checked: exactly the capacity confirmed on every run, every booking stored once");
        Console.WriteLine($"  (statements: every SQL statement the process sent meanwhile, Orleans' own included, per booking)");

        async Task<double> BookAllAsync(int count, Func<int, (long Run, long Person)> booking)
        {
            var next = -1;
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, Callers).Select(async _ =>
            {
                for (var i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
                {
                    var (run, person) = booking(i);
                    var result = await grains.GetGrain<ICourseRunGrain>(run).BookAsync(Admin, [person.ToString()]);
                    if (result.Errors.Count > 0 || result.Bookings.Count != 1)
                    {
                        throw new InvalidOperationException($"Booking person {person} on run {run} was refused: {string.Join(", ", result.Errors)}");
                    }
                }
            }));
            return count / clock.Elapsed.TotalSeconds;
        }
    }

    /// <summary>What the grain writes per booking, as the bare statement on one open connection.</summary>
    private static async Task<double> InsertLoopAsync(NpgsqlDataSource database, long run, IReadOnlyList<long> staff, int bookings, DateTimeOffset now)
    {
        await using var connection = await database.OpenConnectionAsync();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < bookings; i++)
        {
            await using var insert = new NpgsqlCommand("""
                INSERT INTO bookings (run_id, staff_id, school_urn, status, booked_at, booked_by, updated_at)
                VALUES (@run, @staff, '100001', 'WAITLISTED', @now, 1, @now)
                """, connection);
            insert.Parameters.AddWithValue("run", run);
            insert.Parameters.AddWithValue("staff", staff[i]);
            insert.Parameters.AddWithValue("now", now);
            await insert.ExecuteNonQueryAsync();
        }
        return bookings / clock.Elapsed.TotalSeconds;
    }

    /// <summary>Every run holds exactly its capacity confirmed and every booking made, each person once.</summary>
    private static async Task VerifyAsync(NpgsqlDataSource database, IReadOnlyList<long> runs, int capacity, int bookingsPerRun)
    {
        await using var command = database.CreateCommand("""
            SELECT r.id,
                   count(b.id) FILTER (WHERE b.status = 'CONFIRMED'),
                   count(b.id) FILTER (WHERE b.status <> 'CANCELLED'),
                   count(DISTINCT b.staff_id)
            FROM unnest(@runs) AS r(id) LEFT JOIN bookings b ON b.run_id = r.id
            GROUP BY r.id
            """);
        command.Parameters.AddWithValue("runs", runs.ToArray());
        await using var reader = await command.ExecuteReaderAsync();
        var checkedRuns = 0;
        while (await reader.ReadAsync())
        {
            var (run, confirmed, live, people) = (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
            if (confirmed != capacity || live != bookingsPerRun || people != bookingsPerRun)
            {
                throw new InvalidOperationException(
                    $"Run {run}: {confirmed} confirmed (capacity {capacity}), {live} live bookings of {people} people (expected {bookingsPerRun}).");
            }
            checkedRuns++;
        }
        if (checkedRuns != runs.Count)
        {
            throw new InvalidOperationException($"Checked {checkedRuns} of {runs.Count} runs.");
        }
    }

    /// <summary>One school with <paramref name="people"/> staff, the admin who books (account 1) and a course, as the grain tests seed them.</summary>
    private static async Task<IReadOnlyList<long>> SeedAsync(NpgsqlDataSource database, DateTimeOffset now, int people)
    {
        await using (var command = database.CreateCommand("""
            INSERT INTO schools (urn, name, phase, school_type, district_id, open, gias_type, gias_phase, gias_status, imported_at, updated_at)
            VALUES ('100001', 'Oak Primary', 'PRIMARY', 'MAINTAINED', 'dover', true, 'Community school', 'Primary', 'Open', @now, @now);
            INSERT INTO accounts (email, name, password_hash, created_at) VALUES ('admin@bench.test', 'Bench admin', '-', @now);
            INSERT INTO staff (school_urn, name, role, created_at) SELECT '100001', 'Teacher ' || n, 'TEACHER', @now FROM generate_series(1, @people) n;
            INSERT INTO courses (title, summary, provider, strand, core_offer, audiences, expected_impact, prior_knowledge, framework_areas,
                                 need_types, phases, delivery_mode, price_pence, funded_release_days, created_at, updated_at)
            VALUES ('Inclusive Practices', 'Adaptive teaching.', 'County', 'SCHOOL_TO_SCHOOL_SYSTEM', true, '{TEACHER}', 'Better lessons.',
                    'INTRODUCTORY', '{}', '{}', '{PRIMARY}', 'IN_PERSON', 0, 0, @now, @now);
            """))
        {
            command.Parameters.AddWithValue("now", now);
            command.Parameters.AddWithValue("people", people);
            await command.ExecuteNonQueryAsync();
        }
        return await IdsAsync(database.CreateCommand("SELECT id FROM staff ORDER BY id"));
    }

    /// <summary><paramref name="count"/> runs of the course, thirty days ahead, each with one session.</summary>
    internal static async Task<IReadOnlyList<long>> NewRunsAsync(NpgsqlDataSource database, int count, int capacity, DateTimeOffset now)
    {
        var command = database.CreateCommand("""
            WITH runs AS (
                INSERT INTO course_runs (course_id, venue, district_id, capacity, booking_closes_at, starts_at, ends_at, status, created_at, updated_at)
                SELECT (SELECT min(id) FROM courses), 'Bench venue', 'dover', @capacity, @starts, @starts, @starts + interval '6 hours', 'SCHEDULED', @now, @now
                FROM generate_series(1, @count)
                RETURNING id, starts_at, ends_at
            ), sessions AS (
                INSERT INTO course_sessions (run_id, starts_at, ends_at, updated_at) SELECT id, starts_at, ends_at, @now FROM runs
            )
            SELECT id FROM runs ORDER BY id
            """);
        command.Parameters.AddWithValue("capacity", capacity);
        command.Parameters.AddWithValue("starts", now.AddDays(30));
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("count", count);
        return await IdsAsync(command);
    }

    internal static async Task<IReadOnlyList<long>> IdsAsync(NpgsqlCommand command)
    {
        await using (command)
        {
            var ids = new List<long>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                ids.Add(reader.GetInt64(0));
            }
            return ids;
        }
    }

    /// <summary>SQL statements this process sends, from Npgsql's own tracing.</summary>
    private sealed class StatementCounter : IDisposable
    {
        private readonly ActivityListener listener;
        private int count;

        public StatementCounter()
        {
            listener = new ActivityListener
            {
                ShouldListenTo = source => source.Name == "Npgsql",
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
                ActivityStopped = _ => Interlocked.Increment(ref count),
            };
            ActivitySource.AddActivityListener(listener);
        }

        /// <summary>The statements since the last call.</summary>
        public int TakeCount() => Interlocked.Exchange(ref count, 0);

        public void Dispose() => listener.Dispose();
    }
}
