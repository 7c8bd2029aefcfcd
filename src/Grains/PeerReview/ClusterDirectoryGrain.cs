using InclusionNetwork.Grains.Accounts;
using InclusionNetwork.Grains.Common;
using InclusionNetwork.Grains.Leaders;
using InclusionNetwork.Grains.TermDates;
using Orleans;

namespace InclusionNetwork.Grains.PeerReview;

/// <summary>
/// Creates clusters of one academic year, one at a time per silo; the database's unique
/// indexes keep the year's rules when several silos create at once.
/// </summary>
public sealed class ClusterDirectoryGrain(ClusterStore store, DomainClock clock) : Grain, IClusterDirectoryGrain
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
        if (!AcademicYear.TryParse(this.GetPrimaryKeyString(), out var year))
        {
            return CommandResult<Cluster>.Failure(DomainError.Invalid("Write the academic year like 2026/27.", "input", "academicYear"));
        }
        if (!PeerReviewYears.IsOpen(year.Value, clock))
        {
            // A cluster is a reason to see its schools' staff, so one for a past or far-off year is refused outright.
            var open = PeerReviewYears.Open(clock);
            return CommandResult<Cluster>.Failure(new DomainError(PeerReviewErrorCodes.AcademicYearNotOpen,
                $"Clusters can be created only for {open[0]} or {open[1]}, not {year.Value}.", ["input", "academicYear"]));
        }
        var created = await store.CreateAsync(this.GetPrimaryKeyString(), name, leaderId, memberUrns);
        if (created.Succeeded)
        {
            // The cluster is one more the leader leads: in their diary from now on.
            await GrainFactory.TellAsync(leaderId);
        }
        return created;
    }
}
