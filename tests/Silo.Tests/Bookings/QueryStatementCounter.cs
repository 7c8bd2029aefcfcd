using System.Diagnostics;

namespace InclusionNetwork.Silo.Tests.Bookings;

/// <summary>
/// Counts the SQL statements sent to one database, from Npgsql's tracing, leaving out the
/// host's own background work (the Orleans providers' membership and reminder queries, token bookkeeping), so a test can see
/// what one GraphQL request costs.
/// </summary>
internal sealed class QueryStatementCounter : IDisposable
{
    private static readonly string[] Background = ["orleans", "Orleans", "access_tokens"];
    private readonly ActivityListener listener;
    private readonly List<string> statements = [];

    public QueryStatementCounter(string databaseName)
    {
        listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                var database = activity.GetTagItem("db.namespace") ?? activity.GetTagItem("db.name");
                var text = (activity.GetTagItem("db.query.text") ?? activity.GetTagItem("db.statement")) as string ?? "";
                if (Equals(database, databaseName) && text.Length > 0 && !Background.Any(table => text.Contains(table, StringComparison.Ordinal)))
                {
                    lock (statements)
                    {
                        statements.Add(text);
                    }
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
    }

    public int Count
    {
        get
        {
            lock (statements)
            {
                return statements.Count;
            }
        }
    }

    /// <summary>The statements counted, for a failure message.</summary>
    public string Listing
    {
        get
        {
            lock (statements)
            {
                return string.Join("\n---\n", statements.Select(s => s.Length > 160 ? s[..160] : s));
            }
        }
    }

    public void Reset()
    {
        lock (statements)
        {
            statements.Clear();
        }
    }

    public void Dispose() => listener.Dispose();
}
