using Orleans;

namespace InclusionNetwork.Grains.PeerReview;

/// <summary>An action as a report submits it.</summary>
[GenerateSerializer, Immutable]
public sealed record NewReviewAction(string Description, DateOnly? DueDate);
