using Orleans;

namespace InclusionNetwork.Grains.Leaders;

/// <summary>
/// What <c>updateInclusionLeader</c> changes; null fields are left alone. Admins may change
/// anything; the leader only their own unavailable dates.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record LeaderChange(
    bool SchoolUrnGiven,
    string? SchoolUrn,
    int? MaxClusters,
    IReadOnlyList<DateOnly> AddUnavailableDates,
    IReadOnlyList<DateOnly> RemoveUnavailableDates,
    bool? Retired)
{
    public bool ChangesMoreThanDates => SchoolUrnGiven || MaxClusters is not null || Retired is not null;
}
