using System.Diagnostics;

namespace InclusionNetwork.TestSupport;

/// <summary>
/// Counts the SQL statements Npgsql sends to one database while it is alive, from
/// Npgsql's own tracing, so a test can prove a query costs a constant number of round trips.
/// </summary>
public sealed class SqlStatementCounter : IDisposable
{
    private readonly ActivityListener listener;
    private int count;

    /// <param name="counts">Which statements to count (by their activity's tags, e.g. <c>db.query.text</c>); all when null.</param>
    public SqlStatementCounter(string databaseName, Func<Activity, bool>? counts = null)
    {
        listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            // Npgsql adds the database tag after the activity starts, so count when it stops.
            ActivityStopped = activity =>
            {
                var database = activity.GetTagItem("db.namespace") ?? activity.GetTagItem("db.name");
                if (Equals(database, databaseName) && (counts is null || counts(activity)))
                {
                    Interlocked.Increment(ref count);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
    }

    public int Count => Volatile.Read(ref count);

    public void Reset() => Interlocked.Exchange(ref count, 0);

    public void Dispose() => listener.Dispose();
}
