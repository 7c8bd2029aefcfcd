using Orleans;

namespace InclusionNetwork.Grains.Networks;

/// <summary>
/// A network series as <c>createNetwork</c> gives it. <see cref="MeetingStarts"/> are explicit
/// dates (a "termly" series) used instead of, or besides, a recurrence.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record NewNetwork(
    string Name,
    NetworkKind Kind,
    string? DistrictId,
    IReadOnlyList<string> MemberUrns,
    string? Recurrence,
    DateTimeOffset? FirstStartsAt,
    int? DurationMinutes,
    string? Location,
    IReadOnlyList<DateTimeOffset> MeetingStarts,
    long? ClusterId = null,
    long? OrganiserLeaderId = null,
    IReadOnlyList<long>? OrganiserAccountIds = null);
