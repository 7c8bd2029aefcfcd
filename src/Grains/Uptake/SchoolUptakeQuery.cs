using InclusionNetwork.Grains.Courses;
using InclusionNetwork.Grains.PeerReview;
using InclusionNetwork.Grains.Places;
using InclusionNetwork.Grains.Schools;
using Npgsql;

namespace InclusionNetwork.Grains.Uptake;

/// <summary>
/// Schools' own figures for one academic year, for many schools at once: one statement for
/// every school's own counts, and the district and county rates from the very measures
/// commissioners read (<see cref="TrainingUptakeQuery"/> and <see cref="PeerReviewUptakeQuery"/>
/// by DISTRICT and COUNTY), so a list of a hundred schools costs five statements, not five hundred.
/// </summary>
/// <remarks>
/// The school's own figures, as the contract defines them:
/// <list type="bullet">
/// <item>bookings: CONFIRMED bookings of its staff on runs whose first session starts in the
/// year (as <see cref="TrainingUptakeQuery"/> counts them); completions: of those, every
/// session attended; staff trained: distinct people with such a completed booking;</item>
/// <item>leadership levels: levels of courses whose run ended before the year was out and
/// that someone on its staff completed, leaving out staff removed before the year ended (as
/// <see cref="LeadershipUptakeQuery"/> does: the levels are about the leaders it has);</item>
/// <item>review: its visit in the year's cycle (a school is in one cluster a year and a
/// cluster has one cycle), with the actions of that visit's report.</item>
/// </list>
/// A closed school still has its own figures; its district's rates are over open schools.
/// </remarks>
public sealed class SchoolUptakeQuery(
    NpgsqlDataSource dataSource,
    TrainingUptakeQuery training,
    PeerReviewUptakeQuery peerReview,
    PlacesDirectory places)
{
    public async Task<IReadOnlyDictionary<string, SchoolUptake>> RunAsync(
        IReadOnlyCollection<School> schools, UptakePeriod period, CancellationToken cancellationToken = default)
    {
        var result = new Dictionary<string, SchoolUptake>(StringComparer.Ordinal);
        if (schools.Count == 0)
        {
            return result;
        }
        var own = await OwnFiguresAsync(schools.Select(s => s.Urn).Distinct(StringComparer.Ordinal).ToArray(), period, cancellationToken);
        var trainingByDistrict = await training.RunAsync(Breakdown.DISTRICT, period, CourseFilter.None, cancellationToken);
        var trainingInCounty = (await training.RunAsync(Breakdown.COUNTY, period, CourseFilter.None, cancellationToken)).Single();
        var reviewByDistrict = await peerReview.RunAsync(Breakdown.DISTRICT, period, cancellationToken);
        var reviewInCounty = (await peerReview.RunAsync(Breakdown.COUNTY, period, cancellationToken)).Single();
        foreach (var school in schools)
        {
            // The measures name their district rows by the district's name.
            var districtName = (await places.DistrictAsync(school.DistrictId, cancellationToken))?.Name;
            var figures = own[school.Urn];
            result[school.Urn] = figures with
            {
                DistrictEngagementRate = trainingByDistrict.FirstOrDefault(r => r.Group == districtName)?.EngagementRate,
                CountyEngagementRate = trainingInCounty.EngagementRate,
                DistrictCoverageRate = reviewByDistrict.FirstOrDefault(r => r.Group == districtName)?.CoverageRate,
                CountyCoverageRate = reviewInCounty.CoverageRate,
            };
        }
        return result;
    }

    private async Task<Dictionary<string, SchoolUptake>> OwnFiguresAsync(string[] urns, UptakePeriod period, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            WITH asked AS (SELECT unnest(@urns::text[]) AS urn),
            training AS (
                SELECT b.school_urn AS urn,
                       count(*) AS bookings,
                       count(*) FILTER (WHERE b.completed_at IS NOT NULL) AS completions,
                       count(DISTINCT b.staff_id) FILTER (WHERE b.completed_at IS NOT NULL) AS staff_trained
                FROM bookings b
                JOIN course_runs r ON r.id = b.run_id
                WHERE b.school_urn = ANY(@urns) AND b.status = 'CONFIRMED'
                  AND r.starts_at >= @year_start AND r.starts_at < @year_end
                GROUP BY b.school_urn),
            levels AS (
                SELECT st.school_urn AS urn, array_agg(DISTINCT c.leadership_level) AS levels
                FROM bookings b
                JOIN staff st ON st.id = b.staff_id
                JOIN course_runs r ON r.id = b.run_id
                JOIN courses c ON c.id = r.course_id
                WHERE st.school_urn = ANY(@urns) AND b.status = 'CONFIRMED' AND b.completed_at IS NOT NULL
                  AND c.leadership_level IS NOT NULL AND r.ends_at < @year_end
                  AND (st.removed_at IS NULL OR st.removed_at >= @year_end)
                GROUP BY st.school_urn),
            visits AS (
                SELECT v.host_urn AS urn, v.status,
                       count(a.id) FILTER (WHERE a.status = 'IMPLEMENTED') AS implemented,
                       count(a.id) AS actions
                FROM review_visits v
                JOIN review_cycles y ON y.id = v.cycle_id
                LEFT JOIN review_actions a ON a.visit_id = v.id
                WHERE y.academic_year = @year AND v.host_urn = ANY(@urns)
                GROUP BY v.id, v.host_urn, v.status)
            SELECT s.urn,
                   coalesce(t.bookings, 0)::int, coalesce(t.completions, 0)::int, coalesce(t.staff_trained, 0)::int,
                   coalesce(l.levels, '{}'::text[]), v.status,
                   coalesce(v.implemented, 0)::int, coalesce(v.actions, 0)::int
            FROM asked s
            LEFT JOIN training t ON t.urn = s.urn
            LEFT JOIN levels l ON l.urn = s.urn
            LEFT JOIN visits v ON v.urn = s.urn
            """);
        command.Parameters.AddWithValue("urns", urns);
        command.Parameters.AddWithValue("year", period.Year.ToString());
        command.Parameters.AddWithValue("year_start", period.StartsAt);
        command.Parameters.AddWithValue("year_end", period.EndsBefore);
        var figures = new Dictionary<string, SchoolUptake>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var levels = reader.GetFieldValue<string[]>(4).Select(Enum.Parse<LeadershipLevel>).Order().ToList();
            figures[reader.GetString(0)] = new SchoolUptake(
                period.Year.ToString(),
                reader.GetInt32(1),
                reader.GetInt32(2),
                reader.GetInt32(3),
                levels,
                reader.IsDBNull(5) ? null : Enum.Parse<VisitStatus>(reader.GetString(5)),
                reader.GetInt32(6),
                reader.GetInt32(7),
                null, null, null, null);
        }
        return figures;
    }
}
