using Orleans;

namespace InclusionNetwork.Grains.Leaders;

/// <summary>
/// An Inclusion Leader of Education: works from a home school and leads at most <see cref="MaxClusters"/>
/// clusters a year. A retired leader keeps their clusters' history and can lead no new cluster.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record InclusionLeader(long Id, string Name, string Email, string? SchoolUrn, int MaxClusters, bool Retired = false);
