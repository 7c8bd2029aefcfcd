namespace InclusionNetwork.Grains.Schools;

/// <summary>One page of a school listing, ordered by name then URN, with the size of the whole listing.</summary>
public sealed record SchoolPage(IReadOnlyList<School> Schools, bool HasNextPage, int TotalCount);
