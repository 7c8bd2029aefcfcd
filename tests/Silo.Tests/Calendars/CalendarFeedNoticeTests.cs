using System.Diagnostics;
using System.Net;
using InclusionNetwork.Grains.Calendars;
using InclusionNetwork.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans;

namespace InclusionNetwork.Silo.Tests.Calendars;

/// <summary>
/// Each silo answers polls of the feeds it has served from memory while it hears committed changes
/// (PostgreSQL LISTEN/NOTIFY): with two silos on one database, a feed revoked through one answers 404
/// on the other and a change committed anywhere reaches both; a silo whose listening connection drops
/// serves nothing it kept before, and serves from memory again once it listens again.
/// </summary>
[Collection(PostgresCollection.Second)]
public sealed class CalendarFeedNoticeTests(PostgresFixture postgres)
{
    /// <summary>Notices arrive a moment after their commit: how long a silo may take to hear one, at most.</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_feed_revoked_through_one_silo_is_not_found_on_another_and_changes_reach_both()
    {
        await using var feeds = await FeedTestSilo.StartAsync(postgres);
        await using var other = await SiloHost.StartAsync(feeds.ConnectionString, clock: feeds.Clock, settings:
        [
            new("Calendar:FeedKey", FeedTestSilo.FeedKey),
            new("App:PublicBaseUrl", FeedTestSilo.PublicBaseUrl),
        ]);
        await FeedTestSilo.ListeningAsync(other);
        var email = CalendarSeed.BookerEmail(feeds.Seed.SchoolA);
        var feed = await feeds.CreateFeedAsync(email, FeedScope.SCHOOL, feeds.Seed.SchoolA);
        var path = FeedTestSilo.PathOf(feed);
        var token = Path.GetFileNameWithoutExtension(path);
        var there = other.Services.GetRequiredService<CalendarFeedServer>();

        var text = await feeds.FetchAsync(feed);
        var (elsewhere, elsewhereBody) = await GetAsync(other, path);
        Assert.Equal(HttpStatusCode.OK, elsewhere.StatusCode);
        Assert.Equal(text, FeedBytes.AssertWellFormed(elsewhereBody));
        // The other silo has served it, so it now answers from memory.
        Assert.Empty(await CalendarFeedCacheTests.CommandsRunByAsync(async () => Assert.NotNull(await there.ServeAsync(token))));

        // A change committed through neither silo reaches both.
        feeds.Clock.Advance(TimeSpan.FromMinutes(10));
        await ExecuteAsync(feeds, "UPDATE meetings SET title = 'Spring forum, in the small hall', sequence = sequence + 1, updated_at = @now WHERE id = @id",
            ("now", feeds.Clock.GetUtcNow()), ("id", feeds.Seed.MeetingId));
        await EventuallyAsync("the other silo serves the changed meeting", async () =>
        {
            var (response, body) = await GetAsync(other, path);
            return response.StatusCode == HttpStatusCode.OK && Unfolded(body).Contains("Spring forum\\, in the small hall", StringComparison.Ordinal);
        });
        Assert.Contains("Spring forum\\, in the small hall", (await feeds.FetchAsync(feed)).Replace("\r\n ", "", StringComparison.Ordinal), StringComparison.Ordinal);

        // Revoked through the first silo: not found there at once, and on the other once it hears of it.
        var viewer = await feeds.ViewerAsync(email);
        var revoked = await feeds.Silo.Services.GetRequiredService<IGrainFactory>().GetGrain<ICalendarFeedsGrain>(viewer.AccountId).RevokeAsync(viewer, feed.Id);
        Assert.True(revoked.Succeeded);
        Assert.Equal(HttpStatusCode.NotFound, (await feeds.GetAsync(path)).Response.StatusCode);
        await EventuallyAsync("the other silo answers 404 for the revoked feed", async () => (await GetAsync(other, path)).Response.StatusCode == HttpStatusCode.NotFound);
        Assert.Null(await there.ServeAsync(token));
        // As an unknown link answers, to the byte.
        var (unknown, unknownBody) = await GetAsync(other, "/calendar/" + new string('A', token.Length) + ".ics");
        var (gone, goneBody) = await GetAsync(other, path);
        Assert.Equal(unknown.StatusCode, gone.StatusCode);
        Assert.Equal(unknownBody, goneBody);
        Assert.Equal(unknown.Headers.CacheControl, gone.Headers.CacheControl);
    }

