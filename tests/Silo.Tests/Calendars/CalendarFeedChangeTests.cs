using System.Net;
using InclusionNetwork.Grains.Bookings;
using InclusionNetwork.Grains.Calendars;
using Orleans;
using InclusionNetwork.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace InclusionNetwork.Silo.Tests.Calendars;

/// <summary>
/// Subscribed clients stay correct as things change: an event keeps its UID and gets a higher
/// SEQUENCE; cancelled things stay as CANCELLED for 30 days, then leave the feed.
/// </summary>
[Collection(PostgresCollection.Second)]
public sealed class CalendarFeedChangeTests(PostgresFixture postgres)
{
    [Fact]
    public async Task A_moved_visit_keeps_its_uid_with_a_higher_sequence_and_its_new_date()
    {
        await using var feeds = await FeedTestSilo.StartAsync(postgres);
        var seed = feeds.Seed;
        var feed = await feeds.CreateFeedAsync(CalendarSeed.LeaderEmail, FeedScope.LEADER);
        var uid = EventUids.Visit(seed.VisitHostedByA);
        var before = (await CalendarFeedContentTests.EventsAsync(await feeds.FetchAsync(feed)))[uid];

        feeds.Clock.Advance(TimeSpan.FromHours(1));
        // What moving a visit writes: the new date (also on its reviewers) and a higher sequence.
        await ExecuteAsync(feeds, """
            UPDATE review_visits SET visit_date = DATE '2026-04-21', sequence = sequence + 1, updated_at = @now, version = version + 1 WHERE id = @id;
            UPDATE visit_reviewers SET review_date = DATE '2026-04-21' WHERE visit_id = @id;
            """, ("id", seed.VisitHostedByA));
        var text = await feeds.FetchAsync(feed);
        var after = (await CalendarFeedContentTests.EventsAsync(text))[uid];

        Assert.True(after.Sequence > before.Sequence, $"SEQUENCE {before.Sequence} became {after.Sequence}.");
        Assert.Equal("CONFIRMED", after.Status);
        var start = (await CalendarTools.IcalJsAsync(text)).GetProperty("events").EnumerateArray()
            .Single(e => e.GetProperty("uid").GetString() == uid).GetProperty("start");
        Assert.Equal("2026-04-21", start.GetProperty("wallClock").GetString());
    }

    [Fact]
    public async Task A_cancelled_runs_sessions_show_as_cancelled_with_a_higher_sequence_then_drop_after_30_days()
    {
        await using var feeds = await FeedTestSilo.StartAsync(postgres);
        var seed = feeds.Seed;
        var staffFeed = await feeds.CreateFeedAsync(CalendarSeed.StaffEmail(seed.StaffA1), FeedScope.STAFF);
        var schoolFeed = await feeds.CreateFeedAsync(CalendarSeed.BookerEmail(seed.SchoolA), FeedScope.SCHOOL, seed.SchoolA);
        var before = await CalendarFeedContentTests.EventsAsync(await feeds.FetchAsync(staffFeed));
        var schoolBefore = await CalendarFeedContentTests.EventsAsync(await feeds.FetchAsync(schoolFeed));

        feeds.Clock.Advance(TimeSpan.FromDays(1));
        var admin = await feeds.ViewerAsync("admin@demo.test");
        var cancelled = await feeds.Silo.Services.GetRequiredService<IGrainFactory>().GetGrain<ICourseRunGrain>(seed.RunId)
            .CancelRunAsync(admin, "Trainer unwell; we will rearrange.");
        Assert.True(cancelled.Succeeded, string.Join("; ", cancelled.Errors.Select(e => e.Message)));

        var after = await CalendarFeedContentTests.EventsAsync(await feeds.FetchAsync(staffFeed));
        var schoolAfter = await CalendarFeedContentTests.EventsAsync(await feeds.FetchAsync(schoolFeed));
        foreach (var uid in seed.SessionIds.Select(EventUids.Session))
        {
            Assert.Equal("CANCELLED", after[uid].Status);
            Assert.True(after[uid].Sequence > before[uid].Sequence);
            Assert.Contains("Trainer unwell; we will rearrange.", after[uid].Text);
            Assert.Equal("CANCELLED", schoolAfter[uid].Status);
            Assert.True(schoolAfter[uid].Sequence > schoolBefore[uid].Sequence);
        }

        feeds.Clock.Advance(TimeSpan.FromDays(29.9));
        Assert.Contains(EventUids.Session(seed.SessionIds[0]), (await CalendarFeedContentTests.EventsAsync(await feeds.FetchAsync(staffFeed))).Keys);
        feeds.Clock.Advance(TimeSpan.FromDays(0.2));
        var dropped = await CalendarFeedContentTests.EventsAsync(await feeds.FetchAsync(staffFeed));
        var schoolDropped = await CalendarFeedContentTests.EventsAsync(await feeds.FetchAsync(schoolFeed));
        Assert.All(seed.SessionIds.Select(EventUids.Session), uid =>
        {
            Assert.DoesNotContain(uid, dropped.Keys);
            Assert.DoesNotContain(uid, schoolDropped.Keys);
        });
        // The visit the person reviews is unaffected.
        Assert.Contains(EventUids.Visit(seed.VisitHostedByB), dropped.Keys);
    }

