namespace InclusionNetwork.Grains.Courses;

/// <summary>A run's state as clients see it; COMPLETED is derived from its end having passed.</summary>
public enum RunStatus { SCHEDULED, CANCELLED, COMPLETED }
