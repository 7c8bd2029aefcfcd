using Npgsql;

namespace InclusionNetwork.Silo.Tests.SchoolFigures;

/// <summary>
/// A small county written by hand, so every figure of <c>School.uptake</c>,
/// <c>School.recommendedCourses</c>, <c>Course.feedback</c> and <c>PeerReviewCluster.priorities</c>
/// can be worked out on paper (see <see cref="SchoolFiguresTests"/>). "Now" is
/// <see cref="Now"/>, 16 March 2026, in 2025/26; +01 is British Summer Time, +00 GMT.
///
/// Schools: Dartford S1 100001 PRIMARY MAINTAINED, S2 100002 PRIMARY ACADEMY, S3 100003
/// SECONDARY ACADEMY, SX 100009 PRIMARY closed; Ashford A1 200001 PRIMARY MAINTAINED,
/// A2 200002 SECONDARY ACADEMY.
///
/// Staff (id school role): 11 S1 HEADTEACHER, 12 S1 SENCO, 13 S1 TEACHER, 14 S1 MIDDLE_LEADER
/// (removed 1 December 2025); 21 S2 TEACHER; 31 S3 SENCO; 41 A1 TEACHER, 42 A1 SENCO; 51 A2 TEACHER.
///
/// Courses (framework areas; audiences; phases) and runs:
/// <code>
///   c1  Senior leadership (level SENIOR)        R1 6 Oct 2025, R4 10 Mar 2025
///   c2  Middle leadership (level MIDDLE)        R2 10 Nov 2025
///   c3  Phonics                                 R3 12 Jan 2026
///   c4  WELLBEING TRANSITIONS; TEACHER; PRIMARY                   R5 11 May 2026 (bookable)
///   c5  TRANSITIONS; HEADTEACHER SENCO MIDDLE_LEADER; PRIMARY SECONDARY   R6 8 Jun 2026 (bookable, full)
///   c6  WELLBEING TRANSITIONS; TEACHER; PRIMARY                   R7 20 Apr 2026, booking closed 1 Mar 2026
///   c7  WELLBEING TRANSITIONS; TEACHER; PRIMARY                   R8 27 Apr 2026, CANCELLED
///   c8  WELLBEING TRANSITIONS; TEACHER; SECONDARY                 R9 18 May 2026 (bookable)
///   c9  WELLBEING; TEACHER; PRIMARY                               R10 13 Apr 2026 (bookable)
///   c10 WELLBEING COMMUNITY; TEACHER GOVERNOR; PRIMARY            R11 6 Apr 2026 (bookable)
///   c11 COMMUNITY; SENCO; PRIMARY                                 R12 30 Mar 2026 (bookable)
///   c12 Feedback course, provider account "provider"              R13 1 and 8 Dec 2025, R14 3 Feb 2025
/// </code>
/// Bookings (C = CONFIRMED, ✓ completed):
/// <code>
///   R1: 11 C✓, 12 C, 21 C✓     R2: 14 C✓, 13 CANCELLED     R3: 11 C✓, 13 C✓, 41 C✓
///   R4: 11 C✓                  R5: 13 C
///   R13: 12 C✓, 13 C (attended the first session only), 21 C✓, 41 C (attended the second only),
///        42 C✓, 51 C (attended neither)
///   R14: 11 C✓
/// </code>
/// Evaluations on c12 (content / knowledge / confidence, comment, submitted) and follow-ups:
/// <code>
///   R13: 12 EXCELLENT/AGREE/AGREE "Really useful." 9 Dec, follow-up FULLY
///        13 GOOD/NEUTRAL/AGREE "Good pace." 10 Dec, follow-up NOT_YET
///        21 FAIR/DISAGREE/NEUTRAL (no comment) 11 Dec
///        41 POOR/STRONGLY_DISAGREE/DISAGREE "   " 12 Dec
///        42 GOOD/STRONGLY_AGREE/STRONGLY_AGREE "More examples, please." 13 Dec, follow-up PARTLY
///        51 EXCELLENT/STRONGLY_AGREE/STRONGLY_AGREE "Never came." 14 Dec, follow-up FULLY (attended nothing)
///   R14: 11 GOOD/AGREE/AGREE "Old comment." 10 Feb 2025
/// </code>
/// Peer review (leaders L1, L2):
/// <code>
///   2025/26 K1 leader L1, members S1 S2 S3 A1; cycle:
///           S1 REPORTED 17 Nov 2025, focus WELLBEING TRANSITIONS, self-evaluation in,
///              actions IMPLEMENTED, IN_PROGRESS, IMPLEMENTED
///           S2 COMPLETED 2 Feb 2026, focus WELLBEING COMMUNITY, self-evaluation in
///           S3 CONFIRMED 20 Apr 2026, focus WELLBEING, self-evaluation in
///           A1 PROPOSED, focus PROGRESS_IN_EDUCATION, no self-evaluation
///   2024/25 K0 leader L2, members S1 S2 S3 A2; cycle:
///           S1 FOLLOWED_UP 11 Nov 2024, focus COMMUNITY, action IMPLEMENTED
/// </code>
/// </summary>
internal static class SchoolFiguresCounty
{
    /// <summary>16 March 2026, 12:00 in London (GMT): academic year 2025/26.</summary>
    public static readonly DateTimeOffset Now = new(2026, 3, 16, 12, 0, 0, TimeSpan.Zero);

