using System.Text.Json;
using InclusionNetwork.Grains.PeerReview;
using InclusionNetwork.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Orleans;

namespace InclusionNetwork.Silo.Tests.PeerReviewAndNetworks;

/// <summary>
/// A visit's life through GraphQL on a real database: every rule of scheduleVisit, who may
/// act, the self-evaluation, completion, report, actions and impact review, and the durable
/// reminders writing to the notifications outbox as the clock passes the due dates.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class VisitLifeGraphQLTests(PostgresFixture postgres)
{
    private const string Schedule = """
        mutation($id: ID!, $date: Date!, $reviewers: [ID!]!) { scheduleVisit(input: { visitId: $id, date: $date, reviewerStaffIds: $reviewers, focusAreas: [WELLBEING] }) {
          visit { id status date selfEvaluationDue releaseDays focusAreas reviewers { id } } errors { code message path } } }
        """;

    private const string VisitFields = "visit { status report { strengths actions { id status } } impactReviewDue } errors { code message }";

    [Fact]
    public async Task Every_rule_of_a_visit_holds_from_scheduling_to_follow_up()
    {
        await using var world = await PeerReviewWorld.StartAsync(postgres, new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        var (a, b, c, d) = (PeerReviewWorld.Urns[0], PeerReviewWorld.Urns[1], PeerReviewWorld.Urns[2], PeerReviewWorld.Urns[3]);
        var senco = world.Staff.ToDictionary(s => s.Key, s => s.Value.Senco.ToString());
        var leader = await world.SignInAsync("leader1@world.test");
        using var leader2 = await world.SignInAsync("leader2@world.test");
        var bookerA = await world.SignInAsync($"booker.{a}@world.test");
        var bookerC = await world.SignInAsync($"booker.{c}@world.test");
        var bookerD = await world.SignInAsync($"booker.{d}@world.test");
        var commissioner = await world.SignInAsync("commissioner@world.test");

        var clusterId = (await leader.GraphQLAsync("""
            mutation($urns: [ID!]!) { createCluster(input: { name: "North", academicYear: "2026/27", memberUrns: $urns }) { cluster { id } errors { code } } }
            """, new { urns = new[] { a, b, c, d } })).Get("createCluster.cluster.id").GetString()!;
        var planned = await leader.GraphQLAsync("""
            mutation($id: ID!) { planReviewCycle(input: { clusterId: $id, academicYear: "2026/27" }) { cycle { visits { id host { urn } } } errors { code message } } }
            """, new { id = clusterId });
        var visitOf = planned.Get("planReviewCycle.cycle.visits").EnumerateArray()
            .ToDictionary(v => v.GetProperty("host").GetProperty("urn").GetString()!, v => v.GetProperty("id").GetString()!);
        Assert.Equal(4, visitOf.Count);
        Assert.Equal(["INVALID"], (await leader.GraphQLAsync("""
            mutation($id: ID!) { planReviewCycle(input: { clusterId: $id, academicYear: "2025/26" }) { errors { code } } }
            """, new { id = clusterId })).UserErrorCodes("planReviewCycle"));

        // The ILE is at a visit of another cluster they lead on 20 January.
        await world.ExecuteAsync("""
            WITH k AS (INSERT INTO peer_review_clusters (name, academic_year, leader_id, created_at, updated_at) VALUES ('South', '2026/27', @leader, now(), now()) RETURNING id),
                 y AS (INSERT INTO review_cycles (cluster_id, academic_year, created_at, updated_at) SELECT id, '2026/27', now(), now() FROM k RETURNING id)
            INSERT INTO review_visits (cycle_id, host_urn, status, visit_date, leader_id, created_at, updated_at)
            SELECT id, '990007', 'CONFIRMED', '2027-01-20', @leader, now(), now() FROM y
            """, ("leader", world.Leader1));

        async Task<IReadOnlyList<string>> CodesAsync(HttpClient client, string host, string date, params string[] reviewers) =>
            (await client.GraphQLAsync(Schedule, new { id = visitOf[host], date, reviewers })).UserErrorCodes("scheduleVisit");

        Assert.Equal(["NOT_WORKING_DAY"], await CodesAsync(leader, a, "2027-01-09", senco[b], senco[c]));      // a Saturday
        Assert.Equal(["NOT_WORKING_DAY"], await CodesAsync(leader, a, "2027-02-16", senco[b], senco[c]));      // half term
        Assert.Equal(["TOO_SOON"], await CodesAsync(leader, a, "2026-11-30", senco[b], senco[c]));             // 5 working days ahead
        Assert.Equal(["REVIEWER_NOT_ELIGIBLE"], await CodesAsync(leader, a, "2027-01-12", senco[a], senco[c])); // from the host
        Assert.Equal(["TOO_FEW_REVIEWERS"], await CodesAsync(leader, a, "2027-01-12", senco[b]));
        Assert.Equal(["REVIEWERS_FROM_ONE_SCHOOL"], await CodesAsync(leader, a, "2027-01-12", senco[b], world.Staff[b].Teacher.ToString()));
        Assert.Equal(["REVIEWER_NOT_ELIGIBLE"], await CodesAsync(leader, a, "2027-01-12", senco[b], world.Staff["990007"].Senco.ToString()));
        Assert.Equal(["CLASH"], await CodesAsync(leader, a, "2027-01-20", senco[b], senco[c]));                // the ILE's other visit
        Assert.Equal(["NOT_FOUND"], await CodesAsync(leader2, a, "2027-01-12", senco[b], senco[c]));
        Assert.Equal(["NOT_FOUND"], await CodesAsync(commissioner, a, "2027-01-12", senco[b], senco[c]));
        Assert.Equal(["NOT_ALLOWED"], await CodesAsync(bookerA, a, "2027-01-12", senco[b], senco[c]));
        Assert.Equal(["NOT_FOUND"], (await leader.GraphQLAsync(Schedule, new { id = "x", date = "2027-01-12", reviewers = new[] { senco[b], senco[c] } }))
            .UserErrorCodes("scheduleVisit"));
        Assert.Equal(0, await world.CountAsync("SELECT count(*) FROM review_visits WHERE status = 'CONFIRMED' AND host_urn <> '990007'"));

        var confirmed = await leader.GraphQLAsync(Schedule, new { id = visitOf[a], date = "2027-01-12", reviewers = new[] { senco[b], senco[c] } });
        Assert.Empty(confirmed.UserErrorCodes("scheduleVisit"));
        Assert.Equal("CONFIRMED", confirmed.Get("scheduleVisit.visit.status").GetString());
        Assert.Equal("2027-01-05", confirmed.Get("scheduleVisit.visit.selfEvaluationDue").GetString());
        Assert.Equal(2.0, confirmed.Get("scheduleVisit.visit.releaseDays").GetDouble());

        // No person reviews on two visits the same day (and the ILE is at A's visit that day too).
        var twice = await leader.GraphQLAsync(Schedule, new { id = visitOf[b], date = "2027-01-12", reviewers = new[] { senco[a], senco[c] } });
        var clashes = twice.Get("scheduleVisit.errors").EnumerateArray().ToList();
        Assert.All(clashes, e => Assert.Equal("CLASH", e.GetProperty("code").GetString()));
        Assert.Contains(clashes, e => e.GetProperty("path").ToString().Replace(" ", "") == "[\"input\",\"reviewerStaffIds\",\"1\"]");
        Assert.Contains(clashes, e => e.GetProperty("path").ToString().Replace(" ", "") == "[\"input\",\"date\"]");

        // B's visit on 19 January; its self-evaluation is due on 12 January and never comes.
        Assert.Empty((await leader.GraphQLAsync(Schedule, new { id = visitOf[b], date = "2027-01-19", reviewers = new[] { senco[a], senco[d] } })).UserErrorCodes("scheduleVisit"));

        // Who sees A's visit: the host, the schools sending reviewers; not another member school.
        const string hosted = """query($urn: ID!) { school(urn: $urn) { reviewVisits(academicYear: "2026/27") { id report { strengths } } } }""";
        Assert.Equal(1, (await bookerA.GraphQLAsync(hosted, new { urn = a })).Get("school.reviewVisits").GetArrayLength());
        Assert.Equal(1, (await bookerC.GraphQLAsync(hosted, new { urn = a })).Get("school.reviewVisits").GetArrayLength());
        Assert.Equal(0, (await bookerD.GraphQLAsync(hosted, new { urn = a })).Get("school.reviewVisits").GetArrayLength());

        const string selfEvaluation = """
            mutation($id: ID!) { submitSelfEvaluation(input: { visitId: $id, summary: "Strong on transitions.", focusAreas: [TRANSITIONS_AND_INDEPENDENCE, WELLBEING] }) {
              visit { selfEvaluationSubmittedAt focusAreas } errors { code } } }
            """;
        Assert.Equal(["NOT_FOUND"], (await bookerD.GraphQLAsync(selfEvaluation, new { id = visitOf[a] })).UserErrorCodes("submitSelfEvaluation"));
        Assert.Equal(["NOT_ALLOWED"], (await bookerC.GraphQLAsync(selfEvaluation, new { id = visitOf[a] })).UserErrorCodes("submitSelfEvaluation"));
        Assert.Equal(["WRONG_STATUS"], (await leader.GraphQLAsync(selfEvaluation, new { id = visitOf[c] })).UserErrorCodes("submitSelfEvaluation"));
        var submitted = await bookerA.GraphQLAsync(selfEvaluation, new { id = visitOf[a] });
        Assert.Empty(submitted.UserErrorCodes("submitSelfEvaluation"));
        Assert.Equal(2, submitted.Get("submitSelfEvaluation.visit.focusAreas").GetArrayLength());

        var complete = $$"""mutation($id: ID!) { completeVisit(input: { visitId: $id }) { {{VisitFields}} } }""";
        Assert.Equal(["VISIT_NOT_HELD_YET"], (await leader.GraphQLAsync(complete, new { id = visitOf[a] })).UserErrorCodes("completeVisit"));

        // The self-evaluation reminder of B's visit fires on 12 January; A's (submitted) writes nothing.
        world.Clock.Set(new DateTimeOffset(2027, 1, 12, 9, 0, 0, TimeSpan.Zero));
        await Task.WhenAll(visitOf.Values.Select(id => world.Silo.Services.GetRequiredService<IGrainFactory>().GetGrain<IReviewVisitGrain>(long.Parse(id)).SettleDueAsync()));
        Assert.True(await world.CountAsync($"SELECT count(*) FROM notifications WHERE kind = 'SELF_EVALUATION_DUE' AND event_key LIKE 'visit:{visitOf[b]}:%'") > 0);
        Assert.Equal(0, await world.CountAsync($"SELECT count(*) FROM notifications WHERE event_key LIKE 'visit:{visitOf[a]}:self-evaluation%'"));
        Assert.Equal(2, await world.CountAsync($"SELECT count(*) FROM notifications WHERE event_key LIKE 'visit:{visitOf[b]}:self-evaluation%'")); // the ILE and B's booker

        // Tokens last 30 days, so everyone signs in again in the new term.
        leader = await world.SignInAsync("leader1@world.test");
        bookerA = await world.SignInAsync($"booker.{a}@world.test");
        bookerC = await world.SignInAsync($"booker.{c}@world.test");
        bookerD = await world.SignInAsync($"booker.{d}@world.test");
        commissioner = await world.SignInAsync("commissioner@world.test");
        Assert.Equal(["VISIT_NOT_HELD_YET"], (await leader.GraphQLAsync(complete, new { id = visitOf[b] })).UserErrorCodes("completeVisit"));
        Assert.Equal("COMPLETED", (await leader.GraphQLAsync(complete, new { id = visitOf[a] })).Get("completeVisit.visit.status").GetString());

        var report = await leader.GraphQLAsync($$"""
            mutation($id: ID!) { submitReviewReport(input: { visitId: $id, strengths: "Warm, well-adapted classrooms.", areasForDevelopment: "Family voice.",
              actions: [{ description: "Termly family forums.", dueDate: "2027-04-30" }, { description: "Audit reading interventions." }] }) { {{VisitFields}} } }
            """, new { id = visitOf[a] });
        Assert.Equal("REPORTED", report.Get("submitReviewReport.visit.status").GetString());
        Assert.Equal("2027-04-06", report.Get("submitReviewReport.visit.impactReviewDue").GetString());
        var actionId = report.Get("submitReviewReport.visit.report.actions.0.id").GetString();

        // The host sees the report; a reviewing school and commissioners do not.
        Assert.Equal("Warm, well-adapted classrooms.", (await bookerA.GraphQLAsync(hosted, new { urn = a })).Get("school.reviewVisits.0.report.strengths").GetString());
        Assert.Equal(JsonValueKind.Null, (await bookerC.GraphQLAsync(hosted, new { urn = a })).Get("school.reviewVisits.0.report").ValueKind);
        Assert.Equal(0, (await commissioner.GraphQLAsync(hosted, new { urn = a })).Get("school.reviewVisits").GetArrayLength());

        const string action = """mutation($id: ID!) { updateReviewAction(input: { actionId: $id, status: IMPLEMENTED }) { action { status } errors { code } } }""";
        Assert.Equal(["NOT_FOUND"], (await bookerD.GraphQLAsync(action, new { id = actionId })).UserErrorCodes("updateReviewAction"));
        Assert.Equal("IMPLEMENTED", (await bookerA.GraphQLAsync(action, new { id = actionId })).Get("updateReviewAction.action.status").GetString());

        // The impact-review reminder fires twelve weeks after the report.
        world.Clock.Set(new DateTimeOffset(2027, 4, 6, 8, 30, 0, TimeSpan.Zero));
        await world.Silo.Services.GetRequiredService<IGrainFactory>().GetGrain<IReviewVisitGrain>(long.Parse(visitOf[a])).SettleDueAsync();
        Assert.True(await world.CountAsync($"SELECT count(*) FROM notifications WHERE kind = 'IMPACT_REVIEW_DUE' AND event_key LIKE 'visit:{visitOf[a]}:%'") > 0);
        leader = await world.SignInAsync("leader1@world.test");
        Assert.Equal(["SELF_EVALUATION_MISSING"], (await leader.GraphQLAsync(complete, new { id = visitOf[b] })).UserErrorCodes("completeVisit"));

        var impact = $$"""mutation($id: ID!) { submitImpactReview(input: { visitId: $id, summary: "Forums running; interventions audited." }) { {{VisitFields}} } }""";
        Assert.Equal("FOLLOWED_UP", (await leader.GraphQLAsync(impact, new { id = visitOf[a] })).Get("submitImpactReview.visit.status").GetString());
        Assert.Equal(["WRONG_STATUS"], (await leader.GraphQLAsync(impact, new { id = visitOf[a] })).UserErrorCodes("submitImpactReview"));

        var cancel = $$"""mutation($id: ID!) { cancelVisit(input: { visitId: $id }) { {{VisitFields}} } }""";
        Assert.Equal("CANCELLED", (await leader.GraphQLAsync(cancel, new { id = visitOf[c] })).Get("cancelVisit.visit.status").GetString());
        Assert.Equal(["WRONG_STATUS"], (await leader.GraphQLAsync(cancel, new { id = visitOf[c] })).UserErrorCodes("cancelVisit"));
        Assert.Equal(["WRONG_STATUS"], (await leader.GraphQLAsync(cancel, new { id = visitOf[a] })).UserErrorCodes("cancelVisit"));
    }
}
