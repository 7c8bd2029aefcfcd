namespace InclusionNetwork.Grains.Calendars;

/// <summary>Where feed links point and how their tokens are derived.</summary>
public sealed class CalendarFeedOptions
{
    /// <summary>The public address links start with (<c>App:PublicBaseUrl</c>).</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5080";

    /// <summary>
    /// <c>Calendar:FeedKey</c>: base64 of at least 32 random bytes. Every silo serving the same
    /// database must use the same key, or links issued by one silo are unknown to another.
    /// </summary>
    public string? FeedKey { get; set; }

    /// <summary>The file a generated key is kept in when <see cref="FeedKey"/> is unset.</summary>
    public string KeyFile { get; set; } = Path.Combine(".data", "calendar-feed.key");

    /// <summary>How long cancelled events stay in feeds (as STATUS:CANCELLED) before they drop.</summary>
    public TimeSpan CancelledRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// <c>Calendar:BodyCacheMegabytes</c>: how much memory each silo gives to rendered feed bodies,
    /// so a poll needs no second query; bodies beyond it are read from the database instead.
    /// </summary>
    public int BodyCacheMegabytes { get; set; } = 64;

    /// <summary>
    /// <c>Calendar:ListenForChanges</c>: each silo listens (PostgreSQL LISTEN/NOTIFY) for committed
    /// changes to feeds, so a poll of an unchanged feed is answered from memory without a database
    /// round trip. Off, every poll is the one lookup in the database.
    /// </summary>
    public bool ListenForChanges { get; set; } = true;

    /// <summary>The polling interval feeds suggest to subscribers.</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromHours(1);
}
