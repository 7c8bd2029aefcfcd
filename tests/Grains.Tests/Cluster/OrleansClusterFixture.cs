using InclusionNetwork.TestSupport;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace InclusionNetwork.Grains.Tests.Cluster;

/// <summary>
/// One migrated database and one running silo, shared by every test of
/// <see cref="OrleansProviderTests"/> because a silo takes seconds to start. The database's
/// TimeZone is Europe/London, as in production, so every test also shows that no time
/// shifts with the session's zone.
/// </summary>
public sealed class OrleansClusterFixture(PostgresFixture postgres) : IAsyncLifetime
{
    public const string TimeZone = "Europe/London";

    private IHost? silo;

    public string ConnectionString { get; private set; } = "";

    public string ClusterId { get; } = "cluster-" + Guid.NewGuid().ToString("N")[..8];

    public string ServiceId { get; } = "service-" + Guid.NewGuid().ToString("N")[..8];

    public IHost Silo => silo ?? throw new InvalidOperationException("The silo has not started.");

    public PostgresFixture Postgres => postgres;

    public async Task InitializeAsync()
    {
        ConnectionString = await CreateDatabaseAsync(postgres);
        silo = await OrleansSilo.StartAsync(ConnectionString, ClusterId, ServiceId);
    }

    public async Task DisposeAsync()
    {
        if (silo is not null)
        {
            await silo.StopAsync();
            silo.Dispose();
        }
    }

    /// <summary>A database with every migration applied and the production time zone.</summary>
    public static async Task<string> CreateDatabaseAsync(PostgresFixture postgres)
    {
        var connectionString = await postgres.CreateMigratedDatabaseAsync();
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"ALTER DATABASE \"{database}\" SET TimeZone = '{TimeZone}'", connection);
        await command.ExecuteNonQueryAsync();
        // Sessions pick the setting up when they start: drop the pooled one used above.
        NpgsqlConnection.ClearPool(connection);
        return connectionString;
    }
}
