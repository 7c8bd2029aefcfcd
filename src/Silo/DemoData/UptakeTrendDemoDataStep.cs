using System.Globalization;
using InclusionNetwork.Grains.Courses;
using Npgsql;

namespace InclusionNetwork.Silo.DemoData;

/// <summary>
/// Makes last academic year show what the programme measures. The courses step spreads runs
/// evenly, so its quarters grow by chance and every district has plenty of evaluations; a
/// commissioner looking at the demo should see training take off quarter by quarter and a
/// district too small to publish. So this step adds, in each quarter of last year, more runs of
/// Inclusive Practices (teaching assistants) and governor training than the quarter before,
/// each with confirmed bookings, full registers for most and evaluations from most of those
/// present; and it leaves one district (the one with the fewest answers) with only a handful
/// of returned evaluations, as happens when a district's forms go unreturned.
/// </summary>
/// <remarks>
/// Only staff of open mainstream schools who have no demo account are booked, so no demo
/// account's bookings or calendar change; nothing is written in the current year.
/// </remarks>
internal sealed class UptakeTrendDemoDataStep : IDemoDataStep
{
    /// <summary>Evaluations kept in the district left under the suppression threshold (1 to 4).</summary>
    private const int ThinDistrictResponses = 3;

    /// <summary>Confirmed bookings on each added run.</summary>
    private const int BookingsPerRun = 24;

    public string Name => "uptake-trend";

    public int Order => 60;

    private sealed record Person(long Id, string SchoolUrn, string DistrictId, string Role);

    private sealed record Run(long Id, long CourseId, string? DistrictId, string? Venue, int Capacity, long SessionId,
        DateTimeOffset StartsAt, DateTimeOffset EndsAt);

    private sealed record Booking(long Id, Run Run, Person Person, bool Present);

