using InclusionNetwork.Grains.Accounts;
using InclusionNetwork.Grains.Common;
using InclusionNetwork.Grains.Leaders;
using Orleans;

namespace InclusionNetwork.Grains.PeerReview;

/// <summary>
/// Changes a cluster. Orleans keeps one activation of the cluster, so it reads the cluster once
/// and keeps it: each change checks who may make it on what it holds and writes with the
/// cluster's version check in one transaction. When the write finds the cluster moved on (a
/// duplicate activation while membership changes, or a writer outside the grains), the grain
/// reads it again, checks again and retries once.
/// </summary>
public sealed class ClusterGrain(ClusterStore store) : Grain, IClusterGrain
{
    /// <summary>The cluster as last read or written; null when there is no such cluster (read again on each call).</summary>
    private Cluster? held;

    public override async Task OnActivateAsync(CancellationToken cancellationToken) =>
        held = await store.LoadAsync(this.GetPrimaryKeyLong());

    public async Task<CommandResult<Cluster>> UpdateAsync(Viewer viewer, ClusterChange change)
    {
        for (var attempt = 0; attempt < 2; attempt++)
        {
            if (attempt > 0 || held is null)
            {
                held = await store.LoadAsync(this.GetPrimaryKeyLong());
            }
            if (held is not { } cluster)
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
            // A refused change writes nothing (its transaction is not committed), so what is
            // held still stands; a written one comes back as stored.
            if (await store.UpdateAsync(cluster, change) is { } result)
            {
                held = result.Value ?? held;
                if (result.Succeeded)
                {
                    // A new leader, or members leaving with their proposed visits, changes leaders' diaries.
                    await GrainFactory.TellAsync(cluster.LeaderId, result.Value!.LeaderId);
                }
                return result;
            }
        }
        return CommandResult<Cluster>.Failure(new DomainError(ErrorCodes.Conflict, "The cluster was changed by someone else at the same time; try again."));
    }
}
