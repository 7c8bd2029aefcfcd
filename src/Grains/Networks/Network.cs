using Orleans;

namespace InclusionNetwork.Grains.Networks;

/// <summary>A network series: who belongs, and how often it meets (an RRULE, or one-off meetings).</summary>
[GenerateSerializer, Immutable]
public sealed record Network(
    long Id,
    string Name,
    NetworkKind Kind,
    string? DistrictId,
    long? ClusterId,
    long? OrganiserLeaderId,
    string? Recurrence,
    DateTimeOffset? FirstStartsAt,
    int? DurationMinutes,
    string? Location,
    IReadOnlyList<string> MemberUrns,
    int Version);
