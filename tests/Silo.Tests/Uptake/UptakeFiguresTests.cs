using InclusionNetwork.TestSupport;
using static InclusionNetwork.Silo.Tests.Uptake.UptakeRows;

namespace InclusionNetwork.Silo.Tests.Uptake;

/// <summary>
/// Every figure of every measure, for every breakdown, against the hand-made county in
/// <see cref="UptakeCounty"/> (read its comment first), worked out by hand below. Open
/// schools: D1 D2 D3 D4 (Dartford, North) and A1 A2 A3 A4 (Ashford, South); DX is closed and
/// never counts. By phase: EARLY_YEARS A3; PRIMARY D1 D2 A1 A4; SECONDARY D3 A2; ALL_THROUGH
/// D4; POST_16 none. By type: MAINTAINED D1 A1; ACADEMY D2 D3 A2; FREE_SCHOOL A4; SPECIAL D4;
/// EARLY_YEARS_SETTING A3; PUPIL_REFERRAL_UNIT and INDEPENDENT none. Empty groups are
/// present with zeros and null rates. The clock stands at 15 October 2026 (2026/27).
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class UptakeFiguresTests(SharedUptakeWorld shared) : IClassFixture<SharedUptakeWorld>
{
    private readonly UptakeWorld world = shared.World;

    private async Task<List<PeerReviewRow>> PeerReviewAsync(string groupBy, string year) =>
        ReadPeerReview(await world.UptakeAsync("peerReview", $"groupBy: {groupBy}, academicYear: \"{year}\"", PeerReviewFields));

    private async Task<List<LeadershipRow>> LeadershipAsync(string arguments) =>
        ReadLeadership(await world.UptakeAsync("leadership", arguments, LeadershipFields));

    private async Task<List<TrainingRow>> TrainingAsync(string arguments) =>
        ReadTraining(await world.UptakeAsync("training", arguments, TrainingFields));

    private async Task<EvaluationsRow> EvaluationsAsync(string arguments) =>
        ReadEvaluations(await world.UptakeAsync("evaluations", arguments, EvaluationFields));

    [Fact]
    public async Task Peer_review_2025_26_by_every_breakdown()
    {
        // Per open school in 2025/26 (in an active cluster / reviewed / implementing an action):
        //   D1 yes/yes (FOLLOWED_UP)/yes (one of two actions IMPLEMENTED)
        //   D2 yes/yes (REPORTED)/no (IN_PROGRESS, NOT_STARTED)
        //   D3 yes/yes (COMPLETED)/no      D4 yes/no (CONFIRMED)/no
        //   A1 no (K2 has no leader)/no (PROPOSED)/no
        //   A2 no/yes (COMPLETED in K2's cycle: hosted a visit in the year's cycle)/no
        //   A3 no/no/no                    A4 no/no/no
        // K1 has 5 members counting closed DX, so it is active; DX's CANCELLED visit is not counted.
        Assert.Equal([new PeerReviewRow("County", 8, 4, 4, 1, R(4, 8), R(4, 8))], await PeerReviewAsync("COUNTY", "2025/26"));
        Assert.Equal(
            Groups(UptakeCounty.Areas, PeerReviewRow.Empty,
                new PeerReviewRow("North", 4, 4, 3, 1, R(4, 4), R(3, 4)),
                new PeerReviewRow("South", 4, 0, 1, 0, R(0, 4), R(1, 4))),
            await PeerReviewAsync("AREA", "2025/26"));
        Assert.Equal(
            Groups(UptakeCounty.Districts, PeerReviewRow.Empty,
                new PeerReviewRow("Dartford", 4, 4, 3, 1, R(4, 4), R(3, 4)),
                new PeerReviewRow("Ashford", 4, 0, 1, 0, R(0, 4), R(1, 4))),
            await PeerReviewAsync("DISTRICT", "2025/26"));
        Assert.Equal(
            Groups(UptakeCounty.Phases, PeerReviewRow.Empty,
                new PeerReviewRow("EARLY_YEARS", 1, 0, 0, 0, R(0, 1), R(0, 1)),      // A3
                new PeerReviewRow("PRIMARY", 4, 2, 2, 1, R(2, 4), R(2, 4)),          // D1 D2 A1 A4: in D1 D2, reviewed D1 D2, implementing D1
                new PeerReviewRow("SECONDARY", 2, 1, 2, 0, R(1, 2), R(2, 2)),        // D3 A2: in D3, reviewed D3 A2
                new PeerReviewRow("ALL_THROUGH", 1, 1, 0, 0, R(1, 1), R(0, 1))),     // D4
            await PeerReviewAsync("PHASE", "2025/26"));
        Assert.Equal(
            Groups(UptakeCounty.SchoolTypes, PeerReviewRow.Empty,
                new PeerReviewRow("MAINTAINED", 2, 1, 1, 1, R(1, 2), R(1, 2)),       // D1 A1
                new PeerReviewRow("ACADEMY", 3, 2, 3, 0, R(2, 3), R(3, 3)),          // D2 D3 A2
                new PeerReviewRow("FREE_SCHOOL", 1, 0, 0, 0, R(0, 1), R(0, 1)),      // A4
                new PeerReviewRow("SPECIAL", 1, 1, 0, 0, R(1, 1), R(0, 1)),          // D4
                new PeerReviewRow("EARLY_YEARS_SETTING", 1, 0, 0, 0, R(0, 1), R(0, 1))), // A3
            await PeerReviewAsync("SCHOOL_TYPE", "2025/26"));
    }

    [Fact]
    public async Task Peer_review_counts_only_the_years_own_clusters_and_cycles()
    {
        // 2024/25: K3 (leader, A1-A4) active; K4 (leader, D1-D3: three members) is not.
        // K3's cycle: A3 FOLLOWED_UP with an IMPLEMENTED action, A4 REPORTED (IN_PROGRESS), A1 CANCELLED.
        Assert.Equal([new PeerReviewRow("County", 8, 4, 2, 1, R(4, 8), R(2, 8))], await PeerReviewAsync("COUNTY", "2024/25"));
        Assert.Equal(
            Groups(UptakeCounty.Districts, PeerReviewRow.Empty,
                new PeerReviewRow("Dartford", 4, 0, 0, 0, R(0, 4), R(0, 4)),
                new PeerReviewRow("Ashford", 4, 4, 2, 1, R(4, 4), R(2, 4))),
            await PeerReviewAsync("DISTRICT", "2024/25"));
        // 2026/27 has no clusters yet.
        Assert.Equal([new PeerReviewRow("County", 8, 0, 0, 0, R(0, 8), R(0, 8))], await PeerReviewAsync("COUNTY", "2026/27"));
    }

    [Fact]
    public async Task Leadership_2025_26_by_every_breakdown()
    {
        // Completed leadership runs that ended by 31 August 2026 (senior = SENIOR_LEADER, HEADTEACHER,
        // EXECUTIVE_HEADTEACHER; middle = MIDDLE_LEADER, SENCO):
        //   D1: 11 HEADTEACHER R1 (2024/25) + 12 SENCO R4                   -> yes (years combine)
        //   D2: 21 SENIOR_LEADER R3; 22 MIDDLE_LEADER on R4 missed a session -> no
        //   D3: 31 EXECUTIVE_HEADTEACHER R3; 32's R6 ends 1 September 2026  -> no
        //   D4: two seniors (41, 42), no middle                               -> no
        //   A1: two middles (61 SENCO, 62 MIDDLE_LEADER), no senior           -> no
        //   A2: 71 SENIOR_LEADER R3; 72 SENCO completed R8, which has no level -> no
        //   A3: 81 HEADTEACHER R1; 82 SENCO R2, but removed in January 2026   -> no
        //   A4: 91 HEADTEACHER R3 + 92 MIDDLE_LEADER R5 (ends 31 Aug 2026 16:00) -> yes
        //   DX: closed, though 51 and 52 completed.
        Assert.Equal([new LeadershipRow("County", 8, 2, R(2, 8))], await LeadershipAsync("groupBy: COUNTY, academicYear: \"2025/26\""));
        Assert.Equal(
            Groups(UptakeCounty.Areas, LeadershipRow.Empty, new LeadershipRow("North", 4, 1, R(1, 4)), new LeadershipRow("South", 4, 1, R(1, 4))),
            await LeadershipAsync("groupBy: AREA, academicYear: \"2025/26\""));
        Assert.Equal(
            Groups(UptakeCounty.Districts, LeadershipRow.Empty, new LeadershipRow("Dartford", 4, 1, R(1, 4)), new LeadershipRow("Ashford", 4, 1, R(1, 4))),
            await LeadershipAsync("groupBy: DISTRICT, academicYear: \"2025/26\""));
        Assert.Equal(
            Groups(UptakeCounty.Phases, LeadershipRow.Empty,
                new LeadershipRow("EARLY_YEARS", 1, 0, R(0, 1)),
                new LeadershipRow("PRIMARY", 4, 2, R(2, 4)),     // D1 A4
                new LeadershipRow("SECONDARY", 2, 0, R(0, 2)),
                new LeadershipRow("ALL_THROUGH", 1, 0, R(0, 1))),
            await LeadershipAsync("groupBy: PHASE, academicYear: \"2025/26\""));
        Assert.Equal(
            Groups(UptakeCounty.SchoolTypes, LeadershipRow.Empty,
                new LeadershipRow("MAINTAINED", 2, 1, R(1, 2)),   // D1
                new LeadershipRow("ACADEMY", 3, 0, R(0, 3)),
                new LeadershipRow("FREE_SCHOOL", 1, 1, R(1, 1)),  // A4
                new LeadershipRow("SPECIAL", 1, 0, R(0, 1)),
                new LeadershipRow("EARLY_YEARS_SETTING", 1, 0, R(0, 1))),
            await LeadershipAsync("groupBy: SCHOOL_TYPE, academicYear: \"2025/26\""));
    }

    [Fact]
    public async Task Leadership_counts_runs_ended_by_the_end_of_each_year()
    {
        // 2024/25 (runs ended by 31 August 2025): D1 has only its headteacher (12's R4 is later);
        // A3 has 81 (R1) and 82 (R2), who was still on the staff then -> 1 school, in Ashford.
        Assert.Equal(
            Groups(UptakeCounty.Districts, LeadershipRow.Empty, new LeadershipRow("Dartford", 4, 0, R(0, 4)), new LeadershipRow("Ashford", 4, 1, R(1, 4))),
            await LeadershipAsync("groupBy: DISTRICT, academicYear: \"2024/25\""));
        // 2026/27: D1 and A4 as before, D3 now that R6 has ended (1 September 2026); A3's SENCO has gone.
        Assert.Equal(
            Groups(UptakeCounty.Districts, LeadershipRow.Empty, new LeadershipRow("Dartford", 4, 2, R(2, 4)), new LeadershipRow("Ashford", 4, 1, R(1, 4))),
            await LeadershipAsync("groupBy: DISTRICT, academicYear: \"2026/27\""));
    }

    [Fact]
    public async Task Training_2025_26_by_every_breakdown()
    {
        // CONFIRMED bookings on runs whose first session is 1 Sep 2025 - 31 Aug 2026 (R3 R4 R5 R6 R8 R11;
        // R9 on 31 Aug 2025 is 2024/25, R7 and R13 on 1 Sep 2026 are 2026/27), every one ended by now:
        //   D1: 12 R4 ✓, 13 R8 ✓, 13 R11 ✓                      3 bookings, 3 completed
        //   D2: 21 R3 ✓, 22 R4 ✗, 23 R8 ✗, 23 R11 ✓             4, 2
        //   D3: 31 R3 ✓, 32 R6 ✓                                2, 2
        //   D4: 41 R3 ✓, 42 R3 ✓ (41's R11 cancelled)           2, 2
        //   A1: 61 R4 ✓, 62 R4 ✓, 61 R11 ✓, 62 R11 ✓            4, 4
        //   A2: 71 R3 ✓, 72 R8 ✓, 72 R11 ✗                      3, 2
        //   A3: 83 only waitlisted on R8                        0, 0 (not engaged)
        //   A4: 91 R3 ✓, 92 R5 ✓, 93 R11 ✓ (91 R4 and 93 R8 cancelled)  3, 3
        //   DX: closed (51 R3, 52 R4 left out)
        // County: engaged 7, bookings 21, completions 18.
        Assert.Equal([new TrainingRow("County", 8, 7, 21, 18, R(18, 21), R(7, 8))], await TrainingAsync("groupBy: COUNTY, academicYear: \"2025/26\""));
        Assert.Equal(
            Groups(UptakeCounty.Areas, TrainingRow.Empty,
                new TrainingRow("North", 4, 4, 11, 9, R(9, 11), R(4, 4)),
                new TrainingRow("South", 4, 3, 10, 9, R(9, 10), R(3, 4))),
            await TrainingAsync("groupBy: AREA, academicYear: \"2025/26\""));
        Assert.Equal(
            Groups(UptakeCounty.Districts, TrainingRow.Empty,
                new TrainingRow("Dartford", 4, 4, 11, 9, R(9, 11), R(4, 4)),
                new TrainingRow("Ashford", 4, 3, 10, 9, R(9, 10), R(3, 4))),
            await TrainingAsync("groupBy: DISTRICT, academicYear: \"2025/26\""));
        Assert.Equal(
            Groups(UptakeCounty.Phases, TrainingRow.Empty,
                new TrainingRow("EARLY_YEARS", 1, 0, 0, 0, null, R(0, 1)),         // A3: no bookings on ended runs
                new TrainingRow("PRIMARY", 4, 4, 14, 12, R(12, 14), R(4, 4)),      // D1 3/3, D2 4/2, A1 4/4, A4 3/3
                new TrainingRow("SECONDARY", 2, 2, 5, 4, R(4, 5), R(2, 2)),        // D3 2/2, A2 3/2
                new TrainingRow("ALL_THROUGH", 1, 1, 2, 2, R(2, 2), R(1, 1))),     // D4
            await TrainingAsync("groupBy: PHASE, academicYear: \"2025/26\""));
        Assert.Equal(
            Groups(UptakeCounty.SchoolTypes, TrainingRow.Empty,
                new TrainingRow("MAINTAINED", 2, 2, 7, 7, R(7, 7), R(2, 2)),       // D1 3/3, A1 4/4
                new TrainingRow("ACADEMY", 3, 3, 9, 6, R(6, 9), R(3, 3)),          // D2 4/2, D3 2/2, A2 3/2
                new TrainingRow("FREE_SCHOOL", 1, 1, 3, 3, R(3, 3), R(1, 1)),      // A4
                new TrainingRow("SPECIAL", 1, 1, 2, 2, R(2, 2), R(1, 1)),          // D4
                new TrainingRow("EARLY_YEARS_SETTING", 1, 0, 0, 0, null, R(0, 1))), // A3
            await TrainingAsync("groupBy: SCHOOL_TYPE, academicYear: \"2025/26\""));
    }

    [Fact]
    public async Task Training_by_strand_course_and_year_boundary()
    {
        // TARGETED_AND_SPECIALIST in 2025/26 is R8 alone: D1 13 ✓, D2 23 ✗, A2 72 ✓.
        Assert.Equal(
            Groups(UptakeCounty.Districts, TrainingRow.Empty,
                new TrainingRow("Dartford", 4, 2, 2, 1, R(1, 2), R(2, 4)),
                new TrainingRow("Ashford", 4, 1, 1, 1, R(1, 1), R(1, 4))),
            await TrainingAsync("groupBy: DISTRICT, academicYear: \"2025/26\", strand: TARGETED_AND_SPECIALIST"));
        // Course 4 (tracking progress) in 2025/26 is R11: 13 ✓, 23 ✓, 61 ✓, 62 ✓, 72 ✗, 93 ✓ (41 cancelled)
        // -> schools D1 D2 A1 A2 A4.
        Assert.Equal([new TrainingRow("County", 8, 5, 6, 5, R(5, 6), R(5, 8))],
            await TrainingAsync($"groupBy: COUNTY, academicYear: \"2025/26\", courseId: \"{UptakeCounty.Tracking}\""));
        // Both filters must hold: course 4 is not TARGETED_AND_SPECIALIST.
        Assert.Equal([new TrainingRow("County", 8, 0, 0, 0, null, R(0, 8))],
            await TrainingAsync($"groupBy: COUNTY, academicYear: \"2025/26\", strand: TARGETED_AND_SPECIALIST, courseId: \"{UptakeCounty.Tracking}\""));
        // 2024/25: R1 (11 ✓, 81 ✓), R2 (82 ✓), R9 on 31 August 2025 (13 ✓, 83 ✓; 12 cancelled, 23 waitlisted).
        Assert.Equal(
            Groups(UptakeCounty.Districts, TrainingRow.Empty,
                new TrainingRow("Dartford", 4, 1, 2, 2, R(2, 2), R(1, 4)),   // D1: 11, 13
                new TrainingRow("Ashford", 4, 1, 3, 3, R(3, 3), R(1, 4))),   // A3: 81, 82, 83
            await TrainingAsync("groupBy: DISTRICT, academicYear: \"2024/25\""));
        // 2026/27: R7 on 1 September 2026 (13 ✓, 23 ✓; 62 waitlisted), R13 at 00:30 on 1 September in
        // London though still 31 August in UTC (93 ✓, 83 ✗), R10 not yet held (61, 71; 93 only offered).
        // Completion rate over ended runs only: 3 completed of the 4 bookings on R7 and R13.
        Assert.Equal(
            Groups(UptakeCounty.Districts, TrainingRow.Empty,
                new TrainingRow("Dartford", 4, 2, 2, 2, R(2, 2), R(2, 4)),   // D1 13, D2 23
                new TrainingRow("Ashford", 4, 4, 4, 1, R(1, 2), R(4, 4))),   // A1 61 (R10), A2 71 (R10), A3 83 ✗, A4 93 ✓
            await TrainingAsync("groupBy: DISTRICT, academicYear: \"2026/27\""));
        Assert.Equal([new TrainingRow("County", 8, 6, 6, 3, R(3, 4), R(6, 8))], await TrainingAsync("groupBy: COUNTY, academicYear: \"2026/27\""));
    }

    [Fact]
    public async Task Evaluations_with_suppression_below_five_responses()
    {
        // 2025/26, open schools only (52's answers are from closed DX):
        //   responses 6: R11 13 23 61 62 93, R8 72
        //   GOOD or EXCELLENT: 13 23 93 72 = 4; knowledge AGREE or better: 13 23 93 72 = 4;
        //   confidence AGREE or better: 13 93 72 = 3
        //   follow-ups 5: 13 FULLY, 23 PARTLY, 62 NOT_YET, 72 FULLY, 21 NOT_YET (no evaluation) -> 3 put into practice
        Assert.Equal(new EvaluationsRow(6, R(4, 6), R(4, 6), R(3, 6), 5, R(3, 5), false), await EvaluationsAsync("academicYear: \"2025/26\""));
        // PROGRESS_AND_OUTCOMES is R11 alone: exactly 5 responses, the fewest shown.
        //   GOOD or EXCELLENT 13 23 93; knowledge 13 23 93; confidence 13 93; follow-ups 13 23 62, two put into practice.
        Assert.Equal(new EvaluationsRow(5, R(3, 5), R(3, 5), R(2, 5), 3, R(2, 3), false),
            await EvaluationsAsync("academicYear: \"2025/26\", strand: PROGRESS_AND_OUTCOMES"));
        Assert.Equal(new EvaluationsRow(5, R(3, 5), R(3, 5), R(2, 5), 3, R(2, 3), false),
            await EvaluationsAsync($"academicYear: \"2025/26\", courseId: \"{UptakeCounty.Tracking}\""));
        // Course 3 in 2025/26 is R8: one response (72) and one follow-up: suppressed, counts still shown.
        Assert.Equal(new EvaluationsRow(1, null, null, null, 1, null, true),
            await EvaluationsAsync($"academicYear: \"2025/26\", courseId: \"{UptakeCounty.Autism}\""));
        // 2024/25: R9 on 31 August 2025 (13, 83) and R1 (11, 81): 4 responses, suppressed; 11's follow-up.
        Assert.Equal(new EvaluationsRow(4, null, null, null, 1, null, true), await EvaluationsAsync("academicYear: \"2024/25\""));
        // 2026/27: R7 on 1 September 2026 (13, 23) and R13 (93), which starts on 1 September in London.
        Assert.Equal(new EvaluationsRow(3, null, null, null, 0, null, true), await EvaluationsAsync("academicYear: \"2026/27\""));
    }

    [Fact]
    public async Task The_academic_year_defaults_to_the_one_containing_todays_date_in_London()
    {
        // Now is 15 October 2026: 2026/27, where three schools have both leaders trained.
        Assert.Equal([new LeadershipRow("County", 8, 3, R(3, 8))], await LeadershipAsync("groupBy: COUNTY"));
        try
        {
            // 23:30 UTC on 31 August 2026 is already 1 September in London: still 2026/27.
            world.Clock.Set(new DateTimeOffset(2026, 8, 31, 23, 30, 0, TimeSpan.Zero));
            Assert.Equal([new LeadershipRow("County", 8, 3, R(3, 8))], await LeadershipAsync("groupBy: COUNTY"));
            // An hour earlier it is 23:30 on 31 August in London: 2025/26.
            world.Clock.Set(new DateTimeOffset(2026, 8, 31, 22, 30, 0, TimeSpan.Zero));
            Assert.Equal([new LeadershipRow("County", 8, 2, R(2, 8))], await LeadershipAsync("groupBy: COUNTY"));
        }
        finally
        {
            // The class's other tests share this world and expect the county's own "now".
            world.Clock.Set(UptakeCounty.Now);
        }
    }
}
