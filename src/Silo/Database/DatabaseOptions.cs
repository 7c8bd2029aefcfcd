namespace InclusionNetwork.Silo.Database;

/// <summary>Where the database is and where its migrations come from.</summary>
public sealed class DatabaseOptions
{
    /// <summary>True when the host started its own PostgreSQL because no connection string was configured.</summary>
    public bool Embedded { get; set; }

    public string MigrationsPath { get; set; } = Path.Combine(AppContext.BaseDirectory, "db", "migrations");
}
