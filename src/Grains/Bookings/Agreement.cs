using Orleans;

namespace InclusionNetwork.Grains.Bookings;

/// <summary>An evaluation's answer to a statement.</summary>
[GenerateSerializer]
public enum Agreement { STRONGLY_DISAGREE, DISAGREE, NEUTRAL, AGREE, STRONGLY_AGREE }
