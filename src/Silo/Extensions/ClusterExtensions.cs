using InclusionNetwork.Silo.Cluster;
using InclusionNetwork.Silo.Database;
using Npgsql;
using Orleans.Configuration;
using Orleans.Dashboard;

namespace InclusionNetwork.Silo.Extensions;

public static class ClusterExtensions
{
    /// <summary>The ADO.NET providers pick Npgsql's factory by this name.</summary>
    private const string NpgsqlInvariant = "Npgsql";

    /// <summary>Connections the Orleans providers of one silo may hold, besides the app's own pool.</summary>
    public const int OrleansMaxPoolSize = 10;

    /// <summary>How the Orleans providers' connections are named in <c>pg_stat_activity</c>.</summary>
    public const string OrleansApplicationName = "inclusion-network orleans";

    /// <summary>Where admins find the Orleans Dashboard.</summary>
    public const string DashboardPath = "/admin/orleans";

    /// <summary>
    /// Makes this process an Orleans silo beside the web app. Membership, reminders and grain
    /// storage live in the app's own PostgreSQL database (the tables and query texts come from
    /// our migration), so every Silo process on one database joins one cluster, and each grain
    /// has one activation in it. Probing is tuned so a killed silo is declared dead, and its
    /// grains answer again elsewhere, within about ten seconds rather than Orleans' default of
    /// roughly a minute.
    /// </summary>
    public static WebApplicationBuilder AddCluster(this WebApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection(ClusterSettings.Section).Get<ClusterSettings>() ?? new ClusterSettings();
        var database = (DatabaseConnection)((IHostApplicationBuilder)builder).Properties[typeof(DatabaseConnection)];
        // Registered before the silo, so it stops after it: then nothing of Orleans needs its connections.
        builder.Services.AddHostedService(_ => new OrleansConnectionsRelease(OrleansConnectionString(database.ConnectionString)));
        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = settings.ClusterId;
                o.ServiceId = settings.ServiceId;
            });
            silo.ConfigureEndpoints(settings.ResolveAdvertisedAddress(database.Embedded), settings.SiloPort, settings.GatewayPort,
                listenOnAnyHostAddress: !database.Embedded);
            silo.UsePostgres(database.ConnectionString);
            silo.UseFailoverTimings(settings);
            silo.AddDashboard();
        });
        builder.Services.AddSingleton<IOutgoingGrainCallFilter, ClusterUnavailableErrors>();
        // One instance both filters calls and logs the minute's counts.
        builder.Services.AddSingleton<IIncomingGrainCallFilter>(services => services.GetRequiredService<GrainCallLogging>());
        builder.Services.AddSingleton<GrainCallLogging>();
        builder.Services.AddHostedService(services => services.GetRequiredService<GrainCallLogging>());
        return builder;
    }

    /// <summary>
    /// Membership, durable reminders and the default grain storage on one PostgreSQL database
    /// migrated by db/migrations (which creates the providers' tables and query texts).
    /// </summary>
    public static ISiloBuilder UsePostgres(this ISiloBuilder silo, string databaseConnectionString)
    {
        var connectionString = OrleansConnectionString(databaseConnectionString);
        silo.UseAdoNetClustering(o =>
        {
            o.Invariant = NpgsqlInvariant;
            o.ConnectionString = connectionString;
        });
        silo.UseAdoNetReminderService(o =>
        {
            o.Invariant = NpgsqlInvariant;
            o.ConnectionString = connectionString;
        });
        silo.AddAdoNetGrainStorageAsDefault(o =>
        {
            o.Invariant = NpgsqlInvariant;
            o.ConnectionString = connectionString;
        });
        return silo;
    }

    /// <summary>
    /// The connection string the Orleans providers use. Their queries (heartbeats, membership
    /// reads, reminders, grain state) are small and few: a pool of their own, capped, keeps
    /// them from queueing behind the app's requests and bounds what one silo may hold of the
    /// server's connections.
    /// </summary>
    public static string OrleansConnectionString(string databaseConnectionString) =>
        new NpgsqlConnectionStringBuilder(databaseConnectionString)
        {
            MaxPoolSize = OrleansMaxPoolSize,
            ApplicationName = OrleansApplicationName,
        }.ConnectionString;

    /// <summary>
    /// Probing and call timeouts from <paramref name="settings"/>: how soon a dead silo is
    /// declared dead and its grains answer from the survivors, and how long a call waits.
    /// </summary>
    public static ISiloBuilder UseFailoverTimings(this ISiloBuilder silo, ClusterSettings settings)
    {
        silo.Configure<ClusterMembershipOptions>(o =>
        {
            o.ProbeTimeout = settings.ProbeTimeout;
            o.NumMissedProbesLimit = settings.MissedProbesLimit;
        });
        silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = settings.ResponseTimeout);
        return silo;
    }

    /// <summary>The Orleans Dashboard under <see cref="DashboardPath"/>, for admins only.</summary>
    public static WebApplication MapClusterDashboard(this WebApplication app)
    {
        app.MapOrleansDashboard(routePrefix: DashboardPath).RequireAuthorization(policy => policy.RequireRole("ADMIN"));
        return app;
    }
}
