using System.Net;
using System.Net.Sockets;
using InclusionNetwork.Grains.Bookings;
using InclusionNetwork.Grains.Common;
using InclusionNetwork.Grains.Schools;
using InclusionNetwork.Silo.Cluster;
using InclusionNetwork.Silo.Extensions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Orleans;
using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.Hosting;

namespace InclusionNetwork.Cluster.Bench;

/// <summary>
/// A one-silo Orleans cluster in this process, configured as the Silo configures its own:
/// membership, reminders and storage on PostgreSQL (<c>UsePostgres</c>), the failover
/// timings, the grain-call logging filter and the dashboard's call statistics, and the
/// domain's services, so the booking figures run through the real run grain. The bench calls
/// grains from inside the silo, as the web app does. Without the operator tooling (the filter
/// and the dashboard) it shows what those cost per call.
/// </summary>
internal sealed class BenchSilo(IHost host) : IAsyncDisposable
{
    public IGrainFactory Grains => host.Services.GetRequiredService<IGrainFactory>();

    public static async Task<BenchSilo> StartAsync(string connectionString, string clusterId, bool operatorTooling)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = clusterId;
                o.ServiceId = clusterId;
            });
            silo.ConfigureEndpoints(IPAddress.Loopback, FreePort(), FreePort(), listenOnAnyHostAddress: false);
            silo.UsePostgres(connectionString);
            silo.UseFailoverTimings(new ClusterSettings());
            if (operatorTooling)
            {
                silo.AddDashboard();
            }
        });
        if (operatorTooling)
        {
            builder.Services.AddSingleton<IIncomingGrainCallFilter>(services => services.GetRequiredService<GrainCallLogging>());
            builder.Services.AddSingleton<GrainCallLogging>();
        }
        builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
        builder.Services.AddSingleton(new DomainClock(TimeProvider.System));
        builder.Services.AddSchoolsAndPlaces();
        builder.Services.AddCoursesAndBookings(builder.Configuration);
        // The run grain writes its reminders' messages to the outbox (no dispatcher runs here).
        builder.Services.AddSingleton<InclusionNetwork.Grains.Messages.Outbox>();
        builder.Services.AddSingleton<InclusionNetwork.Grains.Messages.EmailComposer>();
        var host = builder.Build();
        await host.StartAsync();
        return new BenchSilo(host);
    }

    /// <summary>A port nothing listens on now; the OS hands out each one once in a while, so two in a row differ.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }
}
