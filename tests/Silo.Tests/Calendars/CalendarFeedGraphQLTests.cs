using System.Globalization;
using System.Net;
using InclusionNetwork.TestSupport;

namespace InclusionNetwork.Silo.Tests.Calendars;

/// <summary>createCalendarFeed, revokeCalendarFeed and Viewer.calendarFeeds through /graphql, as a client uses them.</summary>
[Collection(PostgresCollection.Second)]
public sealed class CalendarFeedGraphQLTests(PostgresFixture postgres)
{
    private const string Create = """
        mutation ($scope: FeedScope!, $subjectId: ID) {
          createCalendarFeed(input: { scope: $scope, subjectId: $subjectId }) {
            feed { id scope url webcalUrl createdAt revoked }
            errors { code message path }
          }
        }
        """;

    private const string Revoke = """
        mutation ($feedId: ID!) {
          revokeCalendarFeed(input: { feedId: $feedId }) { feed { id url revoked } errors { code path } }
        }
        """;

    private const string List = "{ me { calendarFeeds { id scope url webcalUrl createdAt revoked } } }";

    [Fact]
    public async Task A_feed_is_created_listed_with_the_same_url_and_revoked()
    {
        await using var feeds = await FeedTestSilo.StartAsync(postgres);
        using var client = await feeds.Silo.SignInAsync(CalendarSeed.BookerEmail(feeds.Seed.SchoolA));

        var created = await client.GraphQLAsync(Create, new { scope = "SCHOOL", subjectId = feeds.Seed.SchoolA });
        Assert.Empty(created.UserErrorCodes("createCalendarFeed"));
        var feed = created.Get("createCalendarFeed.feed");
        var url = feed.GetProperty("url").GetString()!;
        Assert.Equal("SCHOOL", feed.GetProperty("scope").GetString());
        Assert.False(feed.GetProperty("revoked").GetBoolean());
        Assert.Matches(@"^https://inclusion\.example/calendar/[A-Za-z0-9_-]{43}\.ics$", url);
        Assert.Equal("webcal://" + url["https://".Length..], feed.GetProperty("webcalUrl").GetString());
        Assert.Equal(FeedTestSilo.Start, DateTimeOffset.Parse(feed.GetProperty("createdAt").GetString()!, CultureInfo.InvariantCulture));
        var path = new Uri(url).AbsolutePath;
        Assert.Equal(HttpStatusCode.OK, (await feeds.GetAsync(path)).Response.StatusCode);

        var listed = Assert.Single((await client.GraphQLAsync(List)).Get("me.calendarFeeds").EnumerateArray());
        Assert.Equal(url, listed.GetProperty("url").GetString());

        var revoked = await client.GraphQLAsync(Revoke, new { feedId = feed.GetProperty("id").GetString() });
        Assert.Empty(revoked.UserErrorCodes("revokeCalendarFeed"));
        Assert.True(revoked.Get("revokeCalendarFeed.feed.revoked").GetBoolean());
        Assert.True(Assert.Single((await client.GraphQLAsync(List)).Get("me.calendarFeeds").EnumerateArray()).GetProperty("revoked").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, (await feeds.GetAsync(path)).Response.StatusCode);

        // Someone else cannot revoke it, nor see that it exists.
        using var other = await feeds.Silo.SignInAsync(CalendarSeed.BookerEmail(feeds.Seed.SchoolB));
        var foreign = await other.GraphQLAsync(Revoke, new { feedId = feed.GetProperty("id").GetString() });
        Assert.Equal(["NOT_FOUND"], foreign.UserErrorCodes("revokeCalendarFeed"));
        Assert.Empty((await other.GraphQLAsync(List)).Get("me.calendarFeeds").EnumerateArray());
    }

    [Fact]
    public async Task Only_someone_who_may_see_the_subject_can_create_its_feed()
    {
        await using var feeds = await FeedTestSilo.StartAsync(postgres);
        var seed = feeds.Seed;
        var cluster = seed.ClusterId.ToString(CultureInfo.InvariantCulture);
        var leader = seed.LeaderId.ToString(CultureInfo.InvariantCulture);
        using var bookerB = await feeds.Silo.SignInAsync(CalendarSeed.BookerEmail(seed.SchoolB));
        using var staffA = await feeds.Silo.SignInAsync(CalendarSeed.StaffEmail(seed.StaffA1));
        using var ile = await feeds.Silo.SignInAsync(CalendarSeed.LeaderEmail);
        using var otherIle = await feeds.Silo.SignInAsync("leader1@demo.test");
        using var commissioner = await feeds.Silo.SignInAsync("commissioner@demo.test");
        using var admin = await feeds.Silo.SignInAsync("admin@demo.test");
        using var anonymous = feeds.Silo.CreateClient();

        async Task<IReadOnlyList<string>> CodesAsync(HttpClient client, string scope, string? subject) =>
            (await client.GraphQLAsync(Create, new { scope, subjectId = subject })).UserErrorCodes("createCalendarFeed");

        Assert.Equal(["NOT_ALLOWED"], await CodesAsync(bookerB, "SCHOOL", seed.SchoolA));
        Assert.Equal(["NOT_ALLOWED"], await CodesAsync(bookerB, "STAFF", null));
        Assert.Equal(["NOT_ALLOWED"], await CodesAsync(staffA, "STAFF", seed.StaffB1.ToString(CultureInfo.InvariantCulture)));
        Assert.Equal(["NOT_ALLOWED"], await CodesAsync(staffA, "LEADER", leader));
        Assert.Equal(["NOT_ALLOWED"], await CodesAsync(otherIle, "LEADER", leader));
        Assert.Equal(["NOT_ALLOWED"], await CodesAsync(otherIle, "CLUSTER", cluster));
        Assert.Equal(["NOT_ALLOWED"], await CodesAsync(commissioner, "CLUSTER", cluster));
        Assert.Equal(["NOT_ALLOWED"], await CodesAsync(commissioner, "SCHOOL", seed.SchoolA));
        Assert.Equal(["NOT_ALLOWED"], await CodesAsync(anonymous, "SCHOOL", seed.SchoolA));
        Assert.Equal(["NOT_FOUND"], await CodesAsync(admin, "SCHOOL", "9999999"));
        Assert.Equal(["NOT_FOUND"], await CodesAsync(admin, "CLUSTER", "999999"));
        Assert.Equal(["NOT_FOUND"], await CodesAsync(admin, "LEADER", "nonsense"));

        Assert.Empty(await CodesAsync(staffA, "STAFF", null));
        Assert.Empty(await CodesAsync(staffA, "CLUSTER", cluster));
        Assert.Empty(await CodesAsync(bookerB, "SCHOOL", seed.SchoolB));
        Assert.Empty(await CodesAsync(bookerB, "CLUSTER", cluster));
        Assert.Empty(await CodesAsync(ile, "CLUSTER", cluster));
        Assert.Empty(await CodesAsync(ile, "LEADER", null));
        Assert.Empty(await CodesAsync(ile, "LEADER", leader));
        Assert.Empty(await CodesAsync(admin, "LEADER", leader));
        Assert.Empty(await CodesAsync(admin, "SCHOOL", seed.SchoolA));
    }
}
