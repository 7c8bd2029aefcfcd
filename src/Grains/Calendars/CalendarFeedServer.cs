using System.Security.Cryptography;
using System.Text.Json;
using InclusionNetwork.Grains.Common;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace InclusionNetwork.Grains.Calendars;

/// <summary>
/// Answers a feed link: finds the live feed by its token, and serves the body kept for it when
/// nothing it shows has changed; otherwise checks its owner may still see the subject, reads its
/// events and renders them with Ical.Net, but only when they differ from those last rendered.
/// Unknown, revoked and no-longer-allowed links all come back as null, so the caller answers
/// them identically.
/// <para>
/// Why the kept body is current: a transaction writing any table a feed reads bumps, when it
/// commits, the version of every feed the changed rows can appear in (migration 0022; rare
/// changes bump the global version every feed adds in, migration 0014), and the owner's roles and links, the other
/// input, are compared as a key. The version and the key are read in the same query that finds
/// the feed, so a poll of an unchanged feed, 200 or 304, is that one query: the body comes from
/// this silo's memory (by feed and ETag), or once from the database when another silo rendered
/// it. The only input that moves by itself is time, through cancelled events leaving after the
/// retention period; the kept body records until when it holds.
/// </para>
/// <para>
/// While this silo hears committed changes (<see cref="FeedChangeListener"/>), a feed it has served
/// is also kept by its link, ready to answer as it is (validators and body), and a poll of it costs
/// no query at all until a notice names its subject, the feed itself, its owner, or everything, or
/// until the listening connection drops. The lookup behind it began after the mark it is kept
/// with, so any change it did not see is heard after that mark.
/// </para>
/// </summary>
public sealed class CalendarFeedServer : IDisposable
{
    private readonly CalendarFeedStore store;
    private readonly FeedAccess access;
    private readonly CalendarFeedRenderer renderer;
    private readonly IOptions<CalendarFeedOptions> options;
    private readonly DomainClock clock;
    private readonly FeedChanges changes;
    // Bodies by feed id (long keys) and feeds ready to serve by their link (string keys), in one budget.
    private readonly MemoryCache bodies;
    private long renderings;

    public CalendarFeedServer(CalendarFeedStore store, FeedAccess access, CalendarFeedRenderer renderer, IOptions<CalendarFeedOptions> options, DomainClock clock,
        FeedChanges changes)
    {
        this.changes = changes;
        this.store = store;
        this.access = access;
        this.renderer = renderer;
        this.options = options;
        this.clock = clock;
        bodies = new MemoryCache(new MemoryCacheOptions { SizeLimit = Math.Max(1L, options.Value.BodyCacheMegabytes) * 1024 * 1024 });
    }

    /// <summary>How many times this silo has serialised a feed with Ical.Net: for tests and benchmarks.</summary>
    public long Renderings => Interlocked.Read(ref renderings);

    public async Task<ServedFeed?> ServeAsync(string token, CancellationToken cancellationToken = default)
    {
        if (bodies.TryGetValue(token, out ReadyFeed? ready) && ready!.IsCurrent(changes, clock.GetUtcNow()))
        {
            return ready.Served;
        }
        // Taken before the lookup: whatever the lookup misses is heard after it.
        var mark = changes.Mark();
        var feed = await store.FindLiveAsync(token, cancellationToken);
        if (feed is null)
        {
            bodies.Remove(token);
            return null;
        }
        ServedFeed served;
        DateTimeOffset? until;
        if (feed.IsCurrent(clock.GetUtcNow()))
        {
            served = Kept(feed, feed.LastETag!, feed.LastModified!.Value);
            until = feed.Rendered!.Until;
        }
        else if (!await access.MayReadAsync(feed.Owner, feed.Scope, feed.SubjectId, cancellationToken))
        {
            bodies.Remove(token);
            return null;
        }
        else
        {
            (served, until) = await RefreshAsync(feed, cancellationToken);
        }
        return mark is { } seen ? await KeepReadyAsync(token, seen, feed, served, until, cancellationToken) : served;
    }

    /// <summary>A strong ETag: 128 bits of the body's SHA-256, base64url, quoted.</summary>
    public static string ETagOf(byte[] body)
    {
        var hash = SHA256.HashData(body);
        return "\"" + Convert.ToBase64String(hash, 0, 16).TrimEnd('=').Replace('+', '-').Replace('/', '_') + "\"";
    }

    public void Dispose() => bodies.Dispose();

