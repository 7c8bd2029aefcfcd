using Orleans;

namespace InclusionNetwork.Grains.Courses;

/// <summary>Levels of the Inclusion Leader Development Programme.</summary>
[GenerateSerializer]
public enum LeadershipLevel { MIDDLE, SENIOR, HEADTEACHER_EXECUTIVE }
