namespace InclusionNetwork.Grains.Calendars;

/// <summary>
/// A feed's validators for conditional requests, and its body on demand: a poll answered with
/// 304 Not Modified never needs the body, so a kept body is read only for a 200.
/// </summary>
/// <param name="ETag">A strong entity tag, quoted, derived from the body's hash.</param>
/// <param name="LastModified">When the body last changed, to the second.</param>
public sealed class ServedFeed(string etag, DateTimeOffset lastModified, Func<CancellationToken, Task<FeedBody>> readBody)
{
    public string ETag { get; } = etag;

    public DateTimeOffset LastModified { get; } = lastModified;

    /// <summary><see cref="LastModified"/> as HTTP writes it (RFC 9110 IMF-fixdate), formatted once.</summary>
    public string LastModifiedHttpDate { get; } = lastModified.ToUniversalTime().ToString("r", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A feed whose body is at hand: the same completed task answers every read, so serving it allocates nothing.</summary>
    public static ServedFeed Of(FeedBody body)
    {
        var read = Task.FromResult(body);
        return new ServedFeed(body.ETag, body.LastModified, _ => read);
    }

    /// <summary>
    /// The body, with the validators that go with it: normally <see cref="ETag"/> and
    /// <see cref="LastModified"/>, newer when another silo rendered a change in between.
    /// </summary>
    public Task<FeedBody> ReadBodyAsync(CancellationToken cancellationToken = default) => readBody(cancellationToken);
}

/// <summary>A rendered feed body (UTF-8 iCalendar) and its validators.</summary>
public sealed record FeedBody(byte[] Body, string ETag, DateTimeOffset LastModified);
