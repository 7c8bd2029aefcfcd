using Orleans;

namespace InclusionNetwork.Grains.PeerReview;

/// <summary>
/// A visit's life, as the contract gives it: PROPOSED -> CONFIRMED -> COMPLETED -> REPORTED
/// -> FOLLOWED_UP; CANCELLED at any point before COMPLETED.
/// </summary>
[GenerateSerializer]
public enum VisitStatus { PROPOSED, CONFIRMED, COMPLETED, REPORTED, FOLLOWED_UP, CANCELLED }
