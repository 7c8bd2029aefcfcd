using System.Text.Json;
using InclusionNetwork.TestSupport;
using static InclusionNetwork.Silo.Tests.Uptake.UptakeRows;

namespace InclusionNetwork.Silo.Tests.Uptake;

/// <summary>
/// The measures as the programme defines them: by quarter, by scope of schools, by need type
/// and core offer, active participation and implementation in peer review, leadership by
/// level, and evaluations grouped with small-number suppression, from attendees only.
/// Worked out by hand against <see cref="UptakeCounty"/> (read its comment first) for 2025/26.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class UptakeMeasuresTests(PostgresFixture postgres, SharedUptakeWorld shared) : IClassFixture<SharedUptakeWorld>
{
    private const string PeerReviewSelection = PeerReviewFields + " schoolsActivelyParticipating activeParticipationRate implementingRate";
    private const string LeadershipSelection = LeadershipFields + " levels { level schools rate }";

    private readonly UptakeWorld world = shared.World;

    private sealed record ActiveRow(string Group, int Schools, int InCluster, int Reviewed, int Implementing, int Active, double? ActiveRate, double? ImplementingRate);

    private sealed record LevelsRow(string Group, int Schools, int WithSeniorAndMiddle, int Middle, int Senior, int HeadteacherExecutive, double? MiddleRate, double? SeniorRate);

    private async Task<List<ActiveRow>> PeerReviewAsync(string arguments) =>
        [.. (await world.UptakeAsync("peerReview", arguments, PeerReviewSelection)).EnumerateArray().Select(r => new ActiveRow(
            r.GetProperty("group").GetString()!, r.GetProperty("schools").GetInt32(), r.GetProperty("schoolsInCluster").GetInt32(),
            r.GetProperty("schoolsReviewed").GetInt32(), r.GetProperty("schoolsImplementingActions").GetInt32(),
            r.GetProperty("schoolsActivelyParticipating").GetInt32(), Rate(r, "activeParticipationRate"), Rate(r, "implementingRate")))];

    private async Task<List<LevelsRow>> LeadershipAsync(string arguments)
    {
        var rows = new List<LevelsRow>();
        foreach (var r in (await world.UptakeAsync("leadership", arguments, LeadershipSelection)).EnumerateArray())
        {
            var levels = r.GetProperty("levels").EnumerateArray().ToList();
            // One row per level, in the enum's order.
            Assert.Equal(["MIDDLE", "SENIOR", "HEADTEACHER_EXECUTIVE"], levels.Select(l => l.GetProperty("level").GetString()));
            rows.Add(new LevelsRow(r.GetProperty("group").GetString()!, r.GetProperty("schools").GetInt32(), r.GetProperty("schoolsWithSeniorAndMiddleLeader").GetInt32(),
                levels[0].GetProperty("schools").GetInt32(), levels[1].GetProperty("schools").GetInt32(), levels[2].GetProperty("schools").GetInt32(),
                Rate(levels[0], "rate"), Rate(levels[1], "rate")));
        }
        return rows;
    }

    private async Task<List<TrainingRow>> TrainingAsync(string arguments) =>
        ReadTraining(await world.UptakeAsync("training", arguments, TrainingFields));

    private async Task<EvaluationsRow> EvaluationsAsync(string arguments) =>
        ReadEvaluations(await world.UptakeAsync("evaluations", arguments, EvaluationFields));

    private async Task<List<(string Group, EvaluationsRow Summary)>> EvaluationsByAsync(string arguments) =>
        [.. (await world.UptakeAsync("evaluationsBy", arguments, $"group summary {{ {EvaluationFields} }}")).EnumerateArray()
            .Select(g => (g.GetProperty("group").GetString()!, ReadEvaluations(g.GetProperty("summary"))))];

    [Fact]
    public async Task Peer_review_counts_active_participation_and_implementation_by_quarter_and_scope()
    {
        // 2025/26, active cluster K1 (D1-D4). Hosted a held visit: D1 (6 Oct), D2 (3 Nov), D3 (12 Jan);
        // D4's own visit is only CONFIRMED, but 41 (D4) reviewed on D3's visit: D4 takes part too.
        // A1's 61 reviewed on D1's visit, but A1 is in no active cluster (K2 has no leader): not counted.
        // A2 was reviewed (2 Mar) in K2's cycle: reviewed, not actively participating.
        // D1's action was marked IMPLEMENTED on 15 December 2025 (quarter 2).
        Assert.Equal([new ActiveRow("County", 8, 4, 4, 1, 4, R(4, 8), R(1, 4))], await PeerReviewAsync("groupBy: COUNTY, academicYear: \"2025/26\""));
        var districts = await PeerReviewAsync("groupBy: DISTRICT, academicYear: \"2025/26\"");
        Assert.Equal(new ActiveRow("Dartford", 4, 4, 3, 1, 4, R(4, 4), R(1, 3)), districts[0]);
        Assert.Equal(new ActiveRow("Ashford", 4, 0, 1, 0, 0, R(0, 4), R(0, 1)), districts[3]);
        Assert.Equal(new ActiveRow("Gravesham", 0, 0, 0, 0, 0, null, null), districts[1]);

        // Up to the end of each quarter: Q1 D1 and D2 reviewed, nothing implemented yet; Q2 adds
        // D3's visit, D4's reviewing and D1's action; Q3 adds A2's visit; Q4 is the whole year.
        Assert.Equal([new ActiveRow("County", 8, 4, 2, 0, 2, R(2, 8), R(0, 2))], await PeerReviewAsync("groupBy: COUNTY, academicYear: \"2025/26\", quarter: 1"));
        Assert.Equal([new ActiveRow("County", 8, 4, 3, 1, 4, R(4, 8), R(1, 3))], await PeerReviewAsync("groupBy: COUNTY, academicYear: \"2025/26\", quarter: 2"));
        Assert.Equal([new ActiveRow("County", 8, 4, 4, 1, 4, R(4, 8), R(1, 4))], await PeerReviewAsync("groupBy: COUNTY, academicYear: \"2025/26\", quarter: 3"));
        Assert.Equal([new ActiveRow("County", 8, 4, 4, 1, 4, R(4, 8), R(1, 4))], await PeerReviewAsync("groupBy: COUNTY, academicYear: \"2025/26\", quarter: 4"));

        // Scopes: MAINSTREAM D1 D2 D3 A1 A2 A4; SPECIAL_AND_ALTERNATIVE D4; EARLY_YEARS A3; ALL is every open school.
        Assert.Equal([new ActiveRow("County", 6, 3, 4, 1, 3, R(3, 6), R(1, 4))], await PeerReviewAsync("groupBy: COUNTY, academicYear: \"2025/26\", scope: MAINSTREAM"));
        Assert.Equal([new ActiveRow("County", 1, 1, 0, 0, 1, R(1, 1), null)], await PeerReviewAsync("groupBy: COUNTY, academicYear: \"2025/26\", scope: SPECIAL_AND_ALTERNATIVE"));
        Assert.Equal([new ActiveRow("County", 1, 0, 0, 0, 0, R(0, 1), null)], await PeerReviewAsync("groupBy: COUNTY, academicYear: \"2025/26\", scope: EARLY_YEARS"));
        Assert.Equal(await PeerReviewAsync("groupBy: COUNTY, academicYear: \"2025/26\""), await PeerReviewAsync("groupBy: COUNTY, academicYear: \"2025/26\", scope: ALL"));
        // A scope leaves groups in place, with only its schools counted.
        var mainstreamTypes = await PeerReviewAsync("groupBy: SCHOOL_TYPE, academicYear: \"2025/26\", scope: MAINSTREAM");
        Assert.Equal(7, mainstreamTypes.Count);
        Assert.Equal(new ActiveRow("SPECIAL", 0, 0, 0, 0, 0, null, null), mainstreamTypes[3]);
    }

    [Fact]
    public async Task Leadership_has_a_row_per_level_and_counts_completions_by_the_quarter_their_run_ended()
    {
        // 2025/26, runs ended by 31 August 2026, staff still at the school then:
        //   SENIOR (course 1): R1 11 (D1), 81 (A3); R3 21 (D2), 31 (D3), 41 and 42 (D4), 71 (A2), 91 (A4) -> 7 schools
        //   MIDDLE (course 2): R4 12 (D1), 61 and 62 (A1); R5 92 (A4); 82 (A3, R2) was removed in January;
        //                      R6 (32, D3) ends 1 September -> 3 schools
        //   HEADTEACHER_EXECUTIVE: no course -> 0
        Assert.Equal([new LevelsRow("County", 8, 2, 3, 7, 0, R(3, 8), R(7, 8))], await LeadershipAsync("groupBy: COUNTY, academicYear: \"2025/26\""));
        // Quarter 1 (to 30 November 2025): R4 has not ended; 82 (A3 SENCO, R2) is still on the staff, so
        // A3 has a senior (81) and a middle leader trained. Quarter 2 (to 28 February): 82 has left.
        Assert.Equal([new LevelsRow("County", 8, 1, 1, 7, 0, R(1, 8), R(7, 8))], await LeadershipAsync("groupBy: COUNTY, academicYear: \"2025/26\", quarter: 1"));
        Assert.Equal([new LevelsRow("County", 8, 0, 0, 7, 0, R(0, 8), R(7, 8))], await LeadershipAsync("groupBy: COUNTY, academicYear: \"2025/26\", quarter: 2"));
        // Quarter 3 (to 31 May): R4 ended 9 March: D1 (11 and 12) complete, A1 middle only.
        Assert.Equal([new LevelsRow("County", 8, 1, 2, 7, 0, R(2, 8), R(7, 8))], await LeadershipAsync("groupBy: COUNTY, academicYear: \"2025/26\", quarter: 3"));
        // MAINSTREAM (D1 D2 D3 A1 A2 A4): both D1 and A4; MIDDLE D1 A1 A4; SENIOR D1 D2 D3 A2 A4.
        Assert.Equal([new LevelsRow("County", 6, 2, 3, 5, 0, R(3, 6), R(5, 6))], await LeadershipAsync("groupBy: COUNTY, academicYear: \"2025/26\", scope: MAINSTREAM"));
        var districts = await LeadershipAsync("groupBy: DISTRICT, academicYear: \"2025/26\"");
        Assert.Equal(new LevelsRow("Dartford", 4, 1, 1, 4, 0, R(1, 4), R(4, 4)), districts[0]);
        Assert.Equal(new LevelsRow("Ashford", 4, 1, 2, 3, 0, R(2, 4), R(3, 4)), districts[3]);
        Assert.Equal(new LevelsRow("Dover", 0, 0, 0, 0, 0, null, null), districts[4]);
    }

    [Fact]
    public async Task Training_filters_by_need_type_core_offer_quarter_and_scope()
    {
        const string Year = "academicYear: \"2025/26\"";
        // Course 3 (R8) is the only one for COMMUNICATION_AND_INTERACTION: 72 (A2) and 13 (D1) completed, 23 (D2) did not.
        Assert.Equal([new TrainingRow("County", 8, 3, 3, 2, R(2, 3), R(3, 8))], await TrainingAsync($"groupBy: COUNTY, {Year}, needType: COMMUNICATION_AND_INTERACTION"));
        // Core offer only leaves out course 4 (R11: six bookings, five completed) of the year's 21 and 18.
        Assert.Equal([new TrainingRow("County", 8, 7, 15, 13, R(13, 15), R(7, 8))], await TrainingAsync($"groupBy: COUNTY, {Year}, coreOfferOnly: true"));
        Assert.Equal([new TrainingRow("County", 8, 7, 21, 18, R(18, 21), R(7, 8))], await TrainingAsync($"groupBy: COUNTY, {Year}, coreOfferOnly: false"));
        // Course 4 is the only COGNITION_AND_LEARNING course, and it is not core offer.
        Assert.Equal([new TrainingRow("County", 8, 0, 0, 0, null, R(0, 8))], await TrainingAsync($"groupBy: COUNTY, {Year}, needType: COGNITION_AND_LEARNING, coreOfferOnly: true"));
        // Quarter 1: runs starting by 30 November 2025 are R8 (1 September) and R3 (10 November).
        Assert.Equal([new TrainingRow("County", 8, 6, 9, 8, R(8, 9), R(6, 8))], await TrainingAsync($"groupBy: COUNTY, {Year}, quarter: 1"));
        // MAINSTREAM leaves out D4 (41 and 42 on R3) and A3 (no bookings in the year).
        Assert.Equal([new TrainingRow("County", 6, 6, 19, 16, R(16, 19), R(6, 6))], await TrainingAsync($"groupBy: COUNTY, {Year}, scope: MAINSTREAM"));
    }

    [Fact]
    public async Task Evaluations_count_attendees_only_by_when_they_were_submitted()
    {
        // 2025/26: R11 13 EXCELLENT/SA/A, 23 GOOD/A/NEUTRAL, 61 POOR, 62 FAIR, 93 GOOD/A/A; R8 72 EXCELLENT/SA/SA.
        // 23's EXCELLENT on R8 is left out: 23 attended no session of R8. Follow-ups: 13 FULLY, 23 PARTLY,
        // 62 NOT_YET, 72 FULLY, 21 NOT_YET.
        Assert.Equal(new EvaluationsRow(6, R(4, 6), R(4, 6), R(3, 6), 5, R(3, 5), false), await EvaluationsAsync("academicYear: \"2025/26\""));
        // Only 72's answer is on course 3 (23's does not count): suppressed.
        Assert.Equal(new EvaluationsRow(1, null, null, null, 1, null, true), await EvaluationsAsync("academicYear: \"2025/26\", courseId: \"3\""));
        // Quarter 1 (to 30 November 2025): only 72's evaluation (2 September) and follow-up (13 October).
        Assert.Equal(new EvaluationsRow(1, null, null, null, 1, null, true), await EvaluationsAsync("academicYear: \"2025/26\", quarter: 1"));
        Assert.Equal(new EvaluationsRow(6, R(4, 6), R(4, 6), R(3, 6), 5, R(3, 5), false), await EvaluationsAsync("academicYear: \"2025/26\", quarter: 2"));
        // Course 4 is the only COGNITION_AND_LEARNING course: R11's five answers, follow-ups 13, 23, 62.
        Assert.Equal(new EvaluationsRow(5, R(3, 5), R(3, 5), R(2, 5), 3, R(2, 3), false), await EvaluationsAsync("academicYear: \"2025/26\", needType: COGNITION_AND_LEARNING"));
    }

    [Fact]
    public async Task Evaluations_by_group_suppress_small_groups_and_any_group_that_would_give_one_away()
    {
        const string Year = "academicYear: \"2025/26\"";
        var county = Assert.Single(await EvaluationsByAsync($"groupBy: COUNTY, {Year}"));
        Assert.Equal(("County", new EvaluationsRow(6, R(4, 6), R(4, 6), R(3, 6), 5, R(3, 5), false)), county);

        // By district: Dartford 2 responses (13, 23; follow-ups 13, 23, 21), Ashford 4 (61, 62, 93, 72;
        // follow-ups 62, 72): both under 5, so both suppressed; empty districts too, with nothing to hide.
        var districts = await EvaluationsByAsync($"groupBy: DISTRICT, {Year}");
        Assert.Equal(UptakeCounty.Districts, districts.Select(d => d.Group));
        Assert.Equal(new EvaluationsRow(2, null, null, null, 3, null, true), districts[0].Summary);
        Assert.Equal(new EvaluationsRow(4, null, null, null, 2, null, true), districts[3].Summary);
        Assert.Equal(new EvaluationsRow(0, null, null, null, 0, null, true), districts[1].Summary);

        // By phase: PRIMARY has 5 responses (13, 23, 61, 62, 93) and SECONDARY 1 (72). SECONDARY is
        // suppressed; were PRIMARY shown, the county's 4 good-or-excellent less PRIMARY's 3 would give
        // away 72's answer, so PRIMARY is suppressed too, though it has 5 responses.
        var phases = await EvaluationsByAsync($"groupBy: PHASE, {Year}");
        Assert.Equal(UptakeCounty.Phases, phases.Select(p => p.Group));
        Assert.Equal(new EvaluationsRow(5, null, null, null, 4, null, true), phases[1].Summary);
        Assert.Equal(new EvaluationsRow(1, null, null, null, 1, null, true), phases[2].Summary);

        // Course 4 only: PRIMARY holds every answer, so nothing can be worked out and it is shown.
        var course4 = await EvaluationsByAsync($"groupBy: PHASE, {Year}, needType: COGNITION_AND_LEARNING");
        Assert.Equal(new EvaluationsRow(5, R(3, 5), R(3, 5), R(2, 5), 3, R(2, 3), false), course4[1].Summary);
        Assert.All(course4.Where(p => p.Group != "PRIMARY"), p => Assert.Equal(new EvaluationsRow(0, null, null, null, 0, null, true), p.Summary));

        // A scope counts only its schools' answers: EARLY_YEARS (A3) has none in 2025/26.
        Assert.Equal(new EvaluationsRow(0, null, null, null, 0, null, true), Assert.Single(await EvaluationsByAsync($"groupBy: COUNTY, {Year}, scope: EARLY_YEARS")).Summary);
        Assert.Equal(county, Assert.Single(await EvaluationsByAsync($"groupBy: COUNTY, {Year}, scope: MAINSTREAM")));
    }

    [Fact]
    public async Task An_evaluation_from_someone_who_attended_no_session_is_refused()
    {
        // This test adds an evaluation, which would change the figures the class's other tests
        // read from the shared world: it writes on a world of its own.
        await using var world = await UptakeWorld.StartAsync(postgres);
        // 83 was booked on R13 (1 September 2026) and marked absent from its one session.
        var absent = await world.AsAsync(UptakeWorld.Staff83);
        var booking = await BookingOfAsync(absent, "13");
        var evaluation = new { content = "EXCELLENT", knowledgeImproved = "STRONGLY_AGREE", confidenceImproved = "STRONGLY_AGREE" };
        var refused = await Bookings.BookingWorld.OnBookingAsync(absent, "submitEvaluation", booking, evaluation);
        Assert.Equal(["NOT_ATTENDED"], refused.UserErrorCodes("submitEvaluation"));
        Assert.Equal(0L, await ScalarAsync(world, "SELECT count(*) FROM evaluations e JOIN bookings b ON b.id = e.booking_id WHERE b.staff_id = 83 AND b.run_id = 13"));

        // 22 attended the first of R4's two sessions: an attendee, whose evaluation is taken and counted.
        var partly = await world.AsAsync(UptakeWorld.Staff22);
        var given = await Bookings.BookingWorld.OnBookingAsync(partly, "submitEvaluation", await BookingOfAsync(partly, "4"), evaluation);
        Assert.Empty(given.UserErrorCodes("submitEvaluation"));
        Assert.Equal(7, ReadEvaluations(await world.UptakeAsync("evaluations", "academicYear: \"2025/26\"", EvaluationFields)).Responses);
    }

    [Fact]
    public async Task A_quarter_outside_1_to_4_is_a_bad_user_input_error()
    {
        var client = await world.AsAsync(UptakeWorld.Commissioner);
        foreach (var field in new[] { "peerReview(groupBy: COUNTY, quarter: 0) { group }", "evaluations(quarter: 5) { responses }",
                                      "evaluationsBy(groupBy: AREA, quarter: -1) { group }", "leadership(groupBy: AREA, quarter: 9) { group }" })
        {
            var response = await client.GraphQLAsync($"{{ uptake {{ {field} }} }}");
            Assert.Equal(200, response.StatusCode);
            var error = Assert.Single(response.Errors);
            Assert.Equal("BAD_USER_INPUT", error.GetProperty("extensions").GetProperty("code").GetString());
            Assert.Contains("quarter", error.GetProperty("message").GetString());
        }
    }

    private static async Task<string> BookingOfAsync(HttpClient person, string runId)
    {
        var response = await person.GraphQLAsync("{ me { bookings { id run { id } } } }");
        return response.Get("me.bookings").EnumerateArray().Single(b => b.GetProperty("run").GetProperty("id").GetString() == runId).GetProperty("id").GetString()!;
    }

    private static async Task<long> ScalarAsync(UptakeWorld world, string sql)
    {
        await using var command = world.Silo.Services.GetService(typeof(Npgsql.NpgsqlDataSource)) is Npgsql.NpgsqlDataSource data
            ? data.CreateCommand(sql) : throw new InvalidOperationException("No database.");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static double? Rate(JsonElement row, string name) =>
        row.GetProperty(name).ValueKind == JsonValueKind.Null ? null : row.GetProperty(name).GetDouble();
}
