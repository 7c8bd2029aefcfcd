using InclusionNetwork.Grains.Accounts;
using InclusionNetwork.Grains.Common;
using Orleans;

namespace InclusionNetwork.Grains.PeerReview;

/// <summary>
/// Changes a cluster: reads it, checks who may change it, then writes with a version check;
/// when another silo wrote first it reads again and retries once.
/// </summary>
public sealed class ClusterGrain(ClusterStore store) : Grain, IClusterGrain
{
    public async Task<CommandResult<Cluster>> UpdateAsync(Viewer viewer, ClusterChange change)
    {
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var cluster = await store.LoadAsync(this.GetPrimaryKeyLong());
            if (cluster is null)
            {
                return CommandResult<Cluster>.Failure(DomainError.NotFound("No cluster has that id.", "input", "clusterId"));
            }
            if (!PeerReviewAccess.MayManage(viewer, cluster))
            {
                return CommandResult<Cluster>.Failure(DomainError.NotAllowed("Only admins and the cluster's leader may change it."));
            }
            if (change.SetLeader && !viewer.IsAdmin && change.LeaderId is null)
            {
                return CommandResult<Cluster>.Failure(DomainError.NotAllowed("Only admins may leave a cluster without a leader."));
            }
            if (await store.UpdateAsync(cluster, change) is { } result)
            {
                return result;
            }
        }
        return CommandResult<Cluster>.Failure(new DomainError(ErrorCodes.Conflict, "The cluster was changed by someone else at the same time; try again."));
    }
}
