using Microsoft.Extensions.Options;

namespace InclusionNetwork.Silo.Database;

/// <summary>
/// The migrations that ship with this build, read from disk once: start-up applies them
/// and every readiness probe compares the database with them, so the files are not read
/// and hashed again on each probe.
/// </summary>
public sealed class ShippedMigrations(IOptions<DatabaseOptions> options)
{
    private readonly Lazy<IReadOnlyList<Migration>> all = new(() => Migration.LoadFrom(options.Value.MigrationsPath));

    public IReadOnlyList<Migration> All => all.Value;
}
