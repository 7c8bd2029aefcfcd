using System.Globalization;
using System.Text.Json;
using InclusionNetwork.Calendar.Tests.Support;

namespace InclusionNetwork.Calendar.Tests;

/// <summary>Debian's python3-vobject validates the calendar strictly and reads back every value.</summary>
public sealed class CalendarWriterVobjectTests
{
    [Fact]
    public void The_calendar_validates_and_every_value_is_read_back()
    {
        var document = SampleCalendars.Everything();
        var parsed = Vobject.Read(CalendarWriter.WriteToString(document));

        Assert.Equal(document.ProdId, parsed.GetProperty("prodid").GetString());
        Assert.Equal("2.0", parsed.GetProperty("version").GetString());
        Assert.Equal(document.Name, parsed.GetProperty("name").GetString());
        Assert.Equal(["Europe/London"], parsed.GetProperty("timezones").EnumerateArray().Select(z => z.GetString()));
        var events = parsed.GetProperty("events").EnumerateArray().ToList();
        Assert.Equal(document.Events.Count, events.Count);
        foreach (var (written, read) in document.Events.Zip(events))
        {
            Assert.Equal(written.Uid, read.GetProperty("uid").GetString());
            Assert.Equal(written.Summary, read.GetProperty("summary").GetString());
            Assert.Equal(written.Description, read.GetProperty("description").GetString());
            Assert.Equal(written.Location, read.GetProperty("location").GetString());
            Assert.Equal(written.Url?.AbsoluteUri, read.GetProperty("url").GetString());
            Assert.Equal(written.Status.ToString().ToUpperInvariant(), read.GetProperty("status").GetString());
            Assert.Equal(written.Sequence.ToString(CultureInfo.InvariantCulture), read.GetProperty("sequence").GetString());
            Assert.Equal(written.Categories, read.GetProperty("categories").EnumerateArray().Select(c => c.GetString()));
            Assert.Equal("2026-09-01T07:15:00", read.GetProperty("dtstamp").GetProperty("utc").GetString());
            AssertTime(written.Start, read.GetProperty("start"));
            AssertTime(written.End, read.GetProperty("end"));
            Assert.Equal(written.Start.TimeZoneId, read.GetProperty("startTzid").GetString());
        }
    }

    private static void AssertTime(EventTime written, JsonElement read)
    {
        Assert.Equal(written.IsAllDay, read.GetProperty("isDate").GetBoolean());
        if (written.IsAllDay)
        {
            Assert.Equal(written.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), read.GetProperty("wallClock").GetString());
            return;
        }

        Assert.Equal(written.WallClock.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture), read.GetProperty("wallClock").GetString());
        var zone = TimeZoneInfo.FindSystemTimeZoneById(written.TimeZoneId!);
        if (zone.IsAmbiguousTime(written.WallClock) || zone.IsInvalidTime(written.WallClock))
        {
            // Inside the skipped or repeated hour vobject, like ical.js, takes the reading RFC 5545
            // 3.3.5 does not; the wall clock above is what survives in every reader.
            return;
        }

        var expectedUtc = WallClock.ToInstant(written.WallClock, zone).UtcDateTime;
        Assert.Equal(expectedUtc.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture), read.GetProperty("utc").GetString());
    }
}