    private async Task<(ServedFeed Served, DateTimeOffset? Until)> RefreshAsync(FeedSubscription feed, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var document = await renderer.RenderAsync(feed.Scope, feed.SubjectId, feed.Owner, cancellationToken);
        var rendered = new RenderedFeed(feed.ContentVersion, feed.OwnerKey, HashOf(document), KeptUntil(document));
        if (feed.Rendered is { } previous && previous.Hash.AsSpan().SequenceEqual(rendered.Hash) && feed.LastETag is { } etag && feed.LastModified is { } lastModified)
        {
            // Something changed, but nothing this feed shows: the kept body stays, now marked current.
            await store.ConfirmRenderingAsync(feed, rendered, cancellationToken);
            return (Kept(feed, etag, lastModified), rendered.Until);
        }
        var body = IcsFiles.ToBytes(document);
        Interlocked.Increment(ref renderings);
        var newETag = ETagOf(body);
        var newLastModified = await store.KeepRenderingAsync(feed, body, newETag, rendered, now, cancellationToken);
        Remember(feed.Id, newETag, body);
        return (ServedFeed.Of(new FeedBody(body, newETag, newLastModified)), rendered.Until);
    }

    private ServedFeed Kept(FeedSubscription feed, string etag, DateTimeOffset lastModified) =>
        new(etag, lastModified, cancellationToken => KeptBodyAsync(feed, etag, lastModified, cancellationToken));

    private async Task<FeedBody> KeptBodyAsync(FeedSubscription feed, string etag, DateTimeOffset lastModified, CancellationToken cancellationToken)
    {
        if (bodies.TryGetValue(feed.Id, out (string ETag, byte[] Body) remembered) && remembered.ETag == etag)
        {
            return new FeedBody(remembered.Body, etag, lastModified);
        }
        if (await store.ReadBodyAsync(feed.Id, cancellationToken) is { } kept)
        {
            Remember(feed.Id, kept.ETag, kept.Body);
            return kept;
        }
        // Nothing kept after all (the row changed under us): render it now.
        var (served, _) = await RefreshAsync(feed with { Rendered = null }, cancellationToken);
        return await served.ReadBodyAsync(cancellationToken);
    }

    /// <summary>
    /// Keeps the feed ready to serve by its link: its body (from memory, or read once when another silo
    /// rendered it) with its validators, and what it depends on.
    /// </summary>
    private async Task<ServedFeed> KeepReadyAsync(string token, FeedChangesMark mark, FeedSubscription feed, ServedFeed served, DateTimeOffset? until,
        CancellationToken cancellationToken)
    {
        var body = await served.ReadBodyAsync(cancellationToken);
        if (body.ETag != served.ETag)
        {
            // Another silo kept a newer body meanwhile: served as found, kept on a later poll.
            return served;
        }
        var ready = new ReadyFeed(mark, FeedChanges.SubjectKey(feed.Scope, feed.SubjectId), FeedChanges.FeedKey(feed.Id),
            FeedChanges.OwnerKey(feed.Owner.AccountId), until, ServedFeed.Of(body));
        bodies.Set(token, ready, new MemoryCacheEntryOptions { Size = body.Body.Length + 512, SlidingExpiration = TimeSpan.FromDays(1) });
        return ready.Served;
    }

    private void Remember(long feedId, string etag, byte[] body) =>
        bodies.Set(feedId, (etag, body), new MemoryCacheEntryOptions { Size = body.Length, SlidingExpiration = TimeSpan.FromDays(1) });

    /// <summary>SHA-256 of everything the body is rendered from, so an unrelated change costs a read but no rendering.</summary>
    private static byte[] HashOf(FeedDocument document) => SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(document));

    /// <summary>The moment the first cancelled event leaves the feed, after which the body no longer holds.</summary>
    private DateTimeOffset? KeptUntil(FeedDocument document)
    {
        var first = document.Events.Where(e => e.CancelledAt is not null).Min(e => e.CancelledAt);
        return first + options.Value.CancelledRetention;
    }

    /// <summary>A feed kept ready to serve, and what must not have changed for it to still be current.</summary>
    private sealed record ReadyFeed(FeedChangesMark Mark, string SubjectKey, string FeedKey, string OwnerKey, DateTimeOffset? Until, ServedFeed Served)
    {
        public bool IsCurrent(FeedChanges changes, DateTimeOffset now) =>
            (Until is null || now < Until) && changes.Unchanged(Mark, SubjectKey, FeedKey, OwnerKey);
    }
}
