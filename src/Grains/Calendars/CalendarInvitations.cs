using System.Net.Mail;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using InclusionNetwork.Grains.Messages;

namespace InclusionNetwork.Grains.Calendars;

/// <summary>
/// iTIP invitations (RFC 5546) for messages about dated events, built from the very
/// <see cref="FeedEvent"/>s the feeds and downloads serve: the same UID and SEQUENCE, so Outlook
/// and Google update the entry a person already has (from a feed, a download or an earlier
/// message) instead of adding a second one.
/// <para>
/// Call pattern: read the events the recipient's own feed shows for the thing, in the
/// transaction that changes it (so the SEQUENCE is the one the change produced), then
/// <c>composer.Compose(...) with { Invitation = CalendarInvitations.For(events, organizer, recipientEmail, recipientName) }</c>.
/// </para>
/// </summary>
public static class CalendarInvitations
{
    public const string ProdId = "-//InclusionNetwork//Invitation//EN";

    /// <summary>
    /// REQUEST while any of the events still stands, CANCEL when every one is cancelled; null
    /// when there are no events (nothing the recipient's calendar shows, e.g. a waiting-list entry).
    /// </summary>
    /// <param name="organizer">The service's sender (<c>Email:From</c>): iTIP needs an ORGANIZER, and replies go nowhere else.</param>
    public static CalendarInvitation? For(IReadOnlyList<FeedEvent> events, MailAddress organizer, string recipientEmail, string? recipientName)
    {
        if (events.Count == 0)
        {
            return null;
        }
        var cancelled = events.All(e => e.Status == EventStatus.Cancelled);
        return Build(cancelled ? CalendarInvitation.Cancel : CalendarInvitation.Request, events, organizer, recipientEmail, recipientName);
    }

    /// <summary>An invitation with the given method; CANCEL marks every event cancelled (RFC 5546 3.2.5).</summary>
    public static CalendarInvitation Build(string method, IReadOnlyList<FeedEvent> events, MailAddress organizer, string recipientEmail, string? recipientName)
    {
        if (method is not (CalendarInvitation.Request or CalendarInvitation.Cancel))
        {
            throw new ArgumentOutOfRangeException(nameof(method), method, "An invitation is a REQUEST or a CANCEL.");
        }
        if (events.Count == 0)
        {
            throw new ArgumentException("An invitation needs at least one event.", nameof(events));
        }
        var document = new FeedDocument
        {
            ProdId = ProdId,
            Method = method,
            Events = method == CalendarInvitation.Cancel ? [.. events.Select(e => e with { Status = EventStatus.Cancelled })] : events,
        };
        var calendar = IcsFiles.Build(document);
        foreach (var vevent in calendar.Events)
        {
            vevent.Organizer = new Organizer("mailto:" + organizer.Address) { CommonName = organizer.DisplayName is { Length: > 0 } name ? name : null };
            // No RSVP: the product does not read replies; the message's link is where to act.
            vevent.Attendees.Add(new Attendee("mailto:" + recipientEmail)
            {
                CommonName = string.IsNullOrWhiteSpace(recipientName) ? null : recipientName,
                Role = "REQ-PARTICIPANT",
                ParticipationStatus = method == CalendarInvitation.Cancel ? null : "NEEDS-ACTION",
                Rsvp = false,
            });
        }
        var text = new CalendarSerializer().SerializeToString(calendar)
            ?? throw new InvalidOperationException("Ical.Net produced no text for the invitation.");
        return new CalendarInvitation(method, text);
    }

    /// <summary>The organizer from the configured sender, e.g. <c>InclusionNetwork &lt;no-reply@council.example&gt;</c>.</summary>
    public static MailAddress Organizer(EmailOptions options) => new(options.From);
}
