using System.Diagnostics;
using Npgsql;

namespace InclusionNetwork.Uptake.Bench;

/// <summary>
/// A national-size dataset generated set-based with <c>generate_series</c>: 40 more areas
/// and 320 more districts beside the county's own, 24,000 schools (1 in 20 closed), 240,000
/// staff, 400 courses (1 in 5 with a leadership level), 20,000 runs of one to three weekly
/// sessions over 2023/24 to 2025/26, 1,000,000 bookings (80% confirmed, the rest cancelled,
/// waitlisted or offered), evaluations and follow-ups on a share of completed bookings, and
/// three years of peer-review clusters of about five schools with cycles, visits in every
/// status dated across the year, reviewers from the next school of the cluster, reports and
/// actions implemented at dates across the year. Courses vary in strand, area of need, core
/// offer and leadership level (every level), so every filter and level has figures.
/// Deterministic: every choice is arithmetic on the row number.
/// </summary>
/// <remarks>
/// Every step runs on one connection with <c>session_replication_role = replica</c>: the
/// calendar feeds' row triggers (and foreign-key checks) would otherwise run once per row and
/// make the million bookings take tens of minutes. Nothing else reads this throwaway database,
/// and the data is consistent by construction (the figures are checked against hand-written
/// statements anyway). Summaries that triggers keep (attendee_answers, leadership_firsts) are rebuilt at the end
/// for the same reason.
/// </remarks>
internal static class NationalDataset
{
    // The full size by default; UPTAKE_BENCH_SCHOOLS and UPTAKE_BENCH_BOOKINGS shrink it for a
    // quick check that the query classes and the floors still agree (timings then mean little).
    public static readonly int Schools = Size("UPTAKE_BENCH_SCHOOLS", 24_000);
    public static readonly int Bookings = Size("UPTAKE_BENCH_BOOKINGS", 1_000_000);

    private static int Size(string variable, int full) =>
        int.TryParse(Environment.GetEnvironmentVariable(variable), out var size) && size > 0 ? size : full;

    public static async Task GenerateAsync(NpgsqlDataSource database)
    {
        var total = Stopwatch.StartNew();
        await using var connection = await database.OpenConnectionAsync();
        await using (var replica = new NpgsqlCommand("SET session_replication_role = replica", connection))
        {
            await replica.ExecuteNonQueryAsync();
        }
        foreach (var (what, sql) in Steps)
        {
            var watch = Stopwatch.StartNew();
            await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
            var rows = await command.ExecuteNonQueryAsync();
            Console.WriteLine($"  {what,-28} {rows,10:N0} rows  {watch.Elapsed.TotalSeconds,6:F1} s");
        }
        await using (var origin = new NpgsqlCommand("RESET session_replication_role", connection))
        {
            await origin.ExecuteNonQueryAsync();
        }
        Console.WriteLine($"  {"in all",-28} {"",10}       {total.Elapsed.TotalSeconds,6:F1} s");
    }

