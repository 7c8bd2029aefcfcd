using Orleans;

namespace InclusionNetwork.Grains.Courses;

/// <summary>One dated session of a run.</summary>
[GenerateSerializer, Immutable]
public sealed record CourseSession(long Id, long RunId, DateTimeOffset StartsAt, DateTimeOffset EndsAt, int Sequence);
