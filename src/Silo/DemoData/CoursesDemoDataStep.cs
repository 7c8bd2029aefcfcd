using InclusionNetwork.Grains.Courses;
using InclusionNetwork.Grains.Schools;
using Npgsql;

namespace InclusionNetwork.Silo.DemoData;

/// <summary>
/// The county's core offer with runs over last academic year and this one: last year's and
/// this autumn's runs held, with bookings, attendance, evaluations and follow-ups; the rest
/// upcoming, some nearly full, some with waiting lists, in-person runs spread over the
/// districts. Dates follow the clock, so the demo always has a past and a future. Everything
/// is generated in memory from a seeded random source and written with one set-based
/// statement per table.
/// </summary>
internal sealed class CoursesDemoDataStep : IDemoDataStep
{
    public string Name => "courses-runs-bookings";

    public int Order => 30;

    private sealed record StaffRow(long Id, string SchoolUrn, StaffRole Role, Phase Phase, string DistrictId);

    private sealed record RunRow(long Id, long CourseId, string? Venue, string? DistrictId, int Capacity, int? Cap,
        DateTimeOffset ClosesAt, List<(long Id, DateTimeOffset StartsAt, DateTimeOffset EndsAt)> Sessions, bool Cancelled)
    {
        public DateTimeOffset StartsAt => Sessions[0].StartsAt;

        public DateTimeOffset EndsAt => Sessions[^1].EndsAt;
    }

    private sealed record BookingRow(long Id, long RunId, long StaffId, string SchoolUrn, string Status, DateTimeOffset BookedAt,
        string? Cancellation, DateTimeOffset? CancelledAt);

