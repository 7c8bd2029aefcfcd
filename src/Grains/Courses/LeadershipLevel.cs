namespace InclusionNetwork.Grains.Courses;

/// <summary>Levels of the Inclusion Leader Development Programme.</summary>
public enum LeadershipLevel { MIDDLE, SENIOR, HEADTEACHER_EXECUTIVE }
