using System.Text;

namespace InclusionNetwork.Attack.Bench;

/// <summary>
/// One resource attack: what each request sends, how many at once, and its bounds: new
/// requests are sent for <see cref="Duration"/> or until <see cref="MaxRequests"/> were sent,
/// whichever comes first, and any still unanswered a little after that are abandoned.
/// </summary>
internal sealed record Attack(
    string Name,
    string Description,
    int MaxRequests,
    int Concurrency,
    TimeSpan Duration,
    GraphQLBody Body,
    TimeSpan? ClientGivesUpAfter = null,
    bool SignedInAsLeader = false);

/// <summary>The documents of the attacks: each is small to send and was expensive to answer.</summary>
internal static class Attacks
{
    /// <summary>26 fragments on Query, each spreading the next twice: 2^25 copies of the last once expanded, from about a kilobyte.</summary>
    public static string FragmentBomb()
    {
        const int fragments = 26;
        var query = new StringBuilder("query { ...F0 }");
        for (var i = 0; i < fragments - 1; i++)
        {
            query.Append($" fragment F{i} on Query {{ ...F{i + 1} ...F{i + 1} }}");
        }

        return query.Append($" fragment F{fragments - 1} on Query {{ districts {{ name }} }}").ToString();
    }

    /// <summary>1,650 aliases of one response name over two different fields: every pair conflicts (about 48 KB).</summary>
    public static string ConflictingAliases() =>
        "{ " + string.Join(" ", Enumerable.Range(0, 1650).Select(i => i % 2 == 0 ? "x: districts { id }" : "x: areas { id }")) + " }";

    /// <summary>Unpaged lists nested through their back references.</summary>
    public static string UnpagedNestedLists() =>
        "{ districts { schools { district { schools { district { schools { urn name } } } } } } }";

    /// <summary>About a megabyte, nearly all comment, around a tiny query; numbered per request, so every body is distinct.</summary>
    public static string CommentPadded() => "# " + new string('x', 1_000_000) + "\n{ areas { id } } # ";

    /// <summary>Five thousand nested list brackets in an argument value.</summary>
    public static string DeepNesting() => "{ school(urn: " + new string('[', 5000) + "1" + new string(']', 5000) + ") { name } }";

    /// <summary>A leader's directory page with every run, past ones included, and their bookings.</summary>
    public static string LeaderFanOut() =>
        "{ directory(first: 100) { nodes { runs(includePast: true) { bookings { id } } } } }";

    /// <summary>What an ordinary visitor asks: the first page of the directory.</summary>
    public const string Ordinary = "{ directory(first: 20) { totalCount nodes { id title } } }";

    public static readonly GraphQLBody OrdinaryBody = GraphQLBody.Of(Ordinary);

    public static IReadOnlyList<Attack> All(bool quick)
    {
        // Refused attacks are cheap to answer, so a count bound ended them in a few seconds, with
        // too few probes of the ordinary query (10-66 per silo) for a 95th percentile to mean
        // anything: every attack runs for its whole duration instead.
        var untilDuration = quick ? 2_000 : int.MaxValue;
        var duration = quick ? TimeSpan.FromSeconds(5) : TimeSpan.FromSeconds(30);
        var fragmentBomb = GraphQLBody.Of(FragmentBomb());
        var aliases = GraphQLBody.Of(ConflictingAliases());
        var nested = GraphQLBody.Of(UnpagedNestedLists());
        var commentPadded = GraphQLBody.Numbered(CommentPadded());
        var deep = GraphQLBody.Of(DeepNesting());
        var fanOut = GraphQLBody.Of(LeaderFanOut());
        return
        [
            new("fragment bomb", "26 fragments each spreading the next twice; the client gives up after 2 s", untilDuration, 4, duration, fragmentBomb, TimeSpan.FromSeconds(2)),
            new("conflicting aliases", "1,650 aliases of one response name over two fields", untilDuration, 8, duration, aliases),
            new("unpaged nested lists", "districts > schools > district > schools > district > schools", untilDuration, 8, duration, nested),
            new("comment-padded bodies", "distinct 1 MB bodies of comment around { areas { id } }, for the document cache", untilDuration, 4, duration, commentPadded),
            new("deep nesting", "5,000 nested list brackets in an argument", untilDuration, 8, duration, deep),
            new("leader fan-out", "a leader's directory(first: 100) with every run's bookings, 200 at once", untilDuration, quick ? 40 : 200, duration, fanOut, SignedInAsLeader: true),
        ];
    }
}
