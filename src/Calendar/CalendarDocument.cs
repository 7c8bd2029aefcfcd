namespace InclusionNetwork.Calendar;

/// <summary>
/// One VCALENDAR object (RFC 5545 3.4): what the feed says about itself and the events it carries.
/// </summary>
public sealed class CalendarDocument
{
    /// <summary>PRODID (RFC 5545 3.7.3), e.g. <c>-//InclusionNetwork//Calendar feed//EN</c>.</summary>
    public required string ProdId { get; init; }

    /// <summary>
    /// The name a subscriber sees. Written as RFC 7986 <c>NAME</c> and as <c>X-WR-CALNAME</c>,
    /// because Apple and Google clients still read only the latter.
    /// </summary>
    public string? Name { get; init; }

    /// <summary>
    /// How often a subscriber should poll. Written as RFC 7986 <c>REFRESH-INTERVAL;VALUE=DURATION</c>
    /// and as <c>X-PUBLISHED-TTL</c>, which Outlook reads instead.
    /// </summary>
    public TimeSpan? RefreshInterval { get; init; }

    /// <summary>
    /// METHOD (RFC 5545 3.7.2). Leave it null for subscription feeds: with a METHOD present, several
    /// clients treat the file as a one-off iTIP invitation instead of a calendar to subscribe to.
    /// </summary>
    public string? Method { get; init; }

    /// <summary>The events, written in the order given.</summary>
    public required IReadOnlyList<CalendarEvent> Events { get; init; }
}
