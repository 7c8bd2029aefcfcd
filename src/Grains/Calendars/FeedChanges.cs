using System.Collections.Concurrent;

namespace InclusionNetwork.Grains.Calendars;

/// <summary>
/// What this silo has heard of committed changes to calendar feeds (migration 0042's notices), so a
/// feed kept in memory can be served without asking the database.
/// <para>
/// Every notice heard gets the next number, and the number is remembered per thing it names (a
/// feed subject, a feed, an owner's account; or everything). A feed kept after a lookup remembers
/// the number current before the lookup began: it is still current while nothing it depends on has
/// a larger number. A notice is delivered only after its change is visible to new snapshots, so a
/// lookup begun after a notice was counted saw that change, and one begun before is outdated by it.
/// </para>
/// <para>
/// All of this holds only while the listening connection is up: each time it (re)starts listening
/// is a new epoch, and a feed kept in another epoch, or while nobody listens, is never current.
/// </para>
/// </summary>
public sealed class FeedChanges
{
    private readonly ConcurrentDictionary<string, long> lastChange = new(StringComparer.Ordinal);
    private long heard;
    private long everythingChanged;
    // Odd while listening, even while not: a feed kept in one epoch is never current in another.
    private long epoch;

    /// <summary>Moves each time listening starts or stops: for tests and diagnostics.</summary>
    public long Epoch => Volatile.Read(ref epoch);

    /// <summary>True while this silo hears every committed change.</summary>
    public bool Listening => (Volatile.Read(ref epoch) & 1) == 1;

    /// <summary>
    /// Taken before a lookup, to keep what the lookup finds; null when nobody listens, and then
    /// nothing found may be kept.
    /// </summary>
    public FeedChangesMark? Mark()
    {
        var current = Volatile.Read(ref epoch);
        // Read after the epoch: a notice counted in between makes the mark only more cautious.
        var number = Interlocked.Read(ref heard);
        return (current & 1) == 1 ? new FeedChangesMark(current, number) : null;
    }

    /// <summary>True when nothing the feed depends on has changed since <paramref name="mark"/>, and this silo still listens.</summary>
    public bool Unchanged(FeedChangesMark mark, string subjectKey, string feedKey, string ownerKey) =>
        Volatile.Read(ref epoch) == mark.Epoch
        && Volatile.Read(ref everythingChanged) <= mark.Heard
        && NotSince(subjectKey, mark.Heard) && NotSince(feedKey, mark.Heard) && NotSince(ownerKey, mark.Heard);

    /// <summary>A notice: <c>*</c> for everything, otherwise the key of what changed.</summary>
    public void Heard(string what)
    {
        var number = Interlocked.Increment(ref heard);
        if (what == "*")
        {
            InterlockedMax(ref everythingChanged, number);
        }
        else
        {
            lastChange.AddOrUpdate(what, number, (_, previous) => Math.Max(previous, number));
        }
    }

    /// <summary>Listening (again): a new epoch, so nothing kept before counts.</summary>
    public void Started()
    {
        if (!Listening)
        {
            Interlocked.Increment(ref epoch);
        }
    }

    /// <summary>The listening connection is gone: every kept feed counts as changed until it is back.</summary>
    public void Stopped()
    {
        if (Listening)
        {
            Interlocked.Increment(ref epoch);
        }
    }

    public static string SubjectKey(FeedScope scope, string subjectId) => scope + ":" + subjectId;

    public static string FeedKey(long feedId) => "feed:" + feedId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string OwnerKey(long accountId) => "account:" + accountId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private bool NotSince(string key, long number) => !lastChange.TryGetValue(key, out var changed) || changed <= number;

    private static void InterlockedMax(ref long location, long value)
    {
        var current = Volatile.Read(ref location);
        while (current < value)
        {
            var seen = Interlocked.CompareExchange(ref location, value, current);
            if (seen == current)
            {
                return;
            }
            current = seen;
        }
    }
}

/// <summary>Where <see cref="FeedChanges"/> stood when a lookup began.</summary>
public readonly record struct FeedChangesMark(long Epoch, long Heard);