    public async Task LoadAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, DemoContext context, CancellationToken cancellationToken)
    {
        var random = context.RandomFor(Name);
        var now = context.Now.ToUniversalTime();
        var firstYear = int.Parse(CivilTime.AcademicYearOf(now)[..4], CultureInfo.InvariantCulture) - 1;
        var yearStarts = CivilTime.StartOf(new DateOnly(firstYear, 9, 1)).ToUniversalTime();
        var yearEnds = CivilTime.StartOf(new DateOnly(firstYear + 1, 9, 1)).ToUniversalTime();

        var thinDistrict = await ThinOneDistrictAsync(connection, transaction, yearStarts, yearEnds, cancellationToken);
        var inclusivePractices = await CourseIdAsync(connection, transaction, "Inclusive Practices", cancellationToken);
        var governors = await CourseIdAsync(connection, transaction, "Governor training on the inclusion framework", cancellationToken);
        var people = await ReadPeopleAsync(connection, transaction, thinDistrict, cancellationToken);
        var districts = people.Select(p => p.DistrictId).Distinct().Order(StringComparer.Ordinal).ToList();
        // Each person at most once in the year, drawn in a seeded order.
        var assistants = new Queue<Person>(people.Where(p => p.Role == "TEACHING_ASSISTANT").OrderBy(_ => random.Next()));
        var governorsToBook = new Queue<Person>(people.Where(p => p.Role == "GOVERNOR").OrderBy(_ => random.Next()));

        var runId = await NextIdAsync(connection, transaction, "course_runs", cancellationToken);
        var sessionId = await NextIdAsync(connection, transaction, "course_sessions", cancellationToken);
        var bookingId = await NextIdAsync(connection, transaction, "bookings", cancellationToken);
        var runs = new List<Run>();
        var bookings = new List<Booking>();
        for (var quarter = 1; quarter <= 4; quarter++)
        {
            var (from, to) = TermWindow(firstYear, quarter);
            // One run more each quarter than the last, spread over the quarter's term time.
            for (var k = 0; k < quarter; k++)
            {
                var day = Weekday(from.AddDays(k * (to.DayNumber - from.DayNumber) / quarter));
                var inPerson = k % 2 == 0;
                Run run;
                if (inPerson)
                {
                    var district = districts[(quarter * 3 + k) % districts.Count];
                    run = new Run(runId++, inclusivePractices, district, null, 30, sessionId++,
                        CivilTime.At(day, new TimeOnly(9, 30)).ToUniversalTime(), CivilTime.At(day, new TimeOnly(12, 30)).ToUniversalTime());
                }
                else
                {
                    run = new Run(runId++, governors, null, null, 40, sessionId++,
                        CivilTime.At(day, new TimeOnly(18, 0)).ToUniversalTime(), CivilTime.At(day, new TimeOnly(19, 30)).ToUniversalTime());
                }
                runs.Add(run);
                var pool = inPerson ? assistants : governorsToBook;
                for (var b = 0; b < BookingsPerRun && pool.Count > 0; b++)
                {
                    // About one in eight misses the session, so completions trail bookings.
                    bookings.Add(new Booking(bookingId++, run, pool.Dequeue(), random.Next(8) != 0));
                }
            }
        }
        var venues = await DistrictNamesAsync(connection, transaction, cancellationToken);
        runs = [.. runs.Select(r => r.DistrictId is { } d ? r with { Venue = $"{venues[d]} Inclusion Hub" } : r)];
        await InsertAsync(connection, transaction, runs, bookings, random, now, cancellationToken);
    }

    /// <summary>
    /// The quarter's term time in which the added runs fall, clear of the holidays and ending
    /// well before the quarter does, so each evaluation is submitted in its run's quarter.
    /// </summary>
    private static (DateOnly From, DateOnly To) TermWindow(int firstYear, int quarter) => quarter switch
    {
        1 => (new DateOnly(firstYear, 9, 22), new DateOnly(firstYear, 11, 20)),
        2 => (new DateOnly(firstYear + 1, 1, 8), new DateOnly(firstYear + 1, 2, 19)),
        3 => (new DateOnly(firstYear + 1, 3, 2), new DateOnly(firstYear + 1, 5, 14)),
        _ => (new DateOnly(firstYear + 1, 6, 2), new DateOnly(firstYear + 1, 7, 14)),
    };

    /// <summary>
    /// Keeps only a few of last year's evaluations (and their follow-ups) from the district with
    /// the fewest, so that district is under the suppression threshold; returns its id.
    /// </summary>
    private static async Task<string> ThinOneDistrictAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        DateTimeOffset yearStarts, DateTimeOffset yearEnds, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            WITH last_year AS (
                SELECT b.id AS booking_id, sc.district_id
                FROM evaluations e
                JOIN bookings b ON b.id = e.booking_id
                JOIN course_runs r ON r.id = b.run_id
                JOIN schools sc ON sc.urn = b.school_urn
                WHERE r.starts_at >= @from AND r.starts_at < @to
            ), thin AS (
                SELECT d.id FROM districts d LEFT JOIN last_year l ON l.district_id = d.id
                GROUP BY d.id, d.sort_order ORDER BY count(l.booking_id), d.sort_order LIMIT 1
            ), dropped AS (
                SELECT booking_id FROM (
                    SELECT l.booking_id, row_number() OVER (ORDER BY l.booking_id) AS n FROM last_year l JOIN thin t ON t.id = l.district_id
                ) x WHERE n > @keep
            ), gone_follow_ups AS (
                DELETE FROM follow_ups f USING dropped d WHERE f.booking_id = d.booking_id
            ), gone AS (
                DELETE FROM evaluations e USING dropped d WHERE e.booking_id = d.booking_id
            )
            SELECT id FROM thin
            """, connection, transaction);
        command.Parameters.AddWithValue("from", yearStarts);
        command.Parameters.AddWithValue("to", yearEnds);
        command.Parameters.AddWithValue("keep", ThinDistrictResponses);
        return (string)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Teaching assistants and governors with no demo account, in open mainstream schools outside the thinned district.</summary>
    private static async Task<List<Person>> ReadPeopleAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string thinDistrict,
        CancellationToken cancellationToken)
    {
        var people = new List<Person>();
        await using var command = new NpgsqlCommand("""
            SELECT s.id, s.school_urn, sc.district_id, s.role
            FROM staff s JOIN schools sc ON sc.urn = s.school_urn
            WHERE s.removed_at IS NULL AND s.email IS NULL AND s.role IN ('TEACHING_ASSISTANT', 'GOVERNOR')
              AND sc.open AND sc.school_type IN ('MAINTAINED', 'ACADEMY', 'FREE_SCHOOL') AND sc.phase IN ('PRIMARY', 'SECONDARY', 'ALL_THROUGH')
              AND sc.district_id <> @thin
              AND NOT EXISTS (SELECT 1 FROM accounts a WHERE a.staff_id = s.id)
            ORDER BY s.id
            """, connection, transaction);
        command.Parameters.AddWithValue("thin", thinDistrict);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            people.Add(new Person(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
        }
        return people;
    }

    private static async Task InsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, List<Run> runs, List<Booking> bookings,
        Random random, DateTimeOffset now, CancellationToken cancellationToken)
    {
        string[] contents = ["GOOD", "EXCELLENT", "GOOD", "FAIR", "EXCELLENT", "GOOD"];
        string[] agreements = ["AGREE", "STRONGLY_AGREE", "AGREE", "NEUTRAL", "STRONGLY_AGREE"];
        // Three in four of those present send an evaluation, a day to three after the run.
        var evaluated = bookings.Where(b => b.Present && random.Next(4) != 0).ToList();
        await using var batch = new NpgsqlBatch(connection, transaction);
        var insertRuns = new NpgsqlBatchCommand("""
            INSERT INTO course_runs (id, course_id, venue, district_id, capacity, booking_closes_at, starts_at, ends_at, status, created_at, updated_at, sequence)
            OVERRIDING SYSTEM VALUE
            SELECT t.id, t.course_id, t.venue, t.district_id, t.capacity, t.starts - interval '3 days', t.starts, t.ends, 'SCHEDULED', @now, @now, 0
            FROM unnest(@id, @course, @venue, @district, @capacity, @starts, @ends) AS t(id, course_id, venue, district_id, capacity, starts, ends)
            """);
        insertRuns.Parameters.AddWithValue("id", runs.Select(r => r.Id).ToArray());
        insertRuns.Parameters.AddWithValue("course", runs.Select(r => r.CourseId).ToArray());
        insertRuns.Parameters.AddWithValue("venue", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text, runs.Select(r => r.Venue).ToArray());
        insertRuns.Parameters.AddWithValue("district", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text, runs.Select(r => r.DistrictId).ToArray());
        insertRuns.Parameters.AddWithValue("capacity", runs.Select(r => r.Capacity).ToArray());
        insertRuns.Parameters.AddWithValue("starts", runs.Select(r => r.StartsAt).ToArray());
        insertRuns.Parameters.AddWithValue("ends", runs.Select(r => r.EndsAt).ToArray());
        insertRuns.Parameters.AddWithValue("now", now);
        batch.BatchCommands.Add(insertRuns);

        var insertSessions = new NpgsqlBatchCommand("""
            INSERT INTO course_sessions (id, run_id, starts_at, ends_at, updated_at)
            OVERRIDING SYSTEM VALUE
            SELECT t.id, t.run_id, t.starts_at, t.ends_at, @now FROM unnest(@id, @run, @starts, @ends) AS t(id, run_id, starts_at, ends_at)
            """);
        insertSessions.Parameters.AddWithValue("id", runs.Select(r => r.SessionId).ToArray());
        insertSessions.Parameters.AddWithValue("run", runs.Select(r => r.Id).ToArray());
        insertSessions.Parameters.AddWithValue("starts", runs.Select(r => r.StartsAt).ToArray());
        insertSessions.Parameters.AddWithValue("ends", runs.Select(r => r.EndsAt).ToArray());
        insertSessions.Parameters.AddWithValue("now", now);
        batch.BatchCommands.Add(insertSessions);

        // Booked a month before the run by the school's booker; completed when present at the one session.
        var insertBookings = new NpgsqlBatchCommand("""
            INSERT INTO bookings (id, run_id, staff_id, school_urn, status, booked_at, booked_by, confirmed_at, completed_at, updated_at)
            OVERRIDING SYSTEM VALUE
            SELECT t.id, t.run_id, t.staff_id, t.school_urn, 'CONFIRMED', t.starts - interval '30 days',
                   (SELECT a.id FROM accounts a WHERE lower(a.email) = 'booker.' || t.school_urn || '@demo.test'),
                   t.starts - interval '30 days', CASE WHEN t.present THEN t.ends END, @now
            FROM unnest(@id, @run, @staff, @school, @starts, @ends, @present) AS t(id, run_id, staff_id, school_urn, starts, ends, present)
            """);
        insertBookings.Parameters.AddWithValue("id", bookings.Select(b => b.Id).ToArray());
        insertBookings.Parameters.AddWithValue("run", bookings.Select(b => b.Run.Id).ToArray());
        insertBookings.Parameters.AddWithValue("staff", bookings.Select(b => b.Person.Id).ToArray());
        insertBookings.Parameters.AddWithValue("school", bookings.Select(b => b.Person.SchoolUrn).ToArray());
        insertBookings.Parameters.AddWithValue("starts", bookings.Select(b => b.Run.StartsAt).ToArray());
        insertBookings.Parameters.AddWithValue("ends", bookings.Select(b => b.Run.EndsAt).ToArray());
        insertBookings.Parameters.AddWithValue("present", bookings.Select(b => b.Present).ToArray());
        insertBookings.Parameters.AddWithValue("now", now);
        batch.BatchCommands.Add(insertBookings);

        var attend = new NpgsqlBatchCommand("""
            INSERT INTO attendance (booking_id, session_id, present, recorded_at, recorded_by)
            SELECT t.b, t.s, t.p, t.at, (SELECT id FROM accounts WHERE email = 'provider@demo.test')
            FROM unnest(@b, @s, @p, @at) AS t(b, s, p, at)
            """);
        attend.Parameters.AddWithValue("b", bookings.Select(b => b.Id).ToArray());
        attend.Parameters.AddWithValue("s", bookings.Select(b => b.Run.SessionId).ToArray());
        attend.Parameters.AddWithValue("p", bookings.Select(b => b.Present).ToArray());
        attend.Parameters.AddWithValue("at", bookings.Select(b => b.Run.EndsAt.AddHours(2)).ToArray());
        batch.BatchCommands.Add(attend);

        var evaluate = new NpgsqlBatchCommand("""
            INSERT INTO evaluations (booking_id, content, knowledge_improved, confidence_improved, comments, submitted_at)
            SELECT t.b, t.content, t.knowledge, t.confidence, NULL, t.at FROM unnest(@b, @content, @knowledge, @confidence, @at) AS t(b, content, knowledge, confidence, at)
            """);
        evaluate.Parameters.AddWithValue("b", evaluated.Select(b => b.Id).ToArray());
        evaluate.Parameters.AddWithValue("content", evaluated.Select(_ => contents[random.Next(contents.Length)]).ToArray());
        evaluate.Parameters.AddWithValue("knowledge", evaluated.Select(_ => agreements[random.Next(agreements.Length)]).ToArray());
        evaluate.Parameters.AddWithValue("confidence", evaluated.Select(_ => agreements[random.Next(agreements.Length)]).ToArray());
        evaluate.Parameters.AddWithValue("at", evaluated.Select(b => b.Run.EndsAt.AddDays(1 + random.Next(3))).ToArray());
        batch.BatchCommands.Add(evaluate);

        batch.BatchCommands.Add(new NpgsqlBatchCommand("""
            UPDATE course_runs r SET confirmed_count = (SELECT count(*) FROM bookings b WHERE b.run_id = r.id AND b.status = 'CONFIRMED')
            WHERE r.id = ANY(@runs)
            """) { Parameters = { new NpgsqlParameter("runs", runs.Select(r => r.Id).ToArray()) } });
        batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT setval(pg_get_serial_sequence('course_runs', 'id'), (SELECT max(id) FROM course_runs))"));
        batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT setval(pg_get_serial_sequence('course_sessions', 'id'), (SELECT max(id) FROM course_sessions))"));
        batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT setval(pg_get_serial_sequence('bookings', 'id'), (SELECT max(id) FROM bookings))"));
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<long> CourseIdAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string title, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT id FROM courses WHERE title = @title ORDER BY id LIMIT 1", connection, transaction);
        command.Parameters.AddWithValue("title", title);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task<Dictionary<string, string>> DistrictNamesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var names = new Dictionary<string, string>();
        await using var command = new NpgsqlCommand("SELECT id, name FROM districts", connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            names[reader.GetString(0)] = reader.GetString(1);
        }
        return names;
    }

    private static async Task<long> NextIdAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string table, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT coalesce(max(id), 0) + 1 FROM {table}", connection, transaction);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static DateOnly Weekday(DateOnly day) => day.DayOfWeek switch
    {
        DayOfWeek.Saturday => day.AddDays(2),
        DayOfWeek.Sunday => day.AddDays(1),
        _ => day,
    };
}
