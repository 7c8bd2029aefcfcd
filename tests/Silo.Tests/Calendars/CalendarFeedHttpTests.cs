using System.Net;
using System.Net.Http.Headers;
using InclusionNetwork.Grains.Calendars;
using Orleans;
using InclusionNetwork.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace InclusionNetwork.Silo.Tests.Calendars;

/// <summary>GET /calendar/{token}.ics over real HTTP: headers, conditional requests, and 404 that tells nothing.</summary>
[Collection(PostgresCollection.Second)]
public sealed class CalendarFeedHttpTests(PostgresFixture postgres)
{
    [Fact]
    public async Task A_feed_is_text_calendar_with_validators_and_conditional_requests_get_304()
    {
        await using var feeds = await FeedTestSilo.StartAsync(postgres);
        var feed = await feeds.CreateFeedAsync(CalendarSeed.StaffEmail(feeds.Seed.StaffA1), FeedScope.STAFF);
        var path = FeedTestSilo.PathOf(feed);

        Assert.StartsWith($"{FeedTestSilo.PublicBaseUrl}/calendar/", feed.Url);
        Assert.EndsWith(".ics", feed.Url);
        Assert.Equal("webcal://" + feed.Url["https://".Length..], feed.WebcalUrl);
        var (response, body) = await feeds.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.True(response.Headers.CacheControl!.Private);
        var etag = response.Headers.ETag!;
        Assert.False(etag.IsWeak);
        var lastModified = response.Content.Headers.LastModified!.Value;
        FeedBytes.AssertWellFormed(body);

        var byTag = await feeds.GetAsync(path, r => r.Headers.IfNoneMatch.Add(etag));
        Assert.Equal(HttpStatusCode.NotModified, byTag.Response.StatusCode);
        Assert.Empty(byTag.Body);
        Assert.Equal(etag, byTag.Response.Headers.ETag);
        var byDate = await feeds.GetAsync(path, r => r.Headers.IfModifiedSince = lastModified);
        Assert.Equal(HttpStatusCode.NotModified, byDate.Response.StatusCode);
        var otherTag = await feeds.GetAsync(path, r => r.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"something-else\"")));
        Assert.Equal(HttpStatusCode.OK, otherTag.Response.StatusCode);
        Assert.Equal(body, otherTag.Body);
        // If-None-Match decides when both are sent (RFC 9110 13.2.2).
        var both = await feeds.GetAsync(path, r =>
        {
            r.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"something-else\""));
            r.Headers.IfModifiedSince = lastModified;
        });
        Assert.Equal(HttpStatusCode.OK, both.Response.StatusCode);

        // A change to what the feed shows gives a new ETag and a later Last-Modified.
        feeds.Clock.Advance(TimeSpan.FromMinutes(5));
        await using (var dataSource = Npgsql.NpgsqlDataSource.Create(feeds.ConnectionString))
        await using (var move = dataSource.CreateCommand("UPDATE course_sessions SET starts_at = starts_at + interval '1 hour', sequence = sequence + 1, updated_at = @now WHERE id = @id"))
        {
            move.Parameters.AddWithValue("now", feeds.Clock.GetUtcNow());
            move.Parameters.AddWithValue("id", feeds.Seed.SessionIds[0]);
            await move.ExecuteNonQueryAsync();
        }
        var changed = await feeds.GetAsync(path, r => r.Headers.IfNoneMatch.Add(etag));
        Assert.Equal(HttpStatusCode.OK, changed.Response.StatusCode);
        Assert.NotEqual(etag, changed.Response.Headers.ETag);
        Assert.True(changed.Response.Content.Headers.LastModified > lastModified);
        var sinceOld = await feeds.GetAsync(path, r => r.Headers.IfModifiedSince = lastModified);
        Assert.Equal(HttpStatusCode.OK, sinceOld.Response.StatusCode);
    }

    [Fact]
    public async Task Unknown_revoked_and_malformed_tokens_get_the_same_404()
    {
        await using var feeds = await FeedTestSilo.StartAsync(postgres);
        var viewer = await feeds.ViewerAsync(CalendarSeed.StaffEmail(feeds.Seed.StaffA1));
        var grain = feeds.Silo.Services.GetRequiredService<IGrainFactory>().GetGrain<ICalendarFeedsGrain>(viewer.AccountId);
        var feed = await feeds.CreateFeedAsync(CalendarSeed.StaffEmail(feeds.Seed.StaffA1), FeedScope.STAFF);
        var path = FeedTestSilo.PathOf(feed);
        Assert.Equal(HttpStatusCode.OK, (await feeds.GetAsync(path)).Response.StatusCode);

        var revoked = await grain.RevokeAsync(viewer, feed.Id);
        Assert.True(revoked.Value!.Revoked);
        Assert.Equal(feed.Url, revoked.Value.Url);

        var token = path["/calendar/".Length..^".ics".Length];
        var unknownToken = (token[0] == 'A' ? 'B' : 'A') + token[1..];
        var answers = new List<(HttpResponseMessage Response, byte[] Body)>();
        foreach (var attempt in new[] { path, $"/calendar/{unknownToken}.ics", "/calendar/not-a-token.ics", $"/calendar/{token}x.ics" })
        {
            answers.Add(await feeds.GetAsync(attempt));
        }
        foreach (var (response, body) in answers)
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal(answers[0].Body, body);
            Assert.Equal(Describe(answers[0].Response), Describe(response));
        }
    }

    [Fact]
    public async Task A_feed_stops_when_its_owner_may_no_longer_see_the_subject()
    {
        await using var feeds = await FeedTestSilo.StartAsync(postgres);
        var booker = CalendarSeed.BookerEmail(feeds.Seed.SchoolA);
        var feed = await feeds.CreateFeedAsync(booker, FeedScope.SCHOOL, feeds.Seed.SchoolA);
        Assert.Equal(HttpStatusCode.OK, (await feeds.GetAsync(FeedTestSilo.PathOf(feed))).Response.StatusCode);

        await using (var dataSource = Npgsql.NpgsqlDataSource.Create(feeds.ConnectionString))
        await using (var demote = dataSource.CreateCommand("DELETE FROM account_roles WHERE account_id = (SELECT id FROM accounts WHERE email = @email)"))
        {
            demote.Parameters.AddWithValue("email", booker);
            await demote.ExecuteNonQueryAsync();
        }

        Assert.Equal(HttpStatusCode.NotFound, (await feeds.GetAsync(FeedTestSilo.PathOf(feed))).Response.StatusCode);
    }

    /// <summary>Status, content headers and response headers other than Date, for comparing two answers.</summary>
    private static string Describe(HttpResponseMessage response) => string.Join("\n",
        new[] { ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture) }
            .Concat(response.Headers.Where(h => h.Key != "Date").Select(h => $"{h.Key}: {string.Join(",", h.Value)}"))
            .Concat(response.Content.Headers.Select(h => $"{h.Key}: {string.Join(",", h.Value)}")));
}
