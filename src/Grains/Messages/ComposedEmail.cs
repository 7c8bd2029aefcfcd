namespace InclusionNetwork.Grains.Messages;

/// <summary>A message ready for the outbox: subject, plain text, the same words as HTML, and for a dated event its calendar invitation.</summary>
public sealed record ComposedEmail(string Subject, string Text, string Html, CalendarInvitation? Invitation = null);

/// <summary>
/// An iCalendar object (RFC 5546 iTIP) sent with a message about a dated event. Method is
/// REQUEST for a new or changed event and CANCEL for a cancelled one; the UID and SEQUENCE
/// match the calendar feeds', so a mail client updates the entry it has instead of adding one.
/// </summary>
public sealed record CalendarInvitation(string Method, string Ics)
{
    public const string Request = "REQUEST";
    public const string Cancel = "CANCEL";
}
