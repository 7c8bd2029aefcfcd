using InclusionNetwork.Grains.Common;

namespace InclusionNetwork.Grains.PeerReview;

/// <summary>
/// A whole plan, or why there is none (never a partial plan).
/// <see cref="Spread"/> is the fairness measure: the largest minus the smallest number of
/// visits any member school sends reviewers to over the cycle; a plan always has it at most 1.
/// </summary>
public sealed record PlanningOutcome(IReadOnlyList<PlannedVisit>? Visits, DomainError? Failure, int Spread, long AssignmentsTried)
{
    public bool Succeeded => Visits is not null;
}
