using InclusionNetwork.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace InclusionNetwork.Silo.Tests.PeerReviewAndNetworks;

[Collection(PostgresCollection.Name)]
public sealed class PeerReviewDemoDataTests(PostgresFixture postgres)
{
    [Fact]
    public async Task The_demo_county_has_clusters_finished_and_planned_cycles_and_networks_seen_through_GraphQL()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero));
        await using var silo = await SiloHost.StartAsync(await postgres.CreateDemoDatabaseAsync(clock.GetUtcNow()), loadDemoData: true, clock: clock);
        var db = silo.Services.GetRequiredService<NpgsqlDataSource>();

        Assert.Equal(60, await ScalarAsync(db, "SELECT count(*) FROM peer_review_clusters WHERE academic_year = '2026/27'"));
        Assert.Equal(300, await ScalarAsync(db, "SELECT count(*) FROM cluster_members WHERE academic_year = '2026/27'"));
        Assert.Equal(0, await ScalarAsync(db, """
            SELECT count(*) FROM review_visits v JOIN review_cycles c ON c.id = v.cycle_id
            WHERE c.academic_year = '2025/26' AND v.status NOT IN ('REPORTED', 'FOLLOWED_UP')
            """));
        Assert.Equal(300, await ScalarAsync(db, "SELECT count(*) FROM review_visits v JOIN review_cycles c ON c.id = v.cycle_id WHERE c.academic_year = '2026/27'"));
        Assert.Equal(3, await ScalarAsync(db, "SELECT count(DISTINCT status) FROM review_actions"));
        Assert.True(await ScalarAsync(db, "SELECT count(*) FROM impact_reviews") > 0);
        // Every ILE at one visit a day at most, across all their clusters.
        Assert.Equal(0, await ScalarAsync(db, """
            SELECT count(*) FROM (SELECT leader_id, visit_date FROM review_visits WHERE status <> 'CANCELLED' GROUP BY 1, 2 HAVING count(*) > 1) d
            """));
        // As the programme runs them: a SENCO forum in each district meeting six times a year; six LIFT groups
        // per district, each meeting six times a year, every open school of the district in exactly one.
        Assert.Equal(12, await ScalarAsync(db, "SELECT count(*) FROM networks WHERE kind = 'SENCO_FORUM'"));
        Assert.Equal(6, await ScalarAsync(db, """
            SELECT count(*) FROM meetings m JOIN networks n ON n.id = m.network_id
            WHERE n.kind = 'SENCO_FORUM' AND n.district_id = 'dartford' AND m.starts_at >= '2026-09-01' AND m.starts_at < '2027-09-01'
            """));
        Assert.Equal(72, await ScalarAsync(db, "SELECT count(*) FROM networks WHERE kind = 'LIFT_FORUM'"));
        Assert.Equal(0, await ScalarAsync(db, """
            SELECT count(*) FROM (
                SELECT n.id FROM networks n LEFT JOIN meetings m ON m.network_id = n.id AND m.starts_at >= '2026-09-01' AND m.starts_at < '2027-09-01'
                WHERE n.kind = 'LIFT_FORUM' GROUP BY n.id HAVING count(m.id) <> 6) wrong
            """));
        Assert.Equal(0, await ScalarAsync(db, """
            SELECT count(*) FROM schools s WHERE s.open AND 1 <> (
                SELECT count(*) FROM network_members nm JOIN networks n ON n.id = nm.network_id
                WHERE n.kind = 'LIFT_FORUM' AND n.district_id = s.district_id AND nm.school_urn = s.urn)
            """));
        // ELSA costs £150 a place, so it is not in the free core offer.
        Assert.Equal(0, await ScalarAsync(db, "SELECT count(*) FROM courses WHERE price_pence > 0 AND core_offer"));
        Assert.Equal(1, await ScalarAsync(db, "SELECT count(*) FROM courses WHERE title LIKE '%(ELSA)' AND price_pence = 15000 AND NOT core_offer"));

        using var leader = await silo.SignInAsync("leader1@demo.test");
        var response = await leader.GraphQLAsync("""
            { me { leader { name clusters(academicYear: "2025/26") { name active members { urn } cycle { complete reviewingSpread
                visits { status date reviewers { name } report { actions { status } } } } } } } }
            """);
        var clusters = response.Get("me.leader.clusters");
        Assert.Equal(6, clusters.GetArrayLength());
        foreach (var cluster in clusters.EnumerateArray())
        {
            Assert.True(cluster.GetProperty("active").GetBoolean());
            Assert.True(cluster.GetProperty("cycle").GetProperty("complete").GetBoolean());
            Assert.Equal(0, cluster.GetProperty("cycle").GetProperty("reviewingSpread").GetInt32());
            Assert.All(cluster.GetProperty("cycle").GetProperty("visits").EnumerateArray(), v => Assert.Equal(2, v.GetProperty("reviewers").GetArrayLength()));
        }

        using var commissioner = await silo.SignInAsync("commissioner@demo.test");
        var hidden = await commissioner.GraphQLAsync("""{ inclusionLeaders { name } clusters { name } networks(kind: ILE_GROUP) { name meetings(from: "2026-12-01", to: "2026-12-31") { startsAt } } }""");
        Assert.Equal(0, hidden.Get("inclusionLeaders").GetArrayLength());
        Assert.Equal(0, hidden.Get("clusters").GetArrayLength());
        var meetings = hidden.Get("networks.0.meetings");
        Assert.Equal(1, meetings.GetArrayLength());
        Assert.Equal("2026-12-03T10:00:00+00:00", meetings[0].GetProperty("startsAt").GetString());
    }

    private static async Task<long> ScalarAsync(NpgsqlDataSource db, string sql)
    {
        await using var command = db.CreateCommand(sql);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
