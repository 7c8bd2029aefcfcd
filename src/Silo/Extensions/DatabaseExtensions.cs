using InclusionNetwork.Grains.Accounts;
using InclusionNetwork.Grains.Calendars;
using InclusionNetwork.Silo.Database;
using Npgsql;

namespace InclusionNetwork.Silo.Extensions;

public static class DatabaseExtensions
{
    /// <summary>The application name of the token-lookup pool's connections, as PostgreSQL shows it.</summary>
    public const string TokenLookupApplicationName = "inclusion-network token lookups";

    /// <summary>The application name of the connection that listens for feed changes.</summary>
    public const string FeedNoticesApplicationName = "inclusion-network feed notices";

    /// <summary>
    /// Uses <c>ConnectionStrings:Postgres</c> when set; otherwise starts a private PostgreSQL
    /// from the machine's binaries, with its data under <c>Postgres:Embedded:DataDirectory</c>
    /// (default <c>.data/postgres</c> in the working directory), so the quick start needs no setup.
    /// Requests are served as a role that may only read and write rows; migrations run as the
    /// schema's owner: on the embedded database its superuser, on another database the role
    /// of <c>ConnectionStrings:PostgresMigrations</c> when set (else the serving connection,
    /// which must then own the schema).
    /// </summary>
    public static async Task<WebApplicationBuilder> AddDatabaseAsync(this WebApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString("Postgres");
        var migrationsConnectionString = builder.Configuration.GetConnectionString("PostgresMigrations");
        var embedded = string.IsNullOrWhiteSpace(connectionString);
        if (embedded)
        {
            var dataRoot = builder.Configuration["Postgres:Embedded:DataDirectory"]
                ?? Path.Combine(Directory.GetCurrentDirectory(), ".data", "postgres");
            var server = await EmbeddedPostgresServer.StartAsync(new EmbeddedPostgresOptions
            {
                DataRoot = Path.GetFullPath(dataRoot),
                BinDirectory = builder.Configuration["Postgres:Embedded:BinDirectory"],
            });
            // Stop the server even if start-up fails later (a bad migration, say).
            AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop();
            builder.Services.AddSingleton(server);
            builder.Services.AddHostedService<EmbeddedPostgresLifetime>();
            connectionString = server.AppConnectionString;
            migrationsConnectionString = server.ConnectionString;
        }
        var connection = new DatabaseConnection(connectionString!, embedded);
        builder.Services.AddSingleton(connection);
        // The cluster's configuration, made before the container is built, reads it from here.
        ((IHostApplicationBuilder)builder).Properties[typeof(DatabaseConnection)] = connection;
        builder.Services.Configure<DatabaseOptions>(builder.Configuration.GetSection("Database"));
        builder.Services.PostConfigure<DatabaseOptions>(o => o.Embedded = embedded);
        var poolSettings = builder.Configuration.GetSection("Database").Get<DatabaseOptions>() ?? new DatabaseOptions();
        var pooledConnectionString = PooledConnectionString(connectionString!, poolSettings);
        builder.Services.AddSingleton(_ => new NpgsqlDataSourceBuilder(pooledConnectionString).Build());
        if (poolSettings.TokenLookupPoolSize < 1)
        {
            throw new DatabaseConfigurationException($"Database:TokenLookupPoolSize must be at least 1 (it is {poolSettings.TokenLookupPoolSize}).");
        }
        // A pool of its own (a data source has its own pool), so authenticating a burst never takes the serving pool's connections.
        var tokenLookupConnectionString = TokenLookupConnectionString(connectionString!, poolSettings);
        builder.Services.AddSingleton(_ => new TokenLookupDataSource(new NpgsqlDataSourceBuilder(tokenLookupConnectionString) { Name = "token-lookups" }.Build()));
        // The feed-change listener's one connection, held for the silo's life, outside the serving pool.
        var feedNoticesConnectionString = new NpgsqlConnectionStringBuilder(pooledConnectionString)
        {
            MaxPoolSize = 1,
            MinPoolSize = 0,
            ApplicationName = FeedNoticesApplicationName,
        }.ConnectionString;
        builder.Services.AddSingleton(_ => new FeedNoticeDataSource(new NpgsqlDataSourceBuilder(feedNoticesConnectionString) { Name = "feed-notices" }.Build()));
        var separateOwner = !string.IsNullOrWhiteSpace(migrationsConnectionString);
        var servingRole = separateOwner ? new NpgsqlConnectionStringBuilder(connectionString).Username : null;
        if (separateOwner && string.IsNullOrEmpty(servingRole))
        {
            throw new StartupConfigurationException(
                "ConnectionStrings:PostgresMigrations is set, so ConnectionStrings:Postgres must name its role (Username=...) to be granted its rights.");
        }
        builder.Services.AddSingleton(services => new MigrationRunner(
            separateOwner ? NpgsqlDataSource.Create(migrationsConnectionString!) : services.GetRequiredService<NpgsqlDataSource>(),
            services.GetRequiredService<ILogger<MigrationRunner>>(),
            servingRole));
        builder.Services.AddSingleton<ShippedMigrations>();
        return builder;
    }

    /// <summary>
    /// The connection string with this silo's pool cap and wait, unless the string sets them
    /// itself. Npgsql's own default (100) would let one silo take every connection the server
    /// has; with a cap, a burst of requests queues for a connection instead.
    /// </summary>
    internal static string PooledConnectionString(string connectionString, DatabaseOptions options)
    {
        // Start-up holds one connection for its advisory lock while it works on another.
        if (options.MaxPoolSize < 2)
        {
            throw new DatabaseConfigurationException($"Database:MaxPoolSize must be at least 2 (it is {options.MaxPoolSize}).");
        }
        if (options.ConnectionTimeoutSeconds < 1)
        {
            throw new DatabaseConfigurationException($"Database:ConnectionTimeoutSeconds must be at least 1 (it is {options.ConnectionTimeoutSeconds}).");
        }
        var written = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }.Keys
            .Cast<string>().Select(k => k.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant()).ToHashSet();
        var pooled = new NpgsqlConnectionStringBuilder(connectionString);
        if (!written.Contains("maxpoolsize") && !written.Contains("maximumpoolsize"))
        {
            pooled.MaxPoolSize = options.MaxPoolSize;
            pooled.MinPoolSize = Math.Min(pooled.MinPoolSize, options.MaxPoolSize);
        }
        if (!written.Contains("timeout"))
        {
            pooled.Timeout = options.ConnectionTimeoutSeconds;
        }
        return pooled.ConnectionString;
    }

    /// <summary>
    /// The connection string of the token-lookup pool: always its own small size (a size
    /// written in the connection string is for the serving pool), the same wait, and its own
    /// application name so an operator (and a test) can tell its connections from the serving pool's.
    /// </summary>
    internal static string TokenLookupConnectionString(string connectionString, DatabaseOptions options)
    {
        var pooled = new NpgsqlConnectionStringBuilder(PooledConnectionString(connectionString, options))
        {
            MaxPoolSize = options.TokenLookupPoolSize,
            ApplicationName = TokenLookupApplicationName,
        };
        pooled.MinPoolSize = Math.Min(pooled.MinPoolSize, pooled.MaxPoolSize);
        return pooled.ConnectionString;
    }

    /// <summary>Applies pending migrations before the host serves anything.</summary>
    public static async Task ApplyMigrationsAsync(this WebApplication app)
    {
        var runner = app.Services.GetRequiredService<MigrationRunner>();
        await runner.ApplyAsync(app.Services.GetRequiredService<ShippedMigrations>().All);
    }
}
