using InclusionNetwork.Grains.Accounts;
using InclusionNetwork.Grains.Common;
using Orleans;

namespace InclusionNetwork.Grains.PeerReview;

/// <summary>One cluster, keyed by its id: its name, leader and members change here.</summary>
public interface IClusterGrain : IGrainWithIntegerKey
{
    Task<CommandResult<Cluster>> UpdateAsync(Viewer viewer, ClusterChange change);
}
