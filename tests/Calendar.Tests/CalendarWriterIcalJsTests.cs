using System.Globalization;
using System.Text.Json;
using InclusionNetwork.Calendar.Tests.Support;

namespace InclusionNetwork.Calendar.Tests;

/// <summary>Mozilla's ical.js, the parser inside Thunderbird, reads back every value the writer wrote.</summary>
public sealed class CalendarWriterIcalJsTests
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById(SampleCalendars.London);

    [Fact]
    public void Calendar_properties_are_read_back()
    {
        var parsed = IcalJs.Read(CalendarWriter.WriteToString(SampleCalendars.Everything()));

        Assert.Equal("-//InclusionNetwork//Calendar feed//EN", parsed.GetProperty("prodid").GetString());
        Assert.Equal("2.0", parsed.GetProperty("version").GetString());
        Assert.Equal("GREGORIAN", parsed.GetProperty("calscale").GetString());
        Assert.Equal(JsonValueKind.Null, parsed.GetProperty("method").ValueKind);
        Assert.Equal("Cwrs a chyfarfodydd; courses, meetings", parsed.GetProperty("name").GetString());
        Assert.Equal("Cwrs a chyfarfodydd; courses, meetings", parsed.GetProperty("xWrCalname").GetString());
        Assert.Equal("PT1H", parsed.GetProperty("refreshInterval").GetString());
        Assert.Equal("PT1H", parsed.GetProperty("publishedTtl").GetString());
        Assert.Equal(["Europe/London"], parsed.GetProperty("timezones").EnumerateArray().Select(z => z.GetString()));
    }

    [Fact]
    public void Every_event_value_is_read_back_exactly()
    {
        var document = SampleCalendars.Everything();
        var parsed = IcalJs.Read(CalendarWriter.WriteToString(document));
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
            Assert.Equal(written.Sequence, read.GetProperty("sequence").GetInt32());
            Assert.Equal(written.Categories, read.GetProperty("categories").EnumerateArray().Select(c => c.GetString()));
            Assert.Equal("2026-09-01T07:15:00Z", read.GetProperty("dtstamp").GetString());
            AssertTime(written.Start, read.GetProperty("start"));
            AssertTime(written.End, read.GetProperty("end"));
        }
    }

    [Fact]
    public void Events_on_the_days_the_clocks_change_keep_their_wall_clock_times()
    {
        // The last Sundays of March and October over several years, at times either side of the
        // change; the skipped and repeated hours themselves are tested below.
        var days = Enumerable.Range(2025, 6).SelectMany(year => new[] { LastSunday(year, 3), LastSunday(year, 10) });
        var times = new[] { new TimeSpan(0, 30, 0), new TimeSpan(2, 30, 0), new TimeSpan(9, 30, 0), new TimeSpan(23, 45, 0) };
        var events = days
            .SelectMany(day => times.Select(time => day.ToDateTime(TimeOnly.FromTimeSpan(time))))
            .Select((start, i) => SampleCalendars.Timed($"dst-{i}", start, start.AddMinutes(20)))
            .ToList();
        var document = new CalendarDocument { ProdId = "-//x//y//EN", Events = events };

        var parsed = IcalJs.Read(CalendarWriter.WriteToString(document)).GetProperty("events").EnumerateArray().ToList();

        foreach (var (written, read) in events.Zip(parsed))
        {
            AssertTime(written.Start, read.GetProperty("start"));
            AssertTime(written.End, read.GetProperty("end"));
        }
    }

    [Fact]
    public void Times_in_the_skipped_and_repeated_hours_keep_their_wall_clock_and_read_as_one_of_their_meanings()
    {
        // RFC 5545 3.3.5 reads a skipped time with the offset before the gap and a repeated time as
        // its first occurrence; ical.js takes the other reading of each. Either way the wall clock
        // survives and the instant is one the zone allows, which is all a subscriber can rely on.
        var skipped = new DateTime(2026, 3, 29, 1, 30, 0);
        var repeated = new DateTime(2026, 10, 25, 1, 30, 0);
        var document = new CalendarDocument
        {
            ProdId = "-//x//y//EN",
            Events = [SampleCalendars.Timed("gap", skipped, skipped.AddHours(2)), SampleCalendars.Timed("overlap", repeated, repeated.AddHours(2))],
        };

        var parsed = IcalJs.Read(CalendarWriter.WriteToString(document)).GetProperty("events").EnumerateArray().ToList();

        foreach (var (written, read) in document.Events.Zip(parsed))
        {
            var start = read.GetProperty("start");
            Assert.Equal(written.Start.WallClock.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture), start.GetProperty("wallClock").GetString());
            var readings = new[] { TimeSpan.Zero, TimeSpan.FromHours(1) }
                .Select(offset => new DateTimeOffset(written.Start.WallClock, offset).ToUnixTimeSeconds());
            Assert.Contains(start.GetProperty("unixSeconds").GetInt64(), readings);
        }
    }

    [Fact]
    public void Ical_js_expands_a_repeating_event_to_the_same_instants_as_the_library()
    {
        var document = SampleCalendars.Everything();
        var network = document.Events.Single(e => e.Recurrence is not null);
        var read = IcalJs.Read(CalendarWriter.WriteToString(document)).GetProperty("events").EnumerateArray()
            .Single(e => e.GetProperty("uid").GetString() == network.Uid);

        var expected = network.Recurrence!.Expand(
            network.Start.WallClock,
            London,
            DateTimeOffset.MinValue,
            new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero),
            network.ExcludedStarts.Select(e => e.WallClock));
        var occurrences = read.GetProperty("occurrences").EnumerateArray().ToList();

        Assert.Equal(9, expected.Count);
        Assert.Equal(expected.Select(o => o.WallClock.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture)), occurrences.Select(o => o.GetProperty("wallClock").GetString()));
        Assert.Equal(expected.Select(o => o.Instant.ToUnixTimeSeconds()), occurrences.Select(o => o.GetProperty("unixSeconds").GetInt64()));
    }

    [Fact]
    public void The_vtimezone_for_other_zones_gives_ical_js_the_same_instants_as_dotnet()
    {
        string[] zones = ["America/New_York", "Australia/Sydney", "Asia/Kolkata", "Asia/Tokyo", "Europe/Berlin"];
        var starts = new[] { new DateTime(2026, 1, 15, 9, 0, 0), new DateTime(2026, 4, 5, 12, 0, 0), new DateTime(2026, 7, 1, 9, 0, 0), new DateTime(2026, 10, 4, 12, 0, 0), new DateTime(2026, 11, 2, 9, 0, 0) };
        var events = zones.SelectMany(zone => starts.Select(start => new CalendarEvent
        {
            Uid = $"{zone}-{start:MMdd}",
            DtStamp = SampleCalendars.Stamp,
            Start = EventTime.Zoned(start, zone),
            End = EventTime.Zoned(start.AddHours(1), zone),
            Summary = zone,
        })).ToList();

        var parsed = IcalJs.Read(CalendarWriter.WriteToString(new CalendarDocument { ProdId = "-//x//y//EN", Events = events }))
            .GetProperty("events").EnumerateArray().ToList();

        foreach (var (written, read) in events.Zip(parsed))
        {
            AssertTime(written.Start, read.GetProperty("start"));
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
        Assert.Equal(written.TimeZoneId, read.GetProperty("zone").GetString());
        var zone = TimeZoneInfo.FindSystemTimeZoneById(written.TimeZoneId!);
        if (zone.IsAmbiguousTime(written.WallClock) || zone.IsInvalidTime(written.WallClock))
        {
            // Readers disagree inside the skipped or repeated hour; see the test for those hours.
            return;
        }

        Assert.True(
            WallClock.ToInstant(written.WallClock, zone).ToUnixTimeSeconds() == read.GetProperty("unixSeconds").GetInt64(),
            $"{written}: .NET says {WallClock.ToInstant(written.WallClock, zone):O}, ical.js says {DateTimeOffset.FromUnixTimeSeconds(read.GetProperty("unixSeconds").GetInt64()):O}");
    }

    private static DateOnly LastSunday(int year, int month)
    {
        var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        return last.AddDays(-(int)last.DayOfWeek);
    }
}
