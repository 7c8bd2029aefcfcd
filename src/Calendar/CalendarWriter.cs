using System.Text;

namespace InclusionNetwork.Calendar;

/// <summary>
/// Writes a <see cref="CalendarDocument"/> as an RFC 5545 iCalendar stream: VCALENDAR with PRODID,
/// VERSION, CALSCALE, the optional METHOD and the feed's name and refresh hint, then one VTIMEZONE
/// per TZID the events use, then the VEVENTs. Every line ends in CRLF and is folded at 75 octets.
/// </summary>
public static class CalendarWriter
{
    /// <summary>UTF-8 without a byte order mark: RFC 5545 6 names UTF-8, and a BOM confuses some clients.</summary>
    public static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    public const string MediaType = "text/calendar";

    public static void Write(CalendarDocument document, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(output);
        var zones = CollectZones(document.Events);
        using var lines = new ContentLineWriter(output);

        lines.WriteLine("BEGIN", "VCALENDAR");
        lines.WriteTextLine("PRODID", document.ProdId);
        lines.WriteLine("VERSION", "2.0");
        lines.WriteLine("CALSCALE", "GREGORIAN");
        if (document.Method is { } method)
        {
            lines.WriteLine("METHOD", method);
        }

        if (document.Name is { } name)
        {
            lines.WriteTextLine("NAME", name);
            lines.WriteTextLine("X-WR-CALNAME", name);
        }

        if (document.RefreshInterval is { } refresh)
        {
            lines.StartProperty("REFRESH-INTERVAL");
            lines.AppendParameter("VALUE", "DURATION");
            lines.StartValue();
            lines.AppendDuration(refresh);
            lines.EndLine();
            lines.StartProperty("X-PUBLISHED-TTL");
            lines.StartValue();
            lines.AppendDuration(refresh);
            lines.EndLine();
        }

        foreach (var (id, years) in zones)
        {
            WriteTimeZone(lines, TimeZoneDefinition.For(id, years.First, years.Last));
        }

        foreach (var calendarEvent in document.Events)
        {
            WriteEvent(lines, calendarEvent);
        }

        lines.WriteLine("END", "VCALENDAR");
    }

    /// <summary>Writes UTF-8 (no BOM) to <paramref name="output"/>, leaving it open.</summary>
    public static void Write(CalendarDocument document, Stream output)
    {
        using var writer = new StreamWriter(output, Utf8, bufferSize: 16 * 1024, leaveOpen: true);
        Write(document, writer);
    }

    /// <summary>
    /// Renders in memory, then copies asynchronously: for response bodies, which refuse synchronous writes.
    /// </summary>
    public static async Task WriteAsync(CalendarDocument document, Stream output, CancellationToken cancellationToken = default)
    {
        using var buffer = new MemoryStream(capacity: 64 * 1024);
        Write(document, buffer);
        buffer.Position = 0;
        await buffer.CopyToAsync(output, cancellationToken).ConfigureAwait(false);
    }

    public static string WriteToString(CalendarDocument document)
    {
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        Write(document, writer);
        return writer.ToString();
    }

    /// <summary>The zones the events name, each with the first and last year any of its times fall in.</summary>
    private static Dictionary<string, (int First, int Last)> CollectZones(IReadOnlyList<CalendarEvent> events)
    {
        var zones = new Dictionary<string, (int First, int Last)>(StringComparer.Ordinal);
        foreach (var calendarEvent in events)
        {
            Validate(calendarEvent);
            Note(zones, calendarEvent.Start);
            Note(zones, calendarEvent.End);
            foreach (var excluded in calendarEvent.ExcludedStarts)
            {
                Note(zones, excluded);
            }

            if (calendarEvent.Recurrence?.Until is { } until && calendarEvent.Start.TimeZoneId is { } repeatingZone)
            {
                Note(zones, EventTime.Zoned(DateTime.SpecifyKind(until.Value, DateTimeKind.Unspecified), repeatingZone));
            }
        }

        return zones;
    }

    private static void Note(Dictionary<string, (int First, int Last)> zones, EventTime time)
    {
        if (time.TimeZoneId is not { } id)
        {
            return;
        }

        var year = time.WallClock.Year;
        zones[id] = zones.TryGetValue(id, out var years)
            ? (Math.Min(years.First, year), Math.Max(years.Last, year))
            : (year, year);
    }

    private static void Validate(CalendarEvent calendarEvent)
    {
        if (calendarEvent.Start.IsAllDay != calendarEvent.End.IsAllDay)
        {
            throw new ArgumentException($"Event '{calendarEvent.Uid}': start ({calendarEvent.Start}) and end ({calendarEvent.End}) must both be all-day dates or both be zoned times.");
        }

        if (calendarEvent.Start.IsAllDay ? calendarEvent.End.WallClock <= calendarEvent.Start.WallClock
                                         : calendarEvent.Start.TimeZoneId == calendarEvent.End.TimeZoneId && calendarEvent.End.WallClock < calendarEvent.Start.WallClock)
        {
            throw new ArgumentException($"Event '{calendarEvent.Uid}': end ({calendarEvent.End}) is before start ({calendarEvent.Start}); an all-day end is the day after the last day.");
        }

        foreach (var excluded in calendarEvent.ExcludedStarts)
        {
            if (excluded.IsAllDay != calendarEvent.Start.IsAllDay || excluded.TimeZoneId != calendarEvent.Start.TimeZoneId)
            {
                throw new ArgumentException($"Event '{calendarEvent.Uid}': excluded start {excluded} must be of the same kind and zone as the start {calendarEvent.Start}.");
            }
        }

        if (calendarEvent.Recurrence?.Until is { IsDate: true } && !calendarEvent.Start.IsAllDay)
        {
            throw new ArgumentException($"Event '{calendarEvent.Uid}': its start is zoned, so UNTIL must be a UTC date-time (RFC 5545 3.3.10).");
        }
    }

