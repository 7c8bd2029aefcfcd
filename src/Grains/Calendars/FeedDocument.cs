namespace InclusionNetwork.Grains.Calendars;

/// <summary>One VCALENDAR (RFC 5545 3.4) as the product describes it: what it says about itself and its events.</summary>
public sealed record FeedDocument
{
    /// <summary>PRODID (3.7.3).</summary>
    public required string ProdId { get; init; }

    /// <summary>The name a subscriber sees: written as RFC 7986 NAME and as X-WR-CALNAME, which Apple and Google still read instead.</summary>
    public string? Name { get; init; }

    /// <summary>How often to poll: RFC 7986 REFRESH-INTERVAL and X-PUBLISHED-TTL, which Outlook reads instead.</summary>
    public TimeSpan? RefreshInterval { get; init; }

    /// <summary>
    /// METHOD (3.7.2): null for subscription feeds (with a METHOD several clients treat the file as a
    /// one-off invitation), PUBLISH for a single item to import.
    /// </summary>
    public string? Method { get; init; }

    /// <summary>The events, written in this order.</summary>
    public required IReadOnlyList<FeedEvent> Events { get; init; }
}
