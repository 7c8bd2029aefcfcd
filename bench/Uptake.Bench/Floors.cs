namespace InclusionNetwork.Uptake.Bench;

/// <summary>
/// The cut-off of a set of figures as literals: 2025/26 from London midnight on 1 September
/// 2025, counting what happened before <see cref="CountsBefore"/> (on or before
/// <see cref="LastDay"/>); "now" is the bench clock's.
/// </summary>
internal sealed record Cut(string Name, string CountsBefore, string LastDay, bool Quartered)
{
    public const string YearStart = "'2025-08-31T23:00:00Z'";
    public const string YearEnd = "'2026-08-31T23:00:00Z'";
    public const string Now = "'2026-03-15T12:00:00Z'";

    public static readonly Cut Year = new("2025/26", YearEnd, "'2026-08-31'", Quartered: false);

    /// <summary>Up to the end of quarter 2: 28 February 2026 (London midnight is UTC midnight in winter).</summary>
    public static readonly Cut Quarter2 = new("Q2", "'2026-03-01T00:00:00Z'", "'2026-02-28'", Quartered: true);
}

/// <summary>
/// Hand-written single statements, one per measure, by district (evaluations: also the
/// county), with the period written in as literals: what a person would type at psql to get
/// the same figures from the definitions in the contract. They are the floor the query classes
/// are measured against, and an independent formulation (per-school membership tests rather than
/// pre-aggregated facts), so agreeing with them cross-checks the query classes on a large
/// dataset too.
/// </summary>
internal static class Floors
{
    private const string Districts = """
        FROM districts d LEFT JOIN schools s ON s.district_id = d.id AND s.open
        GROUP BY d.id, d.name, d.sort_order
        ORDER BY d.sort_order
        """;

    /// <summary>schools, in an active cluster, reviewed, implementing, actively participating.</summary>
    public static string PeerReview(Cut cut)
    {
        var held = $"v.status IN ('COMPLETED', 'REPORTED', 'FOLLOWED_UP'){(cut.Quartered ? $" AND v.visit_date <= {cut.LastDay}" : "")}";
        var implemented = cut.Quartered ? $" AND coalesce(a.implemented_at, a.updated_at) < {cut.CountsBefore}" : "";
        const string Active = """
            SELECT c.id FROM peer_review_clusters c
            WHERE c.academic_year = '2025/26' AND c.leader_id IS NOT NULL
              AND c.id IN (SELECT cluster_id FROM cluster_members GROUP BY cluster_id HAVING count(*) BETWEEN 4 AND 6)
            """;
        return $"""
            SELECT d.name,
                   count(s.urn),
                   count(s.urn) FILTER (WHERE s.urn IN (SELECT m.school_urn FROM cluster_members m WHERE m.cluster_id IN ({Active}))),
                   count(s.urn) FILTER (WHERE s.urn IN (
                       SELECT v.host_urn FROM review_visits v JOIN review_cycles y ON y.id = v.cycle_id
                       WHERE y.academic_year = '2025/26' AND {held})),
                   count(s.urn) FILTER (WHERE s.urn IN (
                       SELECT v.host_urn FROM review_visits v JOIN review_cycles y ON y.id = v.cycle_id JOIN review_actions a ON a.visit_id = v.id
                       WHERE y.academic_year = '2025/26' AND a.status = 'IMPLEMENTED'{implemented})),
                   count(s.urn) FILTER (WHERE s.urn IN (
                       SELECT m.school_urn
                       FROM cluster_members m JOIN review_cycles y ON y.cluster_id = m.cluster_id JOIN review_visits v ON v.cycle_id = y.id
                       WHERE m.cluster_id IN ({Active}) AND y.academic_year = '2025/26' AND {held}
                         AND (v.host_urn = m.school_urn
                              OR m.school_urn IN (SELECT vr.school_urn FROM visit_reviewers vr WHERE vr.visit_id = v.id))))
            {Districts}
            """;
    }

    /// <summary>schools, with a senior and a middle leader trained, and schools per level (MIDDLE, SENIOR, HEADTEACHER_EXECUTIVE).</summary>
    public static string Leadership(Cut cut)
    {
        string Completed(string condition) => $"""
            s.urn IN (SELECT st.school_urn FROM staff st JOIN bookings b ON b.staff_id = st.id JOIN course_runs r ON r.id = b.run_id
                      JOIN courses c ON c.id = r.course_id
                      WHERE {condition}
                        AND (st.removed_at IS NULL OR st.removed_at >= {cut.CountsBefore})
                        AND r.ends_at < {cut.CountsBefore}
                        AND b.status = 'CONFIRMED' AND b.completed_at IS NOT NULL)
            """;
        return $"""
            SELECT d.name,
                   count(s.urn),
                   count(s.urn) FILTER (WHERE
                       {Completed("st.role IN ('SENIOR_LEADER', 'HEADTEACHER', 'EXECUTIVE_HEADTEACHER') AND c.leadership_level IS NOT NULL")}
                       AND {Completed("st.role IN ('MIDDLE_LEADER', 'SENCO') AND c.leadership_level IS NOT NULL")}),
                   count(s.urn) FILTER (WHERE {Completed("c.leadership_level = 'MIDDLE'")}),
                   count(s.urn) FILTER (WHERE {Completed("c.leadership_level = 'SENIOR'")}),
                   count(s.urn) FILTER (WHERE {Completed("c.leadership_level = 'HEADTEACHER_EXECUTIVE'")})
            {Districts}
            """;
    }