    [Fact]
    public async Task A_given_up_place_shows_as_cancelled_and_a_cancelled_meeting_drops_after_30_days()
    {
        await using var feeds = await FeedTestSilo.StartAsync(postgres);
        var seed = feeds.Seed;
        var schoolFeed = await feeds.CreateFeedAsync(CalendarSeed.BookerEmail(seed.SchoolA), FeedScope.SCHOOL, seed.SchoolA);
        var booker = await feeds.ViewerAsync(CalendarSeed.BookerEmail(seed.SchoolA));
        var staffFeed = await feeds.CreateFeedAsync(CalendarSeed.StaffEmail(seed.StaffA1), FeedScope.STAFF);
        var before = await CalendarFeedContentTests.EventsAsync(await feeds.FetchAsync(staffFeed));

        var cancelled = await feeds.Silo.Services.GetRequiredService<IGrainFactory>().GetGrain<ICourseRunGrain>(seed.RunId)
            .CancelBookingAsync(booker, seed.BookingA1, "Cover not available.");
        Assert.True(cancelled.Succeeded, string.Join("; ", cancelled.Errors.Select(e => e.Message)));

        var after = await CalendarFeedContentTests.EventsAsync(await feeds.FetchAsync(staffFeed));
        var uid = EventUids.Session(seed.SessionIds[0]);
        Assert.Equal("CANCELLED", after[uid].Status);
        Assert.True(after[uid].Sequence > before[uid].Sequence);
        var school = await CalendarFeedContentTests.EventsAsync(await feeds.FetchAsync(schoolFeed));
        Assert.Equal("CANCELLED", school[EventUids.Meeting(seed.CancelledMeetingId)].Status);

        feeds.Clock.Advance(TimeSpan.FromDays(30));
        var later = await CalendarFeedContentTests.EventsAsync(await feeds.FetchAsync(schoolFeed));
        Assert.DoesNotContain(EventUids.Meeting(seed.CancelledMeetingId), later.Keys);
        Assert.Contains(EventUids.Meeting(seed.MeetingId), later.Keys);
        Assert.Equal(HttpStatusCode.OK, (await feeds.GetAsync(FeedTestSilo.PathOf(staffFeed))).Response.StatusCode);
    }

    private static async Task ExecuteAsync(FeedTestSilo feeds, string sql, params (string Name, object Value)[] parameters)
    {
        await using var dataSource = NpgsqlDataSource.Create(feeds.ConnectionString);
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("now", feeds.Clock.GetUtcNow());
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        await command.ExecuteNonQueryAsync();
    }
}
