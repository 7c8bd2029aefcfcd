using InclusionNetwork.Grains.Accounts;
using InclusionNetwork.Grains.Common;
using Orleans;

namespace InclusionNetwork.Grains.PeerReview;

/// <summary>A cluster's review cycle, keyed by the cluster's id: where the cycle is planned.</summary>
public interface IReviewCycleGrain : IGrainWithIntegerKey
{
    Task<CommandResult<ReviewCycle>> PlanAsync(Viewer viewer, string academicYear, IReadOnlyCollection<DateOnly> avoidDates);
}
