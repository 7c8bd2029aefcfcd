using InclusionNetwork.Grains.Accounts;
using InclusionNetwork.Grains.Common;
using Orleans;

namespace InclusionNetwork.Grains.PeerReview;

/// <summary>The clusters of one academic year (keyed "2026/27"): where a cluster is created.</summary>
public interface IClusterDirectoryGrain : IGrainWithStringKey
{
    Task<CommandResult<Cluster>> CreateClusterAsync(Viewer viewer, string name, long? leaderId, IReadOnlyList<string> memberUrns);
}
