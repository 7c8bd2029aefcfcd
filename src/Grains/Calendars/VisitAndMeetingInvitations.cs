using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using InclusionNetwork.Grains.Messages;
using Microsoft.Extensions.Options;
using Npgsql;

namespace InclusionNetwork.Grains.Calendars;

/// <summary>
/// Calendar invitations (RFC 5546 iTIP, sent as iMIP) for a review visit or a network meeting,
/// built from the very event the calendar feeds show, read in the transaction of the change:
/// the same UID and the SEQUENCE the change raised, so Outlook and Google update the entry a
/// person already has (from a feed or an earlier invitation) instead of adding a second one.
/// REQUEST for a confirmed or moved event, CANCEL for a cancelled one.
/// </summary>
public sealed class VisitAndMeetingInvitations(IOptions<CalendarFeedOptions> feeds, IOptions<EmailOptions> email)
{
    public const string ProdId = "-//InclusionNetwork//Invitation//EN";

    /// <summary>
    /// The visit's invitation; it names no reviewers (the feeds name them only to those who may
    /// see them), and one invitation goes to everyone the visit concerns. Null when the visit has no date.
    /// </summary>
    public async Task<CalendarInvitation?> ForVisitAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long visitId,
        CancellationToken cancellationToken = default) =>
        await VisitFeedQuery.ForVisitAsync(connection, transaction, visitId, ReviewerNaming.Nobody, cancellationToken) is { } item ? Invitation(item) : null;

    /// <summary>
    /// The visit's invitation as a CANCEL, for a person it no longer concerns (a reviewer taken
    /// off it): their calendar drops the entry, though the visit itself goes ahead.
    /// </summary>
    public async Task<CalendarInvitation?> WithdrawnFromVisitAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long visitId,
        CancellationToken cancellationToken = default) =>
        await VisitFeedQuery.ForVisitAsync(connection, transaction, visitId, ReviewerNaming.Nobody, cancellationToken) is { } item
            ? Invitation(item with { Status = EventStatus.Cancelled })
            : null;

    public async Task<CalendarInvitation?> ForMeetingAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long meetingId,
        CancellationToken cancellationToken = default) =>
        await MeetingFeedQuery.ForMeetingAsync(connection, transaction, meetingId, cancellationToken) is { } item ? Invitation(item) : null;

    /// <summary>The iTIP object: METHOD beside the event, and the service as ORGANIZER, which REQUEST and CANCEL require.</summary>
    public CalendarInvitation Invitation(FeedEvent item)
    {
        var method = item.Status == EventStatus.Cancelled ? CalendarInvitation.Cancel : CalendarInvitation.Request;
        var calendar = IcsFiles.Build(new FeedDocument
        {
            ProdId = ProdId,
            Method = method,
            PublicBaseUrl = feeds.Value.PublicBaseUrl,
            Events = [item],
        });
        foreach (var vevent in calendar.Events)
        {
            vevent.Organizer = new Organizer("mailto:" + SenderAddress(email.Value.From)) { CommonName = email.Value.ServiceName };
        }
        var text = new CalendarSerializer().SerializeToString(calendar)
            ?? throw new InvalidOperationException("Ical.Net produced no text for the invitation.");
        return new CalendarInvitation(method, text);
    }

    /// <summary>The address of <c>Email:From</c>, written either bare or as <c>Name &lt;address&gt;</c>.</summary>
    private static string SenderAddress(string from)
    {
        var open = from.LastIndexOf('<');
        var close = from.LastIndexOf('>');
        return open >= 0 && close > open ? from[(open + 1)..close].Trim() : from.Trim();
    }
}
