using InclusionNetwork.Grains.PeerReview;
using InclusionNetwork.Grains.Schools;
using InclusionNetwork.Grains.TermDates;
using Npgsql;

namespace InclusionNetwork.Silo.DemoData;

/// <summary>
/// The demo county's peer review: training days for every school, ILEs' unavailable days,
/// sixty clusters of five schools (five per district, six per ILE) in 2025/26 and again in
/// 2026/27, their cycles planned by the real planner (each ILE's visits kept apart across
/// their clusters), 2025/26 finished (reports, actions in every state, impact reviews) and
/// 2026/27 planned (visits before February confirmed, the rest proposed).
/// </summary>
public sealed class PeerReviewDemoDataStep : IDemoDataStep
{
    private const int ClustersPerDistrict = 5;
    private const int SchoolsPerCluster = 5;

    public string Name => "peer-review";

    public int Order => 40;

    public async Task LoadAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, DemoContext context, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, transaction, """
            -- One training day a year per school, on a first day of term, spread by URN.
            INSERT INTO school_closure_days (school_urn, closed_on, reason)
            SELECT s.urn, d.closed_on, 'Staff training day' FROM schools s
            CROSS JOIN LATERAL (VALUES
                ((ARRAY['2025-11-03', '2026-01-05', '2026-02-23', '2026-04-20']::date[])[1 + s.urn::int % 4]),
                ((ARRAY['2026-11-02', '2027-01-04', '2027-02-22', '2027-04-12']::date[])[1 + s.urn::int % 4])) AS d(closed_on)
            WHERE s.open;
            -- Every sixth Friday off for each ILE, staggered.
            INSERT INTO leader_unavailable_dates (leader_id, unavailable_on, reason)
            SELECT l.id, d::date, 'Leave' FROM inclusion_leaders l
            CROSS JOIN generate_series('2025-09-01'::date, '2027-08-31'::date, interval '1 day') AS d
            WHERE extract(isodow FROM d) = 5 AND (extract(week FROM d)::int + l.id) % 6 = 0;
            """, cancellationToken);

        var groups = await ReadGroupsAsync(connection, transaction, cancellationToken);
        var leaders = await ReadLongsAsync(connection, transaction, "SELECT id FROM inclusion_leaders ORDER BY id", cancellationToken);
        if (leaders.Count == 0 || groups.Count == 0)
        {
            return;
        }
        var allUrns = groups.SelectMany(g => g.Urns).ToList();
        var staff = await ReadStaffAsync(connection, transaction, allUrns, cancellationToken);
        var names = await ReadNamesAsync(connection, transaction, allUrns, cancellationToken);
        var calendar = await TermCalendarStore.LoadAsync(connection, transaction, new DateOnly(2025, 9, 1), new DateOnly(2027, 8, 31), allUrns, cancellationToken);
        var today = LondonTime.DateOf(context.Now);

        foreach (var year in new[] { new AcademicYear(2025), new AcademicYear(2026) })
        {
            // The finished year is planned as it was on its first day; the current one from today.
            var planFrom = year.StartYear == 2025 ? new DateOnly(2025, 9, 1) : (today > year.StartsOn ? today : year.StartsOn);
            var leaderBusy = leaders.ToDictionary(l => l, _ => new HashSet<DateOnly>());
            var unavailable = await ReadUnavailableAsync(connection, transaction, cancellationToken);
            for (var i = 0; i < groups.Count; i++)
            {
                var leader = leaders[i % leaders.Count];
                var group = groups[i];
                var clusterId = await InsertClusterAsync(connection, transaction, $"{group.District} Cluster {group.Number}", year.ToString(), leader, group.Urns, context.Now, cancellationToken);
                var members = group.Urns.ToDictionary(u => u, u => names[u]);
                var data = new ReviewRuleData(year, planFrom, calendar, new PeerReviewOptions(), members,
                    unavailable.GetValueOrDefault(leader) ?? new HashSet<DateOnly>(), leaderBusy[leader],
                    staff.Where(s => members.ContainsKey(s.Value.SchoolUrn)).ToDictionary(s => s.Key, s => s.Value),
                    new Dictionary<long, IReadOnlySet<DateOnly>>());
                var plan = ReviewPlanner.Plan(new PlanningRequest(data, group.Urns, [], new HashSet<DateOnly>()));
                if (!plan.Succeeded)
                {
                    continue;
                }
                foreach (var visit in plan.Visits!)
                {
                    leaderBusy[leader].Add(visit.Date);
                }
                await InsertVisitsAsync(connection, transaction, clusterId, leader, plan.Visits!, staff, calendar, year.StartYear == 2025, today, context.Now, cancellationToken);
            }
        }
        await FinishPastYearAsync(connection, transaction, cancellationToken);
    }

    private sealed record Group(string District, int Number, IReadOnlyList<string> Urns);

    private static async Task<List<Group>> ReadGroupsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"""
            WITH eligible AS (
                SELECT s.urn, d.name AS district, d.sort_order, row_number() OVER (PARTITION BY s.district_id ORDER BY s.urn) AS rn
                FROM schools s JOIN districts d ON d.id = s.district_id
                WHERE s.open AND s.phase IN ('PRIMARY', 'SECONDARY', 'ALL_THROUGH') AND s.school_type <> 'INDEPENDENT'
            )
            SELECT district, (rn - 1) / {SchoolsPerCluster} + 1 AS n, array_agg(urn ORDER BY urn)
            FROM eligible GROUP BY district, sort_order, n
            HAVING count(*) = {SchoolsPerCluster} AND (min(rn) - 1) / {SchoolsPerCluster} < {ClustersPerDistrict}
            ORDER BY n, sort_order
            """, connection, transaction);
        var groups = new List<Group>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            groups.Add(new Group(reader.GetString(0), (int)reader.GetInt64(1), reader.GetFieldValue<string[]>(2)));
        }
        return groups;
    }

    private static async Task<Dictionary<long, StaffMember>> ReadStaffAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<string> urns,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT id, school_urn, name, email, role FROM staff WHERE school_urn = ANY(@urns) AND removed_at IS NULL", connection, transaction);
        command.Parameters.AddWithValue("urns", urns.ToArray());
        var staff = new Dictionary<long, StaffMember>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            staff[reader.GetInt64(0)] = new StaffMember(reader.GetInt64(0), reader.GetString(1), reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3), Enum.Parse<StaffRole>(reader.GetString(4)), null);
        }
        return staff;
    }

    private static async Task<Dictionary<string, string>> ReadNamesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<string> urns,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT urn, name FROM schools WHERE urn = ANY(@urns)", connection, transaction);
        command.Parameters.AddWithValue("urns", urns.ToArray());
        var names = new Dictionary<string, string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            names[reader.GetString(0)] = reader.GetString(1);
        }
        return names;
    }

    private static async Task<Dictionary<long, IReadOnlySet<DateOnly>>> ReadUnavailableAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT leader_id, unavailable_on FROM leader_unavailable_dates", connection, transaction);
        var pairs = new List<(long, DateOnly)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            pairs.Add((reader.GetInt64(0), reader.GetFieldValue<DateOnly>(1)));
        }
        return pairs.GroupBy(p => p.Item1).ToDictionary(g => g.Key, g => (IReadOnlySet<DateOnly>)g.Select(p => p.Item2).ToHashSet());
    }

    private static async Task<List<long>> ReadLongsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        var values = new List<long>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            values.Add(reader.GetInt64(0));
        }
        return values;
    }

    private static async Task<long> InsertClusterAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string name, string year, long leader,
        IReadOnlyList<string> urns, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            WITH cluster AS (
                INSERT INTO peer_review_clusters (name, academic_year, leader_id, created_at, updated_at) VALUES (@name, @year, @leader, @now, @now) RETURNING id
            ), members AS (
                INSERT INTO cluster_members (cluster_id, academic_year, school_urn, joined_at) SELECT id, @year, unnest(@urns), @now FROM cluster
            )
            INSERT INTO review_cycles (cluster_id, academic_year, planned_at, created_at, updated_at) SELECT id, @year, @now, @now, @now FROM cluster RETURNING id
            """, connection, transaction);
        command.Parameters.AddWithValue("name", name);
        command.Parameters.AddWithValue("year", year);
        command.Parameters.AddWithValue("leader", leader);
        command.Parameters.AddWithValue("urns", urns.ToArray());
        command.Parameters.AddWithValue("now", now);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task InsertVisitsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long cycleId, long leader, IReadOnlyList<PlannedVisit> visits,
        IReadOnlyDictionary<long, StaffMember> staff, TermCalendar calendar, bool pastYear, DateOnly today, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var visit in visits)
        {
            var confirmed = pastYear || visit.Date < new DateOnly(2027, 2, 1);
            var due = confirmed ? calendar.SubtractWorkingDays(visit.Date, 5, visit.HostUrn) : null;
            var status = pastYear ? "COMPLETED" : confirmed ? "CONFIRMED" : "PROPOSED";
            await using var command = new NpgsqlCommand("""
                WITH visit AS (
                    INSERT INTO review_visits (cycle_id, host_urn, status, visit_date, leader_id, focus_areas, proposed_at, confirmed_at, self_evaluation_due,
                                               self_evaluation_summary, self_evaluation_submitted_at, completed_at, created_at, updated_at)
                    VALUES (@cycle, @host, @status, @date, @leader, @focus, @now, CASE WHEN @confirmed THEN @now END, @due,
                            CASE WHEN @past THEN 'Our self-evaluation against the inclusion framework.' END,
                            CASE WHEN @past THEN (@due::date + time '16:00') AT TIME ZONE 'Europe/London' END,
                            CASE WHEN @past THEN (@date::date + time '16:00') AT TIME ZONE 'Europe/London' END, @now, @now)
                    RETURNING id
                )
                INSERT INTO visit_reviewers (visit_id, staff_id, school_urn, review_date)
                SELECT visit.id, r.staff_id, r.school_urn, @date FROM visit, unnest(@staff, @schools) AS r(staff_id, school_urn)
                """, connection, transaction);
            command.Parameters.AddWithValue("cycle", cycleId);
            command.Parameters.AddWithValue("host", visit.HostUrn);
            command.Parameters.AddWithValue("status", status);
            command.Parameters.AddWithValue("date", visit.Date);
            command.Parameters.AddWithValue("leader", leader);
            command.Parameters.AddWithValue("focus", pastYear || confirmed ? FocusFor(visit.HostUrn) : Array.Empty<string>());
            command.Parameters.AddWithValue("now", now);
            command.Parameters.AddWithValue("confirmed", confirmed);
            command.Parameters.AddWithValue("past", pastYear);
            command.Parameters.Add(new NpgsqlParameter<DateOnly?>("due", due));
            command.Parameters.AddWithValue("staff", visit.ReviewerStaffIds.ToArray());
            command.Parameters.AddWithValue("schools", visit.ReviewerStaffIds.Select(id => staff[id].SchoolUrn).ToArray());
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>2025/26 is over: every visit reported with three actions (in every state); two in three followed up.</summary>
    private static Task FinishPastYearAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, transaction, """
            WITH past AS (
                SELECT v.id, v.visit_date FROM review_visits v JOIN review_cycles c ON c.id = v.cycle_id WHERE c.academic_year = '2025/26'
            ), reports AS (
                INSERT INTO review_reports (visit_id, strengths, areas_for_development, submitted_at)
                SELECT id, 'Pupils with SEND are known well; adaptive teaching is consistent across classes.',
                       'Sharpen the graduated approach records; involve families earlier in reviews.',
                       (visit_date + 10 + time '12:00') AT TIME ZONE 'Europe/London' FROM past
                RETURNING visit_id
            )
            INSERT INTO review_actions (visit_id, position, description, due_date, status, created_at, updated_at)
            SELECT p.id, a.n, a.d, p.visit_date + 90 * a.n,
                   (ARRAY['NOT_STARTED', 'IN_PROGRESS', 'IMPLEMENTED'])[1 + (p.id + a.n) % 3],
                   (p.visit_date + 10 + time '12:00') AT TIME ZONE 'Europe/London', (p.visit_date + 10 + time '12:00') AT TIME ZONE 'Europe/London'
            FROM past p JOIN reports r ON r.visit_id = p.id
            CROSS JOIN (VALUES (1, 'Review the SEND register termly with class teachers.'),
                               (2, 'Train teaching assistants in structured conversations with families.'),
                               (3, 'Audit classroom environments for sensory needs.')) AS a(n, d);

            UPDATE review_visits v SET status = 'REPORTED', reported_at = (v.visit_date + 10 + time '12:00') AT TIME ZONE 'Europe/London',
                   impact_review_due = v.visit_date + 10 + 84, sequence = sequence + 1
            FROM review_cycles c WHERE c.id = v.cycle_id AND c.academic_year = '2025/26';

            INSERT INTO impact_reviews (visit_id, summary, submitted_at)
            SELECT v.id, 'Actions reviewed with the school: the register review is embedded; family work continues.',
                   (v.impact_review_due + time '12:00') AT TIME ZONE 'Europe/London'
            FROM review_visits v JOIN review_cycles c ON c.id = v.cycle_id
            WHERE c.academic_year = '2025/26' AND v.id % 3 <> 0 AND v.impact_review_due <= '2026-11-20';

            UPDATE review_visits v SET status = 'FOLLOWED_UP', followed_up_at = i.submitted_at, sequence = sequence + 1
            FROM impact_reviews i WHERE i.visit_id = v.id;
            """, cancellationToken);

    private static string[] FocusFor(string urn) =>
        (int.Parse(urn, System.Globalization.CultureInfo.InvariantCulture) % 5) switch
        {
            0 => ["WELLBEING", "COMMUNITY"],
            1 => ["PROGRESS_IN_EDUCATION", "TRANSITIONS_AND_INDEPENDENCE"],
            2 => ["CHILD_AND_FAMILY_CENTRED", "WELLBEING"],
            3 => ["COMMUNITY", "PROGRESS_IN_EDUCATION"],
            _ => ["TRANSITIONS_AND_INDEPENDENCE", "CHILD_AND_FAMILY_CENTRED"],
        };

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
