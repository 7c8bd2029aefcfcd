using System.Text.Json;
using InclusionNetwork.TestSupport;
using static InclusionNetwork.Silo.Tests.SchoolFigures.SchoolFiguresWorld;

namespace InclusionNetwork.Silo.Tests.SchoolFigures;

/// <summary>
/// Figures for schools, providers and ILEs against the hand-made county in
/// <see cref="SchoolFiguresCounty"/> (read its comment first), worked out by hand below, and
/// who may see each: everyone else gets null (figures) or an empty list, never an error.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class SchoolFiguresTests(SharedSchoolFiguresWorld shared) : IClassFixture<SharedSchoolFiguresWorld>
{
    private const string UptakeFields = """
        academicYear bookings completions staffTrained leadershipLevelsCompleted reviewStatus actionsImplemented actionsTotal
        districtEngagementRate countyEngagementRate districtCoverageRate countyCoverageRate
        """;

    private readonly SchoolFiguresWorld world = shared.World;

    private static string SchoolUptake(string year) =>
        $$"""{ school(urn: "{{SchoolFiguresCounty.S1}}") { uptake{{(year.Length == 0 ? "" : $"(academicYear: \"{year}\")")}} { {{UptakeFields}} } } }""";

    [Fact]
    public async Task A_schools_own_figures_stand_beside_its_districts_and_the_countys_for_those_who_may_see_them()
    {
        // S1 in 2025/26. CONFIRMED bookings on runs starting in the year: R1 (11, 12), R2 (14), R3 (11, 13),
        // R5 (13, not yet held), R13 (12, 13) = 8; R2's cancelled 13 does not count. Completed: R1 11, R2 14,
        // R3 11 and 13, R13 12 = 5, by 4 people (11 twice). Levels: SENIOR (11 on R1 and R4); MIDDLE only by
        // 14, who left on 1 December 2025, before the year ended. Its visit is REPORTED with 2 of 3 actions done.
        // Engagement: Dartford's open schools S1 S2 S3, engaged S1 (many) and S2 (21): 2/3; the county's five
        // open schools, engaged S1 S2 A1 (41) A2 (51 on R13): 4/5; closed SX never counts.
        // Coverage: reviewed S1 (REPORTED) and S2 (COMPLETED); S3 CONFIRMED and A1 PROPOSED are not: 2/3, 2/5.
        var expected = Figures("2025/26", 8, 5, 4, ["SENIOR"], "REPORTED", 2, 3, 2 / 3.0, 4 / 5.0, 2 / 3.0, 2 / 5.0);
        Assert.Equal(expected, Read((await world.QueryAsync(BookerS1, SchoolUptake(""))).Get("school.uptake")));
        Assert.Equal(expected, Read((await world.QueryAsync(BookerS1, SchoolUptake("2025/26"))).Get("school.uptake")));

        // 2024/25: R4 and R14, both by 11, completed; SENIOR by R4's end; the FOLLOWED_UP visit of K0 with its one
        // action done. Only S1 booked or was reviewed that year: 1/3 in Dartford, 1/5 in the county.
        Assert.Equal(
            Figures("2024/25", 2, 2, 1, ["SENIOR"], "FOLLOWED_UP", 1, 1, 1 / 3.0, 1 / 5.0, 1 / 3.0, 1 / 5.0),
            Read((await world.QueryAsync(Commissioner, SchoolUptake("2024/25"))).Get("school.uptake")));

        // 2023/24: nothing of its own yet, no visit; nobody else either, so every rate is 0 of a non-empty group.
        Assert.Equal(
            Figures("2023/24", 0, 0, 0, [], null, 0, 0, 0.0, 0.0, 0.0, 0.0),
            Read((await world.QueryAsync(Admin, SchoolUptake("2023/24"))).Get("school.uptake")));

        var malformed = await world.QueryAsync(Admin, SchoolUptake("2025-26"));
        Assert.Equal("BAD_USER_INPUT", Code(Assert.Single(malformed.Errors)));

        // Who sees them: its users, its cluster's leader, commissioners and admins.
        // Leader One leads K1, S1's cluster in 2025/26; Leader Two led K0 in 2024/25 only.
        foreach (var email in new[] { BookerS1, StaffS1, LeaderOne, Commissioner, Admin })
        {
            Assert.Equal(8, (await world.QueryAsync(email, SchoolUptake("2025/26"))).Get("school.uptake.bookings").GetInt32());
        }
        foreach (var email in new[] { null, BookerS2, LeaderTwo, Provider, NetworkLead })
        {
            Assert.Equal(JsonValueKind.Null, (await world.QueryAsync(email, SchoolUptake("2025/26"))).Get("school.uptake").ValueKind);
        }
        // The leader of its cluster in the figures' year sees that year's figures.
        Assert.Equal(2, (await world.QueryAsync(LeaderTwo, SchoolUptake("2024/25"))).Get("school.uptake.bookings").GetInt32());

        // A commissioner listing every school's figures costs one statement of schools' own figures and one of
        // each comparison measure by district and by county, not a set per school.
        using var ownFigures = new SqlStatementCounter(world.DatabaseName, Statement("WITH asked AS"));
        using var engagement = new SqlStatementCounter(world.DatabaseName, Statement("booked AS ("));
        var response = await world.QueryAsync(Commissioner,
            "{ districts { schools { urn uptake(academicYear: \"2025/26\") { bookings districtEngagementRate } } } }");
        var figures = response.Get("districts").EnumerateArray().SelectMany(d => d.GetProperty("schools").EnumerateArray())
            .ToDictionary(s => s.GetProperty("urn").GetString()!, s => s.GetProperty("uptake").GetProperty("bookings").GetInt32());
        Assert.Equal(new Dictionary<string, int> { ["100001"] = 8, ["100002"] = 2, ["100003"] = 0, ["200001"] = 3, ["200002"] = 1 }, figures);
        Assert.Equal(1, ownFigures.Count);
        Assert.Equal(2, engagement.Count);
    }

    [Fact]
    public async Task Recommended_courses_follow_the_latest_review_and_the_staffs_roles()
    {
        const string Query = "{ school(urn: \"100001\") { recommendedCourses%ARGS% { id } } }";
        // S1's latest reported visit (17 Nov 2025, not the 2024 one on COMMUNITY) focused on WELLBEING and
        // TRANSITIONS; its current staff are a HEADTEACHER, a SENCO and a TEACHER (its MIDDLE_LEADER has left).
        // Bookable for a primary: c4 (both areas), c5 (one area, HEADTEACHER and SENCO; full, so a waiting list),
        // c10 and c9 (one area, TEACHER; c10's run is sooner), c11 (no area, SENCO). Not: c6 (booking closed),
        // c7 (cancelled), c8 (secondary only), and courses whose runs are past.
        foreach (var email in new[] { BookerS1, StaffS1, LeaderOne })
        {
            Assert.Equal(["4", "5", "10", "9", "11"], Ids((await world.QueryAsync(email, Query.Replace("%ARGS%", ""))).Get("school.recommendedCourses")));
        }
        Assert.Equal(["4", "5", "10"], Ids((await world.QueryAsync(BookerS1, Query.Replace("%ARGS%", "(first: 3)"))).Get("school.recommendedCourses")));

        // Not its users or its cluster's leader: nothing, not even admins and commissioners, who do not choose its training.
        foreach (var email in new[] { null, BookerS2, LeaderTwo, Admin, Commissioner, Provider })
        {
            Assert.Empty(Ids((await world.QueryAsync(email, Query.Replace("%ARGS%", ""))).Get("school.recommendedCourses")));
        }
        // S2 has a COMPLETED visit but no reported one: nothing to follow yet.
        Assert.Empty(Ids((await world.QueryAsync(BookerS2, "{ school(urn: \"100002\") { recommendedCourses { id } } }")).Get("school.recommendedCourses")));

        foreach (var first in new[] { 0, 21, -1 })
        {
            var refused = await world.QueryAsync(BookerS1, Query.Replace("%ARGS%", $"(first: {first})"));
            var error = Assert.Single(refused.Errors);
            Assert.Equal("BAD_USER_INPUT", Code(error));
            Assert.Contains("between 1 and 20", error.GetProperty("message").GetString());
        }
    }

    [Fact]
    public async Task Course_feedback_for_its_provider_and_cluster_priorities_for_its_leader()
    {
        const string Query = """
            { course(id: "12") { feedback%ARGS% { summary { responses goodOrExcellentRate improvedKnowledgeRate
              improvedConfidenceRate followUps implementedRate suppressed } comments } } }
            """;
        // 2025/26 (R13): 12, 13 (first session only), 21, 41 (second only) and 42 attended and answered: 5
        // responses; 51 attended nothing, so neither the answer nor the follow-up counts. GOOD or better: 12 13
        // 42; knowledge agreed: 12 42; confidence agreed: 12 13 42. Follow-ups 12 FULLY, 13 NOT_YET, 42 PARTLY.
        // Comments newest first, blank and missing ones left out.
        foreach (var email in new[] { Provider, Commissioner, Admin })
        {
            var feedback = (await world.QueryAsync(email, Query.Replace("%ARGS%", "(academicYear: \"2025/26\")"))).Get("course.feedback");
            Assert.Equal(
                "{\"responses\":5,\"goodOrExcellentRate\":0.6,\"improvedKnowledgeRate\":0.4,\"improvedConfidenceRate\":0.6,\"followUps\":3,\"implementedRate\":0.6666666666666666,\"suppressed\":false}",
                feedback.GetProperty("summary").GetRawText());
            Assert.Equal(["More examples, please.", "Good pace.", "Really useful."],
                feedback.GetProperty("comments").EnumerateArray().Select(c => c.GetString()!).ToArray());
        }
        // The current year is 2025/26.
        Assert.Equal(5, (await world.QueryAsync(Provider, Query.Replace("%ARGS%", ""))).Get("course.feedback.summary.responses").GetInt32());

        // 2024/25 (R14): one response, suppressed, and its comment withheld with it.
        var suppressed = (await world.QueryAsync(Provider, Query.Replace("%ARGS%", "(academicYear: \"2024/25\")"))).Get("course.feedback");
        Assert.Equal(
            "{\"responses\":1,\"goodOrExcellentRate\":null,\"improvedKnowledgeRate\":null,\"improvedConfidenceRate\":null,\"followUps\":0,\"implementedRate\":null,\"suppressed\":true}",
            suppressed.GetProperty("summary").GetRawText());
        Assert.Empty(suppressed.GetProperty("comments").EnumerateArray());

        foreach (var email in new[] { null, OtherProvider, BookerS1, StaffS1, LeaderOne, NetworkLead })
        {
            Assert.Equal(JsonValueKind.Null, (await world.QueryAsync(email, Query.Replace("%ARGS%", ""))).Get("course.feedback").ValueKind);
        }
        var malformed = await world.QueryAsync(Provider, Query.Replace("%ARGS%", "(academicYear: \"next year\")"));
        Assert.Equal("BAD_USER_INPUT", Code(Assert.Single(malformed.Errors)));

        await ClusterPrioritiesAsync();
    }

    /// <summary>Cluster priorities roll up the focus areas of its schools, for the leader and admins (shares the test above's world).</summary>
    private async Task ClusterPrioritiesAsync()
    {
        const string Query = "{ cluster(id: \"%ID%\") { priorities { area schools } } }";
        // K1: S1 (WELLBEING, TRANSITIONS), S2 (WELLBEING, COMMUNITY) and S3 (WELLBEING) submitted self-evaluations;
        // A1's proposed visit has no self-evaluation or report yet, so its PROGRESS_IN_EDUCATION is not counted.
        // Ties in the framework's order.
        const string K1 = "[{\"area\":\"WELLBEING\",\"schools\":3},{\"area\":\"COMMUNITY\",\"schools\":1},{\"area\":\"TRANSITIONS_AND_INDEPENDENCE\",\"schools\":1}]";
        Assert.Equal(K1, (await world.QueryAsync(LeaderOne, Query.Replace("%ID%", "1"))).Get("cluster.priorities").GetRawText());
        Assert.Equal(K1, (await world.QueryAsync(Admin, Query.Replace("%ID%", "1"))).Get("cluster.priorities").GetRawText());
        // K0 (2024/25), Leader Two's: S1's report on COMMUNITY.
        Assert.Equal("[{\"area\":\"COMMUNITY\",\"schools\":1}]",
            (await world.QueryAsync(LeaderTwo, Query.Replace("%ID%", "2"))).Get("cluster.priorities").GetRawText());

        // Member schools see their cluster but not the roll-up of the others' self-evaluations.
        foreach (var email in new[] { BookerS1, StaffS1, BookerS2 })
        {
            Assert.Empty((await world.QueryAsync(email, Query.Replace("%ID%", "1"))).Get("cluster.priorities").EnumerateArray());
        }
        // Another leader, commissioners and anonymous callers do not see the cluster at all.
        foreach (var email in new[] { null, LeaderTwo, Commissioner })
        {
            Assert.Equal(JsonValueKind.Null, (await world.QueryAsync(email, Query.Replace("%ID%", "1"))).Get("cluster").ValueKind);
        }
    }

    private static Func<System.Diagnostics.Activity, bool> Statement(string marker) => activity =>
        ((activity.GetTagItem("db.query.text") ?? activity.GetTagItem("db.statement")) as string ?? "").Contains(marker, StringComparison.Ordinal);

    private static string Code(JsonElement error) => error.GetProperty("extensions").GetProperty("code").GetString()!;

    private static string[] Ids(JsonElement courses) => [.. courses.EnumerateArray().Select(c => c.GetProperty("id").GetString()!)];

    private sealed record SchoolFigures(
        string AcademicYear, int Bookings, int Completions, int StaffTrained, string Levels, string? ReviewStatus,
        int ActionsImplemented, int ActionsTotal, double? DistrictEngagement, double? CountyEngagement, double? DistrictCoverage, double? CountyCoverage);

    private static SchoolFigures Figures(string year, int bookings, int completions, int staffTrained, string[] levels, string? status,
        int implemented, int total, double? districtEngagement, double? countyEngagement, double? districtCoverage, double? countyCoverage) =>
        new(year, bookings, completions, staffTrained, string.Join(",", levels), status, implemented, total,
            Round(districtEngagement), Round(countyEngagement), Round(districtCoverage), Round(countyCoverage));

    private static SchoolFigures Read(JsonElement u) => Figures(
        u.GetProperty("academicYear").GetString()!,
        u.GetProperty("bookings").GetInt32(),
        u.GetProperty("completions").GetInt32(),
        u.GetProperty("staffTrained").GetInt32(),
        [.. u.GetProperty("leadershipLevelsCompleted").EnumerateArray().Select(l => l.GetString()!)],
        u.GetProperty("reviewStatus").ValueKind == JsonValueKind.Null ? null : u.GetProperty("reviewStatus").GetString(),
        u.GetProperty("actionsImplemented").GetInt32(),
        u.GetProperty("actionsTotal").GetInt32(),
        Rate(u, "districtEngagementRate"), Rate(u, "countyEngagementRate"), Rate(u, "districtCoverageRate"), Rate(u, "countyCoverageRate"));

    private static double? Rate(JsonElement u, string name) => u.GetProperty(name).ValueKind == JsonValueKind.Null ? null : u.GetProperty(name).GetDouble();

    private static double? Round(double? rate) => rate is { } r ? Math.Round(r, 9) : null;
}
