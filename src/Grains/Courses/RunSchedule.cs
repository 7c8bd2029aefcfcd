using Orleans;

namespace InclusionNetwork.Grains.Courses;

/// <summary>What a provider gives to publish a run (the contract's ScheduleRunInput).</summary>
[GenerateSerializer, Immutable]
public sealed record RunSchedule(
    IReadOnlyList<(DateTimeOffset StartsAt, DateTimeOffset EndsAt)> Sessions,
    string? Venue,
    string? DistrictId,
    int Capacity,
    int? MaxPlacesPerSchool,
    DateTimeOffset? BookingClosesAt);
