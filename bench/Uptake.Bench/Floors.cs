namespace InclusionNetwork.Uptake.Bench;

/// <summary>
/// Hand-written single statements for 2025/26 by district (evaluations: the county), with
/// the year's bounds and "now" written in as literals: what a person would type at psql to
/// get the same figures. They are the floor the query classes are measured against, and an
/// independent formulation (per-school EXISTS tests rather than pre-aggregated facts), so
/// agreeing with them cross-checks the query classes on a large dataset too.
/// </summary>
internal static class Floors
{
    public const string PeerReview = """
        SELECT d.name,
               count(s.urn),
               count(s.urn) FILTER (WHERE EXISTS (
                   SELECT 1 FROM cluster_members m JOIN peer_review_clusters c ON c.id = m.cluster_id
                   WHERE m.school_urn = s.urn AND m.academic_year = '2025/26' AND c.leader_id IS NOT NULL
                     AND (SELECT count(*) FROM cluster_members x WHERE x.cluster_id = c.id) BETWEEN 4 AND 6)),
               count(s.urn) FILTER (WHERE EXISTS (
                   SELECT 1 FROM review_visits v JOIN review_cycles y ON y.id = v.cycle_id
                   WHERE v.host_urn = s.urn AND y.academic_year = '2025/26' AND v.status IN ('COMPLETED', 'REPORTED', 'FOLLOWED_UP'))),
               count(s.urn) FILTER (WHERE EXISTS (
                   SELECT 1 FROM review_visits v JOIN review_cycles y ON y.id = v.cycle_id JOIN review_actions a ON a.visit_id = v.id
                   WHERE v.host_urn = s.urn AND y.academic_year = '2025/26' AND a.status = 'IMPLEMENTED'))
        FROM districts d LEFT JOIN schools s ON s.district_id = d.id AND s.open
        GROUP BY d.id, d.name, d.sort_order
        ORDER BY d.sort_order
        """;

    public const string Leadership = """
        SELECT d.name,
               count(s.urn),
               count(s.urn) FILTER (WHERE
                   EXISTS (SELECT 1 FROM staff st JOIN bookings b ON b.staff_id = st.id JOIN course_runs r ON r.id = b.run_id
                           JOIN courses c ON c.id = r.course_id
                           WHERE st.school_urn = s.urn AND st.role IN ('SENIOR_LEADER', 'HEADTEACHER', 'EXECUTIVE_HEADTEACHER')
                             AND (st.removed_at IS NULL OR st.removed_at >= '2026-08-31T23:00:00Z')
                             AND c.leadership_level IS NOT NULL AND r.ends_at < '2026-08-31T23:00:00Z'
                             AND b.status = 'CONFIRMED' AND b.completed_at IS NOT NULL)
                   AND EXISTS (SELECT 1 FROM staff st JOIN bookings b ON b.staff_id = st.id JOIN course_runs r ON r.id = b.run_id
                           JOIN courses c ON c.id = r.course_id
                           WHERE st.school_urn = s.urn AND st.role IN ('MIDDLE_LEADER', 'SENCO')
                             AND (st.removed_at IS NULL OR st.removed_at >= '2026-08-31T23:00:00Z')
                             AND c.leadership_level IS NOT NULL AND r.ends_at < '2026-08-31T23:00:00Z'
                             AND b.status = 'CONFIRMED' AND b.completed_at IS NOT NULL))
        FROM districts d LEFT JOIN schools s ON s.district_id = d.id AND s.open
        GROUP BY d.id, d.name, d.sort_order
        ORDER BY d.sort_order
        """;

    public const string Training = """
        SELECT d.name,
               count(DISTINCT s.urn),
               count(DISTINCT b.school_urn),
               count(b.id),
               count(b.completed_at),
               count(b.id) FILTER (WHERE r.ends_at <= '2026-03-15T12:00:00Z'),
               count(b.completed_at) FILTER (WHERE r.ends_at <= '2026-03-15T12:00:00Z')
        FROM districts d
        LEFT JOIN schools s ON s.district_id = d.id AND s.open
        LEFT JOIN (bookings b JOIN course_runs r ON r.id = b.run_id
                   AND r.starts_at >= '2025-08-31T23:00:00Z' AND r.starts_at < '2026-08-31T23:00:00Z')
               ON b.school_urn = s.urn AND b.status = 'CONFIRMED'
        GROUP BY d.id, d.name, d.sort_order
        ORDER BY d.sort_order
        """;

