using Npgsql;

namespace InclusionNetwork.Silo.Tests.Calendars;

/// <summary>
/// Calendar content written straight into a demo database, on top of the demo county's schools,
/// staff and accounts: a course run with sessions on both clock-change Sundays, places for staff
/// of two schools (confirmed and offered), a cancelled run, a peer-review cluster of four schools
/// led by its own ILE with two visits, and network meetings (one cancelled). Text is full of
/// characters that need escaping or several UTF-8 octets, so folding and read-back are tested.
/// </summary>
internal sealed record CalendarSeed(
    string SchoolA,
    string SchoolB,
    long StaffA1,
    string StaffA1Name,
    long StaffA2,
    long StaffB1,
    string StaffB1Name,
    long RunId,
    long CancelledRunId,
    long[] SessionIds,
    long ClusterId,
    long LeaderId,
    long VisitHostedByA,
    long VisitHostedByB,
    long MeetingId,
    long CancelledMeetingId,
    long BookingA1)
{
    public const string CourseTitle = "Nurture groups — ‘Zoë’s café’; commas, semicolons\\backslashes and a very long title that must fold 🌱";
    public const string Provider = "Gwasanaeth Cynhwysiant Ŵyn – Specialist Teaching, Ysgol Ffion";
    public const string Venue = "Salle Chloé; Room 2, Ünity House";
    public const string LeaderEmail = "ile.calendar@demo.test";
    public const string ClusterName = "Cluster Ærø – Seaside; Schools, Together";

    /// <summary>The Sundays the clocks change in 2026: 09:30 London is 08:30 UTC in March and 09:30 UTC in October.</summary>
    public static readonly DateTimeOffset SpringForwardSession = new(2026, 3, 29, 8, 30, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset FallBackSession = new(2026, 10, 25, 9, 30, 0, TimeSpan.Zero);
    public static readonly DateOnly VisitADate = new(2026, 3, 30);
    public static readonly DateOnly VisitBDate = new(2026, 3, 31);

    public static async Task<CalendarSeed> LoadAsync(string connectionString, DateTimeOffset now)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();

        async Task<T> ScalarAsync<T>(string sql, params (string Name, object? Value)[] parameters)
        {
            await using var command = new NpgsqlCommand(sql, connection, transaction);
            foreach (var (name, value) in parameters)
            {
                command.Parameters.AddWithValue(name, value ?? DBNull.Value);
            }
            return (T)(await command.ExecuteScalarAsync())!;
        }

        // Four schools in no 2025/26 cluster, each with at least three members of staff who have accounts.
        var schools = await ScalarAsync<string[]>("""
            SELECT ARRAY(
                SELECT s.urn FROM schools s
                WHERE s.open AND s.school_type <> 'EARLY_YEARS_SETTING'
                  AND NOT EXISTS (SELECT 1 FROM cluster_members m WHERE m.school_urn = s.urn AND m.academic_year = '2025/26')
                  AND (SELECT count(*) FROM staff st JOIN accounts a ON a.staff_id = st.id WHERE st.school_urn = s.urn AND st.removed_at IS NULL) >= 3
                ORDER BY s.urn LIMIT 4)
            """);
        Assert.Equal(4, schools.Length);
        async Task<long[]> StaffOfAsync(string urn) => await ScalarAsync<long[]>("""
            SELECT ARRAY(SELECT st.id FROM staff st JOIN accounts a ON a.staff_id = st.id
                         WHERE st.school_urn = @urn AND st.removed_at IS NULL ORDER BY st.id LIMIT 3)
            """, ("urn", urn));
        var staffA = await StaffOfAsync(schools[0]);
        var staffB = await StaffOfAsync(schools[1]);
        var staffC = await StaffOfAsync(schools[2]);
        // Distinct names, so a test can tell whose name a feed shows.
        await ScalarAsync<int>("UPDATE staff SET name = 'Ffion Åsa Ní Bhriain' WHERE id = @id RETURNING 1", ("id", staffA[0]));
        await ScalarAsync<int>("UPDATE staff SET name = 'Bartholomew Otherschool' WHERE id = @id RETURNING 1", ("id", staffB[0]));
        await ScalarAsync<int>("UPDATE staff SET name = 'Cordelia Thirdschool' WHERE id = @id RETURNING 1", ("id", staffC[0]));
        var nameOf = async (long id) => await ScalarAsync<string>("SELECT name FROM staff WHERE id = @id", ("id", id));

        var courseId = await ScalarAsync<long>("""
            INSERT INTO courses (title, summary, provider, provider_account_id, strand, core_offer, audiences, expected_impact,
                                 prior_knowledge, framework_areas, need_types, phases, delivery_mode, price_pence, funded_release_days,
                                 created_at, updated_at)
            VALUES (@title, 'Whole-school nurture.', @provider, (SELECT id FROM accounts WHERE email = 'provider@demo.test'),
                    'TARGETED_AND_SPECIALIST', true, ARRAY['SENCO'], 'Calmer classrooms.', 'INTRODUCTORY', ARRAY['WELLBEING'],
                    ARRAY['SOCIAL_EMOTIONAL_MENTAL_HEALTH'], ARRAY['PRIMARY'], 'IN_PERSON', 0, 1.0, @now, @now)
            RETURNING id
            """, ("title", CourseTitle), ("provider", Provider), ("now", now));
        var district = await ScalarAsync<string>("SELECT district_id FROM schools WHERE urn = @urn", ("urn", schools[0]));

        async Task<long> RunAsync(DateTimeOffset[] starts, int confirmed, int offered)
        {
            var runId = await ScalarAsync<long>("""
                INSERT INTO course_runs (course_id, venue, district_id, capacity, booking_closes_at, starts_at, ends_at, status,
                                         confirmed_count, offered_count, created_at, updated_at)
                VALUES (@course, @venue, @district, 20, @closes, @starts, @ends, 'SCHEDULED', @confirmed, @offered, @now, @now)
                RETURNING id
                """, ("course", courseId), ("venue", Venue), ("district", district), ("closes", starts[0].AddDays(-7)),
                ("starts", starts[0]), ("ends", starts[^1].AddHours(6)), ("confirmed", confirmed), ("offered", offered), ("now", now));
            foreach (var start in starts)
            {
                await ScalarAsync<long>("""
                    INSERT INTO course_sessions (run_id, starts_at, ends_at, updated_at) VALUES (@run, @starts, @ends, @now) RETURNING id
                    """, ("run", runId), ("starts", start), ("ends", start.AddHours(6)), ("now", now));
            }
            return runId;
        }

        async Task<long> BookAsync(long runId, long staffId, string urn, string status) => await ScalarAsync<long>("""
            INSERT INTO bookings (run_id, staff_id, school_urn, status, booked_at, confirmed_at, offered_at, offer_expires_at, updated_at)
            VALUES (@run, @staff, @urn, @status, @now,
                    CASE WHEN @status = 'CONFIRMED' THEN @now END,
                    CASE WHEN @status = 'OFFERED' THEN @now END,
                    CASE WHEN @status = 'OFFERED' THEN @now + interval '48 hours' END, @now)
            RETURNING id
            """, ("run", runId), ("staff", staffId), ("urn", urn), ("status", status), ("now", now));

        var runId = await RunAsync([SpringForwardSession, FallBackSession], confirmed: 2, offered: 1);
        var bookingA1 = await BookAsync(runId, staffA[0], schools[0], "CONFIRMED");
        await BookAsync(runId, staffA[1], schools[0], "OFFERED");
        await BookAsync(runId, staffB[0], schools[1], "CONFIRMED");
        // A run the provider cancelled two days ago, with what cancelling writes.
        var cancelledRunId = await RunAsync([new DateTimeOffset(2026, 5, 12, 8, 0, 0, TimeSpan.Zero)], confirmed: 0, offered: 0);
        var cancelledBooking = await BookAsync(cancelledRunId, staffA[0], schools[0], "CONFIRMED");
        await ScalarAsync<int>("""
            UPDATE course_runs SET status = 'CANCELLED', cancelled_at = @at, cancel_reason = 'Venue flooded', sequence = sequence + 1, updated_at = @at
            WHERE id = @run RETURNING 1
            """, ("run", cancelledRunId), ("at", now.AddDays(-2)));
        await ScalarAsync<int>("""
            UPDATE bookings SET status = 'CANCELLED', cancelled_at = @at, cancellation = 'RUN_CANCELLED', sequence = sequence + 1, updated_at = @at
            WHERE id = @id RETURNING 1
            """, ("id", cancelledBooking), ("at", now.AddDays(-2)));
        var sessionIds = await ScalarAsync<long[]>("SELECT ARRAY(SELECT id FROM course_sessions WHERE run_id = @run ORDER BY starts_at)", ("run", runId));

        var leaderId = await ScalarAsync<long>("""
            INSERT INTO inclusion_leaders (name, email, school_urn, created_at) VALUES ('Siân Ó Dálaigh', @email, @urn, @now) RETURNING id
            """, ("email", LeaderEmail), ("urn", schools[3]), ("now", now));
        var leaderAccount = await ScalarAsync<long>("""
            INSERT INTO accounts (email, name, password_hash, leader_id, created_at)
            VALUES (@email, 'Siân Ó Dálaigh', (SELECT password_hash FROM accounts WHERE email = 'admin@demo.test'), @leader, @now) RETURNING id
            """, ("email", LeaderEmail), ("leader", leaderId), ("now", now));
        await ScalarAsync<int>("INSERT INTO account_roles (account_id, role) VALUES (@id, 'LEADER') RETURNING 1", ("id", leaderAccount));

        var clusterId = await ScalarAsync<long>("""
            INSERT INTO peer_review_clusters (name, academic_year, leader_id, created_at, updated_at)
            VALUES (@name, '2025/26', @leader, @now, @now) RETURNING id
            """, ("name", ClusterName), ("leader", leaderId), ("now", now));
        foreach (var urn in schools)
        {
            await ScalarAsync<int>("""
                INSERT INTO cluster_members (cluster_id, academic_year, school_urn, joined_at) VALUES (@cluster, '2025/26', @urn, @now) RETURNING 1
                """, ("cluster", clusterId), ("urn", urn), ("now", now));
        }
        var cycleId = await ScalarAsync<long>("""
            INSERT INTO review_cycles (cluster_id, academic_year, planned_at, created_at, updated_at) VALUES (@cluster, '2025/26', @now, @now, @now) RETURNING id
            """, ("cluster", clusterId), ("now", now));

        async Task<long> VisitAsync(string host, DateOnly day, params (long Staff, string Urn)[] reviewers)
        {
            var visitId = await ScalarAsync<long>("""
                INSERT INTO review_visits (cycle_id, host_urn, status, visit_date, leader_id, proposed_at, confirmed_at, self_evaluation_due, created_at, updated_at)
                VALUES (@cycle, @host, 'CONFIRMED', @day, @leader, @now, @now, @day - 7, @now, @now) RETURNING id
                """, ("cycle", cycleId), ("host", host), ("day", day), ("leader", leaderId), ("now", now));
            foreach (var (staff, urn) in reviewers)
            {
                await ScalarAsync<int>("""
                    INSERT INTO visit_reviewers (visit_id, staff_id, school_urn, review_date) VALUES (@visit, @staff, @urn, @day) RETURNING 1
                    """, ("visit", visitId), ("staff", staff), ("urn", urn), ("day", day));
            }
            return visitId;
        }

        var visitA = await VisitAsync(schools[0], VisitADate, (staffB[0], schools[1]), (staffC[0], schools[2]));
        var visitB = await VisitAsync(schools[1], VisitBDate, (staffA[0], schools[0]), (staffC[1], schools[2]));

        var forumId = await ScalarAsync<long>("""
            INSERT INTO networks (name, kind, district_id, location, created_at, updated_at)
            VALUES ('SENCO forum – Ærø; spring', 'SENCO_FORUM', @district, 'Hall Ω, Main Street', @now, @now) RETURNING id
            """, ("district", district), ("now", now));
        await ScalarAsync<int>("INSERT INTO network_members (network_id, school_urn) VALUES (@network, @urn) RETURNING 1", ("network", forumId), ("urn", schools[0]));
        var clusterNetworkId = await ScalarAsync<long>("""
            INSERT INTO networks (name, kind, cluster_id, organiser_leader_id, created_at, updated_at)
            VALUES (@name, 'PEER_REVIEW_CLUSTER', @cluster, @leader, @now, @now) RETURNING id
            """, ("name", ClusterName), ("cluster", clusterId), ("leader", leaderId), ("now", now));
        async Task<long> MeetingAsync(long network, string title, DateTimeOffset start, DateTimeOffset? cancelledAt) => await ScalarAsync<long>("""
            INSERT INTO meetings (network_id, title, starts_at, ends_at, cancelled_at, created_at, updated_at, sequence)
            VALUES (@network, @title, @starts, @starts + interval '90 minutes', @cancelled::timestamptz, @now, coalesce(@cancelled::timestamptz, @now),
                    CASE WHEN @cancelled::timestamptz IS NULL THEN 0 ELSE 1 END)
            RETURNING id
            """, ("network", network), ("title", title), ("starts", start), ("cancelled", cancelledAt), ("now", now));
        // 18:00 London on the day the clocks go back (GMT), and a cancelled one.
        var meetingId = await MeetingAsync(forumId, "SENCO forum: ‘Ordinarily available’ provision", new DateTimeOffset(2026, 10, 25, 18, 0, 0, TimeSpan.Zero), null);
        var cancelledMeetingId = await MeetingAsync(clusterNetworkId, "Cluster meeting – planning", new DateTimeOffset(2026, 3, 29, 14, 0, 0, TimeSpan.Zero), now.AddDays(-1));

        var nameA1 = await nameOf(staffA[0]);
        var nameB1 = await nameOf(staffB[0]);
        await transaction.CommitAsync();
        return new CalendarSeed(schools[0], schools[1], staffA[0], nameA1, staffA[1], staffB[0], nameB1,
            runId, cancelledRunId, sessionIds, clusterId, leaderId, visitA, visitB, meetingId, cancelledMeetingId, bookingA1);
    }

    public static string StaffEmail(long staffId) => $"staff.{staffId}@demo.test";

    public static string BookerEmail(string urn) => $"booker.{urn}@demo.test";
}
