using Npgsql;

namespace InclusionNetwork.Silo.Tests.Uptake;

/// <summary>
/// A small county written by hand, so every uptake figure can be worked out on paper (see
/// <see cref="UptakeFiguresTests"/>). Times are written with their offset: +01 is British
/// Summer Time, +00 Greenwich Mean Time; "now" is <see cref="Now"/>, in 2026/27.
///
/// Schools (open unless marked; P = phase, T = type):
/// <code>
///   Dartford (North)                         Ashford (South)
///   D1 100001 PRIMARY     MAINTAINED         A1 200001 PRIMARY     MAINTAINED
///   D2 100002 PRIMARY     ACADEMY            A2 200002 SECONDARY   ACADEMY
///   D3 100003 SECONDARY   ACADEMY            A3 200003 EARLY_YEARS EARLY_YEARS_SETTING
///   D4 100004 ALL_THROUGH SPECIAL            A4 200004 PRIMARY     FREE_SCHOOL
///   DX 100005 PRIMARY     MAINTAINED, CLOSED
/// </code>
/// Staff (id school role): 11 D1 HEADTEACHER, 12 D1 SENCO, 13 D1 TEACHER; 21 D2 SENIOR_LEADER,
/// 22 D2 MIDDLE_LEADER, 23 D2 TEACHING_ASSISTANT; 31 D3 EXECUTIVE_HEADTEACHER, 32 D3 MIDDLE_LEADER;
/// 41 D4 HEADTEACHER, 42 D4 SENIOR_LEADER; 51 DX HEADTEACHER, 52 DX SENCO; 61 A1 SENCO,
/// 62 A1 MIDDLE_LEADER; 71 A2 SENIOR_LEADER, 72 A2 SENCO; 81 A3 HEADTEACHER, 82 A3 SENCO
/// (removed 10 January 2026), 83 A3 EARLY_YEARS_PRACTITIONER; 91 A4 HEADTEACHER,
/// 92 A4 MIDDLE_LEADER, 93 A4 TEACHER.
///
/// Courses: 1 senior leadership (level SENIOR), 2 middle leadership (level MIDDLE), both
/// SCHOOL_TO_SCHOOL_SYSTEM; 3 autism (TARGETED_AND_SPECIALIST, no level, needs
/// COMMUNICATION_AND_INTERACTION and WHOLE_SCHOOL); 4 tracking progress (PROGRESS_AND_OUTCOMES,
/// no level, need COGNITION_AND_LEARNING, NOT in the core offer). 1 to 3 are core offer, WHOLE_SCHOOL.
///
/// Scopes: MAINSTREAM D1 D2 D3 A1 A2 A4; EARLY_YEARS A3; SPECIAL_AND_ALTERNATIVE D4.
///
/// Runs (course; sessions, London time; academic year by the first session):
/// <code>
///   R1  c1  10 Mar 2025                          2024/25
///   R2  c2  12 May 2025                          2024/25
///   R3  c1  10 Nov 2025                          2025/26
///   R4  c2  9 Feb 2026 and 9 Mar 2026            2025/26
///   R5  c2  31 Aug 2026 09:00-16:00              2025/26 (ends in 2025/26)
///   R6  c2  31 Aug 2026 and 1 Sep 2026           2025/26 (ends in 2026/27)
///   R7  c3  1 Sep 2026 09:00                     2026/27
///   R8  c3  1 Sep 2025 09:00                     2025/26
///   R9  c3  31 Aug 2025 09:00                    2024/25
///   R10 c4  20 Nov 2026 (not yet held at Now)    2026/27
///   R11 c4  15 Jan 2026                          2025/26
///   R13 c4  1 Sep 2026 00:30 BST = 31 Aug 23:30 UTC   2026/27 (London's date, not UTC's)
/// </code>
/// Bookings (staff on run: status, ✓ completed = every session attended, ✗ not):
/// <code>
///   R1: 11 C✓, 81 C✓                 R2: 82 C✓
///   R3: 21 C✓, 31 C✓, 41 C✓, 42 C✓, 51 C✓ (closed school), 71 C✓, 91 C✓
///   R4: 12 C✓, 22 C✗, 52 C✓ (closed school), 61 C✓, 62 C✓, 91 CANCELLED
///   R5: 92 C✓                        R6: 32 C✓
///   R7: 13 C✓, 23 C✓, 62 WAITLISTED
///   R8: 72 C✓, 13 C✓, 23 C✗, 83 WAITLISTED, 93 CANCELLED
///   R9: 13 C✓, 83 C✓, 12 CANCELLED, 23 WAITLISTED
///   R10: 61 C, 71 C, 93 OFFERED (run not held yet)
///   R11: 13 C✓, 23 C✓, 61 C✓, 62 C✓, 72 C✗, 93 C✓, 41 CANCELLED
///   R13: 93 C✓, 83 C✗
/// </code>
/// Evaluations (content / knowledge improved / confidence improved) and follow-ups:
/// <code>
///   R11: 13 EXCELLENT/STRONGLY_AGREE/AGREE, follow-up FULLY
///        23 GOOD/AGREE/NEUTRAL, follow-up PARTLY
///        61 POOR/DISAGREE/STRONGLY_DISAGREE
///        62 FAIR/NEUTRAL/DISAGREE, follow-up NOT_YET
///        93 GOOD/AGREE/AGREE
///   R8:  72 EXCELLENT/STRONGLY_AGREE/STRONGLY_AGREE, follow-up FULLY
///   R3:  21 follow-up NOT_YET (no evaluation)
///   R4:  52 POOR/DISAGREE/DISAGREE, follow-up FULLY (closed school)
///   R9:  13 GOOD/AGREE/AGREE, 83 GOOD/AGREE/AGREE
///   R1:  11 EXCELLENT/AGREE/AGREE, follow-up FULLY; 81 FAIR/NEUTRAL/NEUTRAL
///   R7:  13 GOOD/AGREE/AGREE, 23 GOOD/AGREE/AGREE
///   R13: 93 POOR/DISAGREE/DISAGREE
///   R8:  23 EXCELLENT/STRONGLY_AGREE/STRONGLY_AGREE, though 23 attended no session of R8 (given
///        before such evaluations were refused): never counted
/// </code>
/// Evaluations are submitted the day after their run ends, follow-ups 42 days after.
/// Quarters of 2025/26 end 30 November, 28 February, 31 May and 31 August.
/// Peer review (leaders L1, L2):
/// <code>
///   2025/26  K1 leader L1, members D1 D2 D3 D4 DX (5: active)
///            cycle: D1 FOLLOWED_UP (actions IMPLEMENTED, NOT_STARTED), D2 REPORTED (actions
///            IN_PROGRESS, NOT_STARTED), D3 COMPLETED, D4 CONFIRMED, DX CANCELLED
///            K2 no leader, members A1 A2 A3 A4 (inactive)
///            cycle: A1 PROPOSED, A2 COMPLETED
///   2024/25  K3 leader L2, members A1 A2 A3 A4 (active)
///            cycle: A3 FOLLOWED_UP (action IMPLEMENTED), A4 REPORTED (action IN_PROGRESS), A1 CANCELLED
///            K4 leader L1, members D1 D2 D3 (3: inactive), no cycle
/// Visit dates: D1 6 Oct 2025, D2 3 Nov 2025, D3 12 Jan 2026, D4 8 Jun 2026, A2 2 Mar 2026,
/// A3 7 Oct 2024, A4 3 Feb 2025. Reviewers: 41 (D4) on D3's visit; 61 (A1, not in an
/// active cluster) on D1's. D1's action was marked IMPLEMENTED on 15 December 2025.
/// </code>
/// </summary>
internal static class UptakeCounty
{
    /// <summary>15 October 2026, 13:00 in London: academic year 2026/27.</summary>
    public static readonly DateTimeOffset Now = new(2026, 10, 15, 12, 0, 0, TimeSpan.Zero);

