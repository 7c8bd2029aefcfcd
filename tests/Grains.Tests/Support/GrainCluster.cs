using InclusionNetwork.Grains.Messages;
using InclusionNetwork.Grains.Accounts;
using InclusionNetwork.Grains.Bookings;
using InclusionNetwork.Grains.Common;
using InclusionNetwork.Grains.Schools;
using InclusionNetwork.Silo.Cluster;
using InclusionNetwork.Silo.Extensions;
using System.Collections.Concurrent;
using Orleans.Hosting;
using Microsoft.Extensions.DependencyInjection;
using InclusionNetwork.Grains.PeerReview;
using Npgsql;
using Orleans;
using Orleans.Runtime;
using Orleans.TestingHost;

namespace InclusionNetwork.Grains.Tests.Support;

/// <summary>
/// A real Orleans cluster of in-process silos on one test database: membership, reminders
/// and grain storage through the ADO.NET providers on our migration (not the test cluster's
/// own membership), and the domain's services as the Silo registers them, on a clock the
/// test moves.
/// </summary>
public sealed class GrainCluster : IAsyncDisposable
{
    private const string ConnectionStringKey = "GrainCluster:ConnectionString";
    private const string ClockKey = "GrainCluster:Clock";

    /// <summary>Silo configurators are built by type, so each cluster's clock is found by its id.</summary>
    private static readonly ConcurrentDictionary<string, TimeProvider> Clocks = new();

    private readonly string clockId;

    private readonly string connectionString;

    private GrainCluster(TestCluster cluster, string connectionString, string clockId)
    {
        Cluster = cluster;
        Database = NpgsqlDataSource.Create(connectionString);
        this.connectionString = connectionString;
        this.clockId = clockId;
    }

    public TestCluster Cluster { get; }

    /// <summary>The test's own connection to the database, for seeding and checking rows.</summary>
    public NpgsqlDataSource Database { get; }

    public static async Task<GrainCluster> StartAsync(string connectionString, TimeProvider clock, short silos = 2)
    {
        var clockId = Guid.NewGuid().ToString("N");
        Clocks[clockId] = clock;
        var builder = new TestClusterBuilder(silos);
        builder.Options.UseTestClusterMembership = false;
        // Tests call grains from inside the silos, as the web app does; no outside client.
        builder.Options.InitializeClientOnDeploy = false;
        builder.Properties[ConnectionStringKey] = connectionString;
        builder.Properties[ClockKey] = clockId;
        builder.AddSiloBuilderConfigurator<DomainSilo>();
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new GrainCluster(cluster, connectionString, clockId);
    }

    public IReadOnlyList<SiloHandle> Silos => Cluster.Silos;

    /// <summary>Grain references as code running inside <paramref name="silo"/> gets them.</summary>
    public IGrainFactory GrainsOn(SiloHandle silo) => Cluster.GetSiloServiceProvider(silo.SiloAddress).GetRequiredService<IGrainFactory>();

    public T Service<T>(int silo = 0) where T : notnull => Cluster.GetSiloServiceProvider(Silos[silo].SiloAddress).GetRequiredService<T>();

    /// <summary>Whether <paramref name="grain"/> has an activation now, as the cluster's directory records it.</summary>
    public async Task<bool> IsActiveAsync(IAddressable grain) =>
        await GrainsOn(Silos[0]).GetGrain<IManagementGrain>(0).GetActivationAddress(grain) is not null;

    /// <summary>
    /// Deactivates every idle activation in the cluster, as Orleans does once they have sat idle
    /// for their collection age, so the next call activates afresh from what is stored.
    /// </summary>
    public Task DeactivateIdleGrainsAsync() => GrainsOn(Silos[0]).GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

    /// <summary>
    /// Writes straight to the database, as a writer outside the grains does (an import, an
    /// erasure, another process): the activations holding that state are not told.
    /// </summary>
    public async Task WriteBehindTheGrainsAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = Command(sql, parameters);
        await command.ExecuteNonQueryAsync();
    }

    public async Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = Command(sql, parameters);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private NpgsqlCommand Command(string sql, (string Name, object Value)[] parameters)
    {
        var command = Database.CreateCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        return command;
    }

    public async ValueTask DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        await Database.DisposeAsync();
        // The silos' Orleans connections stay pooled in this process unless released.
        await using var orleans = new NpgsqlConnection(ClusterExtensions.OrleansConnectionString(connectionString));
        NpgsqlConnection.ClearPool(orleans);
        Clocks.TryRemove(clockId, out _);
    }

    private sealed class DomainSilo : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo)
        {
            var connectionString = silo.Configuration[ConnectionStringKey]!;
            silo.UsePostgres(connectionString);
            silo.UseFailoverTimings(new ClusterSettings());
            silo.Services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
            silo.Services.AddSingleton(new DomainClock(Clocks[silo.Configuration[ClockKey]!]));
            silo.Services.AddSchoolsAndPlaces();
            silo.Services.AddCoursesAndBookings(silo.Configuration);
            silo.Services.AddPeerReviewAndNetworks(silo.Configuration);
            silo.Services.AddPrivacy(silo.Configuration);
            // Grains write messages beside their changes; these tests read the outbox table.
            silo.Services.AddSingleton<Outbox>();
            silo.Services.AddSingleton<EmailComposer>();
        }
    }
}
