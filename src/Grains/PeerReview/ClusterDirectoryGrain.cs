using InclusionNetwork.Grains.Accounts;
using InclusionNetwork.Grains.Common;
using InclusionNetwork.Grains.TermDates;
using Orleans;

namespace InclusionNetwork.Grains.PeerReview;

/// <summary>
/// Creates clusters of one academic year, one at a time per silo; the database's unique
/// indexes keep the year's rules when several silos create at once.
/// </summary>
public sealed class ClusterDirectoryGrain(ClusterStore store) : Grain, IClusterDirectoryGrain
{
    public async Task<CommandResult<Cluster>> CreateClusterAsync(Viewer viewer, string name, long? leaderId, IReadOnlyList<string> memberUrns)
    {
        if (!viewer.IsAdmin && !viewer.Has(Role.LEADER))
        {
            return CommandResult<Cluster>.Failure(DomainError.NotAllowed("Only admins and inclusion leaders may create clusters."));
        }
        if (!viewer.IsAdmin)
        {
            // A leader creates clusters they lead themselves.
            if (leaderId is { } other && other != viewer.LeaderId)
            {
                return CommandResult<Cluster>.Failure(DomainError.NotAllowed("A leader may create only clusters they lead themselves."));
            }
            leaderId = viewer.LeaderId;
        }
        if (!AcademicYear.TryParse(this.GetPrimaryKeyString(), out _))
        {
            return CommandResult<Cluster>.Failure(DomainError.Invalid("Write the academic year like 2026/27.", "input", "academicYear"));
        }
        return await store.CreateAsync(this.GetPrimaryKeyString(), name, leaderId, memberUrns);
    }
}
