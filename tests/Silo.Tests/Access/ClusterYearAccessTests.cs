using InclusionNetwork.Silo.Tests.PeerReviewAndNetworks;
using InclusionNetwork.TestSupport;

namespace InclusionNetwork.Silo.Tests.Access;

/// <summary>
/// A cluster is a reason to see its schools' staff, bookings and evaluations, so clusters are
/// created only for the current and next academic year, and only clusters of those years
/// open a school's staff to their leader.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ClusterYearAccessTests(PostgresFixture postgres)
{
    private const string Create = """
        mutation($year: String!, $urns: [ID!]!) { createCluster(input: { name: "Far", academicYear: $year, memberUrns: $urns }) {
          cluster { id } errors { code message path } } }
        """;

    private const string SchoolStaff = """query($urn: ID!) { school(urn: $urn) { staff { id name email } } }""";

    [Fact]
    public async Task Clusters_can_be_created_only_for_the_current_and_next_academic_year()
    {
        // 23 November 2026: the current year is 2026/27, the next 2027/28.
        await using var world = await PeerReviewWorld.StartAsync(postgres, new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        var urns = PeerReviewWorld.Urns;
        using var leader = await world.SignInAsync("leader1@world.test");
        using var admin = await world.SignInAsync("admin@world.test");

        foreach (var year in new[] { "2090/91", "2025/26", "2028/29" })
        {
            var refused = await leader.GraphQLAsync(Create, new { year, urns = urns[..4] });
            var error = Assert.Single(refused.Get("createCluster.errors").EnumerateArray());
            Assert.Equal("ACADEMIC_YEAR_NOT_OPEN", error.GetProperty("code").GetString());
            Assert.Contains("2026/27", error.GetProperty("message").GetString());
            Assert.Equal("[\"input\",\"academicYear\"]", error.GetProperty("path").ToString().Replace(" ", ""));
        }
        Assert.Equal(["ACADEMIC_YEAR_NOT_OPEN"], (await admin.GraphQLAsync(Create, new { year = "2090/91", urns = urns[..4] })).UserErrorCodes("createCluster"));
        Assert.Equal(0, await world.CountAsync("SELECT count(*) FROM peer_review_clusters"));
        // The leader saw none of those schools' staff through the refused clusters.
        Assert.Equal(0, (await leader.GraphQLAsync(SchoolStaff, new { urn = urns[3] })).Get("school.staff").GetArrayLength());

        Assert.Empty((await leader.GraphQLAsync(Create, new { year = "2027/28", urns = urns[..4] })).UserErrorCodes("createCluster"));
        Assert.Empty((await leader.GraphQLAsync(Create, new { year = "2026/27", urns = urns[4..] })).UserErrorCodes("createCluster"));
    }

    [Fact]
    public async Task Only_clusters_of_the_current_and_next_year_open_a_schools_staff_to_their_leader()
    {
        await using var world = await PeerReviewWorld.StartAsync(postgres, new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        var urns = PeerReviewWorld.Urns;
        var leader = await world.SignInAsync("leader1@world.test");
        // Clusters written straight to the database, as a data fix or an old year's import would: one long past, one far ahead.
        foreach (var (year, urn) in new[] { ("2023/24", urns[0]), ("2090/91", urns[1]), ("2027/28", urns[2]), ("2026/27", urns[3]) })
        {
            await world.ExecuteAsync("""
                WITH k AS (INSERT INTO peer_review_clusters (name, academic_year, leader_id, created_at, updated_at)
                           VALUES ('Cluster ' || @year, @year, @leader, now(), now()) RETURNING id)
                INSERT INTO cluster_members (cluster_id, academic_year, school_urn, joined_at) SELECT id, @year, @urn, now() FROM k
                """, ("year", year), ("leader", world.Leader1), ("urn", urn));
        }

        async Task<int> StaffSeenAsync(string urn) => (await leader.GraphQLAsync(SchoolStaff, new { urn })).Get("school.staff").GetArrayLength();

        Assert.Equal(0, await StaffSeenAsync(urns[0]));
        Assert.Equal(0, await StaffSeenAsync(urns[1]));
        Assert.Equal(2, await StaffSeenAsync(urns[2]));
        Assert.Equal(2, await StaffSeenAsync(urns[3]));

        // When the year turns, 2026/27 becomes the past year and its school's staff close to the leader.
        world.Clock.Set(new DateTimeOffset(2027, 9, 2, 9, 0, 0, TimeSpan.Zero));
        leader.Dispose();
        leader = await world.SignInAsync("leader1@world.test");
        Assert.Equal(0, await StaffSeenAsync(urns[3]));
        Assert.Equal(2, await StaffSeenAsync(urns[2]));
        leader.Dispose();
    }
}
