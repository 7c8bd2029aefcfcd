using System.Text;
using System.Xml;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using IcalStatus = Ical.Net.EventStatus;

namespace InclusionNetwork.Grains.Calendars;

/// <summary>
/// Turns a <see cref="FeedDocument"/> into an Ical.Net <see cref="Calendar"/> with a Europe/London
/// VTIMEZONE and serialises it with Ical.Net (CRLF lines folded at 75 octets, UTF-8 without a BOM).
/// Serialising is slow (about a quarter of a millisecond per event), which is why feeds keep their
/// rendered bodies (<see cref="CalendarFeedServer"/>).
/// </summary>
public static class IcsFiles
{
    public const string MediaType = "text/calendar";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static byte[] ToBytes(FeedDocument document) => Utf8.GetBytes(ToText(document));

    public static string ToText(FeedDocument document) => new CalendarSerializer().SerializeToString(Build(document))
        ?? throw new InvalidOperationException("Ical.Net produced no text for the calendar.");

    public static Calendar Build(FeedDocument document)
    {
        var calendar = new Calendar { ProductId = document.ProdId, Scale = "GREGORIAN" };
        if (document.Method is { } method)
        {
            calendar.Method = method;
        }
        if (document.Name is { } name)
        {
            calendar.AddProperty("NAME", name);
            calendar.AddProperty("X-WR-CALNAME", name);
        }
        if (document.RefreshInterval is { } refresh)
        {
            var duration = XmlConvert.ToString(refresh);
            var interval = new CalendarProperty("REFRESH-INTERVAL", duration);
            interval.Parameters.Add("VALUE", "DURATION");
            calendar.Properties.Add(interval);
            calendar.AddProperty("X-PUBLISHED-TTL", duration);
        }
        DateTime? earliestZoned = null;
        foreach (var item in document.Events)
        {
            calendar.Events.Add(ToEvent(item));
            if (!item.Start.IsAllDay && (earliestZoned is null || item.Start.WallClock < earliestZoned))
            {
                earliestZoned = item.Start.WallClock;
            }
        }
        if (earliestZoned is { } earliest)
        {
            // Observances from the first event on, as yearly rules: what every client needs to
            // place wall-clock times on either side of a clock change.
            calendar.AddTimeZone(London.ZoneId, earliest, includeHistoricalData: false);
        }
        return calendar;
    }

    private static CalendarEvent ToEvent(FeedEvent item)
    {
        var vevent = new CalendarEvent
        {
            Uid = item.Uid,
            DtStamp = new CalDateTime(Whole(item.DtStamp.UtcDateTime), CalDateTime.UtcTzId),
            DtStart = Time(item.Start),
            DtEnd = Time(item.End),
            Summary = item.Summary,
            Status = item.Status switch
            {
                EventStatus.Tentative => IcalStatus.Tentative,
                EventStatus.Cancelled => IcalStatus.Cancelled,
                _ => IcalStatus.Confirmed,
            },
            Sequence = item.Sequence,
        };
        if (item.Location is { } location)
        {
            vevent.Location = location;
        }
        if (item.Description is { } description)
        {
            vevent.Description = description;
        }
        if (item.Categories.Count > 0)
        {
            vevent.Categories = [.. item.Categories];
        }
        return vevent;
    }

    private static CalDateTime Time(EventTime time) => time.IsAllDay
        ? new CalDateTime(time.Date)
        : new CalDateTime(DateTime.SpecifyKind(time.WallClock, DateTimeKind.Unspecified), time.TimeZoneId);

    private static DateTime Whole(DateTime utc) => new(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
}
