namespace InclusionNetwork.Grains.PeerReview;

public enum ActionStatus { NOT_STARTED, IN_PROGRESS, IMPLEMENTED }