    public static readonly IReadOnlyList<string> Districts =
    [
        "Dartford", "Gravesham", "Sevenoaks", "Ashford", "Dover", "Folkestone and Hythe",
        "Canterbury", "Swale", "Thanet", "Maidstone", "Tonbridge and Malling", "Tunbridge Wells",
    ];

    public static readonly IReadOnlyList<string> Areas = ["North", "South", "East", "West"];

    public static readonly IReadOnlyList<string> Phases = ["EARLY_YEARS", "PRIMARY", "SECONDARY", "ALL_THROUGH", "POST_16"];

    public static readonly IReadOnlyList<string> SchoolTypes =
        ["MAINTAINED", "ACADEMY", "FREE_SCHOOL", "SPECIAL", "PUPIL_REFERRAL_UNIT", "INDEPENDENT", "EARLY_YEARS_SETTING"];

    public const string Senior = "1";
    public const string Middle = "2";
    public const string Autism = "3";
    public const string Tracking = "4";

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
            ('100001', 'D1 Primary', 'PRIMARY', 'MAINTAINED', 'dartford', true),
            ('100002', 'D2 Primary Academy', 'PRIMARY', 'ACADEMY', 'dartford', true),
            ('100003', 'D3 Secondary Academy', 'SECONDARY', 'ACADEMY', 'dartford', true),
            ('100004', 'D4 Special School', 'ALL_THROUGH', 'SPECIAL', 'dartford', true),
            ('100005', 'DX Closed Primary', 'PRIMARY', 'MAINTAINED', 'dartford', false),
            ('200001', 'A1 Primary', 'PRIMARY', 'MAINTAINED', 'ashford', true),
            ('200002', 'A2 Secondary Academy', 'SECONDARY', 'ACADEMY', 'ashford', true),
            ('200003', 'A3 Nursery', 'EARLY_YEARS', 'EARLY_YEARS_SETTING', 'ashford', true),
            ('200004', 'A4 Free School', 'PRIMARY', 'FREE_SCHOOL', 'ashford', true)
        ) AS s (urn, name, phase, school_type, district_id, open);

        INSERT INTO staff (id, school_urn, name, email, role, created_at, removed_at) OVERRIDING SYSTEM VALUE
        SELECT id, urn, 'Staff ' || id, NULL, role, '2024-01-01T00:00:00Z', removed_at::timestamptz
        FROM (VALUES
            (11, '100001', 'HEADTEACHER', NULL), (12, '100001', 'SENCO', NULL), (13, '100001', 'TEACHER', NULL),
            (21, '100002', 'SENIOR_LEADER', NULL), (22, '100002', 'MIDDLE_LEADER', NULL), (23, '100002', 'TEACHING_ASSISTANT', NULL),
            (31, '100003', 'EXECUTIVE_HEADTEACHER', NULL), (32, '100003', 'MIDDLE_LEADER', NULL),
            (41, '100004', 'HEADTEACHER', NULL), (42, '100004', 'SENIOR_LEADER', NULL),
            (51, '100005', 'HEADTEACHER', NULL), (52, '100005', 'SENCO', NULL),
            (61, '200001', 'SENCO', NULL), (62, '200001', 'MIDDLE_LEADER', NULL),
            (71, '200002', 'SENIOR_LEADER', NULL), (72, '200002', 'SENCO', NULL),
            (81, '200003', 'HEADTEACHER', NULL), (82, '200003', 'SENCO', '2026-01-10T12:00:00Z'), (83, '200003', 'EARLY_YEARS_PRACTITIONER', NULL),
            (91, '200004', 'HEADTEACHER', NULL), (92, '200004', 'MIDDLE_LEADER', NULL), (93, '200004', 'TEACHER', NULL)
        ) AS t (id, urn, role, removed_at);

        INSERT INTO courses (id, title, summary, provider, strand, core_offer, audiences, expected_impact, prior_knowledge,
                             framework_areas, need_types, phases, delivery_mode, price_pence, funded_release_days, leadership_level,
                             created_at, updated_at)
        SELECT id, title, 'A course.', 'County', strand, core_offer, ARRAY['SENCO'], 'Better inclusion.', 'INTRODUCTORY',
               ARRAY['WELLBEING'], need_types, ARRAY['PRIMARY'], 'IN_PERSON', 0, 0, level, now(), now()
        FROM (VALUES
            (1, 'Senior inclusion leadership', 'SCHOOL_TO_SCHOOL_SYSTEM', 'SENIOR', true, ARRAY['WHOLE_SCHOOL']),
            (2, 'Middle inclusion leadership', 'SCHOOL_TO_SCHOOL_SYSTEM', 'MIDDLE', true, ARRAY['WHOLE_SCHOOL']),
            (3, 'Autism in the classroom', 'TARGETED_AND_SPECIALIST', NULL, true, ARRAY['COMMUNICATION_AND_INTERACTION', 'WHOLE_SCHOOL']),
            (4, 'Tracking progress', 'PROGRESS_AND_OUTCOMES', NULL, false, ARRAY['COGNITION_AND_LEARNING'])
        ) AS c (id, title, strand, level, core_offer, need_types);

        CREATE TEMP TABLE hand_sessions (run_id bigint, starts_at timestamptz, ends_at timestamptz) ON COMMIT DROP;
        INSERT INTO hand_sessions VALUES
            (1, '2025-03-10 09:00+00', '2025-03-10 16:00+00'),
            (2, '2025-05-12 09:00+01', '2025-05-12 16:00+01'),
            (3, '2025-11-10 09:00+00', '2025-11-10 16:00+00'),
            (4, '2026-02-09 09:00+00', '2026-02-09 16:00+00'), (4, '2026-03-09 09:00+00', '2026-03-09 16:00+00'),
            (5, '2026-08-31 09:00+01', '2026-08-31 16:00+01'),
            (6, '2026-08-31 09:00+01', '2026-08-31 16:00+01'), (6, '2026-09-01 09:00+01', '2026-09-01 16:00+01'),
            (7, '2026-09-01 09:00+01', '2026-09-01 16:00+01'),
            (8, '2025-09-01 09:00+01', '2025-09-01 16:00+01'),
            (9, '2025-08-31 09:00+01', '2025-08-31 16:00+01'),
            (10, '2026-11-20 09:00+00', '2026-11-20 16:00+00'),
            (11, '2026-01-15 09:00+00', '2026-01-15 16:00+00'),
            (13, '2026-09-01 00:30+01', '2026-09-01 01:30+01');

        INSERT INTO course_runs (id, course_id, capacity, booking_closes_at, starts_at, ends_at, status, created_at, updated_at) OVERRIDING SYSTEM VALUE
        SELECT r.id, r.course_id, 30, min(s.starts_at), min(s.starts_at), max(s.ends_at), 'SCHEDULED', '2024-06-01T00:00:00Z', '2024-06-01T00:00:00Z'
        FROM (VALUES (1, 1), (2, 2), (3, 1), (4, 2), (5, 2), (6, 2), (7, 3), (8, 3), (9, 3), (10, 4), (11, 4), (13, 4)) AS r (id, course_id)
        JOIN hand_sessions s ON s.run_id = r.id
        GROUP BY r.id, r.course_id;

        INSERT INTO course_sessions (run_id, starts_at, ends_at, updated_at)
        SELECT run_id, starts_at, ends_at, '2024-06-01T00:00:00Z' FROM hand_sessions;

        INSERT INTO bookings (run_id, staff_id, school_urn, status, booked_at, confirmed_at, offered_at, offer_expires_at,
                              cancelled_at, cancellation, completed_at, updated_at)
        SELECT b.run_id, b.staff_id, st.school_urn, b.status, r.starts_at - interval '60 days',
               CASE WHEN b.status = 'CONFIRMED' THEN r.starts_at - interval '60 days' END,
               CASE WHEN b.status = 'OFFERED' THEN r.starts_at - interval '10 days' END,
               CASE WHEN b.status = 'OFFERED' THEN r.starts_at - interval '8 days' END,
               CASE WHEN b.status = 'CANCELLED' THEN r.starts_at - interval '30 days' END,
               CASE WHEN b.status = 'CANCELLED' THEN 'CANCELLED' END,
               CASE WHEN b.completed THEN r.ends_at END,
               r.starts_at - interval '30 days'
        FROM (VALUES
            (1, 11, 'CONFIRMED', true), (1, 81, 'CONFIRMED', true),
            (2, 82, 'CONFIRMED', true),
            (3, 21, 'CONFIRMED', true), (3, 31, 'CONFIRMED', true), (3, 41, 'CONFIRMED', true), (3, 42, 'CONFIRMED', true),
            (3, 51, 'CONFIRMED', true), (3, 71, 'CONFIRMED', true), (3, 91, 'CONFIRMED', true),
            (4, 12, 'CONFIRMED', true), (4, 22, 'CONFIRMED', false), (4, 52, 'CONFIRMED', true), (4, 61, 'CONFIRMED', true),
            (4, 62, 'CONFIRMED', true), (4, 91, 'CANCELLED', false),
            (5, 92, 'CONFIRMED', true),
            (6, 32, 'CONFIRMED', true),
            (7, 13, 'CONFIRMED', true), (7, 23, 'CONFIRMED', true), (7, 62, 'WAITLISTED', false),
            (8, 72, 'CONFIRMED', true), (8, 13, 'CONFIRMED', true), (8, 23, 'CONFIRMED', false), (8, 83, 'WAITLISTED', false),
            (8, 93, 'CANCELLED', false),
            (9, 13, 'CONFIRMED', true), (9, 83, 'CONFIRMED', true), (9, 12, 'CANCELLED', false), (9, 23, 'WAITLISTED', false),
            (10, 61, 'CONFIRMED', false), (10, 71, 'CONFIRMED', false), (10, 93, 'OFFERED', false),
            (11, 13, 'CONFIRMED', true), (11, 23, 'CONFIRMED', true), (11, 61, 'CONFIRMED', true), (11, 62, 'CONFIRMED', true),
            (11, 72, 'CONFIRMED', false), (11, 93, 'CONFIRMED', true), (11, 41, 'CANCELLED', false),
            (13, 93, 'CONFIRMED', true), (13, 83, 'CONFIRMED', false)
        ) AS b (run_id, staff_id, status, completed)
        JOIN staff st ON st.id = b.staff_id
        JOIN course_runs r ON r.id = b.run_id;

        -- Attendance as the register would have it: present at every session for a completed
        -- booking, absent from the last session for a confirmed one on a run that was held.
        INSERT INTO attendance (booking_id, session_id, present, recorded_at)
        SELECT b.id, s.id, b.completed_at IS NOT NULL OR s.ends_at < r.ends_at, s.ends_at
        FROM bookings b
        JOIN course_runs r ON r.id = b.run_id
        JOIN course_sessions s ON s.run_id = b.run_id
        WHERE b.status = 'CONFIRMED' AND r.ends_at < '2026-10-15T12:00:00Z';

        INSERT INTO evaluations (booking_id, content, knowledge_improved, confidence_improved, comments, submitted_at)
        SELECT b.id, e.content, e.knowledge, e.confidence, NULL, r.ends_at + interval '1 day'
        FROM (VALUES
            (11, 13, 'EXCELLENT', 'STRONGLY_AGREE', 'AGREE'),
            (11, 23, 'GOOD', 'AGREE', 'NEUTRAL'),
            (11, 61, 'POOR', 'DISAGREE', 'STRONGLY_DISAGREE'),
            (11, 62, 'FAIR', 'NEUTRAL', 'DISAGREE'),
            (11, 93, 'GOOD', 'AGREE', 'AGREE'),
            (8, 72, 'EXCELLENT', 'STRONGLY_AGREE', 'STRONGLY_AGREE'),
            (4, 52, 'POOR', 'DISAGREE', 'DISAGREE'),
            (9, 13, 'GOOD', 'AGREE', 'AGREE'),
            (9, 83, 'GOOD', 'AGREE', 'AGREE'),
            (1, 11, 'EXCELLENT', 'AGREE', 'AGREE'),
            (1, 81, 'FAIR', 'NEUTRAL', 'NEUTRAL'),
            (7, 13, 'GOOD', 'AGREE', 'AGREE'),
            (7, 23, 'GOOD', 'AGREE', 'AGREE'),
            (13, 93, 'POOR', 'DISAGREE', 'DISAGREE'),
            (8, 23, 'EXCELLENT', 'STRONGLY_AGREE', 'STRONGLY_AGREE')
        ) AS e (run_id, staff_id, content, knowledge, confidence)
        JOIN bookings b ON b.run_id = e.run_id AND b.staff_id = e.staff_id AND b.status = 'CONFIRMED'
        JOIN course_runs r ON r.id = b.run_id;

        INSERT INTO follow_ups (booking_id, implemented, notes, submitted_at)
        SELECT b.id, f.implemented, NULL, r.ends_at + interval '42 days'
        FROM (VALUES
            (11, 13, 'FULLY'), (11, 23, 'PARTLY'), (11, 62, 'NOT_YET'), (8, 72, 'FULLY'), (3, 21, 'NOT_YET'),
            (4, 52, 'FULLY'), (1, 11, 'FULLY')
        ) AS f (run_id, staff_id, implemented)
        JOIN bookings b ON b.run_id = f.run_id AND b.staff_id = f.staff_id AND b.status = 'CONFIRMED'
        JOIN course_runs r ON r.id = b.run_id;

        INSERT INTO inclusion_leaders (id, name, email, school_urn, created_at) OVERRIDING SYSTEM VALUE VALUES
            (1, 'Leader One', 'l1@county.test', '100001', '2024-01-01T00:00:00Z'),
            (2, 'Leader Two', 'l2@county.test', '200001', '2024-01-01T00:00:00Z');

        INSERT INTO peer_review_clusters (id, name, academic_year, leader_id, created_at, updated_at) OVERRIDING SYSTEM VALUE VALUES
            (1, 'K1 Dartford', '2025/26', 1, '2025-07-01T00:00:00Z', '2025-07-01T00:00:00Z'),
            (2, 'K2 Ashford', '2025/26', NULL, '2025-07-01T00:00:00Z', '2025-07-01T00:00:00Z'),
            (3, 'K3 Ashford', '2024/25', 2, '2024-07-01T00:00:00Z', '2024-07-01T00:00:00Z'),
            (4, 'K4 Dartford', '2024/25', 1, '2024-07-01T00:00:00Z', '2024-07-01T00:00:00Z');

        INSERT INTO cluster_members (cluster_id, academic_year, school_urn, joined_at)
        SELECT m.cluster_id, c.academic_year, m.urn, c.created_at
        FROM (VALUES
            (1, '100001'), (1, '100002'), (1, '100003'), (1, '100004'), (1, '100005'),
            (2, '200001'), (2, '200002'), (2, '200003'), (2, '200004'),
            (3, '200001'), (3, '200002'), (3, '200003'), (3, '200004'),
            (4, '100001'), (4, '100002'), (4, '100003')
        ) AS m (cluster_id, urn)
        JOIN peer_review_clusters c ON c.id = m.cluster_id;

        INSERT INTO review_cycles (id, cluster_id, academic_year, created_at, updated_at) OVERRIDING SYSTEM VALUE VALUES
            (1, 1, '2025/26', '2025-07-01T00:00:00Z', '2025-07-01T00:00:00Z'),
            (2, 2, '2025/26', '2025-07-01T00:00:00Z', '2025-07-01T00:00:00Z'),
            (3, 3, '2024/25', '2024-07-01T00:00:00Z', '2024-07-01T00:00:00Z');

        INSERT INTO review_visits (id, cycle_id, host_urn, status, visit_date, created_at, updated_at) OVERRIDING SYSTEM VALUE VALUES
            (1, 1, '100001', 'FOLLOWED_UP', '2025-10-06', '2025-07-01T00:00:00Z', '2025-07-01T00:00:00Z'),
            (2, 1, '100002', 'REPORTED', '2025-11-03', '2025-07-01T00:00:00Z', '2025-07-01T00:00:00Z'),
            (3, 1, '100003', 'COMPLETED', '2026-01-12', '2025-07-01T00:00:00Z', '2025-07-01T00:00:00Z'),
            (4, 1, '100004', 'CONFIRMED', '2026-06-08', '2025-07-01T00:00:00Z', '2025-07-01T00:00:00Z'),
            (5, 1, '100005', 'CANCELLED', NULL, '2025-07-01T00:00:00Z', '2025-07-01T00:00:00Z'),
            (6, 2, '200001', 'PROPOSED', NULL, '2025-07-01T00:00:00Z', '2025-07-01T00:00:00Z'),
            (7, 2, '200002', 'COMPLETED', '2026-03-02', '2025-07-01T00:00:00Z', '2025-07-01T00:00:00Z'),
            (8, 3, '200003', 'FOLLOWED_UP', '2024-10-07', '2024-07-01T00:00:00Z', '2024-07-01T00:00:00Z'),
            (9, 3, '200004', 'REPORTED', '2025-02-03', '2024-07-01T00:00:00Z', '2024-07-01T00:00:00Z'),
            (10, 3, '200001', 'CANCELLED', NULL, '2024-07-01T00:00:00Z', '2024-07-01T00:00:00Z');

        INSERT INTO review_reports (visit_id, strengths, areas_for_development, submitted_at) VALUES
            (1, 'Strong.', 'Transitions.', '2025-10-20T12:00:00Z'),
            (2, 'Strong.', 'Wellbeing.', '2025-11-17T12:00:00Z'),
            (8, 'Strong.', 'Progress.', '2024-10-21T12:00:00Z'),
            (9, 'Strong.', 'Community.', '2025-02-17T12:00:00Z');

        INSERT INTO visit_reviewers (visit_id, staff_id, school_urn, review_date) VALUES
            (3, 41, '100004', '2026-01-12'),
            (1, 61, '200001', '2025-10-06');

        INSERT INTO review_actions (visit_id, position, description, status, created_at, updated_at, implemented_at) VALUES
            (1, 1, 'Action one.', 'IMPLEMENTED', now(), now(), '2025-12-15T12:00:00Z'), (1, 2, 'Action two.', 'NOT_STARTED', now(), now(), NULL),
            (2, 1, 'Action one.', 'IN_PROGRESS', now(), now(), NULL), (2, 2, 'Action two.', 'NOT_STARTED', now(), now(), NULL),
            (8, 1, 'Action one.', 'IMPLEMENTED', now(), now(), '2024-11-20T12:00:00Z'),
            (9, 1, 'Action one.', 'IN_PROGRESS', now(), now(), NULL);
        """;
}
