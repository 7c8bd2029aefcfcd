using System.Globalization;
using InclusionNetwork.TestSupport;

namespace InclusionNetwork.Silo.Tests.People;

/// <summary>NETWORK_LEAD and createNetwork's organisers: the people named may run the network's meetings, and nobody else but admins.</summary>
[Collection(PostgresCollection.Second)]
public sealed class NetworkOrganiserTests(PostgresFixture postgres)
{
    private const string Create = """
        mutation($input: CreateNetworkInput!) { createNetwork(input: $input) { network { id } errors { code path } } }
        """;

    private const string Schedule = """
        mutation($id: ID!) { scheduleMeeting(input: { networkId: $id, title: "Spring forum", startsAt: "2027-03-03T16:00:00Z", endsAt: "2027-03-03T17:30:00Z" }) {
          meeting { id } errors { code } } }
        """;

    private static async Task<string[]> OrganisersAsync(HttpClient client, string? networkId)
    {
        var networks = (await client.GraphQLAsync("{ networks { id organisers { email } } }")).Get("networks").EnumerateArray();
        return [.. networks.Single(n => n.GetProperty("id").GetString() == networkId).GetProperty("organisers").EnumerateArray()
            .Select(o => o.GetProperty("email").GetString()!).Order(StringComparer.Ordinal)];
    }

    [Fact]
    public async Task A_network_lead_or_leader_named_as_organiser_runs_the_meetings_and_others_may_not()
    {
        await using var world = await PeopleWorld.StartAsync(postgres);
        using var admin = await world.Silo.SignInAsync("admin@demo.test");
        async Task<string> IdAsync(string email) =>
            (await world.ScalarAsync<long>("SELECT id FROM accounts WHERE email = @e", ("e", email))).ToString(CultureInfo.InvariantCulture);
        var officer = await IdAsync("commissioner@demo.test");
        var leader2 = await IdAsync("leader2@demo.test");
        var urns = new[] { await world.ScalarAsync<string>("SELECT urn FROM schools ORDER BY urn LIMIT 1") };
        var madeLead = await admin.GraphQLAsync("mutation($id: ID!) { updateAccount(input: { accountId: $id, roles: [COMMISSIONER, NETWORK_LEAD] }) { errors { code } } }", new { id = officer });
        Assert.Empty(madeLead.UserErrorCodes("updateAccount"));

        var notALead = await admin.GraphQLAsync(Create, new { input = new { name = "SENCO forum", kind = "SENCO_FORUM", memberUrns = urns, organiserIds = new[] { officer, await IdAsync("provider@demo.test") } } });
        var error = Assert.Single(notALead.Get("createNetwork.errors").EnumerateArray());
        Assert.Equal("INVALID input.organiserIds.1", error.GetProperty("code").GetString() + " " + string.Join('.', error.GetProperty("path").EnumerateArray().Select(p => p.GetString())));
        var created = await admin.GraphQLAsync(Create, new { input = new { name = "SENCO forum", kind = "SENCO_FORUM", memberUrns = urns, organiserIds = new[] { officer, leader2 } } });
        Assert.Empty(created.UserErrorCodes("createNetwork"));
        var networkId = created.Get("createNetwork.network.id").GetString();

        using var lead = await world.Silo.SignInAsync("commissioner@demo.test");
        var scheduled = await lead.GraphQLAsync(Schedule, new { id = networkId });
        Assert.Empty(scheduled.UserErrorCodes("scheduleMeeting"));
        var cancelled = await lead.GraphQLAsync("mutation($id: ID!) { cancelMeeting(input: { meetingId: $id }) { errors { code } } }",
            new { id = scheduled.Get("scheduleMeeting.meeting.id").GetString() });
        Assert.Empty(cancelled.UserErrorCodes("cancelMeeting"));
        using var organisingLeader = await world.Silo.SignInAsync("leader2@demo.test");
        Assert.Empty((await organisingLeader.GraphQLAsync(Schedule, new { id = networkId })).UserErrorCodes("scheduleMeeting"));
        foreach (var email in new[] { "leader1@demo.test", "provider@demo.test" })
        {
            using var other = await world.Silo.SignInAsync(email);
            Assert.Equal(["NOT_ALLOWED"], (await other.GraphQLAsync(Schedule, new { id = networkId })).UserErrorCodes("scheduleMeeting"));
            // The organisers' accounts carry their emails: not for other people.
            Assert.Empty(await OrganisersAsync(other, networkId));
        }
        string[] both = ["commissioner@demo.test", "leader2@demo.test"];
        Assert.Equal(both, await OrganisersAsync(admin, networkId));
        Assert.Equal(both, await OrganisersAsync(organisingLeader, networkId));

        // Without the role, being named is not enough.
        await admin.GraphQLAsync("mutation($id: ID!) { updateAccount(input: { accountId: $id, roles: [COMMISSIONER] }) { errors { code } } }", new { id = officer });
        using var former = await world.Silo.SignInAsync("commissioner@demo.test");
        Assert.Equal(["NOT_ALLOWED"], (await former.GraphQLAsync(Schedule, new { id = networkId })).UserErrorCodes("scheduleMeeting"));
    }
}
