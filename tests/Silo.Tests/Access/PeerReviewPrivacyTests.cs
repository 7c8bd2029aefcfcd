using System.Text.Json;
using InclusionNetwork.Silo.Tests.Bookings;
using InclusionNetwork.TestSupport;

namespace InclusionNetwork.Silo.Tests.Access;

/// <summary>
/// Reviewers are named to the visit's host school and cluster, but their email addresses
/// reach only the cluster's ILE and admins (and the reviewer's own school); a leader's
/// unavailable dates reach only that leader and admins.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PeerReviewPrivacyTests(SharedBookingWorld shared) : IClassFixture<SharedBookingWorld>
{
    private readonly BookingWorld world = shared.World;

    private const string HostedVisits = """
        query($urn: ID!) { school(urn: $urn) { reviewVisits(academicYear: "2026/27") { id reviewers { id name email school { urn } } } } }
        """;

    [Fact]
    public async Task The_host_school_sees_reviewers_names_but_only_the_ILE_and_admins_their_emails()
    {
        var (host, leaderEmail) = (await world.ListAsync<string[]>("""
            SELECT ARRAY[v.host_urn, a.email] FROM review_visits v JOIN review_cycles c ON c.id = v.cycle_id
            JOIN peer_review_clusters k ON k.id = c.cluster_id JOIN accounts a ON a.leader_id = k.leader_id
            JOIN accounts b ON b.email = 'booker.' || v.host_urn || '@demo.test'
            WHERE c.academic_year = '2026/27' AND EXISTS (SELECT 1 FROM visit_reviewers r JOIN staff s ON s.id = r.staff_id WHERE r.visit_id = v.id AND s.email IS NOT NULL)
            ORDER BY v.id LIMIT 1
            """)).Select(r => (r[0], r[1])).First();

        async Task<List<JsonElement>> ReviewersSeenAsync(HttpClient client) =>
            [.. (await client.GraphQLAsync(HostedVisits, new { urn = host })).Get("school.reviewVisits").EnumerateArray()
                .SelectMany(v => v.GetProperty("reviewers").EnumerateArray())];

        var byHost = await ReviewersSeenAsync(await world.BookerAsync(host));
        Assert.NotEmpty(byHost);
        Assert.All(byHost, r =>
        {
            Assert.False(string.IsNullOrEmpty(r.GetProperty("name").GetString()));
            Assert.Equal(JsonValueKind.Null, r.GetProperty("email").ValueKind);
        });

        foreach (var client in new[] { await world.AsAsync(leaderEmail), await world.AdminAsync() })
        {
            var reviewers = await ReviewersSeenAsync(client);
            Assert.NotEmpty(reviewers);
            Assert.Contains(reviewers, r => r.GetProperty("email").ValueKind == JsonValueKind.String);
        }

        // A reviewer's own school, which has them on its staff list, still sees its own reviewer's address.
        var reviewerSchool = byHost[0].GetProperty("school").GetProperty("urn").GetString()!;
        var reviewerStaffIds = byHost.Where(r => r.GetProperty("school").GetProperty("urn").GetString() == reviewerSchool).Select(r => r.GetProperty("id").GetString()).ToHashSet();
        var bySender = await ReviewersSeenAsync(await world.BookerAsync(reviewerSchool));
        Assert.All(bySender.Where(r => reviewerStaffIds.Contains(r.GetProperty("id").GetString())),
            r => Assert.Equal(JsonValueKind.String, r.GetProperty("email").ValueKind));
        Assert.All(bySender.Where(r => !reviewerStaffIds.Contains(r.GetProperty("id").GetString())),
            r => Assert.Equal(JsonValueKind.Null, r.GetProperty("email").ValueKind));
    }

    [Fact]
    public async Task A_leaders_unavailable_dates_reach_only_that_leader_and_admins()
    {
        var leaderEmail = await world.ScalarAsync<string>("""
            SELECT a.email FROM accounts a WHERE a.leader_id = (SELECT leader_id FROM leader_unavailable_dates ORDER BY leader_id LIMIT 1)
            """);
        const string diaries = "{ inclusionLeaders { email unavailableDates } }";

        int DatesOf(GraphQLResponse response) => response.Get("inclusionLeaders").EnumerateArray()
            .Single(l => l.GetProperty("email").GetString() == leaderEmail).GetProperty("unavailableDates").GetArrayLength();

        Assert.True(DatesOf(await (await world.AsAsync(leaderEmail)).GraphQLAsync(diaries)) > 0);
        Assert.True(DatesOf(await (await world.AdminAsync()).GraphQLAsync(diaries)) > 0);

        var schoolUrn = (await world.SchoolsAsync(1))[0];
        var otherLeader = leaderEmail == "leader1@demo.test" ? "leader2@demo.test" : "leader1@demo.test";
        foreach (var client in new[]
        {
            await world.AsAsync(otherLeader), await world.BookerAsync(schoolUrn), await world.StaffAsync((await world.StaffOfAsync(schoolUrn))[0]),
            await world.ProviderAsync(),
        })
        {
            Assert.Equal(0, DatesOf(await client.GraphQLAsync(diaries)));
        }
    }
}
