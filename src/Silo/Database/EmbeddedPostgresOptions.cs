namespace InclusionNetwork.Silo.Database;

/// <summary>How to run the private PostgreSQL used when no connection string is configured.</summary>
public sealed record EmbeddedPostgresOptions
{
    /// <summary>Folder holding the cluster, its password and its log; created on first run.</summary>
    public required string DataRoot { get; init; }

    /// <summary>
    /// Throwaway clusters (tests) trade durability for speed: fsync, full-page writes and
    /// synchronous commit off. Never for data that must survive a crash.
    /// </summary>
    public bool Throwaway { get; init; }

    /// <summary>Folder of initdb, pg_ctl and postgres; found automatically when null.</summary>
    public string? BinDirectory { get; init; }

    public string DatabaseName { get; init; } = "inclusion_network";
}
