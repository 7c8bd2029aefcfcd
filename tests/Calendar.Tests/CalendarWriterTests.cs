using System.Text;
using InclusionNetwork.Calendar.Tests.Support;

namespace InclusionNetwork.Calendar.Tests;

public sealed class CalendarWriterTests
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    [Fact]
    public void Calendar_properties_come_first_in_order_and_method_is_left_out_for_feeds()
    {
        var lines = ContentLines.Lines(CalendarWriter.WriteToString(SampleCalendars.Everything()));

        Assert.Equal(
            [
                "BEGIN:VCALENDAR",
                "PRODID:-//InclusionNetwork//Calendar feed//EN",
                "VERSION:2.0",
                "CALSCALE:GREGORIAN",
                "NAME:Cwrs a chyfarfodydd\\; courses\\, meetings",
                "X-WR-CALNAME:Cwrs a chyfarfodydd\\; courses\\, meetings",
                "REFRESH-INTERVAL;VALUE=DURATION:PT1H",
                "X-PUBLISHED-TTL:PT1H",
                "BEGIN:VTIMEZONE",
            ],
            lines[..9]);
        Assert.DoesNotContain(lines, line => line.StartsWith("METHOD", StringComparison.Ordinal));
        Assert.Equal("END:VCALENDAR", lines[^1]);
    }

    [Fact]
    public void Method_is_written_when_given()
    {
        var document = new CalendarDocument { ProdId = "-//x//y//EN", Method = "PUBLISH", Events = [] };

        Assert.Contains("METHOD:PUBLISH", ContentLines.Lines(CalendarWriter.WriteToString(document)));
    }

    [Fact]
    public void Zoned_times_carry_their_tzid_and_all_day_events_use_dates_with_an_exclusive_end()
    {
        var text = CalendarWriter.WriteToString(SampleCalendars.Everything());

        Assert.Contains("DTSTART;TZID=Europe/London:20261026T093000", ContentLines.Properties(text, "DTSTART"));
        Assert.Contains("DTEND;TZID=Europe/London:20261026T150000", ContentLines.Properties(text, "DTEND"));
        Assert.Contains("DTSTART;VALUE=DATE:20261109", ContentLines.Properties(text, "DTSTART"));
        Assert.Contains("DTEND;VALUE=DATE:20261111", ContentLines.Properties(text, "DTEND"));
        Assert.All(ContentLines.Values(text, "DTSTAMP"), stamp => Assert.Equal("20260901T071500Z", stamp));
    }

    [Fact]
    public void Every_zone_used_gets_exactly_one_vtimezone_before_the_events()
    {
        var lines = ContentLines.Lines(CalendarWriter.WriteToString(SampleCalendars.Everything()));

        Assert.Equal(["TZID:Europe/London"], lines.Where(l => l.StartsWith("TZID:", StringComparison.Ordinal)));
        Assert.True(Array.IndexOf(lines, "END:VTIMEZONE") < Array.IndexOf(lines, "BEGIN:VEVENT"));
    }

    [Fact]
    public void A_feed_of_only_all_day_events_has_no_vtimezone()
    {
        var document = new CalendarDocument
        {
            ProdId = "-//x//y//EN",
            Events = [SampleCalendars.AllDay("a", new DateOnly(2026, 1, 5), new DateOnly(2026, 1, 6))],
        };

        Assert.DoesNotContain("BEGIN:VTIMEZONE", CalendarWriter.WriteToString(document), StringComparison.Ordinal);
    }

    [Fact]
    public void Event_values_are_written_with_text_escapes_and_uri_as_is()
    {
        var text = CalendarWriter.WriteToString(SampleCalendars.Everything());

        Assert.Contains("Autism awareness\\, part 1\\; with a \\\\ backslash", ContentLines.Values(text, "SUMMARY"));
        Assert.Contains("Room 2\\, Block B\\; County Hall", ContentLines.Values(text, "LOCATION"));
        Assert.Contains("https://inclusion.example/runs/42?from=feed&lang=cy", ContentLines.Values(text, "URL"));
        Assert.Contains("Training,SEND\\, autism", ContentLines.Values(text, "CATEGORIES"));
        Assert.Equal(["CONFIRMED", "TENTATIVE", "CANCELLED", "CONFIRMED", "CONFIRMED"], ContentLines.Values(text, "STATUS"));
        Assert.Equal(["3", "0", "7", "0", "0"], ContentLines.Values(text, "SEQUENCE"));
    }

    [Fact]
    public void Repeating_events_carry_rrule_and_exdate_in_the_start_zone()
    {
        var text = CalendarWriter.WriteToString(SampleCalendars.Everything());

        Assert.Contains("RRULE:FREQ=MONTHLY;COUNT=10;BYDAY=2TU", ContentLines.Properties(text, "RRULE"));
        Assert.Equal(["EXDATE;TZID=Europe/London:20260414T160000"], ContentLines.Properties(text, "EXDATE"));
    }

    [Fact]
    public void Only_crlf_ends_lines()
    {
        var bytes = Render(SampleCalendars.Everything());

        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                Assert.True(i > 0 && bytes[i - 1] == (byte)'\r', $"bare LF at octet {i}");
            }

            if (bytes[i] == (byte)'\r')
            {
                Assert.True(i + 1 < bytes.Length && bytes[i + 1] == (byte)'\n', $"bare CR at octet {i}");
            }
        }

        Assert.True(bytes.AsSpan().EndsWith("\r\n"u8));
    }

    [Fact]
    public void No_physical_line_is_longer_than_75_octets_and_none_splits_a_utf8_sequence()
    {
        var bytes = Render(SampleCalendars.Everything());
        var folded = 0;

        foreach (var line in SplitOnCrlf(bytes))
        {
            Assert.True(line.Length <= 75, $"line of {line.Length} octets: {Encoding.UTF8.GetString(line)}");

            // Decoding each physical line on its own throws if a fold cut a multi-byte sequence.
            var decoded = StrictUtf8.GetString(line);
            Assert.DoesNotContain('\uFFFD', decoded);
            if (line.Length > 0 && line[0] == (byte)' ')
            {
                folded++;
            }
        }

        Assert.True(folded > 10, "the long Welsh, emoji and CJK values should have been folded many times");
    }

    [Fact]
    public void No_bom_is_written_to_a_stream()
    {
        var bytes = Render(SampleCalendars.Everything());

        Assert.True(bytes.AsSpan().StartsWith("BEGIN:VCALENDAR\r\n"u8));
    }

    [Fact]
    public void Unfolding_then_unescaping_gives_back_exactly_what_was_written()
    {
        var text = StrictUtf8.GetString(Render(SampleCalendars.Everything()));

        Assert.DoesNotContain('\uFFFD', text);
        var summaries = ContentLines.Values(text, "SUMMARY").Select(TextEscaping.Unescape).ToList();
        var descriptions = ContentLines.Values(text, "DESCRIPTION").Select(TextEscaping.Unescape).ToList();
        var locations = ContentLines.Values(text, "LOCATION").Select(TextEscaping.Unescape).ToList();
        Assert.Contains(SampleCalendars.Welsh, summaries);
        Assert.Contains("Autism awareness, part 1; with a \\ backslash", summaries);
        Assert.Equal([SampleCalendars.Punctuated, SampleCalendars.Emoji], descriptions);
        Assert.Equal(["Room 2, Block B; County Hall", SampleCalendars.Cjk], locations);
    }

    [Fact]
    public async Task Stream_string_and_async_outputs_are_the_same_octets()
    {
        var document = SampleCalendars.Everything();
        var fromString = CalendarWriter.Utf8.GetBytes(CalendarWriter.WriteToString(document));
        using var asyncOutput = new MemoryStream();
        await CalendarWriter.WriteAsync(document, asyncOutput);

        Assert.Equal(fromString, Render(document));
        Assert.Equal(fromString, asyncOutput.ToArray());
    }

    [Fact]
    public void Mixing_a_date_start_with_a_zoned_end_is_refused_naming_the_event()
    {
        var broken = SampleCalendars.AllDay("mixed-1", new DateOnly(2026, 1, 5), new DateOnly(2026, 1, 6));
        broken = new CalendarEvent
        {
            Uid = broken.Uid,
            DtStamp = broken.DtStamp,
            Start = broken.Start,
            End = EventTime.Zoned(new DateTime(2026, 1, 5, 12, 0, 0), SampleCalendars.London),
            Summary = broken.Summary,
        };
        var document = new CalendarDocument { ProdId = "-//x//y//EN", Events = [broken] };

        var error = Assert.Throws<ArgumentException>(() => CalendarWriter.WriteToString(document));
        Assert.Contains("mixed-1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_all_day_end_on_the_start_day_is_refused_because_dtend_is_exclusive()
    {
        var document = new CalendarDocument
        {
            ProdId = "-//x//y//EN",
            Events = [SampleCalendars.AllDay("same-day", new DateOnly(2026, 1, 5), new DateOnly(2026, 1, 5))],
        };

        var error = Assert.Throws<ArgumentException>(() => CalendarWriter.WriteToString(document));
        Assert.Contains("same-day", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_zone_is_reported()
    {
        var document = new CalendarDocument
        {
            ProdId = "-//x//y//EN",
            Events =
            [
                new CalendarEvent
                {
                    Uid = "nowhere",
                    DtStamp = SampleCalendars.Stamp,
                    Start = EventTime.Zoned(new DateTime(2026, 1, 5, 9, 0, 0), "Atlantis/Capital"),
                    End = EventTime.Zoned(new DateTime(2026, 1, 5, 10, 0, 0), "Atlantis/Capital"),
                    Summary = "x",
                },
            ],
        };

        Assert.Throws<TimeZoneNotFoundException>(() => CalendarWriter.WriteToString(document));
    }

    private static byte[] Render(CalendarDocument document)
    {
        using var output = new MemoryStream();
        CalendarWriter.Write(document, output);
        return output.ToArray();
    }

    private static IEnumerable<byte[]> SplitOnCrlf(byte[] bytes)
    {
        var start = 0;
        for (var i = 0; i + 1 < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\r' && bytes[i + 1] == (byte)'\n')
            {
                yield return bytes[start..i];
                start = i + 2;
                i++;
            }
        }
    }
}
