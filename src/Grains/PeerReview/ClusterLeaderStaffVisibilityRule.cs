using InclusionNetwork.Grains.Accounts;
using InclusionNetwork.Grains.Common;
using InclusionNetwork.Grains.Schools;

namespace InclusionNetwork.Grains.PeerReview;

/// <summary>
/// The contract lets a school's peer-review cluster leader see its staff (to choose
/// reviewers), but only through clusters of the years peer review is open for (the current
/// and the next academic year): a cluster of a past or far-off year grants nothing.
/// </summary>
public sealed class ClusterLeaderStaffVisibilityRule(PeerReviewQueries queries, DomainClock clock) : IStaffVisibilityRule
{
    private static readonly IReadOnlySet<string> None = new HashSet<string>();

    public async Task<IReadOnlySet<string>> AllowedSchoolsAsync(Viewer viewer, IReadOnlyCollection<string> schoolUrns, CancellationToken cancellationToken)
    {
        if (!viewer.Has(Role.LEADER) || viewer.LeaderId is not { } leaderId)
        {
            return None;
        }
        var years = PeerReviewYears.Open(clock).Select(y => y.ToString()).ToArray();
        return await queries.SchoolsInClustersLedByAsync(leaderId, schoolUrns, years, cancellationToken);
    }
}