    private static void WriteTimeZone(ContentLineWriter lines, TimeZoneDefinition zone)
    {
        lines.WriteLine("BEGIN", "VTIMEZONE");
        lines.WriteLine("TZID", zone.Id);
        foreach (var observance in zone.Observances)
        {
            var component = observance.IsDaylight ? "DAYLIGHT" : "STANDARD";
            lines.WriteLine("BEGIN", component);
            lines.StartProperty("DTSTART");
            lines.StartValue();
            lines.AppendLocalDateTime(observance.Start);
            lines.EndLine();
            lines.StartProperty("TZOFFSETFROM");
            lines.StartValue();
            lines.AppendUtcOffset(observance.OffsetFrom);
            lines.EndLine();
            lines.StartProperty("TZOFFSETTO");
            lines.StartValue();
            lines.AppendUtcOffset(observance.OffsetTo);
            lines.EndLine();
            lines.WriteTextLine("TZNAME", observance.Name);
            if (observance.Rule is { } rule)
            {
                lines.WriteLine("RRULE", rule.ToString());
            }

            foreach (var start in observance.AdditionalStarts)
            {
                lines.StartProperty("RDATE");
                lines.StartValue();
                lines.AppendLocalDateTime(start);
                lines.EndLine();
            }

            lines.WriteLine("END", component);
        }

        lines.WriteLine("END", "VTIMEZONE");
    }

    private static void WriteEvent(ContentLineWriter lines, CalendarEvent calendarEvent)
    {
        lines.WriteLine("BEGIN", "VEVENT");
        lines.WriteTextLine("UID", calendarEvent.Uid);
        lines.StartProperty("DTSTAMP");
        lines.StartValue();
        lines.AppendUtcDateTime(calendarEvent.DtStamp.UtcDateTime);
        lines.EndLine();
        WriteTime(lines, "DTSTART", calendarEvent.Start);
        WriteTime(lines, "DTEND", calendarEvent.End);
        if (calendarEvent.Recurrence is { } recurrence)
        {
            lines.WriteLine("RRULE", recurrence.ToString());
        }

        if (calendarEvent.ExcludedStarts.Count > 0)
        {
            WriteExcludedStarts(lines, calendarEvent);
        }

        lines.WriteTextLine("SUMMARY", calendarEvent.Summary);
        if (calendarEvent.Location is { } location)
        {
            lines.WriteTextLine("LOCATION", location);
        }

        if (calendarEvent.Description is { } description)
        {
            lines.WriteTextLine("DESCRIPTION", description);
        }

        if (calendarEvent.Url is { } url)
        {
            // URI values (3.3.13) are not TEXT, so they are written without TEXT escapes.
            lines.WriteLine("URL", url.AbsoluteUri);
        }

        lines.WriteLine("STATUS", calendarEvent.Status switch
        {
            EventStatus.Tentative => "TENTATIVE",
            EventStatus.Cancelled => "CANCELLED",
            _ => "CONFIRMED",
        });
        lines.StartProperty("SEQUENCE");
        lines.StartValue();
        lines.AppendInteger(calendarEvent.Sequence);
        lines.EndLine();
        if (calendarEvent.Categories.Count > 0)
        {
            // A list of TEXT values: each one escaped, so a comma inside a category stays inside it.
            lines.StartProperty("CATEGORIES");
            lines.StartValue();
            for (var i = 0; i < calendarEvent.Categories.Count; i++)
            {
                if (i > 0)
                {
                    lines.Append(',');
                }

                lines.AppendText(calendarEvent.Categories[i]);
            }

            lines.EndLine();
        }

        lines.WriteLine("END", "VEVENT");
    }

    private static void WriteTime(ContentLineWriter lines, string name, EventTime time)
    {
        lines.StartProperty(name);
        if (time.TimeZoneId is { } zoneId)
        {
            lines.AppendParameter("TZID", zoneId);
            lines.StartValue();
            lines.AppendLocalDateTime(time.WallClock);
        }
        else
        {
            lines.AppendParameter("VALUE", "DATE");
            lines.StartValue();
            lines.AppendDate(time.WallClock);
        }

        lines.EndLine();
    }

    private static void WriteExcludedStarts(ContentLineWriter lines, CalendarEvent calendarEvent)
    {
        lines.StartProperty("EXDATE");
        if (calendarEvent.Start.TimeZoneId is { } zoneId)
        {
            lines.AppendParameter("TZID", zoneId);
        }
        else
        {
            lines.AppendParameter("VALUE", "DATE");
        }

        lines.StartValue();
        for (var i = 0; i < calendarEvent.ExcludedStarts.Count; i++)
        {
            if (i > 0)
            {
                lines.Append(',');
            }

            var excluded = calendarEvent.ExcludedStarts[i];
            if (excluded.IsAllDay)
            {
                lines.AppendDate(excluded.WallClock);
            }
            else
            {
                lines.AppendLocalDateTime(excluded.WallClock);
            }
        }

        lines.EndLine();
    }
}