    // Only answers of people marked present at a session count.
    public const string Evaluations = """
        WITH answered AS (
            SELECT b.id FROM bookings b JOIN course_runs r ON r.id = b.run_id JOIN schools s ON s.urn = b.school_urn
            WHERE s.open AND r.starts_at >= '2025-08-31T23:00:00Z' AND r.starts_at < '2026-08-31T23:00:00Z'
              AND b.id IN (SELECT booking_id FROM attendance WHERE present))
        SELECT (SELECT count(*) FROM evaluations e WHERE e.booking_id IN (SELECT id FROM answered)),
               (SELECT count(*) FROM evaluations e WHERE e.booking_id IN (SELECT id FROM answered) AND e.content IN ('GOOD', 'EXCELLENT')),
               (SELECT count(*) FROM evaluations e WHERE e.booking_id IN (SELECT id FROM answered) AND e.knowledge_improved IN ('AGREE', 'STRONGLY_AGREE')),
               (SELECT count(*) FROM evaluations e WHERE e.booking_id IN (SELECT id FROM answered) AND e.confidence_improved IN ('AGREE', 'STRONGLY_AGREE')),
               (SELECT count(*) FROM follow_ups f WHERE f.booking_id IN (SELECT id FROM answered)),
               (SELECT count(*) FROM follow_ups f WHERE f.booking_id IN (SELECT id FROM answered) AND f.implemented IN ('PARTLY', 'FULLY'))
        """;

    /// <summary>Training by district up to the end of quarter 2 (28 February 2026), mainstream schools only.</summary>
    public const string TrainingQuarter2Mainstream = """
        SELECT d.name,
               count(DISTINCT s.urn),
               count(DISTINCT b.school_urn),
               count(b.id),
               count(b.completed_at),
               count(b.id) FILTER (WHERE r.ends_at <= '2026-03-15T12:00:00Z'),
               count(b.completed_at) FILTER (WHERE r.ends_at <= '2026-03-15T12:00:00Z')
        FROM districts d
        LEFT JOIN schools s ON s.district_id = d.id AND s.open
              AND s.school_type IN ('MAINTAINED', 'ACADEMY', 'FREE_SCHOOL') AND s.phase IN ('PRIMARY', 'SECONDARY', 'ALL_THROUGH')
        LEFT JOIN (bookings b JOIN course_runs r ON r.id = b.run_id
                   AND r.starts_at >= '2025-08-31T23:00:00Z' AND r.starts_at < '2026-03-01T00:00:00Z')
               ON b.school_urn = s.urn AND b.status = 'CONFIRMED'
        GROUP BY d.id, d.name, d.sort_order
        ORDER BY d.sort_order
        """;

    /// <summary>Attendees' answers by district, submitted by the end of quarter 2 (before suppression).</summary>
    public const string EvaluationsByDistrictQuarter2 = """
        SELECT d.name,
               count(e.booking_id),
               count(e.booking_id) FILTER (WHERE e.content IN ('GOOD', 'EXCELLENT')),
               count(f.booking_id)
        FROM districts d
        LEFT JOIN schools s ON s.district_id = d.id AND s.open
        LEFT JOIN (bookings b JOIN course_runs r ON r.id = b.run_id
                   AND r.starts_at >= '2025-08-31T23:00:00Z' AND r.starts_at < '2026-08-31T23:00:00Z'
                   AND EXISTS (SELECT 1 FROM attendance a WHERE a.booking_id = b.id AND a.present))
               ON b.school_urn = s.urn
        LEFT JOIN evaluations e ON e.booking_id = b.id AND e.submitted_at < '2026-03-01T00:00:00Z'
        LEFT JOIN follow_ups f ON f.booking_id = b.id AND f.submitted_at < '2026-03-01T00:00:00Z'
        GROUP BY d.id, d.name, d.sort_order
        ORDER BY d.sort_order
        """;
}
