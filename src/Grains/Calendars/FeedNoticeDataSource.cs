using Npgsql;

namespace InclusionNetwork.Grains.Calendars;

/// <summary>
/// The one connection each silo holds to LISTEN for feed changes, apart from the pool that
/// serves queries: held for the silo's life, it would otherwise leave that pool one short
/// for good, and a small pool (two, say) half empty.
/// </summary>
public sealed class FeedNoticeDataSource(NpgsqlDataSource dataSource) : IAsyncDisposable, IDisposable
{
    public NpgsqlDataSource DataSource { get; } = dataSource;

    // Disposed with the silo's services, so a stopped silo closes its listening connection at once.
    public ValueTask DisposeAsync() => DataSource.DisposeAsync();

    public void Dispose() => DataSource.Dispose();
}
