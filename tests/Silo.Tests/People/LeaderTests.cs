using System.Globalization;
using InclusionNetwork.TestSupport;

namespace InclusionNetwork.Silo.Tests.People;

/// <summary>designateInclusionLeader and updateInclusionLeader over HTTP, through the leader grain: who may do what, and what retirement means.</summary>
[Collection(PostgresCollection.Second)]
public sealed class LeaderTests(PostgresFixture postgres)
{
    private const string Designate = """
        mutation($input: DesignateInclusionLeaderInput!) { designateInclusionLeader(input: $input) {
          leader { id name maxClusters retired school { urn } } errors { code path } } }
        """;

    private const string Update = """
        mutation($input: UpdateInclusionLeaderInput!) { updateInclusionLeader(input: $input) {
          leader { id maxClusters retired school { urn } unavailableDates } errors { code path } } }
        """;

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task An_admin_designates_an_account_as_a_leader_with_six_clusters_by_default_and_nobody_else_may()
    {
        await using var world = await PeopleWorld.StartAsync(postgres);
        using var admin = await world.Silo.SignInAsync("admin@demo.test");
        var accountId = Id(await world.ScalarAsync<long>("SELECT id FROM accounts WHERE email = 'commissioner@demo.test'"));
        var urn = await world.ScalarAsync<string>("SELECT urn FROM schools ORDER BY urn LIMIT 1");

        foreach (var email in new[] { "leader1@demo.test", "commissioner@demo.test", "provider@demo.test" })
        {
            using var client = await world.Silo.SignInAsync(email);
            Assert.Equal(["NOT_ALLOWED"], (await client.GraphQLAsync(Designate, new { input = new { accountId } })).UserErrorCodes("designateInclusionLeader"));
        }
        Assert.Equal(["INVALID"], (await admin.GraphQLAsync(Designate, new { input = new { accountId, maxClusters = 0 } })).UserErrorCodes("designateInclusionLeader"));
        Assert.Equal(["NOT_FOUND"], (await admin.GraphQLAsync(Designate, new { input = new { accountId, schoolUrn = "999999999" } })).UserErrorCodes("designateInclusionLeader"));
        Assert.Equal(0L, await world.ScalarAsync<long>("SELECT count(*) FROM inclusion_leaders WHERE email = 'commissioner@demo.test'"));

        var designated = await admin.GraphQLAsync(Designate, new { input = new { accountId, schoolUrn = urn } });

        Assert.Empty(designated.UserErrorCodes("designateInclusionLeader"));
        Assert.Equal(6, designated.Get("designateInclusionLeader.leader.maxClusters").GetInt32());
        Assert.False(designated.Get("designateInclusionLeader.leader.retired").GetBoolean());
        Assert.Equal(urn, designated.Get("designateInclusionLeader.leader.school.urn").GetString());
        using var newLeader = await world.Silo.SignInAsync("commissioner@demo.test");
        var me = await newLeader.GraphQLAsync("{ me { roles } }");
        Assert.Contains("LEADER", me.Get("me.roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(["CONFLICT"], (await admin.GraphQLAsync(Designate, new { input = new { accountId } })).UserErrorCodes("designateInclusionLeader"));
    }

    [Fact]
    public async Task A_leader_keeps_their_own_unavailable_dates_and_only_admins_change_the_rest()
    {
        await using var world = await PeopleWorld.StartAsync(postgres);
        using var admin = await world.Silo.SignInAsync("admin@demo.test");
        using var leader1 = await world.Silo.SignInAsync("leader1@demo.test");
        using var leader2 = await world.Silo.SignInAsync("leader2@demo.test");
        var leaderId = Id(await world.ScalarAsync<long>("SELECT leader_id FROM accounts WHERE email = 'leader1@demo.test'"));

        var added = await leader1.GraphQLAsync(Update, new { input = new { leaderId, addUnavailableDates = new[] { "2027-01-12", "2027-01-13" } } });
        Assert.Empty(added.UserErrorCodes("updateInclusionLeader"));
        Assert.Equal(["2027-01-12", "2027-01-13"], added.Get("updateInclusionLeader.leader.unavailableDates").EnumerateArray()
            .Select(d => d.GetString()).Where(d => d!.StartsWith("2027-01-1", StringComparison.Ordinal)));
        var removed = await leader1.GraphQLAsync(Update, new { input = new { leaderId, removeUnavailableDates = new[] { "2027-01-12" } } });
        Assert.DoesNotContain("2027-01-12", removed.Get("updateInclusionLeader.leader.unavailableDates").EnumerateArray().Select(d => d.GetString()));

        Assert.Equal(["NOT_ALLOWED"], (await leader1.GraphQLAsync(Update, new { input = new { leaderId, maxClusters = 20 } })).UserErrorCodes("updateInclusionLeader"));
        Assert.Equal(["NOT_ALLOWED"], (await leader1.GraphQLAsync(Update, new { input = new { leaderId, retired = false } })).UserErrorCodes("updateInclusionLeader"));
        Assert.Equal(["NOT_ALLOWED"], (await leader2.GraphQLAsync(Update, new { input = new { leaderId, addUnavailableDates = new[] { "2027-02-01" } } })).UserErrorCodes("updateInclusionLeader"));
        Assert.Equal(["NOT_ALLOWED"], (await world.Silo.CreateClient().GraphQLAsync(Update, new { input = new { leaderId, maxClusters = 2 } })).UserErrorCodes("updateInclusionLeader"));
        Assert.Equal(["INVALID"], (await admin.GraphQLAsync(Update, new { input = new { leaderId, maxClusters = 0 } })).UserErrorCodes("updateInclusionLeader"));
        Assert.Equal(["NOT_FOUND"], (await admin.GraphQLAsync(Update, new { input = new { leaderId = "99999999", maxClusters = 2 } })).UserErrorCodes("updateInclusionLeader"));

        var urn = await world.ScalarAsync<string>("SELECT urn FROM schools ORDER BY urn DESC LIMIT 1");
        var changed = await admin.GraphQLAsync(Update, new { input = new { leaderId, maxClusters = 4, schoolUrn = urn } });
        Assert.Empty(changed.UserErrorCodes("updateInclusionLeader"));
        Assert.Equal((4, urn), (changed.Get("updateInclusionLeader.leader.maxClusters").GetInt32(), changed.Get("updateInclusionLeader.leader.school.urn").GetString()));
        Assert.Equal(1L, await world.ScalarAsync<long>("SELECT count(*) FROM leader_unavailable_dates WHERE leader_id = @id AND unavailable_on = '2027-01-13'",
            ("id", long.Parse(leaderId, CultureInfo.InvariantCulture))));
    }

    [Fact]
    public async Task A_retired_leader_keeps_their_clusters_but_can_lead_no_new_one()
    {
        await using var world = await PeopleWorld.StartAsync(postgres);
        using var admin = await world.Silo.SignInAsync("admin@demo.test");
        var leaderId = await world.ScalarAsync<long>("SELECT leader_id FROM accounts WHERE email = 'leader3@demo.test'");
        var clustersBefore = await world.ScalarAsync<long>("SELECT count(*) FROM peer_review_clusters WHERE leader_id = @id", ("id", leaderId));

        var retired = await admin.GraphQLAsync(Update, new { input = new { leaderId = Id(leaderId), retired = true } });

        Assert.True(retired.Get("updateInclusionLeader.leader.retired").GetBoolean());
        Assert.Equal(clustersBefore, await world.ScalarAsync<long>("SELECT count(*) FROM peer_review_clusters WHERE leader_id = @id", ("id", leaderId)));
        var free = new List<string>();
        await using (var command = world.Database.CreateCommand("""
            SELECT urn FROM schools s WHERE NOT EXISTS (SELECT 1 FROM cluster_members m WHERE m.school_urn = s.urn AND m.academic_year = '2026/27')
            ORDER BY urn LIMIT 4
            """))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                free.Add(reader.GetString(0));
            }
        }
        Assert.Equal(4, free.Count);
        const string Create = """
            mutation($urns: [ID!]!, $leader: ID) { createCluster(input: { name: "After retirement", academicYear: "2026/27", leaderId: $leader, memberUrns: $urns }) {
              cluster { id } errors { code } } }
            """;
        var refused = await admin.GraphQLAsync(Create, new { urns = free, leader = Id(leaderId) });
        Assert.Contains("LEADER_RETIRED", refused.UserErrorCodes("createCluster"));

        await admin.GraphQLAsync(Update, new { input = new { leaderId = Id(leaderId), retired = false } });
        var accepted = await admin.GraphQLAsync(Create, new { urns = free, leader = Id(leaderId) });
        Assert.DoesNotContain("LEADER_RETIRED", accepted.UserErrorCodes("createCluster"));
    }
}
