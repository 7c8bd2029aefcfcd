using System.Net;

namespace InclusionNetwork.Silo.Cluster;

/// <summary>
/// The <c>Cluster</c> configuration section (Orleans reserves the <c>Orleans</c> section for
/// its own binding). Silos with the same database, <see cref="ClusterId"/> and
/// <see cref="ServiceId"/> form one cluster; each needs its own ports on one machine.
/// </summary>
public sealed class ClusterSettings
{
    public const string Section = "Cluster";

    /// <summary>Names this deployment; silos of other deployments on the same database ignore it.</summary>
    public string ClusterId { get; set; } = "inclusion-network";

    /// <summary>Names the service across deployments: reminders and grain state are kept under it.</summary>
    public string ServiceId { get; set; } = "inclusion-network";

    /// <summary>Silo-to-silo traffic.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Orleans clients' gateway (the dashboard and tools; the web app calls grains in process).</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>
    /// The address other silos reach this one on. Loopback on the embedded database, which only
    /// this machine can use; otherwise this machine's first non-loopback IPv4 address.
    /// </summary>
    public string? AdvertisedAddress { get; set; }

    /// <summary>How often each silo probes others; with <see cref="MissedProbesLimit"/>, how soon a dead silo is noticed.</summary>
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Missed probes in a row after which a silo is suspected.</summary>
    public int MissedProbesLimit { get; set; } = 2;

    /// <summary>How long a grain call waits for its answer before failing.</summary>
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public IPAddress ResolveAdvertisedAddress(bool embeddedDatabase)
    {
        if (!string.IsNullOrWhiteSpace(AdvertisedAddress))
        {
            return IPAddress.Parse(AdvertisedAddress);
        }
        if (embeddedDatabase)
        {
            return IPAddress.Loopback;
        }
        return Dns.GetHostAddresses(Dns.GetHostName())
            .FirstOrDefault(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && !IPAddress.IsLoopback(a))
            ?? IPAddress.Loopback;
    }
}
