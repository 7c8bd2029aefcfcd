using System.Text.Json;
using InclusionNetwork.TestSupport;

namespace InclusionNetwork.Silo.Tests.PeerReviewAndNetworks;

/// <summary>
/// The planner through GraphQL on a cluster of schools A-D whose constraints leave exactly
/// one valid plan, and on the same cluster with one date fewer, which leaves none.
///
/// Today is Monday 23 November 2026. Every working day of 2026/27 is avoided except four
/// (7 Dec, 14 Dec, 5 Jan, 13 Jan, in four weeks). Training days push each school's ten
/// working days' notice: A can host from 7 Dec, B from 14 Dec, C from 5 Jan, D from 13 Jan;
/// and one training day on each of those dates (C on 7 Dec, D on 14 Dec, A on 5 Jan, B on
/// 13 Jan) stops that school hosting or sending reviewers then. So D hosts on 13 Jan, C on
/// 5 Jan, B on 14 Dec, A on 7 Dec, and each visit has exactly two schools able to send.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ReviewPlannerGraphQLTests(PostgresFixture postgres)
{
    private static readonly DateOnly D1 = new(2026, 12, 7), D2 = new(2026, 12, 14), D3 = new(2027, 1, 5), D4 = new(2027, 1, 13);

    [Fact]
    public async Task The_planner_finds_the_only_valid_plan_and_says_which_school_and_constraint_when_there_is_none()
    {
        await using var world = await PeerReviewWorld.StartAsync(postgres, new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        var (a, b, c, d) = (PeerReviewWorld.Urns[0], PeerReviewWorld.Urns[1], PeerReviewWorld.Urns[2], PeerReviewWorld.Urns[3]);
        var lateNovember = new[] { new DateOnly(2026, 11, 24), new(2026, 11, 25), new(2026, 11, 26), new(2026, 11, 27), new(2026, 11, 30),
            new(2026, 12, 1), new(2026, 12, 2), new(2026, 12, 3), new(2026, 12, 4) };
        await world.CloseAsync(b, [.. lateNovember.Take(5), D4]);
        await world.CloseAsync(c, [.. lateNovember, D1, new(2026, 12, 8)]);
        await world.CloseAsync(d, [.. lateNovember, new(2026, 12, 8), new(2026, 12, 9), new(2026, 12, 10), new(2026, 12, 11), D2,
            new(2026, 12, 15), new(2026, 12, 16), new(2026, 12, 17)]);
        await world.CloseAsync(a, D3);

        using var leader = await world.SignInAsync("leader1@world.test");
        var created = await leader.GraphQLAsync("""
            mutation($urns: [ID!]!) { createCluster(input: { name: "Dartford North", academicYear: "2026/27", memberUrns: $urns }) {
              cluster { id active leader { name } } errors { code message } } }
            """, new { urns = new[] { a, b, c, d } });
        Assert.Empty(created.UserErrorCodes("createCluster"));
        Assert.True(created.Get("createCluster.cluster.active").GetBoolean());
        var clusterId = created.Get("createCluster.cluster.id").GetString();

        var keep = new HashSet<DateOnly> { D1, D2, D3, D4 };
        var avoid = Weekdays(new DateOnly(2026, 9, 1), new DateOnly(2027, 8, 31)).Where(day => !keep.Contains(day)).ToList();
        const string plan = """
            mutation($id: ID!, $avoid: [Date!]) { planReviewCycle(input: { clusterId: $id, academicYear: "2026/27", avoidDates: $avoid }) {
              cycle { reviewingSpread visits { status date host { urn } reviewers { id school { urn } } releaseDays } } errors { code message path } } }
            """;

        // Without 13 January, D has no date left: no plan, and the error names D and the constraints.
        var none = await leader.GraphQLAsync(plan, new { id = clusterId, avoid = avoid.Append(D4).Select(Iso).ToArray() });
        var error = Assert.Single(none.Get("planReviewCycle.errors").EnumerateArray());
        Assert.Equal("NO_PLAN", error.GetProperty("code").GetString());
        Assert.Contains("School D", error.GetProperty("message").GetString());
        Assert.Contains("avoidDates", error.GetProperty("message").GetString());
        Assert.Contains("too soon", error.GetProperty("message").GetString());
        Assert.Equal(0, await world.CountAsync("SELECT count(*) FROM review_visits"));

        var one = await leader.GraphQLAsync(plan, new { id = clusterId, avoid = avoid.Select(Iso).ToArray() });
        Assert.Empty(one.UserErrorCodes("planReviewCycle"));
        var visits = one.Get("planReviewCycle.cycle.visits").EnumerateArray().ToDictionary(v => v.GetProperty("host").GetProperty("urn").GetString()!);
        Assert.Equal(Iso(D1), visits[a].GetProperty("date").GetString());
        Assert.Equal(Iso(D2), visits[b].GetProperty("date").GetString());
        Assert.Equal(Iso(D3), visits[c].GetProperty("date").GetString());
        Assert.Equal(Iso(D4), visits[d].GetProperty("date").GetString());
        Assert.Equal([b, d], SendingSchools(visits[a]));
        Assert.Equal([a, c], SendingSchools(visits[b]));
        Assert.Equal([b, d], SendingSchools(visits[c]));
        Assert.Equal([a, c], SendingSchools(visits[d]));
        Assert.All(visits.Values, v =>
        {
            Assert.Equal("PROPOSED", v.GetProperty("status").GetString());
            Assert.Equal(2.0, v.GetProperty("releaseDays").GetDouble());
            Assert.All(v.GetProperty("reviewers").EnumerateArray(), r =>
                Assert.Equal(world.Staff[r.GetProperty("school").GetProperty("urn").GetString()!].Senco.ToString(), r.GetProperty("id").GetString()));
        });
        Assert.Equal(0, one.Get("planReviewCycle.cycle.reviewingSpread").GetInt32());

        // Same input, same plan.
        var again = await leader.GraphQLAsync(plan, new { id = clusterId, avoid = avoid.Select(Iso).ToArray() });
        Assert.Equal(one.Get("planReviewCycle.cycle.visits").ToString(), again.Get("planReviewCycle.cycle.visits").ToString());
    }

    private static string[] SendingSchools(JsonElement visit) =>
        [.. visit.GetProperty("reviewers").EnumerateArray().Select(r => r.GetProperty("school").GetProperty("urn").GetString()!).Order()];

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd");

    private static IEnumerable<DateOnly> Weekdays(DateOnly from, DateOnly to)
    {
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                yield return day;
            }
        }
    }
}
