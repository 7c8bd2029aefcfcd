using Orleans;

namespace InclusionNetwork.Grains.PeerReview;

/// <summary>A cluster's review cycle for its academic year: one visit per member school.</summary>
[GenerateSerializer, Immutable]
public sealed record ReviewCycle(long Id, long ClusterId, string AcademicYear, DateTimeOffset? PlannedAt);