    [Fact]
    public async Task A_silo_whose_listening_connection_drops_serves_nothing_kept_before_until_it_listens_again()
    {
        await using var feeds = await FeedTestSilo.StartAsync(postgres);
        var services = feeds.Silo.Services;
        var server = services.GetRequiredService<CalendarFeedServer>();
        var changes = services.GetRequiredService<FeedChanges>();
        var listener = services.GetRequiredService<FeedChangeListener>();
        var feed = await feeds.CreateFeedAsync(CalendarSeed.LeaderEmail, FeedScope.LEADER);
        var token = Path.GetFileNameWithoutExtension(FeedTestSilo.PathOf(feed));
        var first = await server.ServeAsync(token);
        Assert.NotNull(first);
        Assert.Empty(await CalendarFeedCacheTests.CommandsRunByAsync(async () => Assert.NotNull(await server.ServeAsync(token))));

        // The database ends the listening connection (a restart, a network fault), and a change commits
        // while the silo may not hear it.
        var epoch = changes.Epoch;
        var pid = listener.ListeningProcessId ?? throw new InvalidOperationException("The silo does not listen.");
        await using (var dataSource = NpgsqlDataSource.Create(feeds.ConnectionString))
        await using (var terminate = dataSource.CreateCommand("SELECT pg_terminate_backend(@pid)"))
        {
            terminate.Parameters.AddWithValue("pid", pid);
            Assert.True((bool)(await terminate.ExecuteScalarAsync())!);
        }
        feeds.Clock.Advance(TimeSpan.FromMinutes(10));
        await ExecuteAsync(feeds, "UPDATE meetings SET title = 'Planning, moved to the annexe', sequence = sequence + 1, updated_at = @now WHERE id = @id",
            ("now", feeds.Clock.GetUtcNow()), ("id", feeds.Seed.CancelledMeetingId));

        // It noticed, and listens again on another connection.
        await EventuallyAsync("the silo listens again", () => Task.FromResult(changes.Epoch >= epoch + 2 && changes.Listening));
        Assert.NotEqual(pid, listener.ListeningProcessId);
        // What it kept before is not served: the next poll asks the database, and finds the change.
        ServedFeed? served = null;
        Assert.NotEmpty(await CalendarFeedCacheTests.CommandsRunByAsync(async () => served = await server.ServeAsync(token)));
        Assert.NotEqual(first.ETag, served!.ETag);
        Assert.Contains("Planning\\, moved to the annexe", Unfolded((await served.ReadBodyAsync()).Body), StringComparison.Ordinal);
        // And from then on it answers from memory again.
        Assert.Empty(await CalendarFeedCacheTests.CommandsRunByAsync(async () => Assert.Equal(served.ETag, (await server.ServeAsync(token))!.ETag)));
    }

    private static string Unfolded(byte[] body) => System.Text.Encoding.UTF8.GetString(body).Replace("\r\n ", "", StringComparison.Ordinal);

    private static async Task<(HttpResponseMessage Response, byte[] Body)> GetAsync(SiloHost silo, string path)
    {
        using var client = silo.CreateClient();
        var response = await client.GetAsync(path);
        return (response, await response.Content.ReadAsByteArrayAsync());
    }

    /// <summary>Polls until <paramref name="condition"/> holds, failing after <see cref="Bound"/>: a bound, not a measure of speed.</summary>
    private static async Task EventuallyAsync(string what, Func<Task<bool>> condition)
    {
        var waited = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(waited.Elapsed < Bound, $"Not within {Bound.TotalSeconds:F0} s: {what}.");
            await Task.Delay(TimeSpan.FromMilliseconds(50), TimeProvider.System);
        }
    }

    private static async Task ExecuteAsync(FeedTestSilo feeds, string sql, params (string Name, object Value)[] parameters)
    {
        await using var dataSource = NpgsqlDataSource.Create(feeds.ConnectionString);
        await using var command = dataSource.CreateCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        Assert.True(await command.ExecuteNonQueryAsync() > 0, $"Nothing was changed by: {sql}");
    }
}
