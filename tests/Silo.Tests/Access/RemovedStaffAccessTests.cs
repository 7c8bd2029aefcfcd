using System.Net;
using System.Net.Http.Json;
using InclusionNetwork.Silo.Tests.Bookings;
using InclusionNetwork.TestSupport;

namespace InclusionNetwork.Silo.Tests.Access;

/// <summary>
/// Removing a member of staff ends the linked account's school-bound roles there. An account
/// with nothing else loses every way in: its tokens, its browser session, signing in afresh,
/// and the calendar feeds it set up. One that also holds another role keeps that role only,
/// no longer acts for the school, and its feeds of the school stop.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class RemovedStaffAccessTests(PostgresFixture postgres) : IAsyncLifetime
{
    private BookingWorld world = null!;

    public async Task InitializeAsync() => world = await BookingWorld.StartAsync(postgres);

    public async Task DisposeAsync() => await world.DisposeAsync();

    private const string CreateFeed = """
        mutation($scope: FeedScope!, $subject: ID) { createCalendarFeed(input: { scope: $scope, subjectId: $subject }) { feed { url } errors { code } } }
        """;

    [Fact]
    public async Task A_removed_member_of_staff_loses_tokens_session_sign_in_and_feeds()
    {
        var urn = (await world.SchoolsAsync(1))[0];
        var staffId = (await world.StaffOfAsync(urn))[0];
        var email = $"staff.{staffId}@demo.test";
        var staff = await world.AsAsync(email);
        using var session = await SessionClientAsync(email);
        var ownFeed = await FeedPathAsync(staff, "STAFF", null);
        var schoolFeed = await FeedPathAsync(staff, "SCHOOL", urn);

        // Before removal every way in works.
        Assert.Equal(email, await MyEmailAsync(staff));
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/graphql?query=%7Bme%7Bname%7D%7D")).StatusCode);
        Assert.Contains("\"me\":{", await (await session.GetAsync("/graphql?query=%7Bme%7Bname%7D%7D")).Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await world.Anonymous.GetAsync(ownFeed)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await world.Anonymous.GetAsync(schoolFeed)).StatusCode);

        // A second member of staff who books for the school and is also a network lead (a role a council officer might hold beside it).
        var dualStaffId = (await world.StaffOfAsync(urn)).First(id => id != staffId);
        var dualEmail = $"staff.{dualStaffId}@demo.test";
        var dualAccountId = await world.ScalarAsync<long>("SELECT id FROM accounts WHERE email = @e", ("e", dualEmail));
        var promoted = await (await world.AdminAsync()).GraphQLAsync(
            "mutation($input: UpdateAccountInput!) { updateAccount(input: $input) { errors { code message } } }",
            new { input = new { accountId = dualAccountId.ToString(System.Globalization.CultureInfo.InvariantCulture), roles = new[] { "STAFF", "SCHOOL_BOOKER", "NETWORK_LEAD" }, schoolUrn = urn } });
        Assert.Empty(promoted.UserErrorCodes("updateAccount"));
        var dual = await world.AsAsync(dualEmail);
        var dualSchoolFeed = await FeedPathAsync(dual, "SCHOOL", urn);
        var dualOwnFeed = await FeedPathAsync(dual, "STAFF", null);
        var dualRemoved = await (await world.BookerAsync(urn)).GraphQLAsync(
            "mutation($id: ID!) { removeStaff(input: { staffId: $id }) { errors { code } } }", new { id = dualStaffId.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Empty(dualRemoved.UserErrorCodes("removeStaff"));
        var dualMe = await dual.GraphQLAsync("{ me { email roles school { urn } } }");
        Assert.Equal(dualEmail, dualMe.Get("me.email").GetString());
        Assert.Equal(["NETWORK_LEAD"], dualMe.Get("me.roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, dualMe.Get("me.school").ValueKind);
        Assert.Equal(HttpStatusCode.NotFound, (await world.Anonymous.GetAsync(dualSchoolFeed)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await world.Anonymous.GetAsync(dualOwnFeed)).StatusCode);
        // No longer the school's booker: it may not book for it.
        var run = await world.ScheduleRunAsync(capacity: 5);
        var colleagueBooked = await BookingWorld.BookAsync(dual, run, (await world.StaffOfAsync(urn))[0]);
        Assert.Contains("NOT_ALLOWED", colleagueBooked.UserErrorCodes("bookPlaces"));

        var removed = await (await world.BookerAsync(urn)).GraphQLAsync(
            "mutation($id: ID!) { removeStaff(input: { staffId: $id }) { staff { id } errors { code } } }", new { id = staffId.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Empty(removed.UserErrorCodes("removeStaff"));

        // The token issued before removal stands for no one.
        var withOldToken = await staff.PostAsJsonAsync("/graphql", new { query = "{ me { name } }" });
        Assert.Equal(HttpStatusCode.Unauthorized, withOldToken.StatusCode);
        // The browser session reads as signed out.
        Assert.Contains("\"me\":null", await (await session.GetAsync("/graphql?query=%7Bme%7Bname%7D%7D")).Content.ReadAsStringAsync());
        // No new token or session is issued, with the same answer as a wrong password.
        var newToken = await world.Anonymous.PostAsJsonAsync("/auth/token", new { email, password = SiloHost.DemoPassword });
        Assert.Equal(HttpStatusCode.Unauthorized, newToken.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await world.Anonymous.PostAsJsonAsync("/auth/session", new { email, password = SiloHost.DemoPassword })).StatusCode);
        // The person's own feed and the school's feed they set up are gone, like any revoked link.
        Assert.Equal(HttpStatusCode.NotFound, (await world.Anonymous.GetAsync(ownFeed)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await world.Anonymous.GetAsync(schoolFeed)).StatusCode);

        // A colleague who was not removed keeps every way in.
        var colleague = (await world.StaffOfAsync(urn))[0];
        Assert.NotEqual(staffId, colleague);
        Assert.Equal($"staff.{colleague}@demo.test", await MyEmailAsync(await world.StaffAsync(colleague)));
    }

    private static async Task<string?> MyEmailAsync(HttpClient client) =>
        (await client.GraphQLAsync("{ me { email } }")).Get("me.email").GetString();

    private async Task<HttpClient> SessionClientAsync(string email)
    {
        var response = await world.Anonymous.PostAsJsonAsync("/auth/session", new { email, password = SiloHost.DemoPassword });
        response.EnsureSuccessStatusCode();
        var cookie = response.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
        var client = world.Silo.CreateClient();
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }

    private static async Task<string> FeedPathAsync(HttpClient client, string scope, string? subject)
    {
        var created = await client.GraphQLAsync(CreateFeed, new { scope, subject });
        Assert.Empty(created.UserErrorCodes("createCalendarFeed"));
        return new Uri(created.Get("createCalendarFeed.feed.url").GetString()!).PathAndQuery;
    }
}
