using Orleans;

namespace InclusionNetwork.Grains.Bookings;

/// <summary>How far what was learnt has been put into practice, at follow-up.</summary>
[GenerateSerializer]
public enum Implementation { NOT_YET, PARTLY, FULLY }