    private static readonly (string What, string Sql)[] Steps =
    [
        ("areas", "INSERT INTO areas (id, name, sort_order) SELECT 'bench-a-' || a, 'Bench area ' || a, 100 + a FROM generate_series(1, 40) a"),
        ("districts", """
            INSERT INTO districts (id, name, area_id, sort_order)
            SELECT 'bench-d-' || d, 'Bench district ' || d, 'bench-a-' || ((d - 1) / 8 + 1), 100 + d FROM generate_series(1, 320) d
            """),
        ("schools", $"""
            WITH d AS (SELECT array_agg(id ORDER BY sort_order) AS ids FROM districts)
            INSERT INTO schools (urn, name, phase, school_type, district_id, postcode, open, gias_type, gias_phase, gias_status, imported_at, updated_at)
            SELECT (300000 + n)::text, 'School ' || n,
                   (ARRAY['EARLY_YEARS', 'PRIMARY', 'PRIMARY', 'PRIMARY', 'SECONDARY', 'ALL_THROUGH', 'POST_16'])[1 + n % 7],
                   (ARRAY['MAINTAINED', 'ACADEMY', 'ACADEMY', 'FREE_SCHOOL', 'SPECIAL', 'PUPIL_REFERRAL_UNIT', 'INDEPENDENT', 'EARLY_YEARS_SETTING'])[1 + (n / 7) % 8],
                   d.ids[1 + n % array_length(d.ids, 1)], NULL, n % 20 <> 0, 'bench', 'bench', 'bench', now(), now()
            FROM generate_series(1, {Schools}) n, d
            """),
        ("staff", $"""
            INSERT INTO staff (id, school_urn, name, email, role, created_at, removed_at) OVERRIDING SYSTEM VALUE
            SELECT (n - 1) * 10 + j, (300000 + n)::text, 'Staff ' || ((n - 1) * 10 + j), NULL,
                   (ARRAY['HEADTEACHER', 'SENIOR_LEADER', 'MIDDLE_LEADER', 'SENCO', 'TEACHER', 'TEACHER', 'EARLY_CAREER_TEACHER',
                          'TEACHING_ASSISTANT', 'TEACHING_ASSISTANT', 'OTHER'])[j],
                   '2023-01-01T00:00:00Z', CASE WHEN ((n - 1) * 10 + j) % 33 = 0 THEN '2025-01-01T00:00:00Z'::timestamptz END
            FROM generate_series(1, {Schools}) n, generate_series(1, 10) j
            """),
        ("courses", """
            INSERT INTO courses (id, title, summary, provider, strand, core_offer, audiences, expected_impact, prior_knowledge,
                                 framework_areas, need_types, phases, delivery_mode, price_pence, funded_release_days, leadership_level,
                                 created_at, updated_at)
            SELECT c, 'Course ' || c, 'A course.', 'Provider ' || (c % 40), (ARRAY['SCHOOL_TO_SCHOOL_SYSTEM', 'TARGETED_AND_SPECIALIST',
                   'PROGRESS_AND_OUTCOMES', 'EARLY_YEARS'])[1 + c % 4], c % 7 <> 0, ARRAY['SENCO'], 'Impact.', 'INTRODUCTORY', ARRAY['WELLBEING'],
                   ARRAY[(ARRAY['COMMUNICATION_AND_INTERACTION', 'COGNITION_AND_LEARNING', 'SOCIAL_EMOTIONAL_MENTAL_HEALTH',
                                'SENSORY_AND_PHYSICAL', 'WHOLE_SCHOOL'])[1 + c % 5]]
                   || CASE WHEN c % 3 = 0 THEN ARRAY['WHOLE_SCHOOL'] ELSE ARRAY[]::text[] END,
                   ARRAY['PRIMARY'], 'IN_PERSON', CASE WHEN c % 7 = 0 THEN 15000 ELSE 0 END, 0,
                   CASE c % 10 WHEN 0 THEN 'SENIOR' WHEN 5 THEN 'MIDDLE' WHEN 3 THEN 'HEADTEACHER_EXECUTIVE' END, now(), now()
            FROM generate_series(1, 400) c
            """),
        ("course runs", """
            INSERT INTO course_runs (id, course_id, capacity, booking_closes_at, starts_at, ends_at, status, cancelled_at, created_at, updated_at)
            OVERRIDING SYSTEM VALUE
            SELECT r, 1 + r % 400, 60, s, s, s + (r % 3) * interval '7 days' + interval '7 hours',
                   CASE WHEN r % 50 = 0 THEN 'CANCELLED' ELSE 'SCHEDULED' END, CASE WHEN r % 50 = 0 THEN s - interval '5 days' END, now(), now()
            FROM generate_series(1, 20000) r,
                 LATERAL (SELECT '2023-09-01 09:00+01'::timestamptz + ((r * 7919) % 1096) * interval '1 day' AS s) t
            """),
        ("course sessions", """
            INSERT INTO course_sessions (run_id, starts_at, ends_at, updated_at)
            SELECT r.id, r.starts_at + k * interval '7 days', r.starts_at + k * interval '7 days' + interval '7 hours', now()
            FROM course_runs r, generate_series(0, 2) k
            WHERE k <= r.id % 3
            """),
        ("bookings", $"""
            INSERT INTO bookings (run_id, staff_id, school_urn, status, booked_at, confirmed_at, offered_at, offer_expires_at,
                                  cancelled_at, cancellation, completed_at, updated_at)
            SELECT r.id, st.id, st.school_urn, x.status, r.starts_at - interval '40 days',
                   CASE WHEN x.status = 'CONFIRMED' THEN r.starts_at - interval '40 days' END,
                   CASE WHEN x.status = 'OFFERED' THEN r.starts_at - interval '3 days' END,
                   CASE WHEN x.status = 'OFFERED' THEN r.starts_at - interval '1 day' END,
                   CASE WHEN x.status = 'CANCELLED' THEN r.starts_at - interval '20 days' END,
                   CASE WHEN x.status = 'CANCELLED' THEN 'CANCELLED' END,
                   CASE WHEN x.status = 'CONFIRMED' AND r.ends_at < '{FixedClock.BenchNow:O}'::timestamptz AND i % 4 <> 0 THEN r.ends_at END,
                   now()
            FROM generate_series(0, {Bookings - 1}) i
            JOIN course_runs r ON r.id = 1 + i % 20000
            JOIN staff st ON st.id = 1 + ((1 + i % 20000) * 37 + (i / 20000) * 4801) % {Schools * 10}
            CROSS JOIN LATERAL (SELECT CASE WHEN r.status = 'CANCELLED' OR i % 100 BETWEEN 80 AND 87 THEN 'CANCELLED'
                                            WHEN i % 100 < 80 THEN 'CONFIRMED'
                                            WHEN i % 100 < 95 THEN 'WAITLISTED' ELSE 'OFFERED' END AS status) x
            """),
        // A present mark on the first session of every completed booking: only attendees'
        // evaluations count, so the figures have answers to read.
        ("attendance", """
            INSERT INTO attendance (booking_id, session_id, present, recorded_at)
            SELECT b.id, s.id, true, s.ends_at
            FROM bookings b
            JOIN LATERAL (SELECT id, ends_at FROM course_sessions WHERE run_id = b.run_id ORDER BY starts_at LIMIT 1) s ON true
            WHERE b.completed_at IS NOT NULL
            """),
        ("evaluations", """
            INSERT INTO evaluations (booking_id, content, knowledge_improved, confidence_improved, comments, submitted_at)
            SELECT id, (ARRAY['POOR', 'FAIR', 'GOOD', 'EXCELLENT', 'GOOD'])[1 + id % 5],
                   (ARRAY['STRONGLY_DISAGREE', 'DISAGREE', 'NEUTRAL', 'AGREE', 'STRONGLY_AGREE'])[1 + id % 5],
                   (ARRAY['STRONGLY_DISAGREE', 'DISAGREE', 'NEUTRAL', 'AGREE', 'STRONGLY_AGREE'])[1 + (id / 5) % 5], NULL, completed_at + interval '1 day'
            FROM bookings WHERE completed_at IS NOT NULL AND id % 3 = 0
            """),
        ("follow-ups", """
            INSERT INTO follow_ups (booking_id, implemented, notes, submitted_at)
            SELECT id, (ARRAY['NOT_YET', 'PARTLY', 'FULLY'])[1 + id % 3], NULL, completed_at + interval '42 days'
            FROM bookings WHERE completed_at IS NOT NULL AND id % 6 = 0
            """),
        ("inclusion leaders", """
            INSERT INTO inclusion_leaders (id, name, email, school_urn, created_at) OVERRIDING SYSTEM VALUE
            SELECT l, 'Leader ' || l, 'leader' || l || '@bench.test', NULL, now() FROM generate_series(1, 500) l
            """),
        // Clusters of five consecutive schools per year; one school in eleven sits a year out
        // (so some clusters have four members), one cluster in ten has no leader.
        ("peer-review clusters", $"""
            INSERT INTO peer_review_clusters (id, name, academic_year, leader_id, created_at, updated_at) OVERRIDING SYSTEM VALUE
            SELECT y * 10000 + c + 1, 'Cluster ' || (y * 10000 + c + 1), (2023 + y) || '/' || (24 + y),
                   CASE WHEN c % 10 <> 0 THEN 1 + c % 500 END, now(), now()
            FROM generate_series(0, 2) y, generate_series(0, {Schools / 5 - 1}) c
            """),
        ("cluster members", $"""
            INSERT INTO cluster_members (cluster_id, academic_year, school_urn, joined_at)
            SELECT y * 10000 + (n - 1) / 5 + 1, (2023 + y) || '/' || (24 + y), (300000 + n)::text, now()
            FROM generate_series(0, 2) y, generate_series(1, {Schools}) n
            WHERE n % 11 <> y
            """),
        ("review cycles", """
            INSERT INTO review_cycles (id, cluster_id, academic_year, created_at, updated_at) OVERRIDING SYSTEM VALUE
            SELECT id, id, academic_year, now(), now() FROM peer_review_clusters WHERE leader_id IS NOT NULL
            """),
        ("review visits", """
            INSERT INTO review_visits (id, cycle_id, host_urn, status, visit_date, created_at, updated_at) OVERRIDING SYSTEM VALUE
            SELECT row_number() OVER (ORDER BY m.cluster_id, m.school_urn), m.cluster_id, m.school_urn, x.status,
                   CASE WHEN x.status NOT IN ('PROPOSED', 'CANCELLED')
                        THEN make_date(left(m.academic_year, 4)::int, 9, 15) + (m.school_urn::int * 13 + m.cluster_id::int) % 330 END, now(), now()
            FROM cluster_members m
            JOIN review_cycles y ON y.id = m.cluster_id
            CROSS JOIN LATERAL (SELECT (ARRAY['PROPOSED', 'CONFIRMED', 'COMPLETED', 'REPORTED', 'FOLLOWED_UP', 'CANCELLED'])
                                       [1 + (m.school_urn::int + m.cluster_id::int) % 6] AS status) x
            """),
        // The headteacher of the next school of the five (wrapping round) reviews two visits in
        // three, so some schools take part only as reviewers; that school may sit the year out.
        ("visit reviewers", $"""
            INSERT INTO visit_reviewers (visit_id, staff_id, school_urn, review_date)
            SELECT v.id, (r.n - 1) * 10 + 1, (300000 + r.n)::text, v.visit_date
            FROM review_visits v
            CROSS JOIN LATERAL (SELECT v.host_urn::int - 300000 AS n) h
            CROSS JOIN LATERAL (SELECT (h.n - 1) / 5 * 5 + ((h.n - 1) % 5 + 1) % 5 + 1 AS n) r
            WHERE v.id % 3 <> 0 AND r.n <= {Schools}
            """),
        ("review reports", """
            INSERT INTO review_reports (visit_id, strengths, areas_for_development, submitted_at)
            SELECT id, 'Strengths.', 'Areas.', now() FROM review_visits WHERE status IN ('REPORTED', 'FOLLOWED_UP')
            """),
        ("review actions", """
            INSERT INTO review_actions (visit_id, position, description, status, created_at, updated_at, implemented_at)
            SELECT r.visit_id, p, 'Action ' || p, x.status, now(), now(),
                   CASE WHEN x.status = 'IMPLEMENTED' THEN (v.visit_date + ((r.visit_id + p * 17) % 200)::int)::timestamp AT TIME ZONE 'Europe/London' END
            FROM review_reports r
            JOIN review_visits v ON v.id = r.visit_id
            CROSS JOIN generate_series(1, 3) p
            CROSS JOIN LATERAL (SELECT (ARRAY['NOT_STARTED', 'IN_PROGRESS', 'IMPLEMENTED'])[1 + (r.visit_id + p) % 3] AS status) x
            WHERE (r.visit_id + p) % 4 <> 0
            """),
        // The triggers that keep these summaries right do not fire under the replica role.
        ("attendee answers", "SELECT attendee_answers_rebuild()"),
        ("leadership firsts", "SELECT leadership_firsts_rebuild()"),
        ("analyze", "ANALYZE"),
    ];
}
