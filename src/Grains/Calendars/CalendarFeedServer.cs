using InclusionNetwork.Grains.Common;
using System.Security.Cryptography;
using InclusionNetwork.Calendar;

namespace InclusionNetwork.Grains.Calendars;

/// <summary>
/// Answers a feed link: finds the live feed by its token, checks its owner may still see the
/// subject, renders it and works out its validators. Unknown, revoked and no-longer-allowed
/// links all come back as null, so the caller answers them identically.
/// </summary>
public sealed class CalendarFeedServer(CalendarFeedStore store, FeedAccess access, CalendarFeedRenderer renderer, DomainClock clock)
{
    public async Task<ServedFeed?> ServeAsync(string token, CancellationToken cancellationToken = default)
    {
        var feed = await store.FindLiveAsync(token, cancellationToken);
        if (feed is null || !await access.MayReadAsync(feed.Owner, feed.Scope, feed.SubjectId, cancellationToken))
        {
            return null;
        }
        var document = await renderer.RenderAsync(feed.Scope, feed.SubjectId, feed.Owner, cancellationToken);
        using var buffer = new MemoryStream();
        await CalendarWriter.WriteAsync(document, buffer, cancellationToken);
        var body = buffer.ToArray();
        var etag = ETagOf(body);
        var lastModified = await store.RecordBodyAsync(feed, etag, clock.GetUtcNow(), cancellationToken);
        return new ServedFeed(body, etag, lastModified);
    }

    /// <summary>A strong ETag: 128 bits of the body's SHA-256, base64url, quoted.</summary>
    public static string ETagOf(byte[] body)
    {
        var hash = SHA256.HashData(body);
        return "\"" + Convert.ToBase64String(hash, 0, 16).TrimEnd('=').Replace('+', '-').Replace('/', '_') + "\"";
    }
}
