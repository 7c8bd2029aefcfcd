using System.Globalization;
using System.Net;
using InclusionNetwork.Grains.Calendars;
using InclusionNetwork.TestSupport;

namespace InclusionNetwork.Silo.Tests.Calendars;

/// <summary>One booking or visit as a calendar file to import, for a signed-in person allowed to see it.</summary>
[Collection(PostgresCollection.Second)]
public sealed class CalendarDownloadTests(PostgresFixture postgres)
{
    [Fact]
    public async Task A_booking_and_a_visit_download_as_published_calendars_for_those_allowed_only()
    {
        await using var feeds = await FeedTestSilo.StartAsync(postgres);
        var seed = feeds.Seed;
        var bookingPath = $"/calendar/bookings/{seed.BookingA1.ToString(CultureInfo.InvariantCulture)}.ics";
        var visitPath = $"/calendar/visits/{seed.VisitHostedByA.ToString(CultureInfo.InvariantCulture)}.ics";
        using var staffA = await feeds.Silo.SignInAsync(CalendarSeed.StaffEmail(seed.StaffA1));
        using var bookerA = await feeds.Silo.SignInAsync(CalendarSeed.BookerEmail(seed.SchoolA));
        using var bookerB = await feeds.Silo.SignInAsync(CalendarSeed.BookerEmail(seed.SchoolB));
        using var reviewerB = await feeds.Silo.SignInAsync(CalendarSeed.StaffEmail(seed.StaffB1));
        using var provider = await feeds.Silo.SignInAsync("provider@demo.test");
        using var anonymous = feeds.Silo.CreateClient();

        var booking = await staffA.GetAsync(bookingPath);
        Assert.Equal(HttpStatusCode.OK, booking.StatusCode);
        Assert.Equal("text/calendar; charset=utf-8", booking.Content.Headers.ContentType!.ToString());
        Assert.Equal($"booking-{seed.BookingA1}.ics", booking.Content.Headers.ContentDisposition!.FileName?.Trim('"'));
        var bookingText = FeedBytes.AssertWellFormed(await booking.Content.ReadAsByteArrayAsync());
        var read = await CalendarTools.IcalJsAsync(bookingText);
        await CalendarTools.VobjectAsync(bookingText);
        var bookingPython = await CalendarTools.IcalendarAsync(bookingText);
        Assert.Equal("PUBLISH", read.GetProperty("method").GetString());
        Assert.Equal("PUBLISH", bookingPython.GetProperty("method").GetString());
        Assert.Equal(seed.SessionIds.Select(EventUids.Session), bookingPython.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("uid").GetString()));
        Assert.Equal(seed.SessionIds.Select(EventUids.Session), read.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("uid").GetString()));
        Assert.Equal(HttpStatusCode.OK, (await bookerA.GetAsync(bookingPath)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await provider.GetAsync(bookingPath)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bookerB.GetAsync(bookingPath)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staffA.GetAsync("/calendar/bookings/999999.ics")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(bookingPath)).StatusCode);

        var visit = await reviewerB.GetAsync(visitPath);
        Assert.Equal(HttpStatusCode.OK, visit.StatusCode);
        var visitText = FeedBytes.AssertWellFormed(await visit.Content.ReadAsByteArrayAsync());
        var visitRead = await CalendarTools.IcalJsAsync(visitText);
        await CalendarTools.VobjectAsync(visitText);
        var visitPython = await CalendarTools.IcalendarAsync(visitText);
        Assert.Equal("PUBLISH", visitRead.GetProperty("method").GetString());
        Assert.Equal("PUBLISH", visitPython.GetProperty("method").GetString());
        Assert.True(Assert.Single(visitPython.GetProperty("events").EnumerateArray()).GetProperty("start").GetProperty("isDate").GetBoolean());
        var visitEvent = Assert.Single(visitRead.GetProperty("events").EnumerateArray());
        Assert.Equal(EventUids.Visit(seed.VisitHostedByA), visitEvent.GetProperty("uid").GetString());
        Assert.Equal(CalendarSeed.VisitADate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), visitEvent.GetProperty("start").GetProperty("wallClock").GetString());
        Assert.Contains(seed.StaffB1Name, visitEvent.GetProperty("description").GetString());
        // The host school sees the visit but not the names of other schools' reviewers.
        var hostCopy = await bookerA.GetAsync(visitPath);
        Assert.Equal(HttpStatusCode.OK, hostCopy.StatusCode);
        Assert.DoesNotContain(seed.StaffB1Name, await hostCopy.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await bookerB.GetAsync(visitPath)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await provider.GetAsync(visitPath)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(visitPath)).StatusCode);
    }
}
