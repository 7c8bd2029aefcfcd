using System.Globalization;
using System.Text.Json;
using InclusionNetwork.Grains.Calendars;
using InclusionNetwork.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace InclusionNetwork.Silo.Tests.Calendars;

/// <summary>
/// Every kind of feed, rendered by the Silo from a seeded database, read by the outside parsers:
/// ical.js and Python's icalendar read back exactly what was written, vobject validates it, the bytes are well formed,
/// and each feed shows what it should and nothing its subscriber may not see.
/// </summary>
[Collection(PostgresCollection.Second)]
public sealed class CalendarFeedContentTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Every_feed_kind_is_read_back_exactly_by_ical_js_and_python_icalendar_and_validated_by_vobject()
    {
        await using var feeds = await FeedTestSilo.StartAsync(postgres);
        var seed = feeds.Seed;
        var cluster = seed.ClusterId.ToString(CultureInfo.InvariantCulture);
        var cases = new (string Email, FeedScope Scope, string? Subject)[]
        {
            (CalendarSeed.StaffEmail(seed.StaffA1), FeedScope.STAFF, null),
            (CalendarSeed.BookerEmail(seed.SchoolA), FeedScope.SCHOOL, seed.SchoolA),
            (CalendarSeed.BookerEmail(seed.SchoolA), FeedScope.CLUSTER, cluster),
            (CalendarSeed.LeaderEmail, FeedScope.CLUSTER, cluster),
            (CalendarSeed.LeaderEmail, FeedScope.LEADER, null),
        };

        foreach (var (email, scope, subject) in cases)
        {
            var feed = await feeds.CreateFeedAsync(email, scope, subject);
            var text = await feeds.FetchAsync(feed);
            var written = await feeds.Silo.Services.GetRequiredService<CalendarFeedRenderer>()
                .RenderAsync(scope, feed.SubjectId, await feeds.ViewerAsync(email));
            var ical = await CalendarTools.IcalJsAsync(text);
            var vobject = await CalendarTools.VobjectAsync(text);
            var icalendar = await CalendarTools.IcalendarAsync(text);
            var context = $"{scope} feed of {email}";

            Assert.DoesNotContain('\uFFFD', ical.GetRawText());
            Assert.DoesNotContain('\uFFFD', vobject.GetRawText());
            Assert.Equal(JsonValueKind.Null, ical.GetProperty("method").ValueKind);
            Assert.Equal(written.Name, ical.GetProperty("name").GetString());
            Assert.Equal(written.Name, ical.GetProperty("xWrCalname").GetString());
            Assert.Equal(written.Name, vobject.GetProperty("name").GetString());
            Assert.Equal(written.Name, icalendar.GetProperty("name").GetString());
            Assert.Equal(JsonValueKind.Null, icalendar.GetProperty("method").ValueKind);
            Assert.Equal(["Europe/London"], icalendar.GetProperty("timezones").EnumerateArray().Select(z => z.GetString()));
            Assert.True(written.Events.Count >= 3, $"{context} has only {written.Events.Count} events.");
            var icalEvents = ical.GetProperty("events").EnumerateArray().ToList();
            var vobjectEvents = vobject.GetProperty("events").EnumerateArray().ToList();
            Assert.Equal(written.Events.Count, icalEvents.Count);
            Assert.Equal(written.Events.Count, vobjectEvents.Count);
            var pythonEvents = icalendar.GetProperty("events").EnumerateArray().ToList();
            Assert.Equal(written.Events.Count, pythonEvents.Count);
            foreach (var (expected, python) in written.Events.Zip(pythonEvents))
            {
                Assert.Equal(expected.Uid, python.GetProperty("uid").GetString());
                Assert.Equal(expected.Summary, python.GetProperty("summary").GetString());
                Assert.Equal(expected.Description, python.GetProperty("description").GetString());
                Assert.Equal(expected.Location, python.GetProperty("location").GetString());
                Assert.Equal(expected.Status.ToString().ToUpperInvariant(), python.GetProperty("status").GetString());
                Assert.Equal(expected.Sequence, python.GetProperty("sequence").GetInt32());
                AssertPythonTime(expected.Start, python.GetProperty("start"));
                AssertPythonTime(expected.End, python.GetProperty("end"));
                // LAST-MODIFIED is the thing's last change, as DTSTAMP; URL leads back to the page of a
                // course or a visit (networks have no page yet).
                Assert.Equal(python.GetProperty("stamp").GetProperty("utc").GetString(), python.GetProperty("lastModified").GetProperty("utc").GetString());
                var page = expected.Uid.StartsWith("session-", StringComparison.Ordinal) ? "^/courses/[0-9]+$"
                    : expected.Uid.StartsWith("visit-", StringComparison.Ordinal) ? "^/ile/clusters/[0-9]+/visits/[0-9]+$"
                    : null;
                if (page is null)
                {
                    Assert.Equal(JsonValueKind.Null, python.GetProperty("url").ValueKind);
                }
                else
                {
                    Assert.Matches(page, expected.PagePath);
                    Assert.Equal(FeedTestSilo.PublicBaseUrl + expected.PagePath, python.GetProperty("url").GetString());
                }
            }
            foreach (var (expected, read, validated) in written.Events.Zip(icalEvents, vobjectEvents))
            {
                Assert.Equal(expected.Uid, read.GetProperty("uid").GetString());
                Assert.Equal(expected.Summary, read.GetProperty("summary").GetString());
                Assert.Equal(expected.Description, read.GetProperty("description").GetString());
                Assert.Equal(expected.Location, read.GetProperty("location").GetString());
                Assert.Equal(expected.Status.ToString().ToUpperInvariant(), read.GetProperty("status").GetString());
                Assert.Equal(expected.Sequence, read.GetProperty("sequence").GetInt32());
                Assert.Equal(expected.Summary, validated.GetProperty("summary").GetString());
                Assert.Equal(expected.Description, validated.GetProperty("description").GetString());
                Assert.Equal(expected.Location, validated.GetProperty("location").GetString());
                AssertTime(expected.Start, read.GetProperty("start"), validated.GetProperty("start"));
                AssertTime(expected.End, read.GetProperty("end"), validated.GetProperty("end"));
            }
        }
    }

    [Fact]
    public async Task Each_feed_shows_its_subjects_events_and_names_only_staff_its_subscriber_may_see()
    {
        await using var feeds = await FeedTestSilo.StartAsync(postgres);
        var seed = feeds.Seed;
        var cluster = seed.ClusterId.ToString(CultureInfo.InvariantCulture);
        string[] sessions = [.. seed.SessionIds.Select(EventUids.Session)];

        var staff = await EventsAsync(await feeds.FetchAsync(await feeds.CreateFeedAsync(CalendarSeed.StaffEmail(seed.StaffA1), FeedScope.STAFF)));
        Assert.All(sessions, uid => Assert.Equal("CONFIRMED", staff[uid].Status));
        Assert.Equal("CANCELLED", Assert.Single(staff.Values, e => e.Summary == CalendarSeed.CourseTitle && e.Status == "CANCELLED").Status);
        Assert.Contains(EventUids.Visit(seed.VisitHostedByB), staff.Keys);
        Assert.DoesNotContain(EventUids.Visit(seed.VisitHostedByA), staff.Keys);

        var offered = await EventsAsync(await feeds.FetchAsync(await feeds.CreateFeedAsync(CalendarSeed.StaffEmail(seed.StaffA2), FeedScope.STAFF)));
        Assert.All(sessions, uid => Assert.Equal("TENTATIVE", offered[uid].Status));
        Assert.All(sessions, uid => Assert.Contains("A place is offered to you", offered[uid].Text));

        var school = await EventsAsync(await feeds.FetchAsync(await feeds.CreateFeedAsync(CalendarSeed.BookerEmail(seed.SchoolA), FeedScope.SCHOOL, seed.SchoolA)));
        Assert.All(sessions, uid => Assert.Contains(seed.StaffA1Name, school[uid].Text));
        Assert.Contains(EventUids.Visit(seed.VisitHostedByA), school.Keys);
        Assert.Contains(EventUids.Visit(seed.VisitHostedByB), school.Keys);
        Assert.Contains(EventUids.Meeting(seed.MeetingId), school.Keys);
        Assert.Equal("CANCELLED", school[EventUids.Meeting(seed.CancelledMeetingId)].Status);
        Assert.DoesNotContain(seed.StaffB1Name, string.Concat(school.Values.Select(e => e.Text)));

        var bookerCluster = await EventsAsync(await feeds.FetchAsync(await feeds.CreateFeedAsync(CalendarSeed.BookerEmail(seed.SchoolA), FeedScope.CLUSTER, cluster)));
        Assert.Contains(EventUids.Visit(seed.VisitHostedByA), bookerCluster.Keys);
        Assert.Contains(EventUids.Visit(seed.VisitHostedByB), bookerCluster.Keys);
        Assert.Contains(EventUids.Meeting(seed.CancelledMeetingId), bookerCluster.Keys);
        Assert.DoesNotContain(sessions[0], bookerCluster.Keys);
        Assert.DoesNotContain(seed.StaffB1Name, string.Concat(bookerCluster.Values.Select(e => e.Text)));

        var leaderCluster = await EventsAsync(await feeds.FetchAsync(await feeds.CreateFeedAsync(CalendarSeed.LeaderEmail, FeedScope.CLUSTER, cluster)));
        Assert.Contains(seed.StaffB1Name, leaderCluster[EventUids.Visit(seed.VisitHostedByA)].Text);

        var leader = await EventsAsync(await feeds.FetchAsync(await feeds.CreateFeedAsync(CalendarSeed.LeaderEmail, FeedScope.LEADER)));
        Assert.Contains(EventUids.Visit(seed.VisitHostedByA), leader.Keys);
        Assert.Contains(EventUids.Visit(seed.VisitHostedByB), leader.Keys);
        Assert.Contains(EventUids.Meeting(seed.CancelledMeetingId), leader.Keys);
    }

    [Fact]
    public async Task Events_on_the_days_the_clocks_change_keep_their_wall_clock_times()
    {
        await using var feeds = await FeedTestSilo.StartAsync(postgres);
        var seed = feeds.Seed;
        var text = await feeds.FetchAsync(await feeds.CreateFeedAsync(CalendarSeed.BookerEmail(seed.SchoolA), FeedScope.SCHOOL, seed.SchoolA));
        var ical = (await CalendarTools.IcalJsAsync(text)).GetProperty("events").EnumerateArray().ToDictionary(e => e.GetProperty("uid").GetString()!);
        var vobject = (await CalendarTools.VobjectAsync(text)).GetProperty("events").EnumerateArray().ToDictionary(e => e.GetProperty("uid").GetString()!);
        var python = (await CalendarTools.IcalendarAsync(text)).GetProperty("events").EnumerateArray().ToDictionary(e => e.GetProperty("uid").GetString()!);

        // Spring forward: 09:30 BST is 08:30 UTC. Fall back: 09:30 GMT is 09:30 UTC, and the meeting at 18:00 GMT.
        var expectations = new (string Uid, string WallClock, DateTimeOffset Instant)[]
        {
            (EventUids.Session(seed.SessionIds[0]), "2026-03-29T09:30:00", CalendarSeed.SpringForwardSession),
            (EventUids.Session(seed.SessionIds[1]), "2026-10-25T09:30:00", CalendarSeed.FallBackSession),
            (EventUids.Meeting(seed.MeetingId), "2026-10-25T18:00:00", new DateTimeOffset(2026, 10, 25, 18, 0, 0, TimeSpan.Zero)),
        };
        foreach (var (uid, wallClock, instant) in expectations)
        {
            var start = ical[uid].GetProperty("start");
            Assert.Equal(wallClock, start.GetProperty("wallClock").GetString());
            Assert.Equal("Europe/London", start.GetProperty("zone").GetString());
            Assert.Equal(instant.ToUnixTimeSeconds(), start.GetProperty("unixSeconds").GetInt64());
            var validated = vobject[uid];
            Assert.Equal(wallClock, validated.GetProperty("start").GetProperty("wallClock").GetString());
            Assert.Equal("Europe/London", validated.GetProperty("startTzid").GetString());
            Assert.Equal(instant.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture), validated.GetProperty("start").GetProperty("utc").GetString());
            var read = python[uid].GetProperty("start");
            Assert.Equal(wallClock, read.GetProperty("wallClock").GetString());
            Assert.Equal(instant.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture), read.GetProperty("utc").GetString());
        }
        Assert.Contains($"DTSTART;TZID=Europe/London:20260329T093000\r\n", text, StringComparison.Ordinal);
        Assert.Contains($"DTSTART;VALUE=DATE:{CalendarSeed.VisitADate:yyyyMMdd}\r\n", text, StringComparison.Ordinal);
    }

    internal sealed record ReadEvent(string Status, string Summary, string Text, int Sequence);

    /// <summary>The feed's events by UID, as ical.js reads them.</summary>
    internal static async Task<Dictionary<string, ReadEvent>> EventsAsync(string feed) =>
        (await CalendarTools.IcalJsAsync(feed)).GetProperty("events").EnumerateArray().ToDictionary(
            e => e.GetProperty("uid").GetString()!,
            e => new ReadEvent(
                e.GetProperty("status").GetString()!,
                e.GetProperty("summary").GetString()!,
                $"{e.GetProperty("summary").GetString()}\n{e.GetProperty("description").GetString()}\n{e.GetProperty("location").GetString()}",
                e.GetProperty("sequence").GetInt32()));

    private static void AssertPythonTime(EventTime written, JsonElement read)
    {
        Assert.Equal(written.IsAllDay, read.GetProperty("isDate").GetBoolean());
        var format = written.IsAllDay ? "yyyy-MM-dd" : "yyyy-MM-ddTHH:mm:ss";
        Assert.Equal(written.WallClock.ToString(format, CultureInfo.InvariantCulture), read.GetProperty("wallClock").GetString());
        if (!written.IsAllDay)
        {
            Assert.Equal(written.TimeZoneId, read.GetProperty("zone").GetString());
            var zone = TimeZoneInfo.FindSystemTimeZoneById(written.TimeZoneId!);
            var utc = new DateTimeOffset(written.WallClock, zone.GetUtcOffset(written.WallClock)).UtcDateTime;
            Assert.Equal(utc.ToString(format, CultureInfo.InvariantCulture), read.GetProperty("utc").GetString());
        }
    }

    private static void AssertTime(EventTime written, JsonElement read, JsonElement validated)
    {
        Assert.Equal(written.IsAllDay, read.GetProperty("isDate").GetBoolean());
        Assert.Equal(written.IsAllDay, validated.GetProperty("isDate").GetBoolean());
        var format = written.IsAllDay ? "yyyy-MM-dd" : "yyyy-MM-ddTHH:mm:ss";
        Assert.Equal(written.WallClock.ToString(format, CultureInfo.InvariantCulture), read.GetProperty("wallClock").GetString());
        Assert.Equal(written.WallClock.ToString(format, CultureInfo.InvariantCulture), validated.GetProperty("wallClock").GetString());
        if (!written.IsAllDay)
        {
            Assert.Equal(written.TimeZoneId, read.GetProperty("zone").GetString());
            var zone = TimeZoneInfo.FindSystemTimeZoneById(written.TimeZoneId!);
            var instant = new DateTimeOffset(written.WallClock, zone.GetUtcOffset(written.WallClock));
            Assert.Equal(instant.ToUnixTimeSeconds(), read.GetProperty("unixSeconds").GetInt64());
        }
    }
}
