using InclusionNetwork.Grains.Accounts;
using InclusionNetwork.Grains.Schools;

namespace InclusionNetwork.Grains.PeerReview;

/// <summary>The contract lets a school's peer-review cluster leader see its staff (to choose reviewers).</summary>
public sealed class ClusterLeaderStaffVisibilityRule(PeerReviewQueries queries) : IStaffVisibilityRule
{
    public async ValueTask<bool> AllowsAsync(Viewer viewer, string schoolUrn, CancellationToken cancellationToken) =>
        viewer.Has(Role.LEADER) && viewer.LeaderId is { } leaderId && await queries.LeadsClusterOfSchoolAsync(leaderId, schoolUrn, cancellationToken);
}