    /// <summary>
    /// schools, engaged, bookings, completions, bookings and completions on ended runs;
    /// <paramref name="courses"/> a condition on the course <c>c</c>, <paramref name="schools"/> one on the school <c>s</c>.
    /// </summary>
    public static string Training(Cut cut, string courses = "true", string schools = "true") => $"""
        SELECT d.name,
               count(DISTINCT s.urn),
               count(DISTINCT b.school_urn),
               count(b.id),
               count(b.completed_at),
               count(b.id) FILTER (WHERE r.ends_at <= {Cut.Now}),
               count(b.completed_at) FILTER (WHERE r.ends_at <= {Cut.Now})
        FROM districts d
        LEFT JOIN schools s ON s.district_id = d.id AND s.open AND {schools}
        LEFT JOIN (bookings b JOIN course_runs r ON r.id = b.run_id
                   AND r.starts_at >= {Cut.YearStart} AND r.starts_at < {cut.CountsBefore}
                   JOIN courses c ON c.id = r.course_id AND {courses})
               ON b.school_urn = s.urn AND b.status = 'CONFIRMED'
        GROUP BY d.id, d.name, d.sort_order
        ORDER BY d.sort_order
        """;

    /// <summary>Attendees' answers (responses, good or excellent, knowledge, confidence, follow-ups, implemented) by district, before suppression.</summary>
    public static string EvaluationsByDistrict(Cut cut)
    {
        var submitted = cut.Quartered ? $" AND e.submitted_at < {cut.CountsBefore}" : "";
        var followedUp = cut.Quartered ? $" AND f.submitted_at < {cut.CountsBefore}" : "";
        return $"""
            SELECT d.name,
                   count(e.booking_id),
                   count(e.booking_id) FILTER (WHERE e.content IN ('GOOD', 'EXCELLENT')),
                   count(e.booking_id) FILTER (WHERE e.knowledge_improved IN ('AGREE', 'STRONGLY_AGREE')),
                   count(e.booking_id) FILTER (WHERE e.confidence_improved IN ('AGREE', 'STRONGLY_AGREE')),
                   count(f.booking_id),
                   count(f.booking_id) FILTER (WHERE f.implemented IN ('PARTLY', 'FULLY'))
            FROM districts d
            LEFT JOIN schools s ON s.district_id = d.id AND s.open
            LEFT JOIN (bookings b JOIN course_runs r ON r.id = b.run_id
                       AND r.starts_at >= {Cut.YearStart} AND r.starts_at < {Cut.YearEnd}
                       AND EXISTS (SELECT 1 FROM attendance a WHERE a.booking_id = b.id AND a.present))
                   ON b.school_urn = s.urn
            LEFT JOIN evaluations e ON e.booking_id = b.id{submitted}
            LEFT JOIN follow_ups f ON f.booking_id = b.id{followedUp}
            GROUP BY d.id, d.name, d.sort_order
            ORDER BY d.sort_order
            """;
    }

    /// <summary>The county's attendees' answers, the same six counts.</summary>
    public static string Evaluations(Cut cut)
    {
        var submitted = cut.Quartered ? $" AND submitted_at < {cut.CountsBefore}" : "";
        return $"""
            WITH answered AS (
                SELECT b.id FROM bookings b JOIN course_runs r ON r.id = b.run_id JOIN schools s ON s.urn = b.school_urn
                WHERE s.open AND r.starts_at >= {Cut.YearStart} AND r.starts_at < {Cut.YearEnd}
                  AND b.id IN (SELECT booking_id FROM attendance WHERE present)),
            e AS (SELECT * FROM evaluations WHERE booking_id IN (SELECT id FROM answered){submitted}),
            f AS (SELECT * FROM follow_ups WHERE booking_id IN (SELECT id FROM answered){submitted})
            SELECT (SELECT count(*) FROM e),
                   (SELECT count(*) FROM e WHERE content IN ('GOOD', 'EXCELLENT')),
                   (SELECT count(*) FROM e WHERE knowledge_improved IN ('AGREE', 'STRONGLY_AGREE')),
                   (SELECT count(*) FROM e WHERE confidence_improved IN ('AGREE', 'STRONGLY_AGREE')),
                   (SELECT count(*) FROM f),
                   (SELECT count(*) FROM f WHERE implemented IN ('PARTLY', 'FULLY'))
            """;
    }
}