    public async Task LoadAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, DemoContext context, CancellationToken cancellationToken)
    {
        var random = context.RandomFor(Name);
        var now = context.Now.ToUniversalTime();
        var providerAccount = (long)(await ScalarAsync(connection, transaction, "SELECT id FROM accounts WHERE email = 'provider@demo.test'", cancellationToken))!;
        var staff = await ReadStaffAsync(connection, transaction, cancellationToken);
        var districts = await ReadDistrictsAsync(connection, transaction, cancellationToken);
        var courseId = await NextIdAsync(connection, transaction, "courses", cancellationToken);
        var runId = await NextIdAsync(connection, transaction, "course_runs", cancellationToken);
        var sessionId = await NextIdAsync(connection, transaction, "course_sessions", cancellationToken);
        var bookingId = await NextIdAsync(connection, transaction, "bookings", cancellationToken);

        var courseIds = new Dictionary<DemoCourses.Entry, long>();
        foreach (var course in DemoCourses.All)
        {
            courseIds[course] = courseId++;
        }
        await InsertCoursesAsync(connection, transaction, courseIds, providerAccount, now, cancellationToken);

        // This academic year and the one before it.
        var thisYear = CivilTime.AcademicYearOf(now);
        var firstYear = int.Parse(thisYear[..4], System.Globalization.CultureInfo.InvariantCulture);
        var runs = new List<(DemoCourses.Entry Course, RunRow Run)>();
        var courseIndex = 0;
        foreach (var course in DemoCourses.All)
        {
            courseIndex++;
            for (var year = firstYear - 1; year <= firstYear; year++)
            {
                for (var k = 0; k < course.RunsPerYear; k++)
                {
                    // Spread the year's runs over term time, 8 September to mid-July.
                    var day = new DateOnly(year, 9, 8).AddDays((int)((k + (random.NextDouble() * 0.7)) * 300 / course.RunsPerYear));
                    var inPerson = course.DeliveryMode is DeliveryMode.IN_PERSON or DeliveryMode.BLENDED;
                    (string Id, string Name)? district = inPerson ? districts[(courseIndex * 5 + k + year) % districts.Count] : null;
                    var sessions = new List<(long, DateTimeOffset, DateTimeOffset)>();
                    for (var s = 0; s < course.SessionsPerRun; s++)
                    {
                        day = Weekday(day);
                        var (from, to) = course.DeliveryMode == DeliveryMode.LIVE_ONLINE
                            ? (new TimeOnly(15, 45), new TimeOnly(17, 15))
                            : (new TimeOnly(9, 30), new TimeOnly(15, 30));
                        sessions.Add((sessionId++, CivilTime.At(day, from), CivilTime.At(day, to)));
                        // Programme sessions are a month apart; short courses run on consecutive weeks.
                        day = day.AddDays(course.SessionsPerRun >= 3 ? 28 : 7);
                    }
                    var closes = sessions[0].Item2.AddDays(-3);
                    var cancelled = course.RunsPerYear >= 4 && k == 1 && year == firstYear;
                    runs.Add((course, new RunRow(runId++, courseIds[course], district is null ? null : $"{district.Value.Name} Inclusion Hub",
                        district?.Id, course.Capacity, course.MaxPlacesPerSchool, closes, sessions, cancelled)));
                }
            }
        }
        await InsertRunsAsync(connection, transaction, runs.Select(r => r.Run).ToList(), now, cancellationToken);

        var bookings = new List<BookingRow>();
        foreach (var (course, run) in runs)
        {
            var eligible = staff.Where(s => DemoCourses.IsFor(course, s.Role) && course.Phases.Contains(s.Phase)).ToList();
            // In-person runs draw mostly on their own district.
            var local = run.DistrictId is null ? eligible : eligible.Where(s => s.DistrictId == run.DistrictId).ToList();
            var held = run.StartsAt <= now;
            var profile = random.NextDouble();
            var (confirmed, waitlisted) = held
                ? ((int)(run.Capacity * (0.6 + (random.NextDouble() * 0.4))), 0)
                : profile < 0.25 ? (run.Capacity, 2 + random.Next(5))
                : profile < 0.5 ? (run.Capacity - 1 - random.Next(2), 0)
                : ((int)(run.Capacity * (0.2 + (random.NextDouble() * 0.5))), 0);
            var chosen = new HashSet<long>();
            var perSchool = new Dictionary<string, int>();
            var made = 0;
            for (var attempt = 0; attempt < 400 && made < confirmed + waitlisted; attempt++)
            {
                var pool = local.Count > 0 && random.NextDouble() < 0.7 ? local : eligible;
                if (pool.Count == 0)
                {
                    break;
                }
                var person = pool[random.Next(pool.Count)];
                var placing = made < confirmed;
                if (chosen.Contains(person.Id) || (placing && run.Cap is { } cap && perSchool.GetValueOrDefault(person.SchoolUrn) >= cap))
                {
                    continue;
                }
                chosen.Add(person.Id);
                if (placing)
                {
                    perSchool[person.SchoolUrn] = perSchool.GetValueOrDefault(person.SchoolUrn) + 1;
                }
                var bookedAt = Earlier(run.ClosesAt.AddDays(-7 - random.Next(50)), now);
                var status = run.Cancelled ? "CANCELLED" : placing ? "CONFIRMED" : "WAITLISTED";
                bookings.Add(new BookingRow(bookingId++, run.Id, person.Id, person.SchoolUrn, status, bookedAt,
                    run.Cancelled ? "RUN_CANCELLED" : null, run.Cancelled ? Earlier(run.ClosesAt.AddDays(-2), now) : null));
                made++;
            }
            // A couple of schools changed their minds: cancelled before the run.
            if (!run.Cancelled && held && random.NextDouble() < 0.5 && eligible.Count > 0)
            {
                var person = eligible[random.Next(eligible.Count)];
                if (chosen.Add(person.Id))
                {
                    var bookedAt = Earlier(run.ClosesAt.AddDays(-30), now);
                    bookings.Add(new BookingRow(bookingId++, run.Id, person.Id, person.SchoolUrn, "CANCELLED", bookedAt, "CANCELLED", bookedAt.AddDays(5)));
                }
            }
        }
        await InsertBookingsAsync(connection, transaction, bookings, now, cancellationToken);
        await InsertAttendanceAndFeedbackAsync(connection, transaction, runs.Select(r => r.Run).ToList(), bookings, random, now, cancellationToken);
        await FinishAsync(connection, transaction, cancellationToken);
    }

    private static async Task InsertCoursesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        Dictionary<DemoCourses.Entry, long> courseIds, long providerAccount, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var (course, id) in courseIds)
        {
            var insert = new NpgsqlBatchCommand("""
                INSERT INTO courses (id, title, summary, provider, provider_account_id, strand, core_offer, audiences, expected_impact,
                                     prior_knowledge, framework_areas, need_types, phases, delivery_mode, price_pence, funded_release_days,
                                     leadership_level, created_at, updated_at)
                VALUES (@id, @title, @summary, @provider, @account, @strand, @core, @audiences, @impact, @prior, @areas, @needs, @phases,
                        @mode, @price, @release, @level, @now, @now)
                """);
            insert.Parameters.AddWithValue("id", id);
            insert.Parameters.AddWithValue("title", course.Title);
            insert.Parameters.AddWithValue("summary", course.Summary);
            insert.Parameters.AddWithValue("provider", course.Provider);
            insert.Parameters.AddWithValue("account", providerAccount);
            insert.Parameters.AddWithValue("strand", course.Strand.ToString());
            insert.Parameters.AddWithValue("core", course.CoreOffer);
            insert.Parameters.AddWithValue("audiences", course.Audiences.Select(a => a.ToString()).ToArray());
            insert.Parameters.AddWithValue("impact", course.ExpectedImpact);
            insert.Parameters.AddWithValue("prior", course.PriorKnowledge.ToString());
            insert.Parameters.AddWithValue("areas", course.FrameworkAreas.Select(a => a.ToString()).ToArray());
            insert.Parameters.AddWithValue("needs", course.NeedTypes.Select(a => a.ToString()).ToArray());
            insert.Parameters.AddWithValue("phases", course.Phases.Select(a => a.ToString()).ToArray());
            insert.Parameters.AddWithValue("mode", course.DeliveryMode.ToString());
            insert.Parameters.AddWithValue("price", course.PricePence);
            insert.Parameters.AddWithValue("release", (decimal)course.FundedReleaseDays);
            insert.Parameters.AddWithValue("level", NpgsqlTypes.NpgsqlDbType.Text, (object?)course.LeadershipLevel?.ToString() ?? DBNull.Value);
            insert.Parameters.AddWithValue("now", now);
            batch.BatchCommands.Add(insert);
        }
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task InsertRunsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, List<RunRow> runs, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using (var insert = new NpgsqlCommand("""
            INSERT INTO course_runs (id, course_id, venue, district_id, capacity, max_places_per_school, booking_closes_at, starts_at, ends_at,
                                     status, cancelled_at, cancel_reason, created_at, updated_at, sequence)
            OVERRIDING SYSTEM VALUE
            SELECT t.id, t.course_id, t.venue, t.district_id, t.capacity, t.cap, t.closes, t.starts, t.ends,
                   CASE WHEN t.cancelled THEN 'CANCELLED' ELSE 'SCHEDULED' END,
                   CASE WHEN t.cancelled THEN LEAST(t.closes - interval '2 days', @now) END,
                   CASE WHEN t.cancelled THEN 'Too few bookings from the area this term.' END,
                   @now, @now, CASE WHEN t.cancelled THEN 1 ELSE 0 END
            FROM unnest(@id, @course, @venue, @district, @capacity, @cap, @closes, @starts, @ends, @cancelled)
                AS t(id, course_id, venue, district_id, capacity, cap, closes, starts, ends, cancelled)
            """, connection, transaction))
        {
            insert.Parameters.AddWithValue("id", runs.Select(r => r.Id).ToArray());
            insert.Parameters.AddWithValue("course", runs.Select(r => r.CourseId).ToArray());
            insert.Parameters.AddWithValue("venue", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text, runs.Select(r => r.Venue).ToArray());
            insert.Parameters.AddWithValue("district", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text, runs.Select(r => r.DistrictId).ToArray());
            insert.Parameters.AddWithValue("capacity", runs.Select(r => r.Capacity).ToArray());
            insert.Parameters.AddWithValue("cap", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Integer, runs.Select(r => r.Cap).ToArray());
            insert.Parameters.AddWithValue("closes", runs.Select(r => r.ClosesAt).ToArray());
            insert.Parameters.AddWithValue("starts", runs.Select(r => r.StartsAt).ToArray());
            insert.Parameters.AddWithValue("ends", runs.Select(r => r.EndsAt).ToArray());
            insert.Parameters.AddWithValue("cancelled", runs.Select(r => r.Cancelled).ToArray());
            insert.Parameters.AddWithValue("now", now);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        var sessions = runs.SelectMany(r => r.Sessions.Select(s => (RunId: r.Id, s.Id, s.StartsAt, s.EndsAt))).ToList();
        await using var insertSessions = new NpgsqlCommand("""
            INSERT INTO course_sessions (id, run_id, starts_at, ends_at, updated_at)
            OVERRIDING SYSTEM VALUE
            SELECT t.id, t.run_id, t.starts_at, t.ends_at, @now FROM unnest(@id, @run, @starts, @ends) AS t(id, run_id, starts_at, ends_at)
            """, connection, transaction);
        insertSessions.Parameters.AddWithValue("id", sessions.Select(s => s.Id).ToArray());
        insertSessions.Parameters.AddWithValue("run", sessions.Select(s => s.RunId).ToArray());
        insertSessions.Parameters.AddWithValue("starts", sessions.Select(s => s.StartsAt).ToArray());
        insertSessions.Parameters.AddWithValue("ends", sessions.Select(s => s.EndsAt).ToArray());
        insertSessions.Parameters.AddWithValue("now", now);
        await insertSessions.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task InsertBookingsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, List<BookingRow> bookings, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var insert = new NpgsqlCommand("""
            INSERT INTO bookings (id, run_id, staff_id, school_urn, status, booked_at, booked_by, confirmed_at, cancelled_at, cancellation, updated_at)
            OVERRIDING SYSTEM VALUE
            SELECT t.id, t.run_id, t.staff_id, t.school_urn, t.status, t.booked_at,
                   (SELECT a.id FROM accounts a WHERE lower(a.email) = 'booker.' || t.school_urn || '@demo.test'),
                   CASE WHEN t.status = 'CONFIRMED' THEN t.booked_at END, t.cancelled_at, t.cancellation, @now
            FROM unnest(@id, @run, @staff, @school, @status, @booked_at, @cancelled_at, @cancellation)
                AS t(id, run_id, staff_id, school_urn, status, booked_at, cancelled_at, cancellation)
            """, connection, transaction);
        insert.Parameters.AddWithValue("id", bookings.Select(b => b.Id).ToArray());
        insert.Parameters.AddWithValue("run", bookings.Select(b => b.RunId).ToArray());
        insert.Parameters.AddWithValue("staff", bookings.Select(b => b.StaffId).ToArray());
        insert.Parameters.AddWithValue("school", bookings.Select(b => b.SchoolUrn).ToArray());
        insert.Parameters.AddWithValue("status", bookings.Select(b => b.Status).ToArray());
        insert.Parameters.AddWithValue("booked_at", bookings.Select(b => b.BookedAt).ToArray());
        insert.Parameters.AddWithValue("cancelled_at", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.TimestampTz, bookings.Select(b => b.CancelledAt).ToArray());
        insert.Parameters.AddWithValue("cancellation", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text, bookings.Select(b => b.Cancellation).ToArray());
        insert.Parameters.AddWithValue("now", now);
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Registers of sessions already held, then evaluations and follow-ups of those who completed.</summary>
    private static async Task InsertAttendanceAndFeedbackAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        List<RunRow> runs, List<BookingRow> bookings, Random random, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var runById = runs.ToDictionary(r => r.Id);
        var attendance = new List<(long BookingId, long SessionId, bool Present, DateTimeOffset At)>();
        var evaluations = new List<(long BookingId, string Content, string Knowledge, string Confidence, string? Comments, DateTimeOffset At)>();
        var followUps = new List<(long BookingId, string Implemented, string? Notes, DateTimeOffset At)>();
        string[] contents = ["FAIR", "GOOD", "GOOD", "EXCELLENT", "EXCELLENT", "GOOD", "POOR", "EXCELLENT"];
        string[] agreements = ["AGREE", "STRONGLY_AGREE", "AGREE", "NEUTRAL", "STRONGLY_AGREE", "DISAGREE", "AGREE"];
        string[] implemented = ["PARTLY", "FULLY", "PARTLY", "NOT_YET", "FULLY"];
        string?[] comments = [null, "Practical and well paced.", "I would like more time on case studies.", null, "Useful resources to take back to school.", null];
        foreach (var booking in bookings.Where(b => b.Status == "CONFIRMED"))
        {
            var run = runById[booking.RunId];
            var all = true;
            foreach (var (id, startsAt, endsAt) in run.Sessions.Where(s => s.StartsAt <= now))
            {
                var present = random.NextDouble() < 0.9;
                all &= present;
                attendance.Add((booking.Id, id, present, Earlier(endsAt.AddHours(2), now)));
            }
            if (!all || run.EndsAt > now)
            {
                continue;
            }
            if (random.NextDouble() < 0.7)
            {
                evaluations.Add((booking.Id, contents[random.Next(contents.Length)], agreements[random.Next(agreements.Length)],
                    agreements[random.Next(agreements.Length)], comments[random.Next(comments.Length)], Earlier(run.EndsAt.AddDays(1 + random.Next(10)), now)));
            }
            if (run.EndsAt.AddDays(42) <= now && random.NextDouble() < 0.55)
            {
                followUps.Add((booking.Id, implemented[random.Next(implemented.Length)], null, Earlier(run.EndsAt.AddDays(42 + random.Next(30)), now)));
            }
        }
        await using var batch = new NpgsqlBatch(connection, transaction);
        var attend = new NpgsqlBatchCommand("""
            INSERT INTO attendance (booking_id, session_id, present, recorded_at, recorded_by)
            SELECT t.b, t.s, t.p, t.at, (SELECT id FROM accounts WHERE email = 'provider@demo.test')
            FROM unnest(@b, @s, @p, @at) AS t(b, s, p, at)
            """);
        attend.Parameters.AddWithValue("b", attendance.Select(a => a.BookingId).ToArray());
        attend.Parameters.AddWithValue("s", attendance.Select(a => a.SessionId).ToArray());
        attend.Parameters.AddWithValue("p", attendance.Select(a => a.Present).ToArray());
        attend.Parameters.AddWithValue("at", attendance.Select(a => a.At).ToArray());
        batch.BatchCommands.Add(attend);
        var evaluate = new NpgsqlBatchCommand("""
            INSERT INTO evaluations (booking_id, content, knowledge_improved, confidence_improved, comments, submitted_at)
            SELECT * FROM unnest(@b, @content, @knowledge, @confidence, @comments, @at)
            """);
        evaluate.Parameters.AddWithValue("b", evaluations.Select(e => e.BookingId).ToArray());
        evaluate.Parameters.AddWithValue("content", evaluations.Select(e => e.Content).ToArray());
        evaluate.Parameters.AddWithValue("knowledge", evaluations.Select(e => e.Knowledge).ToArray());
        evaluate.Parameters.AddWithValue("confidence", evaluations.Select(e => e.Confidence).ToArray());
        evaluate.Parameters.AddWithValue("comments", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text, evaluations.Select(e => e.Comments).ToArray());
        evaluate.Parameters.AddWithValue("at", evaluations.Select(e => e.At).ToArray());
        batch.BatchCommands.Add(evaluate);
        var follow = new NpgsqlBatchCommand("""
            INSERT INTO follow_ups (booking_id, implemented, notes, submitted_at) SELECT * FROM unnest(@b, @implemented, @notes, @at)
            """);
        follow.Parameters.AddWithValue("b", followUps.Select(f => f.BookingId).ToArray());
        follow.Parameters.AddWithValue("implemented", followUps.Select(f => f.Implemented).ToArray());
        follow.Parameters.AddWithValue("notes", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text, followUps.Select(f => f.Notes).ToArray());
        follow.Parameters.AddWithValue("at", followUps.Select(f => f.At).ToArray());
        batch.BatchCommands.Add(follow);
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Completion, the runs' counts, and the id sequences moved past the ids written here.</summary>
    private static async Task FinishAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var finish = new NpgsqlCommand("""
            UPDATE bookings b SET completed_at = r.ends_at
            FROM course_runs r
            WHERE r.id = b.run_id AND b.status = 'CONFIRMED'
              AND (SELECT count(*) FROM attendance a WHERE a.booking_id = b.id AND a.present)
                = (SELECT count(*) FROM course_sessions s WHERE s.run_id = b.run_id);
            UPDATE course_runs r SET
                confirmed_count = (SELECT count(*) FROM bookings b WHERE b.run_id = r.id AND b.status = 'CONFIRMED'),
                offered_count = (SELECT count(*) FROM bookings b WHERE b.run_id = r.id AND b.status = 'OFFERED'),
                waitlisted_count = (SELECT count(*) FROM bookings b WHERE b.run_id = r.id AND b.status = 'WAITLISTED');
            SELECT setval(pg_get_serial_sequence('courses', 'id'), (SELECT max(id) FROM courses));
            SELECT setval(pg_get_serial_sequence('course_runs', 'id'), (SELECT max(id) FROM course_runs));
            SELECT setval(pg_get_serial_sequence('course_sessions', 'id'), (SELECT max(id) FROM course_sessions));
            SELECT setval(pg_get_serial_sequence('bookings', 'id'), (SELECT max(id) FROM bookings));
            """, connection, transaction);
        await finish.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<List<StaffRow>> ReadStaffAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var staff = new List<StaffRow>();
        await using var command = new NpgsqlCommand("""
            SELECT s.id, s.school_urn, s.role, sc.phase, sc.district_id FROM staff s JOIN schools sc ON sc.urn = s.school_urn
            WHERE s.removed_at IS NULL AND sc.open ORDER BY s.id
            """, connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            staff.Add(new StaffRow(reader.GetInt64(0), reader.GetString(1), Enum.Parse<StaffRole>(reader.GetString(2)),
                Enum.Parse<Phase>(reader.GetString(3)), reader.GetString(4)));
        }
        return staff;
    }

    private static async Task<List<(string Id, string Name)>> ReadDistrictsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var districts = new List<(string, string)>();
        await using var command = new NpgsqlCommand("SELECT id, name FROM districts ORDER BY sort_order", connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            districts.Add((reader.GetString(0), reader.GetString(1)));
        }
        return districts;
    }

    private static async Task<long> NextIdAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string table, CancellationToken cancellationToken) =>
        (long)(await ScalarAsync(connection, transaction, $"SELECT coalesce(max(id), 0) + 1 FROM {table}", cancellationToken))!;

    private static async Task<object?> ScalarAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        return await command.ExecuteScalarAsync(cancellationToken);
    }

    private static DateOnly Weekday(DateOnly day) => day.DayOfWeek switch
    {
        DayOfWeek.Saturday => day.AddDays(2),
        DayOfWeek.Sunday => day.AddDays(1),
        _ => day,
    };

    private static DateTimeOffset Earlier(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