    public const string S1 = "100001";
    public const string S2 = "100002";
    public const string FeedbackCourse = "12";
    public const long Cluster2025 = 1;

    public static async Task SeedAsync(NpgsqlDataSource database)
    {
        await using var connection = await database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var command = new NpgsqlCommand(Script, connection, transaction))
        {
            await command.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync();
    }

    private const string Script = """
        INSERT INTO schools (urn, name, phase, school_type, district_id, postcode, open, gias_type, gias_phase, gias_status, imported_at, updated_at)
        SELECT urn, name, phase, school_type, district_id, NULL, open, 'hand-made', 'hand-made', CASE WHEN open THEN 'Open' ELSE 'Closed' END, now(), now()
        FROM (VALUES
            ('100001', 'S1 Primary', 'PRIMARY', 'MAINTAINED', 'dartford', true),
            ('100002', 'S2 Primary Academy', 'PRIMARY', 'ACADEMY', 'dartford', true),
            ('100003', 'S3 Secondary Academy', 'SECONDARY', 'ACADEMY', 'dartford', true),
            ('100009', 'SX Closed Primary', 'PRIMARY', 'MAINTAINED', 'dartford', false),
            ('200001', 'A1 Primary', 'PRIMARY', 'MAINTAINED', 'ashford', true),
            ('200002', 'A2 Secondary Academy', 'SECONDARY', 'ACADEMY', 'ashford', true)
        ) AS s (urn, name, phase, school_type, district_id, open);

        INSERT INTO staff (id, school_urn, name, email, role, created_at, removed_at) OVERRIDING SYSTEM VALUE
        SELECT id, urn, 'Staff ' || id, NULL, role, '2024-01-01T00:00:00Z', removed_at::timestamptz
        FROM (VALUES
            (11, '100001', 'HEADTEACHER', NULL), (12, '100001', 'SENCO', NULL), (13, '100001', 'TEACHER', NULL),
            (14, '100001', 'MIDDLE_LEADER', '2025-12-01T12:00:00Z'),
            (21, '100002', 'TEACHER', NULL), (31, '100003', 'SENCO', NULL),
            (41, '200001', 'TEACHER', NULL), (42, '200001', 'SENCO', NULL), (51, '200002', 'TEACHER', NULL)
        ) AS t (id, urn, role, removed_at);

        INSERT INTO courses (id, title, summary, provider, strand, core_offer, audiences, expected_impact, prior_knowledge,
                             framework_areas, need_types, phases, delivery_mode, price_pence, funded_release_days, leadership_level,
                             created_at, updated_at)
        SELECT id, title, 'A course.', 'County', 'TARGETED_AND_SPECIALIST', true, audiences::text[], 'Better inclusion.', 'INTRODUCTORY',
               areas::text[], ARRAY['WHOLE_SCHOOL'], phases::text[], 'IN_PERSON', 0, 0, level, now(), now()
        FROM (VALUES
            (1, 'Senior leadership', '{HEADTEACHER}', '{WELLBEING}', '{PRIMARY}', 'SENIOR'),
            (2, 'Middle leadership', '{MIDDLE_LEADER}', '{WELLBEING}', '{PRIMARY}', 'MIDDLE'),
            (3, 'Phonics', '{TEACHER}', '{PROGRESS_IN_EDUCATION}', '{PRIMARY}', NULL),
            (4, 'Wellbeing and transitions', '{TEACHER}', '{WELLBEING,TRANSITIONS_AND_INDEPENDENCE}', '{PRIMARY}', NULL),
            (5, 'Transitions for leaders', '{HEADTEACHER,SENCO,MIDDLE_LEADER}', '{TRANSITIONS_AND_INDEPENDENCE}', '{PRIMARY,SECONDARY}', NULL),
            (6, 'Closed booking', '{TEACHER}', '{WELLBEING,TRANSITIONS_AND_INDEPENDENCE}', '{PRIMARY}', NULL),
            (7, 'Cancelled run', '{TEACHER}', '{WELLBEING,TRANSITIONS_AND_INDEPENDENCE}', '{PRIMARY}', NULL),
            (8, 'Secondary only', '{TEACHER}', '{WELLBEING,TRANSITIONS_AND_INDEPENDENCE}', '{SECONDARY}', NULL),
            (9, 'Wellbeing basics', '{TEACHER}', '{WELLBEING}', '{PRIMARY}', NULL),
            (10, 'Wellbeing in the community', '{TEACHER,GOVERNOR}', '{WELLBEING,COMMUNITY}', '{PRIMARY}', NULL),
            (11, 'Community links', '{SENCO}', '{COMMUNITY}', '{PRIMARY}', NULL),
            (12, 'Feedback course', '{TEACHER}', '{PROGRESS_IN_EDUCATION}', '{PRIMARY,SECONDARY}', NULL)
        ) AS c (id, title, audiences, areas, phases, level);

        CREATE TEMP TABLE hand_sessions (run_id bigint, starts_at timestamptz, ends_at timestamptz) ON COMMIT DROP;
        INSERT INTO hand_sessions VALUES
            (1, '2025-10-06 09:00+01', '2025-10-06 16:00+01'),
            (2, '2025-11-10 09:00+00', '2025-11-10 16:00+00'),
            (3, '2026-01-12 09:00+00', '2026-01-12 16:00+00'),
            (4, '2025-03-10 09:00+00', '2025-03-10 16:00+00'),
            (5, '2026-05-11 09:00+01', '2026-05-11 16:00+01'),
            (6, '2026-06-08 09:00+01', '2026-06-08 16:00+01'),
            (7, '2026-04-20 09:00+01', '2026-04-20 16:00+01'),
            (8, '2026-04-27 09:00+01', '2026-04-27 16:00+01'),
            (9, '2026-05-18 09:00+01', '2026-05-18 16:00+01'),
            (10, '2026-04-13 09:00+01', '2026-04-13 16:00+01'),
            (11, '2026-04-06 09:00+01', '2026-04-06 16:00+01'),
            (12, '2026-03-30 09:00+01', '2026-03-30 16:00+01'),
            (13, '2025-12-01 09:00+00', '2025-12-01 16:00+00'), (13, '2025-12-08 09:00+00', '2025-12-08 16:00+00'),
            (14, '2025-02-03 09:00+00', '2025-02-03 16:00+00');

        INSERT INTO course_runs (id, course_id, capacity, confirmed_count, booking_closes_at, starts_at, ends_at, status, cancelled_at,
                                 created_at, updated_at) OVERRIDING SYSTEM VALUE
        SELECT r.id, r.course_id, r.capacity, r.confirmed, coalesce(r.closes::timestamptz, min(s.starts_at)), min(s.starts_at), max(s.ends_at),
               r.status, CASE WHEN r.status = 'CANCELLED' THEN '2026-03-01T00:00:00Z'::timestamptz END,
               '2024-06-01T00:00:00Z', '2024-06-01T00:00:00Z'
        FROM (VALUES
            (1, 1, 30, 0, NULL, 'SCHEDULED'), (2, 2, 30, 0, NULL, 'SCHEDULED'), (3, 3, 30, 0, NULL, 'SCHEDULED'),
            (4, 1, 30, 0, NULL, 'SCHEDULED'), (5, 4, 30, 1, NULL, 'SCHEDULED'), (6, 5, 1, 1, NULL, 'SCHEDULED'),
            (7, 6, 30, 0, '2026-03-01T00:00:00Z', 'SCHEDULED'), (8, 7, 30, 0, NULL, 'CANCELLED'), (9, 8, 30, 0, NULL, 'SCHEDULED'),
            (10, 9, 30, 0, NULL, 'SCHEDULED'), (11, 10, 30, 0, NULL, 'SCHEDULED'), (12, 11, 30, 0, NULL, 'SCHEDULED'),
            (13, 12, 30, 0, NULL, 'SCHEDULED'), (14, 12, 30, 0, NULL, 'SCHEDULED')
        ) AS r (id, course_id, capacity, confirmed, closes, status)
        JOIN hand_sessions s ON s.run_id = r.id
        GROUP BY r.id, r.course_id, r.capacity, r.confirmed, r.closes, r.status;

        INSERT INTO course_sessions (run_id, starts_at, ends_at, updated_at)
        SELECT run_id, starts_at, ends_at, '2024-06-01T00:00:00Z' FROM hand_sessions;

        INSERT INTO bookings (run_id, staff_id, school_urn, status, booked_at, confirmed_at, cancelled_at, cancellation, completed_at, updated_at)
        SELECT b.run_id, b.staff_id, st.school_urn, b.status, r.starts_at - interval '60 days',
               CASE WHEN b.status = 'CONFIRMED' THEN r.starts_at - interval '60 days' END,
               CASE WHEN b.status = 'CANCELLED' THEN r.starts_at - interval '30 days' END,
               CASE WHEN b.status = 'CANCELLED' THEN 'CANCELLED' END,
               CASE WHEN b.completed THEN r.ends_at END,
               r.starts_at - interval '30 days'
        FROM (VALUES
            (1, 11, 'CONFIRMED', true), (1, 12, 'CONFIRMED', false), (1, 21, 'CONFIRMED', true),
            (2, 14, 'CONFIRMED', true), (2, 13, 'CANCELLED', false),
            (3, 11, 'CONFIRMED', true), (3, 13, 'CONFIRMED', true), (3, 41, 'CONFIRMED', true),
            (4, 11, 'CONFIRMED', true),
            (5, 13, 'CONFIRMED', false),
            (13, 12, 'CONFIRMED', true), (13, 13, 'CONFIRMED', false), (13, 21, 'CONFIRMED', true), (13, 41, 'CONFIRMED', false),
            (13, 42, 'CONFIRMED', true), (13, 51, 'CONFIRMED', false),
            (14, 11, 'CONFIRMED', true)
        ) AS b (run_id, staff_id, status, completed)
        JOIN staff st ON st.id = b.staff_id
        JOIN course_runs r ON r.id = b.run_id;

        -- Attendance on the feedback course's runs: (run, staff, first session present, second session present).
        INSERT INTO attendance (booking_id, session_id, present, recorded_at)
        SELECT b.id, s.id, CASE WHEN s.starts_at = r.starts_at THEN a.first ELSE a.second END, s.ends_at
        FROM (VALUES
            (13, 12, true, true), (13, 13, true, false), (13, 21, true, true), (13, 41, false, true),
            (13, 42, true, true), (13, 51, false, false), (14, 11, true, true)
        ) AS a (run_id, staff_id, first, second)
        JOIN bookings b ON b.run_id = a.run_id AND b.staff_id = a.staff_id
        JOIN course_runs r ON r.id = b.run_id
        JOIN course_sessions s ON s.run_id = r.id;

        INSERT INTO evaluations (booking_id, content, knowledge_improved, confidence_improved, comments, submitted_at)
        SELECT b.id, e.content, e.knowledge, e.confidence, e.comments, e.submitted::timestamptz
        FROM (VALUES
            (13, 12, 'EXCELLENT', 'AGREE', 'AGREE', 'Really useful.', '2025-12-09T12:00:00Z'),
            (13, 13, 'GOOD', 'NEUTRAL', 'AGREE', 'Good pace.', '2025-12-10T12:00:00Z'),
            (13, 21, 'FAIR', 'DISAGREE', 'NEUTRAL', NULL, '2025-12-11T12:00:00Z'),
            (13, 41, 'POOR', 'STRONGLY_DISAGREE', 'DISAGREE', '   ', '2025-12-12T12:00:00Z'),
            (13, 42, 'GOOD', 'STRONGLY_AGREE', 'STRONGLY_AGREE', 'More examples, please.', '2025-12-13T12:00:00Z'),
            (13, 51, 'EXCELLENT', 'STRONGLY_AGREE', 'STRONGLY_AGREE', 'Never came.', '2025-12-14T12:00:00Z'),
            (14, 11, 'GOOD', 'AGREE', 'AGREE', 'Old comment.', '2025-02-10T12:00:00Z')
        ) AS e (run_id, staff_id, content, knowledge, confidence, comments, submitted)
        JOIN bookings b ON b.run_id = e.run_id AND b.staff_id = e.staff_id;

        INSERT INTO follow_ups (booking_id, implemented, notes, submitted_at)
        SELECT b.id, f.implemented, NULL, '2026-02-01T12:00:00Z'
        FROM (VALUES (13, 12, 'FULLY'), (13, 13, 'NOT_YET'), (13, 42, 'PARTLY'), (13, 51, 'FULLY')) AS f (run_id, staff_id, implemented)
        JOIN bookings b ON b.run_id = f.run_id AND b.staff_id = f.staff_id;

        INSERT INTO inclusion_leaders (id, name, email, school_urn, created_at) OVERRIDING SYSTEM VALUE VALUES
            (1, 'Leader One', 'l1@county.test', '100001', '2024-01-01T00:00:00Z'),
            (2, 'Leader Two', 'l2@county.test', '200001', '2024-01-01T00:00:00Z');

        INSERT INTO peer_review_clusters (id, name, academic_year, leader_id, created_at, updated_at) OVERRIDING SYSTEM VALUE VALUES
            (1, 'K1 Dartford', '2025/26', 1, '2025-07-01T00:00:00Z', '2025-07-01T00:00:00Z'),
            (2, 'K0 Dartford', '2024/25', 2, '2024-07-01T00:00:00Z', '2024-07-01T00:00:00Z');

        INSERT INTO cluster_members (cluster_id, academic_year, school_urn, joined_at)
        SELECT m.cluster_id, c.academic_year, m.urn, c.created_at
        FROM (VALUES (1, '100001'), (1, '100002'), (1, '100003'), (1, '200001'),
                     (2, '100001'), (2, '100002'), (2, '100003'), (2, '200002')) AS m (cluster_id, urn)
        JOIN peer_review_clusters c ON c.id = m.cluster_id;

        INSERT INTO review_cycles (id, cluster_id, academic_year, created_at, updated_at) OVERRIDING SYSTEM VALUE VALUES
            (1, 1, '2025/26', '2025-07-01T00:00:00Z', '2025-07-01T00:00:00Z'),
            (2, 2, '2024/25', '2024-07-01T00:00:00Z', '2024-07-01T00:00:00Z');

        INSERT INTO review_visits (id, cycle_id, host_urn, status, visit_date, focus_areas, self_evaluation_submitted_at, created_at, updated_at) OVERRIDING SYSTEM VALUE
        SELECT id, cycle_id, host_urn, status, visit_date::date, focus::text[], self_evaluation::timestamptz, '2025-07-01T00:00:00Z', '2025-07-01T00:00:00Z'
        FROM (VALUES
            (1, 1, '100001', 'REPORTED', '2025-11-17', '{WELLBEING,TRANSITIONS_AND_INDEPENDENCE}', '2025-11-07T12:00:00Z'),
            (2, 1, '100002', 'COMPLETED', '2026-02-02', '{WELLBEING,COMMUNITY}', '2026-01-23T12:00:00Z'),
            (3, 1, '100003', 'CONFIRMED', '2026-04-20', '{WELLBEING}', '2026-03-10T12:00:00Z'),
            (4, 1, '200001', 'PROPOSED', NULL, '{PROGRESS_IN_EDUCATION}', NULL),
            (5, 2, '100001', 'FOLLOWED_UP', '2024-11-11', '{COMMUNITY}', '2024-11-01T12:00:00Z')
        ) AS v (id, cycle_id, host_urn, status, visit_date, focus, self_evaluation);

        INSERT INTO review_reports (visit_id, strengths, areas_for_development, submitted_at) VALUES
            (1, 'Strong.', 'Transitions.', '2025-12-01T12:00:00Z'),
            (5, 'Strong.', 'Community.', '2024-11-25T12:00:00Z');

        INSERT INTO review_actions (visit_id, position, description, status, created_at, updated_at) VALUES
            (1, 1, 'Action one.', 'IMPLEMENTED', now(), now()), (1, 2, 'Action two.', 'IN_PROGRESS', now(), now()),
            (1, 3, 'Action three.', 'IMPLEMENTED', now(), now()),
            (5, 1, 'Action one.', 'IMPLEMENTED', now(), now());
        """;
}
