using Xunit;
using InclusionNetwork.Silo.Database;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace InclusionNetwork.TestSupport;

/// <summary>
/// One throwaway PostgreSQL cluster per test run (per test assembly), started from the
/// machine's server binaries exactly as the Silo starts its embedded database, with
/// durability off for speed. Tests get isolation by asking for their own database, cloned
/// from a template that already has every migration applied.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private const string TemplateName = "inclusion_template";
    private readonly string dataRoot = Path.Combine(Path.GetTempPath(), "inclusion-network-tests", Guid.NewGuid().ToString("N"));
    private readonly SemaphoreSlim templateLock = new(1, 1);
    private EmbeddedPostgresServer? server;
    private bool templateReady;
    private readonly Dictionary<string, string> demoTemplates = [];
    // Shared by every fixture in the process: tests tell databases apart by name alone
    // (SqlStatementCounter, say), and collections on two servers run side by side.
    private static int databaseCounter;

    /// <summary>Connection string to the cluster's maintenance database, as superuser.</summary>
    public string ServerConnectionString =>
        new NpgsqlConnectionStringBuilder(Server.ConnectionString) { Database = "postgres" }.ConnectionString;

    private EmbeddedPostgresServer Server => server ?? throw new InvalidOperationException("The PostgreSQL fixture has not started.");

    public async Task InitializeAsync()
    {
        server = await EmbeddedPostgresServer.StartAsync(new EmbeddedPostgresOptions
        {
            DataRoot = dataRoot,
            Throwaway = true,
            DatabaseName = "postgres",
        });
    }

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
        Directory.Delete(dataRoot, recursive: true);
    }

    /// <summary>A new, empty database (no migrations) for tests of the migration runner itself.</summary>
    public async Task<string> CreateEmptyDatabaseAsync()
    {
        var name = NextDatabaseName();
        await ExecuteOnServerAsync($"CREATE DATABASE \"{name}\"");
        return ConnectionStringFor(name);
    }

    /// <summary>A new database with every migration in db/migrations applied.</summary>
    public async Task<string> CreateMigratedDatabaseAsync()
    {
        await EnsureTemplateAsync();
        var name = NextDatabaseName();
        await ExecuteOnServerAsync($"CREATE DATABASE \"{name}\" TEMPLATE \"{TemplateName}\"");
        return ConnectionStringFor(name);
    }

    /// <summary>
    /// A new database holding the demo county (loaded with <see cref="SiloHost.DemoPassword"/>),
    /// cloned from a template loaded once per run for each demo date: loading the demo data
    /// for every test would cost seconds each. The demo data is laid out around the clock's
    /// "now", so a test running on a <see cref="ManualClock"/> passes that clock's start here.
    /// A Silo started on the clone with demo data on finds every step done.
    /// </summary>
    public async Task<string> CreateDemoDatabaseAsync(DateTimeOffset? demoNow = null)
    {
        var template = await EnsureDemoTemplateAsync(demoNow);
        var name = NextDatabaseName();
        await ExecuteOnServerAsync($"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"");
        return ConnectionStringFor(name);
    }

    private async Task<string> EnsureDemoTemplateAsync(DateTimeOffset? demoNow)
    {
        await EnsureTemplateAsync();
        await templateLock.WaitAsync();
        try
        {
            var key = demoNow?.UtcDateTime.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture) ?? "system";
            if (demoTemplates.TryGetValue(key, out var existing))
            {
                return existing;
            }
            var name = $"inclusion_demo_{key}";
            await ExecuteOnServerAsync($"CREATE DATABASE \"{name}\" TEMPLATE \"{TemplateName}\"");
            await using (await SiloHost.StartAsync(ConnectionStringFor(name), loadDemoData: true, clock: demoNow is { } at ? new ManualClock(at) : null))
            {
            }
            // A template must have no open connections when it is cloned.
            NpgsqlConnection.ClearAllPools();
            await ExecuteOnServerAsync(
                $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}' AND pid <> pg_backend_pid()");
            demoTemplates[key] = name;
            return name;
        }
        finally
        {
            templateLock.Release();
        }
    }

    /// <summary>The folder holding the product's migrations, found from the repository root.</summary>
    public static string MigrationsDirectory => Path.Combine(RepositoryRoot.Path, "db", "migrations");

    private async Task EnsureTemplateAsync()
    {
        await templateLock.WaitAsync();
        try
        {
            if (templateReady)
            {
                return;
            }
            await ExecuteOnServerAsync($"CREATE DATABASE \"{TemplateName}\"");
            await using (var dataSource = NpgsqlDataSource.Create(ConnectionStringFor(TemplateName)))
            {
                var runner = new MigrationRunner(dataSource, NullLogger<MigrationRunner>.Instance);
                await runner.ApplyAsync(Migration.LoadFrom(MigrationsDirectory));
            }
            // A template must have no open connections when it is cloned.
            NpgsqlConnection.ClearAllPools();
            templateReady = true;
        }
        finally
        {
            templateLock.Release();
        }
    }

    private string NextDatabaseName() => $"test_{Interlocked.Increment(ref databaseCounter)}";

    public string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(Server.ConnectionString) { Database = database }.ConnectionString;

    private async Task ExecuteOnServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ServerConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
