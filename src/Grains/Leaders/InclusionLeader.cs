namespace InclusionNetwork.Grains.Leaders;

/// <summary>An Inclusion Leader of Education: works from a home school and leads at most <see cref="MaxClusters"/> clusters a year.</summary>
public sealed record InclusionLeader(long Id, string Name, string Email, string? SchoolUrn, int MaxClusters);
