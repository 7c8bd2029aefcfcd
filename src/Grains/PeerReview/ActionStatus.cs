using Orleans;

namespace InclusionNetwork.Grains.PeerReview;

[GenerateSerializer]
public enum ActionStatus { NOT_STARTED, IN_PROGRESS, IMPLEMENTED }
