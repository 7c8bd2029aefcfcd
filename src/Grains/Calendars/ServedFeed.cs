namespace InclusionNetwork.Grains.Calendars;

/// <summary>A rendered feed body (UTF-8 iCalendar) with its validators for conditional requests.</summary>
/// <param name="ETag">A strong entity tag, quoted, derived from the body's hash.</param>
/// <param name="LastModified">When the body last changed, to the second.</param>
public sealed record ServedFeed(byte[] Body, string ETag, DateTimeOffset LastModified);
