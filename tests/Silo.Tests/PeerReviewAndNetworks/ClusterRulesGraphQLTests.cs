using InclusionNetwork.TestSupport;

namespace InclusionNetwork.Silo.Tests.PeerReviewAndNetworks;

/// <summary>Cluster membership, leader capacity and who may do and see what, through GraphQL on a real database.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ClusterRulesGraphQLTests(PostgresFixture postgres)
{
    private const string Create = """
        mutation($name: String!, $urns: [ID!]!, $leader: ID) { createCluster(input: { name: $name, academicYear: "2026/27", leaderId: $leader, memberUrns: $urns }) {
          cluster { id name active members { urn } leader { id } } errors { code message path } } }
        """;

    private const string Update = """
        mutation($id: ID!, $urns: [ID!], $leader: ID) { updateCluster(input: { clusterId: $id, memberUrns: $urns, leaderId: $leader }) {
          cluster { id active members { urn } } errors { code message path } } }
        """;

    [Fact]
    public async Task Membership_capacity_and_access_rules_hold()
    {
        await using var world = await PeerReviewWorld.StartAsync(postgres, new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        var urns = PeerReviewWorld.Urns;
        using var leader1 = await world.SignInAsync("leader1@world.test");
        using var leader2 = await world.SignInAsync("leader2@world.test");
        using var admin = await world.SignInAsync("admin@world.test");
        using var booker = await world.SignInAsync($"booker.{urns[0]}@world.test");
        using var otherBooker = await world.SignInAsync($"booker.{urns[6]}@world.test");
        using var commissioner = await world.SignInAsync("commissioner@world.test");

        // A school booker may not create clusters; a leader may not create one led by someone else.
        Assert.Equal(["NOT_ALLOWED"], (await booker.GraphQLAsync(Create, new { name = "X", urns = urns[..4] })).UserErrorCodes("createCluster"));
        Assert.Equal(["NOT_ALLOWED"], (await leader1.GraphQLAsync(Create, new { name = "X", urns = urns[..4], leader = world.Leader2.ToString() }))
            .UserErrorCodes("createCluster"));

        // Seven members at once: refused, nothing written.
        var seven = await leader1.GraphQLAsync(Create, new { name = "Too big", urns });
        Assert.Equal(["CLUSTER_FULL"], seven.UserErrorCodes("createCluster"));
        Assert.Equal(0, await world.CountAsync("SELECT count(*) FROM peer_review_clusters"));

        // Three members: created, not active yet.
        var small = await leader1.GraphQLAsync(Create, new { name = "North", urns = urns[..3] });
        Assert.False(small.Get("createCluster.cluster.active").GetBoolean());
        var north = small.Get("createCluster.cluster.id").GetString();

        // Up to six: active; a seventh: refused.
        var six = await leader1.GraphQLAsync(Update, new { id = north, urns = urns[..6] });
        Assert.True(six.Get("updateCluster.cluster.active").GetBoolean());
        Assert.Equal(["CLUSTER_FULL"], (await leader1.GraphQLAsync(Update, new { id = north, urns })).UserErrorCodes("updateCluster"));

        // A school already in another cluster that year: refused with the code and its place in the input.
        var clash = await leader2.GraphQLAsync(Create, new { name = "South", urns = new[] { urns[6], urns[0] } });
        var error = Assert.Single(clash.Get("createCluster.errors").EnumerateArray());
        Assert.Equal("SCHOOL_IN_OTHER_CLUSTER", error.GetProperty("code").GetString());
        Assert.Equal("[\"input\",\"memberUrns\",\"1\"]", error.GetProperty("path").ToString().Replace(" ", ""));

        // Leader Two may lead one cluster a year.
        Assert.Empty((await leader2.GraphQLAsync(Create, new { name = "South", urns = new[] { urns[6] } })).UserErrorCodes("createCluster"));
        Assert.Equal(["LEADER_AT_CAPACITY"], (await admin.GraphQLAsync(Create, new { name = "East", urns = Array.Empty<string>(), leader = world.Leader2.ToString() }))
            .UserErrorCodes("createCluster"));

        // Leader Two may not change Leader One's cluster; an unknown id is NOT_FOUND, not a server error.
        Assert.Equal(["NOT_ALLOWED"], (await leader2.GraphQLAsync(Update, new { id = north, urns = urns[..4] })).UserErrorCodes("updateCluster"));
        Assert.Equal(["NOT_FOUND"], (await leader1.GraphQLAsync(Update, new { id = "not-a-number", urns = urns[..4] })).UserErrorCodes("updateCluster"));
        Assert.Equal(["INVALID"], (await leader1.GraphQLAsync("""
            mutation { createCluster(input: { name: "Y", academicYear: "2026-27", memberUrns: [] }) { errors { code } } }
            """)).UserErrorCodes("createCluster"));

        // A school sees its own cluster, not others'; the leader sees member schools' staff; commissioners see nothing.
        const string school = """query($urn: ID!) { school(urn: $urn) { peerReviewCluster { name } staff { id } } }""";
        Assert.Equal("North", (await booker.GraphQLAsync(school, new { urn = urns[0] })).Get("school.peerReviewCluster.name").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, (await otherBooker.GraphQLAsync(school, new { urn = urns[0] })).Get("school.peerReviewCluster").ValueKind);
        Assert.Equal(2, (await leader1.GraphQLAsync(school, new { urn = urns[1] })).Get("school.staff").GetArrayLength());
        Assert.Equal(0, (await leader2.GraphQLAsync(school, new { urn = urns[1] })).Get("school.staff").GetArrayLength());
        Assert.Equal(0, (await commissioner.GraphQLAsync("{ clusters { name } inclusionLeaders { name } }")).Get("clusters").GetArrayLength());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, (await commissioner.GraphQLAsync($$"""{ cluster(id: "{{north}}") { name } }""")).Get("cluster").ValueKind);
        Assert.Equal(2, (await admin.GraphQLAsync("""{ clusters(academicYear: "2026/27", district: "dartford") { name } }""")).Get("clusters").GetArrayLength());
    }
}
