using Orleans;

namespace InclusionNetwork.Grains.PeerReview;

/// <summary>One action of a report's plan.</summary>
[GenerateSerializer, Immutable]
public sealed record ReviewAction(long Id, long VisitId, string Description, DateOnly? DueDate, ActionStatus Status);
