namespace InclusionNetwork.Silo.Database;

/// <summary>Where the database is and where its migrations come from.</summary>
public sealed class DatabaseOptions
{
    /// <summary>True when the host started its own PostgreSQL because no connection string was configured.</summary>
    public bool Embedded { get; set; }

    public string MigrationsPath { get; set; } = Path.Combine(AppContext.BaseDirectory, "db", "migrations");

    /// <summary>
    /// Most connections this silo holds open at once. Kept well under the server's
    /// max_connections (100 by default), so several silos fit together; a request that finds
    /// the pool busy waits for a free connection rather than failing. A pool size written in
    /// the connection string wins.
    /// </summary>
    public int MaxPoolSize { get; set; } = 20;

    /// <summary>
    /// Connections, besides <see cref="MaxPoolSize"/>, that only look up the token a request
    /// carries. Authentication happens before any per-caller limit knows who is calling, so
    /// it has its own few connections: a burst of signed-in requests waits on these, never
    /// on the connections that everyone's queries use.
    /// </summary>
    public int TokenLookupPoolSize { get; set; } = 4;

    /// <summary>
    /// How long opening a connection may take, waiting for a free one in a busy pool included,
    /// before the request is answered "busy". A timeout written in the connection string wins.
    /// </summary>
    public int ConnectionTimeoutSeconds { get; set; } = 30;
}
