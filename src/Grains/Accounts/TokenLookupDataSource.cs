using Npgsql;

namespace InclusionNetwork.Grains.Accounts;

/// <summary>
/// The small connection pool that authenticating a request uses, apart from the pool that
/// serves queries. Every request that carries a token is looked up before any per-caller
/// limit can see whose it is, so with one pool a burst of requests would queue every
/// lookup on it and leave the queries of everyone else waiting for a connection; here a
/// burst waits on its own few connections.
/// </summary>
public sealed class TokenLookupDataSource(NpgsqlDataSource dataSource) : IAsyncDisposable, IDisposable
{
    public NpgsqlDataSource DataSource { get; } = dataSource;

    // Disposed with the silo's services, so a stopped silo closes its lookup connections at once
    // rather than leaving them to count against the server's max_connections until they idle out.
    public ValueTask DisposeAsync() => DataSource.DisposeAsync();

    public void Dispose() => DataSource.Dispose();
}
