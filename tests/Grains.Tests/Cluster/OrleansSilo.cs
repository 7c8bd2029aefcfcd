using System.Net;
using InclusionNetwork.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans;
using Orleans.Hosting;
using Orleans.Runtime.MembershipService;

namespace InclusionNetwork.Grains.Tests.Cluster;

/// <summary>
/// Starts real Orleans silos and provider objects on a database that has only our
/// migrations, configured as the product configures them: ADO.NET clustering, reminders
/// and grain storage, all with the "Npgsql" invariant. Silos listen on loopback only, on
/// ports the operating system reports free.
/// </summary>
public static class OrleansSilo
{
    public const string Invariant = "Npgsql";

    /// <summary>The grain storage that keeps the row, with a NULL payload, when a state is cleared.</summary>
    public const string KeepRowStorage = "KeepRowOnClear";

    /// <summary>The grain storage that deletes the row when a state is cleared (DeleteStorageKey).</summary>
    public const string DeleteRowStorage = "DeleteRowOnClear";

    public static async Task<IHost> StartAsync(string connectionString, string clusterId, string serviceId)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        // Caps how long a test waits for a stopping silo to leave the cluster.
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(20));
        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = clusterId;
                o.ServiceId = serviceId;
            });
            silo.ConfigureEndpoints(IPAddress.Loopback, SiloHost.FreePort(), SiloHost.FreePort(), listenOnAnyHostAddress: false);
            silo.UseAdoNetClustering(o =>
            {
                o.Invariant = Invariant;
                o.ConnectionString = connectionString;
            });
            silo.UseAdoNetReminderService(o =>
            {
                o.Invariant = Invariant;
                o.ConnectionString = connectionString;
            });
            silo.AddAdoNetGrainStorage(KeepRowStorage, o =>
            {
                o.Invariant = Invariant;
                o.ConnectionString = connectionString;
                o.DeleteStateOnClear = false;
            });
            silo.AddAdoNetGrainStorage(DeleteRowStorage, o =>
            {
                o.Invariant = Invariant;
                o.ConnectionString = connectionString;
                o.DeleteStateOnClear = true;
            });
        });
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    /// <summary>
    /// The clustering provider on its own, for a cluster id no silo uses, so a test can
    /// drive the membership texts directly without a live silo reacting to its rows.
    /// </summary>
    public static async Task<IMembershipTable> MembershipTableAsync(IServiceProvider services, string connectionString, string clusterId)
    {
        var table = new AdoNetClusteringTable(
            services,
            Options.Create(new ClusterOptions { ClusterId = clusterId, ServiceId = clusterId }),
            Options.Create(new AdoNetClusteringSiloOptions { Invariant = Invariant, ConnectionString = connectionString }),
            NullLogger<AdoNetClusteringTable>.Instance);
        await table.InitializeMembershipTableAsync(tryInitTableVersion: true);
        return table;
    }
}
