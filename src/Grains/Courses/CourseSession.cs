namespace InclusionNetwork.Grains.Courses;

/// <summary>One dated session of a run.</summary>
public sealed record CourseSession(long Id, long RunId, DateTimeOffset StartsAt, DateTimeOffset EndsAt, int Sequence);
