namespace InclusionNetwork.Grains.Uptake;

/// <summary>Peer review in one group of open schools; the contract's <c>PeerReviewUptake</c>.</summary>
public sealed record PeerReviewUptake(
    string Group,
    int Schools,
    int SchoolsInCluster,
    int SchoolsReviewed,
    int SchoolsImplementingActions,
    int SchoolsActivelyParticipating = 0)
{
    public double? ParticipationRate => Rate.Of(SchoolsInCluster, Schools);

    public double? CoverageRate => Rate.Of(SchoolsReviewed, Schools);

    public double? ActiveParticipationRate => Rate.Of(SchoolsActivelyParticipating, Schools);

    public double? ImplementingRate => Rate.Of(SchoolsImplementingActions, SchoolsReviewed);
}
